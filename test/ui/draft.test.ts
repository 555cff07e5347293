/** The intake draft: Dutch number input, conversion to a case, validation keyed by form paths. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { clientProfileSchema, parseClientCase, type ClientCase } from '../../shared/schema/case'
import { parseDutchNumber, parsePercent, percentText } from '../../shared/intake/numbers'
import { draftFromCase, newDraft, normaliseDraft, problemsByPath, toCaseInput, validateDraft } from '../../shared/intake/draft'
import { passphraseStrength } from '../../src-renderer/src/lib/passphrase'

describe('Dutch number input', () => {
  it.each([
    ['42.000', 42000],
    ['42.000,50', 42000.5],
    ['1.234.567', 1234567],
    ['5,4', 5.4],
    ['42000', 42000],
    ['€ 2.400', 2400],
    ['-1.500', -1500],
    ['7.5', 7.5],
  ])('reads %s as %s', (text, expected) => {
    expect(parseDutchNumber(text)).toBe(expected)
  })

  it('keeps text that is not a number (so the schema says so) and an empty field as missing', () => {
    expect(parseDutchNumber('veertig')).toBe('veertig')
    expect(parseDutchNumber('  ')).toBeUndefined()
  })

  it('turns percentages into fractions without float noise, and back', () => {
    expect(parsePercent('5,4')).toBe(0.054)
    expect(parsePercent('37')).toBe(0.37)
    expect(percentText(0.054)).toBe('5,4')
  })
})

describe('intake draft', () => {
  const filled = () => {
    const draft = newDraft('Jan de Vries', '1985-03-14', new Date('2026-05-01'))
    draft.income.forEach((row, index) => (row.profit = String(40_000 + index * 2_000)))
    return draft
  }

  it('a filled draft is a valid case with the defaults of the schema', () => {
    const result = validateDraft(filled())
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.calculationYear).toBe(2030)
    expect(result.value.income.map((row) => row.year)).toEqual([2027, 2028, 2029])
    expect(result.value.assumptions.marginalTaxRate).toBe(0.37)
    expect(result.value.disability.age).toBe(2030 - 1985)
  })

  it('reports problems in plain Dutch at the path of the field', () => {
    const draft = filled()
    draft.income[1]!.profit = 'veertig'
    draft.assumptions.marginalTaxRate = '80'
    const problems = problemsByPath(validateDraft(draft).problems)
    expect(problems['income[1].profit']).toBe('moet een getal zijn')
    expect(problems['assumptions.marginalTaxRate']).toBe('moet 0.6 of minder zijn')
  })

  it('a premium-rate field left empty means the bill version’s own rate', () => {
    const draft = filled()
    expect((toCaseInput(draft)['assumptions'] as { premiumRate: unknown }).premiumRate).toBeNull()
    draft.assumptions.premiumRate = '7'
    expect((toCaseInput(draft)['assumptions'] as { premiumRate: unknown }).premiumRate).toBe(0.07)
  })

  it('a partial saved draft is filled up, and a case round-trips through the draft', () => {
    const partial = normaliseDraft({ client: { name: 'Piet', birthDate: '1990-01-01' }, income: [{ year: '2025', profit: '50000' }] })
    expect(partial.income[0]!.wiaWage).toBe('0')
    expect(partial.profile.riskAppetite).toBe('gemiddeld')
    const result = validateDraft(filled())
    if (!result.ok) throw new Error('expected a valid case')
    const again = validateDraft(draftFromCase(result.value))
    expect(again.ok && again.value).toEqual(result.value)
  })
})

describe('passphrase strength', () => {
  it('rates short, common and repetitive passphrases weak and long sentences strong', () => {
    expect(passphraseStrength('')).toBe(0)
    expect(passphraseStrength('abc')).toBe(1)
    expect(passphraseStrength('wachtwoord123')).toBe(1)
    expect(passphraseStrength('zeven zonnige zeilboten in 2030')).toBeGreaterThanOrEqual(3)
  })
})

describe('the household, the tax rate on benefits and the deviation reason (issue 11)', () => {
  it('an empty need records no household; a typed need does, with Dutch amounts and percent', () => {
    const draft = newDraft('Jan', '1984-05-17', new Date('2030-01-01'))
    expect(toCaseInput(draft)).not.toHaveProperty('household')
    expect((toCaseInput(draft).assumptions as Record<string, unknown>).benefitTaxRate).toBeNull()
    draft.household.netMonthlyNeed = '3.200'
    draft.household.partnerNetMonthly = '1.500,50'
    draft.assumptions.benefitTaxRate = '30'
    draft.client.occupation = 'ontwerper'
    draft.advice.deviationReason = 'Klant wil geen eigen risico.'
    const input = toCaseInput(draft)
    expect(input.household).toEqual({ netMonthlyNeed: 3200, partnerNetMonthly: 1500.5, otherNetMonthly: 0 })
    expect((input.assumptions as Record<string, unknown>).benefitTaxRate).toBe(0.3)
    expect((input.client as Record<string, unknown>).occupation).toBe('ontwerper')
    expect(input.advice).toEqual({ deviationReason: 'Klant wil geen eigen risico.' })
  })

  it('a saved case comes back into the same fields; an older draft without them still opens', () => {
    const draft = newDraft('Jan', '1984-05-17', new Date('2030-01-01'))
    draft.household.netMonthlyNeed = '3.200'
    draft.assumptions.benefitTaxRate = '37'
    draft.income.forEach((row) => (row.profit = '40.000'))
    const validated = validateDraft(draft)
    expect(validated.ok).toBe(true)
    if (!validated.ok) return
    const back = draftFromCase(validated.value)
    expect(parseDutchNumber(back.household.netMonthlyNeed)).toBe(3200)
    expect(back.assumptions.benefitTaxRate).toBe('37')
    const old = normaliseDraft({ client: { name: 'Oud' } })
    expect(old.household.netMonthlyNeed).toBe('')
    expect(old.advice.deviationReason).toBe('')
  })
})

describe('every field of a case survives the draft (what the screen edits and the vault stores)', () => {
  const samples = ['starter', 'high-earner', 'hybrid-worker', 'existing-aov', 'dga']
  const sample = (name: string) => {
    const parsed = parseClientCase(JSON.parse(readFileSync(resolve(`resources/cases/${name}.json`), 'utf8')))
    if (!parsed.ok) throw new Error(`${name} invalid`)
    return parsed.value
  }
  /** Case -> draft -> JSON (as stored) -> normalised (as loaded) -> case. */
  const roundTrip = (value: ClientCase) => {
    const stored = JSON.parse(JSON.stringify(draftFromCase(value))) as unknown
    const back = validateDraft(normaliseDraft(stored), '2100-01-01')
    if (!back.ok) throw new Error(JSON.stringify(back.problems))
    return back.value
  }
  /** The advice's choice and motivation travel beside the case (the advice version), not in it. */
  const comparable = (value: ClientCase) => {
    const { choice: _choice, motivation: _motivation, ...advice } = value.advice ?? {}
    return {
      ...value,
      ...(value.advice ? { advice } : {}),
      // The form always records a profile; an absent one reads as the schema's empty profile.
      profile: value.profile ?? clientProfileSchema.parse({}),
      // Without a broodfonds the number of months means nothing; the form then sends 0.
      assumptions: { ...value.assumptions, broodfondsMonths: value.assumptions.broodfondsMonthly > 0 ? value.assumptions.broodfondsMonths : 0 },
    }
  }

  it.each(samples)('%s comes back unchanged', (name) => {
    const value = sample(name)
    expect(comparable(roundTrip(value))).toEqual(comparable(value))
  })

  it('keeps the transitional-law relaxations, the peildatum, the top-up quote, product details, earnings, overrides and fee', () => {
    const base = sample('existing-aov')
    const value: ClientCase = {
      ...base,
      assumptions: { ...base.assumptions, transitionalPeildatum: '2026-07-01', transitionalRelaxed: ['end-age', 'medical-exclusions', 'threshold'], parameterOverrides: { wmlYearRule: 'january' } },
      topUpQuote: { ...base.existingPolicy!, insurer: 'Aanvuller', product: 'Top-up', validUntil: '2030-03-01', acceptance: 'premietoeslag', startDate: '2030-01-01' },
      disability: { ...base.disability, earnings: 12_500 },
      advice: { ...base.advice, serviceType: 'execution-only', executionOnlyCheck: { passed: true, notes: 'Kent AOV' }, fee: { amount: 950.5, vat: 'inclusief', basis: 'uur' } },
    }
    const back = roundTrip(value)
    expect(back.assumptions.transitionalRelaxed).toEqual(['end-age', 'medical-exclusions', 'threshold'])
    expect(back.assumptions.transitionalPeildatum).toBe('2026-07-01')
    expect(back.assumptions.parameterOverrides).toEqual({ wmlYearRule: 'january' })
    expect(back.topUpQuote).toEqual(value.topUpQuote)
    expect(back.existingPolicy).toEqual(value.existingPolicy)
    expect(back.disability.earnings).toBe(12_500)
    expect(back.advice).toEqual({ deviationReason: undefined, ...value.advice, choice: undefined, motivation: undefined })
    const draft = draftFromCase(value)
    expect(draft.advice.chosenOption).toBe('transitional')
    expect(draft.advice.motivation).toBe(base.advice!.motivation)
  })
})
