/**
 * The household's income picture per option, worked out by hand: need, partner and other income,
 * net benefit at the adviser's tax rate, broodfonds then buffer in the waiting period, a policy
 * that ends at 65, partial disability with earnings next to the benefit, and the suggestion.
 * The client is born 17 May 1984 and disabled from 17 May 2034 (age 50); AOW date 17 August 2051.
 */
import { describe, expect, it } from 'vitest'
import { advise } from '../../shared/rules/advise'
import { addMonths } from '../../shared/rules/dates'
import { firstMonthOnOrAfter } from '../../shared/rules/income-picture'
import { goodPolicy, makeCase } from './helpers'

const optionOf = (result: ReturnType<typeof advise>, id: string) => result.options.find((option) => option.id === id)!

/** The formatted amounts keep "€" and the figure together with a non-breaking space. */
const nb = (text: string) => text.replace(/€ /g, '€\u00a0')

const household = { netMonthlyNeed: 3200, partnerNetMonthly: 1500, otherNetMonthly: 0 }

describe('income picture: the Baz with partner income, broodfonds and buffer', () => {
  const result = advise(makeCase({ household, assumptions: { benefitTaxRate: 0.3, broodfondsMonthly: 1000 }, profile: { financialBuffer: 10000 } }))
  const baz = optionOf(result, 'baz')

  it('waiting period: 24 months of € 3.200 − € 1.500 = € 1.700; broodfonds 24 × € 1.000, then € 10.000 buffer, € 6.800 uncovered', () => {
    expect(result.client.aowDate).toBe('2051-08-17')
    expect(baz.illustration.benefitFrom).toBe('2036-05-16')
    expect(baz.incomePicture!.phases[0]).toEqual({
      id: 'waiting',
      from: '2034-05-17',
      to: '2036-05-16',
      months: 24,
      benefitNetMonthly: 0,
      earningsNetMonthly: 0,
      incomeNetMonthly: 1500,
      shortfallMonthly: 1700,
      shortfallTotal: 40800, // 24 × 1.700
      broodfonds: 24000, // 24 × 1.000
      buffer: 10000, // all of it: 16.800 was still open
      uncovered: 6800, // 40.800 − 24.000 − 10.000
    })
  })

  it('benefit phase: € 32.420,21 / 12 × 70 % = € 1.891,18 net + € 1.500 partner covers the need for 183 months', () => {
    expect(baz.illustration.publicAnnual).toBe(32420.21)
    const benefit = baz.incomePicture!.phases[1]!
    expect(benefit).toMatchObject({ id: 'benefit', from: '2036-05-17', to: '2051-08-16', months: 183, benefitNetMonthly: 1891.18, incomeNetMonthly: 3391.18, shortfallMonthly: 0, uncovered: 0 })
    expect(baz.incomePicture!.phases).toHaveLength(2)
    expect(baz.incomePicture!.uncoveredUntilAow).toBe(6800)
    expect(baz.incomePicture!.shortfallUntilAow).toBe(40800)
  })

  it('the phase is explained with its numbers', () => {
    const text = result.explanations['option.baz.income.0']!.expression
    expect(text).toContain(nb('behoefte € 3.200,00 − € 1.500,00 = € 1.700,00'))
    expect(text).toContain(nb('− broodfonds € 24.000,00 − buffer € 10.000,00 = niet gedekt € 6.800,00'))
  })
})

describe('income picture: a private AOV that ends at 65', () => {
  const result = advise(
    makeCase({ privateQuote: { ...goodPolicy, endAge: 65 }, household, assumptions: { benefitTaxRate: 0.3, broodfondsMonthly: 1000 }, profile: { financialBuffer: 10000 } }),
  )
  const picture = optionOf(result, 'opt-out').incomePicture!

  it('12 months waiting (365 days), bridged by € 12.000 broodfonds and € 8.400 buffer', () => {
    expect(picture.phases[0]).toMatchObject({ id: 'waiting', months: 12, to: '2035-05-16', shortfallTotal: 20400, broodfonds: 12000, buffer: 8400, uncovered: 0 })
  })

  it('168 months of € 36.000 / 12 × 70 % = € 2.100 net, then 27 months without cover from 17 May 2049 to the AOW date', () => {
    expect(picture.phases[1]).toMatchObject({ id: 'benefit', from: '2035-05-17', to: '2049-05-16', months: 168, benefitNetMonthly: 2100, incomeNetMonthly: 3600, uncovered: 0 })
    expect(picture.phases[2]).toMatchObject({ id: 'after-policy-end', from: '2049-05-17', to: '2051-08-16', months: 27, incomeNetMonthly: 1500, shortfallMonthly: 1700, shortfallTotal: 45900, uncovered: 45900 })
    expect(picture.policyEnds).toBe('2049-05-17')
    expect(picture.uncoveredUntilAow).toBe(45900)
  })
})

