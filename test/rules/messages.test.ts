/**
 * Rule texts in two languages: every message id in both catalogs, English numbers in English
 * text, and the same calculation in both languages.
 */
import { describe, expect, it } from 'vitest'
import { catalogs, renderMessage } from '../../shared/messages'
import { missingMessages } from '../../shared/messages/check'
import { advise } from '../../shared/rules/advise'
import { goodPolicy, makeCase } from './helpers'

describe('the message catalogs', () => {
  it('the English catalog has every Dutch id, and no other', () => {
    expect(missingMessages(catalogs.nl, catalogs.en)).toEqual([])
    expect(missingMessages(catalogs.en, catalogs.nl)).toEqual([])
  })

  it('the check fails on a missing translation', () => {
    const { ['option.baz']: _dropped, ...incomplete } = catalogs.en
    expect(missingMessages(catalogs.nl, incomplete)).toEqual(['option.baz'])
  })

  it('a policy in force on an assumed reference date reads as one sentence, one bracket', () => {
    const input = { passed: true, peildatum: '2030-01-01', assumed: true, start: '2016-01-01' }
    expect(renderMessage('nl', 'condition.inForce', input)).toBe('de polis liep al op de peildatum 1 januari 2030 (aangenomen; ingangsdatum 1 januari 2016)')
    expect(renderMessage('en', 'condition.inForce', input)).toBe('the policy was already running on the reference date 1 January 2030 (assumed; start date 1 January 2016)')
    expect(renderMessage('nl', 'condition.inForce', { ...input, assumed: false })).toBe('de polis liep al op de peildatum 1 januari 2030 (ingangsdatum 1 januari 2016)')
  })

  it('English text uses English number conventions', () => {
    expect(renderMessage('en', 'trace.optionPremium.baz', { amount: 1234.56 })).toBe('Baz premium €1,234.56')
    expect(renderMessage('nl', 'trace.optionPremium.baz', { amount: 1234.56 })).toBe('Baz-premie €\u00a01.234,56')
    expect(renderMessage('en', 'assumption.wmlIndexation', { rate: 0.054 })).toContain('5.4%')
  })
})

describe('one calculation, two languages', () => {
  const clientCase = makeCase({ privateQuote: goodPolicy, existingPolicy: { ...goodPolicy, startDate: '2015-01-01' } })
  const dutch = advise(clientCase)
  const english = advise(clientCase, { language: 'en' })

  it('the figures are the same', () => {
    const figures = (result: typeof dutch) => result.options.map((option) => [option.id, option.available, option.premium, option.benefit, option.totals])
    expect(figures(english)).toEqual(figures(dutch))
  })

  it('the texts differ: reasons, conditions, assumptions and explanations are in English', () => {
    expect(english.scenarioLabel).toBe('Baz bill sent to the Council of State (September 2025)')
    expect(english.options[0]!.label).toBe('Baz (public insurance)')
    expect(english.explanations['baz.premium.2030']!.label).toBe('Premium 2030')
    expect(english.explanations['baz.premium.2030']!.expression).toMatch(/^5\.4% × €/)
    expect(english.assumptions.find((note) => note.id === 'input-wml-indexation')!.text).toBe('The minimum wage after the last known amount rises by 2% a year (adviser input).')
  })
})
