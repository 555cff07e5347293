import { describe, expect, it } from 'vitest'
import { aowAgeByYear } from '../../shared/parameters/aow-age'
import { minimumWageMonthly } from '../../shared/parameters/minimum-wage'
import { minimumWageOn, parameterHash, resolveScenario, scenarioIdsAvailable } from '../../shared/parameters/resolve'
import { scenarioDefinitions } from '../../shared/parameters/scenarios'
import { sourceDocuments } from '../../shared/parameters/sources'
import { unsourcedParameters, unsourcedRows } from '../../shared/parameters/validate'
import { Money } from '../../shared/money'
import { scenarioIds } from '../../shared/schema/case'

describe('parameter sets: every value has a source', () => {
  it.each(scenarioIds)('%s: every parameter is sourced, dated and known', (id) => {
    const parameters = resolveScenario(id)
    expect(unsourcedParameters(parameters)).toEqual([])
    for (const [, value] of Object.entries(parameters)) {
      if (typeof value === 'object' && value !== null && 'cite' in value) expect((value as { effectiveFrom?: string }).effectiveFrom).toBe(`${parameters.startYear.value}-01-01`)
    }
  })

  it('the dated tables (WML, AOW age) cite a source on every row', () => {
    expect(unsourcedRows('minimumWageMonthly', minimumWageMonthly)).toEqual([])
    expect(unsourcedRows('aowAgeByYear', aowAgeByYear)).toEqual([])
  })

  it('the check fails on a value without a source', () => {
    const broken = { ...resolveScenario('raad-van-state-2025'), premiumRate: { value: '0.05' } } as unknown as Record<string, unknown>
    expect(unsourcedParameters(broken)).toContain('raad-van-state-2025.premiumRate: geen bron')
    const unknownSource = { ...resolveScenario('raad-van-state-2025'), capFactor: { value: '1.5', cite: { source: 'BLOG', locator: 'x' } } } as unknown as Record<string, unknown>
    expect(unsourcedParameters(unknownSource)).toContain('raad-van-state-2025.capFactor: onbekende bron BLOG')
    expect(unsourcedRows('t', [{ from: '2030-01-01', value: 1, cite: { source: 'KB-2025', locator: '' } }])).toEqual(['t[0]: bron zonder vindplaats'])
  })

  it('every source document has a short name, a title and a date', () => {
    for (const document of Object.values(sourceDocuments)) {
      expect(document.short.length).toBeGreaterThan(3)
      expect(document.title.length).toBeGreaterThan(10)
      expect(document.date).toMatch(/^\d{4}(-\d{2}-\d{2})?$/)
    }
  })
})

describe('bill versions are overlays', () => {
  it('the schema and the parameter data know the same versions', () => {
    expect(scenarioIdsAvailable().sort()).toEqual([...scenarioIds].sort())
  })

  it('a version overrides only what changed and inherits the rest with its source', () => {
    const mkb = resolveScenario('mkb-toets-2024')
    const consultatie = resolveScenario('consultatie-2024')
    const rvs = resolveScenario('raad-van-state-2025')
    expect(rvs.earningsOffset.cite).toBe(mkb.earningsOffset.cite)
    expect(rvs.capFactor.cite).toBe(consultatie.capFactor.cite)
    expect(rvs.criterion.cite).toBe(consultatie.criterion.cite)
    expect(rvs.earningsOffset.effectiveFrom).toBe('2030-01-01')
    expect(mkb.earningsOffset.effectiveFrom).toBe('2027-01-01')
    const own = scenarioDefinitions.find((definition) => definition.id === 'raad-van-state-2025')!
    expect(Object.keys(own).length).toBeLessThan(Object.keys(mkb).length)
  })

  it.each([
    { version: 'mkb-toets-2024', rate: '0.08', cap: '1.43', waitingDays: 364, franchise: false, switchRule: 'any-moment' },
    { version: 'consultatie-2024', rate: '0.065', cap: '1.4286', waitingDays: 365, franchise: false, switchRule: 'any-moment' },
    { version: 'raad-van-state-2025', rate: '0.054', cap: '1.4286', waitingDays: 730, franchise: true, switchRule: 'first-of-january' },
  ])('$version: rate $rate, cap $cap × WML, waiting $waitingDays days, franchise $franchise, switch $switchRule', (row) => {
    const parameters = resolveScenario(row.version)
    expect(parameters.premiumRate.value).toBe(row.rate)
    expect(parameters.capFactor.value).toBe(row.cap)
    expect(parameters.waitingDays.value).toBe(row.waitingDays)
    expect(parameters.franchise.value.enabled).toBe(row.franchise)
    expect(parameters.switchRule.value).toBe(row.switchRule)
  })

  it('the parameter hash is stable per version and differs between versions', () => {
    expect(parameterHash('raad-van-state-2025')).toMatch(/^[0-9a-f]{64}$/)
    expect(parameterHash('raad-van-state-2025')).toBe(parameterHash('raad-van-state-2025'))
    expect(parameterHash('raad-van-state-2025')).not.toBe(parameterHash('consultatie-2024'))
  })
})

describe('minimum wage by date', () => {
  const zeroIndexation = new Money(0)
  it.each([
    { date: '2023-03-01', monthly: 1934.4, projected: false },
    { date: '2023-07-01', monthly: 1995, projected: false },
    { date: '2025-06-30', monthly: 2191.8, projected: false },
    { date: '2025-07-01', monthly: 2245.8, projected: false },
    { date: '2026-03-01', monthly: 2294.4, projected: false },
  ])('$date: € $monthly per month', ({ date, monthly, projected }) => {
    const lookup = minimumWageOn(date, zeroIndexation)
    expect(lookup.value.toNumber()).toBe(monthly)
    expect(lookup.projected).toBe(projected)
  })

  it('after the last known row the WML grows with the indexation per half-year and is marked projected', () => {
    const half = minimumWageOn('2026-07-01', new Money('0.02'))
    expect(half.projected).toBe(true)
    expect(half.value.toNumber()).toBe(new Money('2294.40').times(new Money('1.02').sqrt()).toDecimalPlaces(2).toNumber())
    const year = minimumWageOn('2027-01-01', new Money('0.02'))
    expect(year.value.toNumber()).toBe(2340.29)
  })
})
