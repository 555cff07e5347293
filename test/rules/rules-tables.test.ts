/**
 * Readable tables of cases per rule and per bill version: { name, version, input, expected }.
 */
import { describe, expect, it } from 'vitest'
import { advise } from '../../shared/rules/advise'
import { aowDateFor } from '../../shared/rules/aow'
import { goodPolicy, makeCase } from './helpers'

const option = (result: ReturnType<typeof advise>, id: string) => result.options.find((candidate) => candidate.id === id)!

describe('who is insured', () => {
  it.each([
    { name: 'IB-ondernemer', version: 'raad-van-state-2025', role: 'ib-ondernemer', objector: false, insured: true },
    { name: 'meewerkende partner (2024: insured)', version: 'mkb-toets-2024', role: 'meewerkende-partner', objector: false, insured: true },
    { name: 'meewerkende partner (2025: not insured)', version: 'raad-van-state-2025', role: 'meewerkende-partner', objector: false, insured: false },
    { name: 'DGA', version: 'raad-van-state-2025', role: 'dga', objector: false, insured: false },
    { name: 'resultaatgenieter', version: 'mkb-toets-2024', role: 'resultaatgenieter', objector: false, insured: false },
    { name: 'werknemer', version: 'consultatie-2024', role: 'werknemer', objector: false, insured: false },
    { name: 'gemoedsbezwaarde', version: 'raad-van-state-2025', role: 'ib-ondernemer', objector: true, insured: false },
  ] as const)('$name under $version → insured: $insured', ({ version, role, objector, insured }) => {
    const result = advise(makeCase({ scenario: version, client: { role, conscientiousObjector: objector } }))
    expect(result.client.insured).toBe(insured)
    const baz = option(result, 'baz')
    expect(baz.available).toBe(insured)
    if (!insured) {
      expect(baz.reasons.length).toBeGreaterThan(0)
      expect(baz.reasons.join(' ')).toMatch(/private arbeidsongeschiktheidsverzekering|AOW-leeftijd/)
      expect(baz.premium.annual).toBe(0)
    }
  })

  it('a client past the AOW age is not insured and has no projection', () => {
    const result = advise(makeCase({ client: { birthDate: '1960-01-15' }, calculationYear: 2030, disability: { age: 70 } }))
    expect(result.client.insured).toBe(false)
    expect(option(result, 'baz').projection).toEqual([])
  })
})

describe('premium base and premium', () => {
  it.each([
    { name: 'profit below the cap', version: 'raad-van-state-2025', profit: 20000, expectedBase: 20000 },
    { name: 'profit above the cap', version: 'raad-van-state-2025', profit: 90000, expectedBase: 'cap' },
    { name: 'negative profit gives 0, no refund', version: 'raad-van-state-2025', profit: -5000, expectedBase: 0 },
    { name: 'zero profit', version: 'mkb-toets-2024', profit: 0, expectedBase: 0 },
  ] as const)('$name ($version): base $expectedBase', ({ version, profit, expectedBase }) => {
    const result = advise(makeCase({ scenario: version, income: [{ year: 2030, profit, wiaWage: 0 }] }))
    const baz = option(result, 'baz')
    const base = expectedBase === 'cap' ? result.wml.cap : expectedBase
    expect(baz.premium.base).toBe(base)
    expect(baz.premium.annual).toBeCloseTo(base * baz.premium.rate, 2)
    expect(baz.premium.netAnnual).toBeCloseTo(baz.premium.annual * 0.63, 1)
  })

  it('the premium rate override replaces the bill rate and is printed as an assumption', () => {
    const result = advise(makeCase({ assumptions: { premiumRate: 0.05 }, income: [{ year: 2030, profit: 30000, wiaWage: 0 }] }))
    expect(option(result, 'baz').premium.annual).toBe(1500)
    expect(result.assumptions.some((note) => note.id === 'override-premium-rate')).toBe(true)
  })
})

describe('franchise (raad-van-state-2025 only)', () => {
  it.each([
    { version: 'raad-van-state-2025', profit: 30000, wiaWage: 0, base: 30000 },
    { version: 'raad-van-state-2025', profit: 30000, wiaWage: 30000, base: 'cap-30000' },
    { version: 'raad-van-state-2025', profit: 30000, wiaWage: 60000, base: 0 },
    { version: 'consultatie-2024', profit: 30000, wiaWage: 30000, base: 30000 },
  ] as const)('$version, profit $profit, WIA wage $wiaWage → premium base $base', ({ version, profit, wiaWage, base }) => {
    const result = advise(makeCase({ scenario: version, income: [{ year: 2030, profit, wiaWage }] }))
    const expected = base === 'cap-30000' ? Math.round((result.wml.cap - 30000) * 100) / 100 : base
    expect(option(result, 'baz').premium.base).toBe(expected)
  })
})

