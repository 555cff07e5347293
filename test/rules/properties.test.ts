/**
 * Properties over thousands of random valid cases (fast-check): the rules never throw, never
 * produce NaN, keep premiums and benefits within the law's bounds, and always say why an option
 * is unavailable.
 */
import Decimal from 'decimal.js'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Money } from '../../shared/money'
import { resolveScenario } from '../../shared/parameters/resolve'
import { advise } from '../../shared/rules/advise'
import { parseClientCase, scenarioIds, type ClientCase } from '../../shared/schema/case'
import type { AdviceResult } from '../../shared/schema/result'

const cents = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((value) => value / 100)
const isoDay = (fromYear: number, toYear: number) =>
  fc.record({ y: fc.integer({ min: fromYear, max: toYear }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) }).map(
    ({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  )

const policy = fc.record({
  insuredAmount: cents(0, 120000),
  waitingDays: fc.constantFrom(14, 30, 90, 365, 730, 1095),
  endAge: fc.oneof(fc.constant('aow' as const), fc.integer({ min: 55, max: 70 })),
  disabilityThresholdPercent: fc.constantFrom(25, 35, 45, 65),
  criterion: fc.constantFrom('beroeps' as const, 'passende' as const, 'gangbare' as const),
  medicalExclusions: fc.boolean(),
  annualPremium: cents(0, 15000),
  premiumType: fc.constantFrom('level' as const, 'rising' as const),
  premiumIndexation: fc.constantFrom(0, 0.02, 0.04),
  taxDeductible: fc.boolean(),
  startDate: isoDay(2005, 2032),
})

const caseArbitrary = fc
  .record({
    scenario: fc.constantFrom(...scenarioIds),
    calculationYear: fc.integer({ min: 2023, max: 2040 }),
    birthYear: fc.integer({ min: 1958, max: 2004 }),
    birthDate: isoDay(2000, 2000),
    role: fc.constantFrom('ib-ondernemer' as const, 'ib-ondernemer' as const, 'meewerkende-partner' as const, 'dga' as const),
    objector: fc.integer({ min: 0, max: 15 }).map((value) => value === 0),
    profits: fc.array(cents(-20000, 250000), { minLength: 1, maxLength: 4 }),
    wiaWage: fc.oneof(fc.constant(0), cents(0, 80000)),
    existingPolicy: fc.option(policy, { nil: null }),
    privateQuote: fc.option(policy, { nil: null }),
    topUpQuote: fc.option(policy, { nil: null }),
    premiumRate: fc.option(fc.constantFrom(0.04, 0.05, 0.06, 0.08), { nil: null }),
    wmlIndexation: fc.constantFrom(0, 0.01, 0.02, 0.035),
    profitGrowth: fc.constantFrom(-0.05, 0, 0.02, 0.05),
    marginalTaxRate: fc.constantFrom(0, 0.37, 0.495),
    stabiliteitsbijdrage: fc.constantFrom(0, 150),
    ageOffset: fc.integer({ min: 0, max: 40 }),
    degree: fc.integer({ min: 0, max: 100 }).map((value) => value / 100),
  })
  .map((raw) => {
    const birthDate = `${raw.birthYear}${raw.birthDate.slice(4)}`
    const age = Math.min(75, Math.max(18, raw.calculationYear - raw.birthYear + raw.ageOffset))
    return {
      schemaVersion: 1,
      scenario: raw.scenario,
      calculationYear: raw.calculationYear,
      client: { name: 'Eigenschap', birthDate, role: raw.role, conscientiousObjector: raw.objector },
      income: raw.profits.map((profit, index) => ({ year: raw.calculationYear - raw.profits.length + index, profit, wiaWage: raw.wiaWage })),
      existingPolicy: raw.existingPolicy,
      privateQuote: raw.privateQuote,
      topUpQuote: raw.topUpQuote,
      assumptions: {
        premiumRate: raw.premiumRate,
        wmlIndexation: raw.wmlIndexation,
        profitGrowth: raw.profitGrowth,
        marginalTaxRate: raw.marginalTaxRate,
        stabiliteitsbijdrage: raw.stabiliteitsbijdrage,
      },
      disability: { age, degree: raw.degree },
    }
  })
  .map((input) => parseClientCase(input))
  .filter((parsed): parsed is { ok: true; value: ClientCase } => parsed.ok)
  .map((parsed) => parsed.value)

function numbersIn(value: unknown, path = ''): [string, number][] {
  if (typeof value === 'number') return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((item, index) => numbersIn(item, `${path}[${index}]`))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => numbersIn(item, `${path}.${key}`))
  return []
}

const runs = { numRuns: 2000 }

describe('properties of the rules over random cases', () => {
  it('never throws and never yields NaN or Infinity', () => {
    fc.assert(
      fc.property(caseArbitrary, (clientCase) => {
        const result = advise(clientCase)
        for (const [path, value] of numbersIn(result)) {
          if (!Number.isFinite(value)) throw new Error(`${path} = ${value}`)
        }
      }),
      runs,
    )
  })

  it('0 ≤ Baz premium ≤ rate × cap, and the benefit never exceeds 70 % of the cap', () => {
    fc.assert(
      fc.property(caseArbitrary, (clientCase) => {
        const result = advise(clientCase)
        const baz = result.options.find((option) => option.id === 'baz')!
        expect(baz.premium.publicAnnual).toBeGreaterThanOrEqual(0)
        // Bounds in decimal, rounded to cents like the rules, so float noise cannot decide the outcome.
        const premiumBound = new Money(baz.premium.rate).times(result.wml.cap).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber()
        const benefitBound = new Money('0.7').times(result.wml.cap).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber()
        expect(baz.premium.publicAnnual).toBeLessThanOrEqual(premiumBound)
        expect(baz.benefit.annualAtFullDisability).toBeLessThanOrEqual(benefitBound)
        for (const year of baz.projection) expect(year.premium).toBeGreaterThanOrEqual(0)
      }),
      runs,
    )
  })

  it('the Baz premium never falls when the profit rises', () => {
    fc.assert(
      fc.property(caseArbitrary, fc.integer({ min: 1, max: 50000 }), (clientCase, extra) => {
        const richer: ClientCase = {
          ...clientCase,
          income: clientCase.income.map((row) => (row.year === Math.max(...clientCase.income.map((r) => r.year)) ? { ...row, profit: row.profit + extra } : row)),
        }
        const premium = (result: AdviceResult) => result.options.find((option) => option.id === 'baz')!.premium.publicAnnual
        expect(premium(advise(richer))).toBeGreaterThanOrEqual(premium(advise(clientCase)))
      }),
      { numRuns: 1000 },
    )
  })

  it('an option is unavailable only with a reason; opt-out is available iff every condition passed', () => {
    fc.assert(
      fc.property(caseArbitrary, (clientCase) => {
        const result = advise(clientCase)
        for (const option of result.options) {
          if (!option.available) expect(option.reasons.length).toBeGreaterThan(0)
        }
        const optOut = result.options.find((option) => option.id === 'opt-out')!
        const allPassed = (optOut.conditions ?? []).length > 0 && optOut.conditions!.every((condition) => condition.passed)
        expect(optOut.available).toBe(allPassed && result.client.insured)
      }),
      runs,
    )
  })

  it('the projection runs from the calculation year to the AOW year, that year only until the AOW date', () => {
    fc.assert(
      fc.property(caseArbitrary, (clientCase) => {
        const result = advise(clientCase)
        const projection = result.options[0]!.projection
        const aowDate = result.client.aowDate
        const lastYear = Number(aowDate.slice(0, 4)) - (aowDate.endsWith('-01-01') ? 1 : 0)
        if (projection.length > 0) {
          expect(projection[0]!.year).toBe(clientCase.calculationYear)
          expect(projection.at(-1)!.year).toBe(lastYear)
          for (const year of projection.slice(0, -1)) expect(year.partYear).toBeUndefined()
          if (!aowDate.endsWith('-01-01')) expect(projection.at(-1)!.partYear?.until).toBe(aowDate)
        } else {
          expect(clientCase.calculationYear).toBeGreaterThan(lastYear)
        }
      }),
      { numRuns: 500 },
    )
  })

  it('insured with a positive base and rate: a positive premium for the insured part of the year', () => {
    fc.assert(
      fc.property(caseArbitrary, (clientCase) => {
        const result = advise(clientCase)
        const baz = result.options.find((option) => option.id === 'baz')!
        if (!result.client.insured || baz.premium.rate === 0) return
        // A base of at least € 100 gives at least a cent even for one insured day (4 % × € 100 / 366 > € 0,01).
        const base = result.explanations[`baz.premiumBase.${clientCase.calculationYear}`]!.value as number
        if (base >= 100 && baz.projection.length > 0) {
          expect(baz.premium.publicAnnual).toBeGreaterThan(0)
          expect(baz.projection[0]!.publicPremium).toBeGreaterThan(0)
        }
      }),
      runs,
    )
  })

  it('no private premium before a policy starts', () => {
    fc.assert(
      fc.property(caseArbitrary, (clientCase) => {
        const result = advise(clientCase)
        const policyOf: Record<string, ClientCase['existingPolicy']> = {
          'baz-top-up': clientCase.topUpQuote,
          'opt-out': clientCase.privateQuote ?? clientCase.existingPolicy,
          transitional: clientCase.existingPolicy,
          'keep-both': clientCase.existingPolicy,
        }
        for (const option of result.options) {
          const policy = policyOf[option.id]
          if (!policy) continue
          const startYear = Number(policy.startDate.slice(0, 4))
          for (const year of option.projection) if (year.year < startYear) expect(year.privatePremium).toBe(0)
        }
      }),
      runs,
    )
  })

  it('an override is applied or refused: never printed without changing the figures', () => {
    const overridden = fc.tuple(caseArbitrary, fc.constantFrom('proportional' as const, 'wia-classes' as const, 'full-only' as const))
    fc.assert(
      fc.property(overridden, ([clientCase, partialBenefit]) => {
        const atSeventy = { ...clientCase, disability: { ...clientCase.disability, degree: 0.7, earnings: 0 } }
        const parsed = parseClientCase({ ...atSeventy, assumptions: { ...atSeventy.assumptions, parameterOverrides: { partialBenefit } } })
        const own = resolveScenario(clientCase.scenario).partialBenefit.value
        if (!parsed.ok) {
          expect(parsed.problems.map((problem) => problem.path)).toEqual(['assumptions.parameterOverrides.partialBenefit'])
          expect(own).toBe('full-only')
          return
        }
        const withOverride = advise(parsed.value)
        const printed = withOverride.assumptions.some((note) => note.id === 'override-partial-benefit')
        expect(printed).toBe(partialBenefit !== own)
        const benefit = (result: AdviceResult) => result.explanations['illustration.bazBenefit']!.value
        const base = withOverride.explanations['illustration.benefitBase']!.value as number
        if (printed && base >= 100) expect(benefit(withOverride)).not.toBe(benefit(advise(atSeventy)))
      }),
      { numRuns: 1000 },
    )
  })
})
