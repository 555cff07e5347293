import { describe, expect, it } from 'vitest'
import { aowAgeByYear } from '../../shared/parameters/aow-age'
import { minimumWageMonthly } from '../../shared/parameters/minimum-wage'
import { minimumWageOn, parameterHash, resolveScenario, scenarioIdsAvailable, sourcedParameters } from '../../shared/parameters/resolve'
import { defaultScenarioId, scenarioDefinitions } from '../../shared/parameters/scenarios'
import { sourceDocuments, type SourceDocument } from '../../shared/parameters/sources'
import { missingLabels, unsourcedParameters, unsourcedRows } from '../../shared/parameters/validate'
import { Money } from '../../shared/money'
import { parseClientCase, scenarioIds } from '../../shared/schema/case'

describe('parameter sets: every value has a source', () => {
  it.each(scenarioIds)('%s: every parameter is sourced and known', (id) => {
    const parameters = resolveScenario(id)
    expect(unsourcedParameters(parameters)).toEqual([])
  })

  it.each(scenarioIds)('%s: a value from a secondary source is flagged uncertain', (id) => {
    for (const [name, value] of sourcedParameters(resolveScenario(id))) {
      if (sourceDocuments[value.cite.source].kind === 'secondary') expect(value.uncertain, `${id}.${name}`).toBeTruthy()
    }
  })

  it.each(scenarioIds)('%s: the absolute criterion comes with benefit only at full disability (one decision)', (id) => {
    const parameters = resolveScenario(id)
    if (parameters.criterion.value === 'absolute-wml') expect(parameters.partialBenefit.value).toBe('full-only')
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

  it('every source document has a short name (Dutch and English), a title and a date; parliamentary papers and laws their public address', () => {
    for (const document of Object.values(sourceDocuments) as SourceDocument[]) {
      expect(document.short.length).toBeGreaterThan(3)
      // English output names the document in English (advise --lang en).
      expect(document.shortEn, document.key).toBeTruthy()
      expect(document.shortEn).not.toBe(document.short)
      expect(document.title.length).toBeGreaterThan(10)
      expect(document.date).toMatch(/^\d{4}(-\d{2}-\d{2})?$/)
      if (document.reference?.startsWith('Kamerstukken')) expect(document.url).toMatch(/^https:\/\/zoek\.officielebekendmakingen\.nl\/kst-/)
      if (document.url !== undefined) expect(document.url).toMatch(/^https:\/\//)
    }
  })
})

describe('bill versions are overlays', () => {
  it('the schema and the parameter data know the same versions', () => {
    expect(scenarioIdsAvailable().sort()).toEqual([...scenarioIds].sort())
  })

  it('every version is named in Dutch and English', () => {
    expect(missingLabels(scenarioDefinitions)).toEqual([])
  })

  it('the check fails on a version without its English name', () => {
    const withoutEnglish = { ...scenarioDefinitions.at(-1)!, id: 'zonder-engels', shortLabel: { nl: 'Zonder Engels' } }
    expect(missingLabels([withoutEnglish])).toEqual(['zonder-engels: shortLabel ontbreekt in het Engels'])
  })

  it('a version added as data is known to the case schema at once (as a parameter pack would add it)', () => {
    const pack = { id: 'test-pakket', label: { nl: 'Test', en: 'Test' }, shortLabel: { nl: 'Test', en: 'Test' }, extends: 'tweede-kamer-2026', verifiedThrough: '2026-11-30' }
    scenarioDefinitions.push(pack)
    try {
      expect(parseClientCase({ schemaVersion: 1, scenario: 'test-pakket', calculationYear: 2030, client: { name: 'A', birthDate: '1980-01-01', role: 'ib-ondernemer' }, income: [{ year: 2029, profit: 1 }], disability: { age: 50, degree: 1 } }).ok).toBe(true)
      expect(resolveScenario('test-pakket').premiumMaximum.value).toEqual({ monthly: '171', wmlYear: 2025 })
    } finally {
      scenarioDefinitions.splice(scenarioDefinitions.indexOf(pack), 1)
    }
  })

  it('tweede-kamer-2026 extends raad-van-state-2025, is the default, and each changed value cites the news item of 13 March 2026 or a flagged secondary source', () => {
    const own = scenarioDefinitions.find((definition) => definition.id === 'tweede-kamer-2026')!
    expect(own.extends).toBe('raad-van-state-2025')
    expect(defaultScenarioId).toBe('tweede-kamer-2026')
    for (const [, value] of sourcedParameters(own as never)) expect(value.uncertain).toBeTruthy()
    expect(resolveScenario('tweede-kamer-2026').premiumMaximum.cite.source).toBe('RO-2026-03-13')
  })

  it('a version overrides only what changed and inherits the rest with its source', () => {
    const mkb = resolveScenario('mkb-toets-2024')
    const consultatie = resolveScenario('consultatie-2024')
    const rvs = resolveScenario('raad-van-state-2025')
    expect(rvs.earningsOffset.cite).toBe(mkb.earningsOffset.cite)
    expect(rvs.capFactor.cite).toBe(consultatie.capFactor.cite)
    expect(rvs.criterion.cite).toBe(consultatie.criterion.cite)
    const own = scenarioDefinitions.find((definition) => definition.id === 'raad-van-state-2025')!
    expect(Object.keys(own).length).toBeLessThan(Object.keys(mkb).length)
  })

  it.each([
    { version: 'mkb-toets-2024', rate: '0.08', cap: '1.43', waitingDays: 364, franchise: false, switchRule: 'any-moment' },
    { version: 'consultatie-2024', rate: '0.065', cap: '1.4286', waitingDays: 365, franchise: false, switchRule: 'any-moment' },
    { version: 'raad-van-state-2025', rate: '0.054', cap: '1.4286', waitingDays: 730, franchise: true, switchRule: 'first-of-january' },
    { version: 'tweede-kamer-2026', rate: '0.054', cap: '1.4286', waitingDays: 730, franchise: true, switchRule: 'first-of-january' },
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