describe('benefit base: prior year, or the 3-year average when higher (MKB-2024)', () => {
  it.each([
    { name: 'prior year highest', income: [30000, 32000, 34000], base: 34000 },
    { name: 'average higher after a bad year', income: [40000, 40000, 10000], base: 30000 },
    { name: 'capped', income: [90000, 90000, 90000], base: 'cap' },
    { name: 'negative prior year and average', income: [-1000, -2000, -3000], base: 0 },
  ] as const)('$name: $income → $base', ({ income, base }) => {
    const result = advise(
      makeCase({
        income: income.map((profit, index) => ({ year: 2027 + index, profit, wiaWage: 0 })),
      }),
    )
    const baz = option(result, 'baz')
    const expected = base === 'cap' ? result.wml.cap : base
    expect(baz.benefit.base).toBe(expected)
    expect(baz.benefit.annualAtFullDisability).toBeCloseTo(expected * 0.7, 2)
  })
})

describe('partial disability per bill version', () => {
  it.each([
    { version: 'mkb-toets-2024', degree: 0.5, share: 0.35 },
    { version: 'mkb-toets-2024', degree: 0.3, share: 0 },
    { version: 'mkb-toets-2024', degree: 1, share: 0.7 },
    { version: 'raad-van-state-2025', degree: 0.5, share: 0 },
    { version: 'raad-van-state-2025', degree: 0.85, share: 0.7 },
    { version: 'consultatie-2024', degree: 0.6, share: 0 },
  ] as const)('$version at degree $degree pays $share × the base', ({ version, degree, share }) => {
    const result = advise(
      makeCase({ scenario: version, income: [{ year: 2029, profit: 30000, wiaWage: 0 }], disability: { age: 46, degree } }),
    )
    expect(option(result, 'baz').benefit.annualForIllustration).toBeCloseTo(30000 * share, 2)
  })

  it('earnings next to the benefit are offset for 70 %', () => {
    const result = advise(
      makeCase({ scenario: 'mkb-toets-2024', income: [{ year: 2029, profit: 30000, wiaWage: 0 }], disability: { age: 46, degree: 0.5, earnings: 5000 } }),
    )
    expect(option(result, 'baz').benefit.annualForIllustration).toBe(10500 - 3500)
  })
})

describe('waiting period and illustration', () => {
  it.each([
    { version: 'mkb-toets-2024', days: 364 },
    { version: 'consultatie-2024', days: 365 },
    { version: 'raad-van-state-2025', days: 730 },
  ] as const)('$version: the Baz pays after $days days; the gap covers that period', ({ version, days }) => {
    const result = advise(makeCase({ scenario: version, disability: { age: 50, degree: 1 } }))
    const baz = option(result, 'baz')
    expect(baz.benefit.startsAfterDays).toBe(days)
    expect(baz.illustration.benefitFrom).not.toBeNull()
    expect(baz.illustration.gapMonths).toBeCloseTo((days * 12) / 365, 1)
  })

  it('no Baz benefit when the waiting period ends after the AOW age (RADI-2024 q9)', () => {
    const result = advise(makeCase({ disability: { age: 66, degree: 1 } }))
    const baz = option(result, 'baz')
    expect(baz.illustration.annualBenefit).toBe(0)
    expect(baz.illustration.notes.join(' ')).toContain('AOW-leeftijd')
  })

  it('a broodfonds bridges part of the gap', () => {
    const result = advise(makeCase({ assumptions: { broodfondsMonthly: 1000, broodfondsMonths: 24 } }))
    expect(option(result, 'baz').illustration.broodfondsBridged).toBe(24000)
  })
})

describe('AOW date from the birth date', () => {
  it.each([
    { birthDate: '1958-06-01', date: '2025-06-01', projected: false },
    { birthDate: '1962-03-10', date: '2029-06-10', projected: false },
    { birthDate: '1984-05-17', date: '2051-08-17', projected: true },
  ])('born $birthDate → AOW on $date (projected: $projected)', ({ birthDate, date, projected }) => {
    const aow = aowDateFor(birthDate)
    expect(aow.date).toBe(date)
    expect(aow.projected).toBe(projected)
  })
})

