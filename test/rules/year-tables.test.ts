/**
 * The per-year tables of a calculation (profit, WML, maximum base), built once when it starts, and
 * the WML that calculations share: a parameter pack that changes the minimum wage is used by the
 * very next calculation in the same process, and a rollback brings the built-in figures back.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { setParameterUpdate, type ParameterUpdate } from '../../shared/parameters/update'
import { advise } from '../../shared/rules/advise'
import { createContext } from '../../shared/rules/context'
import { makeCase } from './helpers'

afterEach(() => setParameterUpdate(null))

/** A pack with one minimum wage row: € 3.000,00 a month from 1 January 2030, known through 2030. */
const pack: ParameterUpdate = {
  id: 'test-2030',
  label: 'Testpakket 2030',
  publishedAt: '2029-12-01',
  scenarios: {},
  minimumWageMonthly: [{ from: '2030-01-01', value: '3000.00', cite: { source: 'WML-2026-01', locator: 'testrij' } }],
  minimumWageVerifiedThrough: '2030-12-31',
  aowAgeByYear: [],
  sources: [],
}

describe('year tables', () => {
  it('a pack that changes the minimum wage changes the very next calculation in the same process, and a rollback undoes it', () => {
    const clientCase = makeCase({ calculationYear: 2030, scenario: 'raad-van-state-2025' })
    const before = advise(clientCase).wml
    expect(before.projected).toBe(true)
    setParameterUpdate(pack)
    const after = advise(clientCase).wml
    expect(after.monthly).toBe(3000)
    expect(after.projected).toBe(false)
    setParameterUpdate(null)
    expect(advise(clientCase).wml).toEqual(before)
  })

  it('hold every year from the averaging years before the calculation year to the AOW year, with profit grown after the last entered year', () => {
    // Born 17 May 1984: AOW date 17 August 2051; profits 2027–2029, 2 % growth.
    const context = createContext(makeCase({ assumptions: { profitGrowth: 0.02 } }))
    expect(context.years.firstYear).toBe(2030 - context.parameters.averagingYears.value)
    expect(context.years.lastYear).toBe(2051)
    expect(context.years.income(2029)).toMatchObject({ origin: 'entered' })
    expect(context.years.income(2031).profit.toString()).toBe('54100.8') // 52.000 × 1,02²
    expect(context.years.income(2031)).toMatchObject({ origin: 'projected', fromYear: 2029 })
    // The same year is the same figure, not worked out again.
    expect(context.years.wml(2040)).toBe(context.years.wml(2040))
    expect(context.years.wml(2040).cap.toString()).toBe(context.years.wml(2040).annual.times(context.capFactor).toDecimalPlaces(2).toString())
  })
})
