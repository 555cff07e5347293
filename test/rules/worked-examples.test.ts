/**
 * Every worked example in the source documents, reproduced by the rules module.
 * Where a document rounds differently from the engine (whole euros, truncation), the test says so.
 */
import { describe, expect, it } from 'vitest'
import { Money } from '../../shared/money'
import { advise } from '../../shared/rules/advise'
import { wiaClassShare } from '../../shared/rules/benefit'
import { privateAnnualBenefit, privateBenefitShare } from '../../shared/rules/private-aov'
import { annualMinimumWage, maximumBase } from '../../shared/rules/wml'
import { goodPolicy, makeCase } from './helpers'

const optionOf = (result: ReturnType<typeof advise>, id: string) => result.options.find((option) => option.id === id)!

describe('MKB-toets 2024 (Bekostiging): "0,08 × € 30.000 = € 2.400"', () => {
  it('a premium base of € 30.000 at 8 % costs € 2.400 per year', () => {
    const result = advise(
      makeCase({ scenario: 'mkb-toets-2024', calculationYear: 2024, income: [{ year: 2024, profit: 30000, wiaWage: 0 }], client: { birthDate: '1980-01-01' }, disability: { age: 50 } }),
    )
    const baz = optionOf(result, 'baz')
    expect(baz.premium.base).toBe(30000)
    expect(baz.premium.rate).toBe(0.08)
    expect(baz.premium.annual).toBe(2400)
  })
})

describe('RADI-2024 vraag 2 en 5: maximale grondslag en premie in 2023', () => {
  it('1 January 2023: annual WML € 25.070 incl. holiday pay, 143 % → € 35.850; € 224 (7,5 %) and € 239 (8 %) per month', () => {
    const annual = annualMinimumWage(new Money('1934.40'), true)
    expect(annual.toDecimalPlaces(0).toNumber()).toBe(25070)
    // RADI computes 143 % × € 25.070 = € 35.850,10 and prints whole euros.
    expect(maximumBase(new Money(25070), new Money('1.43')).toNumber()).toBe(35850.1)
    const result = advise(
      makeCase({
        scenario: 'mkb-toets-2024',
        calculationYear: 2023,
        client: { birthDate: '1980-01-01' },
        income: [{ year: 2023, profit: 80000, wiaWage: 0 }],
        assumptions: { parameterOverrides: { wmlYearRule: 'january' } },
        disability: { age: 50 },
      }),
    )
    expect(Math.round(result.wml.cap)).toBe(35850)
    expect(Math.round(optionOf(result, 'baz').premium.monthly)).toBe(239)
    const at75 = advise(
      makeCase({
        scenario: 'mkb-toets-2024',
        calculationYear: 2023,
        client: { birthDate: '1980-01-01' },
        income: [{ year: 2023, profit: 80000, wiaWage: 0 }],
        assumptions: { premiumRate: 0.075, parameterOverrides: { wmlYearRule: 'january' } },
        disability: { age: 50 },
      }),
    )
    expect(Math.round(optionOf(at75, 'baz').premium.monthly)).toBe(224)
  })

  it('1 July 2023: annual WML € 25.855, maximum base € 36.972, premium € 231 to € 246 per month', () => {
    expect(annualMinimumWage(new Money('1995.00'), true).toDecimalPlaces(0).toNumber()).toBe(25855)
    // RADI: 143 % × € 25.855 = € 36.972,65, printed truncated to whole euros as € 36.972.
    expect(Math.floor(maximumBase(new Money(25855), new Money('1.43')).toNumber())).toBe(36972)
    const july = (premiumRate: number) =>
      advise(
        makeCase({
          scenario: 'mkb-toets-2024',
          calculationYear: 2023,
          client: { birthDate: '1980-01-01' },
          income: [{ year: 2023, profit: 80000, wiaWage: 0 }],
          assumptions: { premiumRate, parameterOverrides: { wmlYearRule: 'july' } },
          disability: { age: 50 },
        }),
      )
    // The engine starts from the unrounded annual WML (€ 25.855,20): € 36.972,94, € 0,29 above RADI's figure.
    expect(july(0.075).wml.cap).toBe(36972.94)
    expect(Math.round(optionOf(july(0.075), 'baz').premium.monthly)).toBe(231)
    expect(Math.round(optionOf(july(0.08), 'baz').premium.monthly)).toBe(246)
  })
})

describe('Kamerbrief 15 september 2025: "ongeveer € 171 bruto per maand" at the maximum base, WML 2025', () => {
  it('5,4 % × 142,86 % × the 2025 WML gives € 171 per month', () => {
    const result = advise(
      makeCase({ calculationYear: 2025, client: { birthDate: '1980-01-01' }, income: [{ year: 2025, profit: 90000, wiaWage: 0 }], disability: { age: 50 } }),
    )
    const baz = optionOf(result, 'baz')
    expect(baz.premium.rate).toBe(0.054)
    expect(result.wml.monthly).toBe(2218.8)
    expect(baz.premium.monthly).toBeCloseTo(171, 0)
    expect(Math.round(baz.premium.monthly)).toBe(171)
  })
})

describe('RADI-2024 vraag 12: income € 50.000, 40 % disabled', () => {
  it('WIA-like: 28 % of € 50.000 = € 14.000', () => {
    expect(wiaClassShare(0.4).times(50000).toNumber()).toBe(14000)
  })
  it('private AOV insuring € 40.000 pays € 16.000; insuring € 35.000 pays € 14.000', () => {
    expect(privateBenefitShare({ disabilityThresholdPercent: 25 }, 0.4).toNumber()).toBe(0.4)
    expect(privateAnnualBenefit({ ...goodPolicy, insuredAmount: 40000, premiumType: 'level', premiumIndexation: 0, taxDeductible: true }, 0.4).toNumber()).toBe(16000)
    expect(privateAnnualBenefit({ ...goodPolicy, insuredAmount: 35000, premiumType: 'level', premiumIndexation: 0, taxDeductible: true }, 0.4).toNumber()).toBe(14000)
  })
  it('the same with the engine: the Baz under the WIA class rule pays 28 % of the base', () => {
    const result = advise(
      makeCase({
        scenario: 'mkb-toets-2024',
        calculationYear: 2030,
        income: [{ year: 2029, profit: 30000, wiaWage: 0 }],
        assumptions: { parameterOverrides: { partialBenefit: 'wia-classes' }, profitGrowth: 0 },
        disability: { age: 46, degree: 0.4 },
      }),
    )
    expect(optionOf(result, 'baz').benefit.annualForIllustration).toBe(8400)
  })
})

describe('MKB-2024 / RADI-2024 vraag 3: 70 % × 143 % WML ≈ 100 % WML', () => {
  it('the maximum benefit at full disability is about the annual minimum wage', () => {
    const result = advise(makeCase({ scenario: 'mkb-toets-2024', income: [{ year: 2029, profit: 120000, wiaWage: 0 }] }))
    const baz = optionOf(result, 'baz')
    const ratio = baz.benefit.annualAtFullDisability / (result.wml.cap / 1.43)
    expect(ratio).toBeGreaterThan(0.999)
    expect(ratio).toBeLessThan(1.002)
  })
})