describe('income picture: 50 % disabled, earnings next to the benefit, other income', () => {
  // € 36.000 insured, 50 % disabled: 50 % of it (RADI-2024 q12) = € 18.000 a year, € 1.500 a month.
  const result = advise(
    makeCase({
      privateQuote: goodPolicy,
      household: { netMonthlyNeed: 4500, partnerNetMonthly: 1500, otherNetMonthly: 200 },
      assumptions: { benefitTaxRate: 0.3 },
      profile: { financialBuffer: 5000 },
      disability: { age: 50, degree: 0.5, earnings: 20000 },
    }),
  )
  const picture = optionOf(result, 'opt-out').incomePicture!

  it('waiting: € 20.000 / 12 × 70 % = € 1.166,67 + € 1.500 + € 200 = € 2.866,67; shortfall € 1.633,33 × 12 = € 19.599,96; buffer € 5.000', () => {
    expect(picture.phases[0]).toMatchObject({ id: 'waiting', months: 12, earningsNetMonthly: 1166.67, incomeNetMonthly: 2866.67, shortfallMonthly: 1633.33, shortfallTotal: 19599.96, broodfonds: 0, buffer: 5000, uncovered: 14599.96 })
  })

  it('benefit: € 1.500 × 70 % = € 1.050 net; € 3.916,67 a month; € 583,33 short for 195 months', () => {
    expect(picture.phases[1]).toMatchObject({ id: 'benefit', months: 195, benefitNetMonthly: 1050, incomeNetMonthly: 3916.67, shortfallMonthly: 583.33, shortfallTotal: 113749.35, uncovered: 113749.35 })
    expect(picture.uncoveredUntilAow).toBe(128349.31)
  })
})

describe('income picture without a tax rate on benefits', () => {
  const result = advise(makeCase({ household, profile: { financialBuffer: 10000 } }))
  const picture = optionOf(result, 'baz').incomePicture!

  it('the waiting period needs no rate; the benefit phase says its net amount is unknown', () => {
    expect(picture.benefitTaxRate).toBeNull()
    expect(picture.phases[0]).toMatchObject({ id: 'waiting', shortfallTotal: 40800, buffer: 10000, uncovered: 30800 })
    expect(picture.phases[1]).toMatchObject({ id: 'benefit', benefitNetMonthly: null, incomeNetMonthly: null, uncovered: null })
    expect(picture.uncoveredUntilAow).toBeNull()
    expect(result.assumptions.find((note) => note.id === 'input-benefit-tax-rate')?.text).toContain('niet ingevuld')
    expect(result.explanations['option.baz.income.1']!.value).toBe('onbekend')
  })

  it('without the household need there is no income picture at all', () => {
    expect(optionOf(advise(makeCase()), 'baz').incomePicture).toBeUndefined()
  })
})

describe('suggestion', () => {
  it('ranks by the uncovered shortfall until AOW: an opt-out until AOW (nothing uncovered) over the Baz (€ 6.800 uncovered)', () => {
    const result = advise(
      makeCase({
        privateQuote: goodPolicy,
        household,
        assumptions: { benefitTaxRate: 0.3, broodfondsMonthly: 1000 },
        profile: { financialBuffer: 10000, riskAppetite: 'laag', goals: 'het huis houden' },
      }),
    )
    // Opt-out until AOW: 12 waiting months fully bridged (€ 12.000 broodfonds + € 8.400 buffer), then € 3.600 a month: nothing uncovered.
    expect(optionOf(result, 'opt-out').available).toBe(true)
    expect(optionOf(result, 'opt-out').incomePicture!.uncoveredUntilAow).toBe(0)
    expect(result.suggestion!.optionId).toBe('opt-out')
    expect(result.suggestion!.reasons[0]).toContain('dekt deze keuze')
    expect(result.suggestion!.reasons.join(' ')).toContain('het huis houden')
    expect(result.suggestion!.reasons.join(' ')).toContain('weinig risico')
    const baz = result.suggestion!.notChosen.find((entry) => entry.optionId === 'baz')!
    expect(baz.reason).toBe(nb('laat € 6.800,00 meer ongedekt tot de AOW-datum (€ 6.800,00 in totaal).'))
    expect(result.suggestion!.notChosen.find((entry) => entry.optionId === 'transitional')!.reason).toMatch(/^niet mogelijk: /)
  })

  it('speaks English when asked', () => {
    const result = advise(makeCase({ privateQuote: goodPolicy, household, assumptions: { benefitTaxRate: 0.3 } }), { language: 'en' })
    expect(result.suggestion!.reasons[1]).toMatch(/^The premium until the AOW date is €[\d,]+\.\d\d net \(€[\d,]+\.\d\d a year now\)/)
  })

  it('is null for a client outside the insured group, whose private quote still gets its own income picture', () => {
    const result = advise(
      makeCase({ client: { role: 'dga' }, income: [{ year: 2029, profit: 0, wiaWage: 0 }], privateQuote: goodPolicy, household, assumptions: { benefitTaxRate: 0.3 } }),
    )
    expect(result.client.insured).toBe(false)
    expect(result.suggestion).toBeNull()
    expect(optionOf(result, 'baz').incomePicture).toBeUndefined()
    expect(optionOf(result, 'opt-out').incomePicture!.phases.map((phase) => phase.id)).toEqual(['waiting', 'benefit'])
  })
})

describe('income picture: months counted in whole stretches, not one by one', () => {
  /** The month index walked one month at a time, as the months themselves run. */
  const walked = (first: string, date: string) => {
    let index = 0
    while (addMonths(first, index) < date) index++
    return index
  }

  it('finds the same first month on or after a date as walking month by month (month ends, leap days, same day)', () => {
    const firsts = ['2034-01-31', '2034-05-17', '2036-02-29', '2035-12-31', '2034-03-30', '2034-01-01']
    const dates = ['2034-01-01', '2034-02-28', '2034-03-01', '2035-05-17', '2035-05-16', '2036-02-29', '2036-03-01', '2051-08-17', '2034-05-17', '2040-12-31', '2033-06-01']
    for (const first of firsts) for (const date of dates) expect(firstMonthOnOrAfter(first, date), `${first} → ${date}`).toBe(walked(first, date))
  })
})
