/**
 * The defects of the rules review (issue "Rules you can defend"), each with its own numbers. Every
 * test here failed before its fix.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveScenario } from '../../shared/parameters/resolve'
import { advise } from '../../shared/rules/advise'
import { parseClientCase, type ClientCaseInput } from '../../shared/schema/case'
import type { AdviceResult } from '../../shared/schema/result'
import { baseCase, goodPolicy, makeCase } from './helpers'

const optionOf = (result: AdviceResult, id: string) => result.options.find((option) => option.id === id)!
const starter = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/cases/starter.json'), 'utf8')) as ClientCaseInput

describe('1. AOW age reached during the calculation year', () => {
  // Born 10 April 1963: AOW age 67 years and 3 months (2028–2031), so the AOW date is 10 July 2030.
  const result = advise(
    makeCase({
      client: { birthDate: '1963-04-10' },
      income: [
        { year: 2029, profit: 36000, wiaWage: 0 },
        { year: 2030, profit: 36000, wiaWage: 0 },
      ],
      disability: { age: 67 },
    }),
  )
  const baz = optionOf(result, 'baz')

  it('charges the premium for the 190 days before the AOW date: 5,4 % × € 36.000 × 190/365 = € 1.011,95', () => {
    expect(result.client.aowDate).toBe('2030-07-10')
    expect(baz.available).toBe(true)
    expect(baz.premium.base).toBe(36000)
    expect(baz.premium.annual).toBe(1011.95)
    expect(baz.premium.netAnnual).toBe(637.53)
  })

  it('shows the part-year in the projection and the totals, marked as such', () => {
    expect(baz.projection).toHaveLength(1)
    expect(baz.projection[0]).toMatchObject({ year: 2030, premium: 1011.95, partYear: { until: '2030-07-10', days: 190, daysInYear: 365 } })
    expect(baz.totals.premium).toBe(1011.95)
  })

  it('prints the pro-rata rule as a sourced assumption', () => {
    const note = result.assumptions.find((assumption) => assumption.id === 'aow-year-part')
    expect(note?.text).toContain('190 van de 365 dagen')
    expect(note?.sources[0]?.locator).toContain('vraag 9')
  })
})

describe('2. "Premie tot de AOW" includes the AOW year', () => {
  const parsed = parseClientCase(starter)
  if (!parsed.ok) throw new Error('starter case invalid')
  const result = advise(parsed.value)

  it('the starter sample pays January to 16 August 2051: 5,4 % × € 52.000 × 228/365 = € 1.754,04', () => {
    const baz = optionOf(result, 'baz')
    const last = baz.projection.at(-1)!
    expect(result.client.aowDate).toBe('2051-08-17')
    expect(last).toMatchObject({ year: 2051, publicPremium: 1754.04, partYear: { days: 228, daysInYear: 365 } })
    const sum = baz.projection.reduce((total, year) => total + Math.round(year.premium * 100), 0) / 100
    expect(baz.totals.premium).toBe(sum)
  })

  it('a private policy to the AOW age pays the same part: € 3.100 × 228/365 = € 1.936,44', () => {
    const optOut = optionOf(result, 'opt-out')
    expect(optOut.projection.at(-1)).toMatchObject({ year: 2051, privatePremium: 1936.44, publicPremium: 0 })
  })
})

describe('3. The illustration never blocks the advice', () => {
  it('a client born in 1955 (past the AOW age in 2030) gets the comparison, with a note instead of an error', () => {
    const parsed = parseClientCase({ ...baseCase, client: { ...baseCase.client, birthDate: '1955-03-01' }, disability: { age: 50, degree: 1 } })
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const result = advise(parsed.value)
    expect(result.options).toHaveLength(5)
    expect(optionOf(result, 'baz').illustration.notes.join(' ')).toContain('vóór het rekenjaar 2030')
  })

  it('a first day of illness before the calculation year: premiums computed, no benefit, a note', () => {
    const result = advise(makeCase({ disability: { age: 40, degree: 1 } }))
    const baz = optionOf(result, 'baz')
    expect(baz.premium.annual).toBe(optionOf(advise(makeCase()), 'baz').premium.annual)
    expect(baz.premium.annual).toBeGreaterThan(0)
    expect(baz.illustration.annualBenefit).toBe(0)
    expect(baz.illustration.gapAmount).toBe(0)
    expect(baz.illustration.notes[0]).toContain('de illustratie is niet van toepassing')
  })

  it('someone born 76 years before the calculation year is a valid case', () => {
    expect(parseClientCase({ ...baseCase, client: { ...baseCase.client, birthDate: '1954-06-01' }, disability: { age: 75, degree: 1 } }).ok).toBe(true)
  })
})

describe('4. No private premium before the policy starts', () => {
  const quote = { ...goodPolicy, startDate: '2033-06-15' }

  it('raad-van-state-2025: premium from 15 June 2033 (200 days: € 1.698,63), the opt-out from 1 January 2034', () => {
    const result = advise(makeCase({ privateQuote: quote }))
    const optOut = optionOf(result, 'opt-out')
    const baz = optionOf(result, 'baz')
    expect(optOut.effectiveFrom).toBe('2034-01-01')
    const year = (y: number) => optOut.projection.find((row) => row.year === y)!
    for (const y of [2030, 2031, 2032]) expect(year(y).privatePremium).toBe(0)
    expect(year(2033).privatePremium).toBe(1698.63)
    expect(year(2034).privatePremium).toBe(3100)
    // The Baz premium is paid until the exemption takes effect.
    expect(year(2033).publicPremium).toBe(baz.projection.find((row) => row.year === 2033)!.publicPremium)
    expect(year(2034).publicPremium).toBe(0)
  })

  it('consultatie-2024 (any moment): the Baz premium of 2033 stops on 15 June, 165 of 365 days', () => {
    const result = advise(makeCase({ scenario: 'consultatie-2024', privateQuote: quote }))
    const optOut = optionOf(result, 'opt-out')
    expect(optOut.effectiveFrom).toBe('2033-06-15')
    const bazYear = optionOf(result, 'baz').projection.find((row) => row.year === 2033)!
    const row = optOut.projection.find((r) => r.year === 2033)!
    expect(row.publicPremium).toBe(Math.round((bazYear.publicPremium * 165 * 100) / 365) / 100)
    expect(row.privatePremium).toBe(1698.63)
  })
})

describe('5. An override is applied or refused, never printed without effect', () => {
  it('a partial-benefit rule under the absolute criterion is refused, naming the field', () => {
    const parsed = parseClientCase({ ...baseCase, assumptions: { ...baseCase.assumptions, parameterOverrides: { partialBenefit: 'proportional' } } })
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.problems).toHaveLength(1)
    expect(parsed.problems[0]!.path).toBe('assumptions.parameterOverrides.partialBenefit')
    expect(parsed.problems[0]!.message).toContain('absolute criterium')
  })

  it('an override equal to the version\'s own value is not printed', () => {
    const result = advise(makeCase({ scenario: 'mkb-toets-2024', assumptions: { premiumRate: 0.08, parameterOverrides: { partialBenefit: 'proportional' } } }))
    expect(result.assumptions.filter((note) => note.kind === 'override')).toEqual([])
  })

  it('an override that changes the rule is applied: 50 % under mkb-toets-2024 with the WIA classes pays 35 % of the base', () => {
    const result = advise(
      makeCase({ scenario: 'mkb-toets-2024', income: [{ year: 2029, profit: 30000, wiaWage: 0 }], assumptions: { parameterOverrides: { partialBenefit: 'wia-classes' } }, disability: { age: 46, degree: 0.5 } }),
    )
    expect(optionOf(result, 'baz').benefit.annualForIllustration).toBe(10500)
    expect(result.assumptions.some((note) => note.id === 'override-partial-benefit')).toBe(true)
  })

  it('every version with the absolute criterion pays only at full disability (one decision in the data)', () => {
    for (const id of ['consultatie-2024', 'raad-van-state-2025']) {
      const parameters = resolveScenario(id)
      if (parameters.criterion.value === 'absolute-wml') expect(parameters.partialBenefit.value).toBe('full-only')
    }
  })
})

describe('6. As if the law applied in the calculation year, for every option alike', () => {
  it('a 2019 policy with calculation year 2025: transitional law from 1 January 2025, no Baz premium meanwhile', () => {
    const result = advise(
      makeCase({
        calculationYear: 2025,
        client: { birthDate: '1980-01-01' },
        income: [{ year: 2024, profit: 45000, wiaWage: 0 }],
        existingPolicy: { ...goodPolicy, startDate: '2019-03-01' },
        disability: { age: 50 },
      }),
    )
    const transitional = optionOf(result, 'transitional')
    expect(transitional.available).toBe(true)
    expect(transitional.effectiveFrom).toBe('2025-01-01')
    expect(transitional.effectiveFrom).toBe(optionOf(result, 'opt-out').effectiveFrom)
    for (const row of transitional.projection.filter((r) => r.year < 2030)) expect(row.publicPremium).toBe(0)
  })
})

describe('7. consultatie-2024: the WML without holiday pay, flagged', () => {
  it('the maximum premium in 2024 is 6,5 % × 142,86 % × 12 × € 2.101,50 = € 2.341,72 a year, € 195,14 a month', () => {
    const result = advise(makeCase({ scenario: 'consultatie-2024', calculationYear: 2024, client: { birthDate: '1980-01-01' }, income: [{ year: 2024, profit: 90000, wiaWage: 0 }] }))
    const baz = optionOf(result, 'baz')
    expect(result.wml.cap).toBe(36026.43)
    expect(baz.premium.annual).toBe(2341.72)
    expect(baz.premium.monthly).toBe(195.14)
    expect(result.assumptions.some((note) => note.id === 'parameter-wmlIncludesHolidayPay' && note.text.includes('€ 195'))).toBe(true)
  })
})

describe('8. Bad input answered as bad input', () => {
  it('a policy start date of 9999-12-31 is refused, naming the field', () => {
    const parsed = parseClientCase({ ...baseCase, existingPolicy: { ...goodPolicy, startDate: '9999-12-31' } })
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problems).toEqual([{ path: 'existingPolicy.startDate', message: 'moet een datum tussen 1900 en 2100 zijn' }])
  })

  it('a case nested 2.000 levels deep is refused without exhausting the stack', () => {
    let nested: unknown = {}
    for (let level = 0; level < 2000; level++) nested = { deeper: nested }
    const parsed = parseClientCase({ ...baseCase, profile: nested })
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) expect(parsed.problems[0]!.message).toContain('te diep genest')
  })
})

describe('9. Smaller defects', () => {
  it('a year between entered years is the earlier year grown: € 20.000 in 2027 + 5 % = € 21.000 in 2028', () => {
    const result = advise(
      makeCase({
        calculationYear: 2028,
        client: { birthDate: '1980-01-01' },
        income: [
          { year: 2027, profit: 20000, wiaWage: 0 },
          { year: 2029, profit: 30000, wiaWage: 0 },
        ],
        assumptions: { profitGrowth: 0.05 },
      }),
    )
    expect(optionOf(result, 'baz').premium.base).toBe(21000)
    expect(optionOf(result, 'baz').premium.annual).toBe(1134)
  })

  it('with only a later year entered, the earlier year is estimated from it, not € 0', () => {
    const result = advise(makeCase({ income: [{ year: 2031, profit: 30000, wiaWage: 0 }], assumptions: { profitGrowth: 0.05 } }))
    // € 30.000 / 1,05 = € 28.571,43
    expect(optionOf(result, 'baz').premium.base).toBe(28571.43)
    const expression = result.explanations['baz.premiumBase.2030']!.expression
    expect(expression).not.toContain('€ 0,00')
    expect(expression).toContain('eerst ingevoerde jaar 2031')
  })

  it('the waiting-period gap says 364 days, not "12 maanden"', () => {
    const result = advise(makeCase({ scenario: 'mkb-toets-2024' }))
    expect(result.explanations['option.baz.gap']!.expression).toContain('364 dagen')
  })

  it('the illustration names the first day of benefit, not only the first day of illness', () => {
    const result = advise(makeCase())
    const baz = optionOf(result, 'baz')
    expect(baz.illustration.benefitFrom).toBe('2036-05-16')
    expect(result.explanations['option.baz.illustration']!.label).toContain('uitkering vanaf 16 mei 2036')
  })

  it('a WIA wage held flat while the WML grows is explained', () => {
    const result = advise(makeCase({ income: [{ year: 2029, profit: 60000, wiaWage: 20000 }] }))
    expect(result.assumptions.find((note) => note.id === 'wia-wage-flat')?.text).toContain('20.000,00 per jaar')
  })

  it('the switch-back date: an exemption from 1 January 2030 ends on 31 December 2030 at the earliest', () => {
    const result = advise(makeCase({ privateQuote: goodPolicy }))
    const optOut = optionOf(result, 'opt-out')
    expect(optOut.exemptionEarliestEnd).toBe('2030-12-31')
    expect(optOut.warnings.join(' ')).toContain('op zijn vroegst op 31 december 2030')
  })

  it('RADI-2024 is cited at vraag 24 for the start year, and the premium range has a source for each end', () => {
    expect(resolveScenario('mkb-toets-2024').startYear.cite.locator).toContain('vraag 24')
    const rate = resolveScenario('raad-van-state-2025').premiumRate
    expect(rate.range).toEqual(['0.047', '0.054'])
    expect(rate.uncertain).toContain('KAG-2025')
  })
})

describe('tweede-kamer-2026: a maximum stated as an amount, indexed with the WML', () => {
  it('2026 at 0 % indexation: € 171 × 12 × € 27.532,80 / € 26.625,60 = € 2.121,92, under 5,4 % × the cap (€ 2.124,00)', () => {
    const result = advise(
      makeCase({ scenario: 'tweede-kamer-2026', calculationYear: 2026, client: { birthDate: '1980-01-01' }, income: [{ year: 2026, profit: 90000, wiaWage: 0 }], assumptions: { wmlIndexation: 0 } }),
    )
    expect(result.wml.annual).toBe(27532.8)
    expect(optionOf(result, 'baz').premium.annual).toBe(2121.92)
    expect(result.explanations['baz.premium.2026']!.expression).toContain('gemaximeerd op')
  })

  it('a lower profit pays the rate: 5,4 % × € 30.000 = € 1.620,00', () => {
    const result = advise(makeCase({ scenario: 'tweede-kamer-2026', income: [{ year: 2030, profit: 30000, wiaWage: 0 }] }))
    expect(optionOf(result, 'baz').premium.annual).toBe(1620)
  })
})
