/** The intake draft: Dutch number input, conversion to a case, validation keyed by form paths. */
import { describe, expect, it } from 'vitest'
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