describe('opt-out conditions (contract ids) and switch dates', () => {
  it.each([
    { name: 'a qualifying policy', patch: {}, failed: [] },
    { name: 'threshold 45 %', patch: { disabilityThresholdPercent: 45 }, failed: ['threshold'] },
    { name: 'waiting 3 years', patch: { waitingDays: 1095 }, failed: ['waiting-period'] },
    { name: 'ends at 60', patch: { endAge: 60 }, failed: ['end-age'] },
    { name: 'medical exclusions', patch: { medicalExclusions: true }, failed: ['medical-exclusions'] },
    { name: 'insured amount below the Baz benefit', patch: { insuredAmount: 10000 }, failed: ['benefit-level'] },
    { name: 'premium below the Baz premium', patch: { annualPremium: 500 }, failed: ['premium-level'] },
  ])('$name → failed: $failed', ({ patch, failed }) => {
    const result = advise(makeCase({ privateQuote: { ...goodPolicy, ...patch } }))
    const optOut = option(result, 'opt-out')
    const ids = optOut.conditions!.map((condition) => condition.id)
    expect(ids).toEqual(expect.arrayContaining(['threshold', 'waiting-period', 'end-age', 'medical-exclusions', 'benefit-level', 'premium-level']))
    expect(optOut.conditions!.filter((condition) => !condition.passed).map((condition) => condition.id)).toEqual(failed)
    expect(optOut.available).toBe(failed.length === 0)
    for (const condition of optOut.conditions!) expect(condition.explanation.length).toBeGreaterThan(10)
  })

  it('"eigen risico 2 jaar is langer dan toegestaan (max. 1 jaar)" under the 2024 bill', () => {
    const result = advise(makeCase({ scenario: 'mkb-toets-2024', privateQuote: { ...goodPolicy, waitingDays: 730 } }))
    const waiting = option(result, 'opt-out').conditions!.find((condition) => condition.id === 'waiting-period')!
    expect(waiting.passed).toBe(false)
    expect(waiting.explanation).toBe('eigen risico 2 jaar is langer dan toegestaan (max. 1 jaar)')
  })

  it.each([
    { version: 'raad-van-state-2025', start: '2030-03-01', effective: '2031-01-01' },
    { version: 'raad-van-state-2025', start: '2029-06-01', effective: '2030-01-01' },
    { version: 'consultatie-2024', start: '2030-03-01', effective: '2030-03-01' },
  ] as const)('$version: a policy from $start exempts from $effective', ({ version, start, effective }) => {
    const result = advise(makeCase({ scenario: version, privateQuote: { ...goodPolicy, startDate: start } }))
    expect(option(result, 'opt-out').effectiveFrom).toBe(effective)
  })

  it('until a 1 January switch the client pays the Baz premium as well', () => {
    const result = advise(makeCase({ privateQuote: { ...goodPolicy, startDate: '2030-03-01' } }))
    const optOut = option(result, 'opt-out')
    expect(optOut.projection[0]!.publicPremium).toBeGreaterThan(0)
    expect(optOut.projection[1]!.publicPremium).toBe(0)
  })
})

describe('transitional law and keeping both', () => {
  const existing = { ...goodPolicy, startDate: '2018-01-01', endAge: 65, medicalExclusions: true, insuredAmount: 45000 }

  it('fails on the opt-out conditions unless the adviser relaxes them', () => {
    const strict = option(advise(makeCase({ existingPolicy: existing })), 'transitional')
    expect(strict.available).toBe(false)
    expect(strict.reasons.length).toBe(2)
    const relaxed = option(advise(makeCase({ existingPolicy: existing, assumptions: { transitionalRelaxed: ['end-age', 'medical-exclusions'] } })), 'transitional')
    expect(relaxed.available).toBe(true)
    expect(relaxed.conditions!.filter((condition) => condition.relaxed).map((condition) => condition.id)).toEqual(['end-age', 'medical-exclusions'])
  })

  it('a policy started after the peildatum does not qualify', () => {
    const result = advise(makeCase({ existingPolicy: { ...goodPolicy, startDate: '2026-01-01' }, assumptions: { transitionalPeildatum: '2025-09-15' } }))
    const transitional = option(result, 'transitional')
    expect(transitional.available).toBe(false)
    expect(transitional.conditions![0]!.id).toBe('in-force-on-peildatum')
    expect(transitional.conditions![0]!.passed).toBe(false)
  })

  it('keeping both costs both premiums and warns about over-insurance', () => {
    const result = advise(makeCase({ existingPolicy: existing }))
    const both = option(result, 'keep-both')
    const baz = option(result, 'baz')
    expect(both.premium.annual).toBeCloseTo(baz.premium.annual + existing.annualPremium, 2)
    expect(both.warnings.join(' ')).toContain('Oververzekering')
  })
})
