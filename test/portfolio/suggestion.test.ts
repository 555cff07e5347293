/**
 * "Is the chosen option still the one the rules suggest?" The triage compares the stored advice's
 * chosen option with the suggestion (shared/rules/suggestion.ts) under the version now chosen.
 *
 * The client: an AOV of € 42.000 with € 2.900 premium a year, a small need the partner's income
 * and a large buffer cover, so every option leaves nothing uncovered and the net premium until the
 * AOW date decides. Net premium until AOW: the opt-out € 32.140,18 under every version; the Baz
 * € 36.516,01 under consultatie-2024 (the opt-out is suggested) and € 30.336,38 under
 * raad-van-state-2025 (the Baz is suggested).
 */
import { describe, expect, it } from 'vitest'
import { triageClient, type PortfolioClient, type StoredAdvice } from '../../shared/portfolio/triage'
import { advise } from '../../shared/rules/advise'
import { parseClientCase, type ClientCase } from '../../shared/schema/case'
import type { OptionId } from '../../shared/schema/result'
import { samplePolicy } from '../store/helpers'

const today = '2026-11-30'

function clientCase(scenario: string): ClientCase {
  const parsed = parseClientCase({
    schemaVersion: 1,
    scenario,
    calculationYear: 2030,
    client: { name: 'Els Premie', birthDate: '1980-05-05', role: 'ib-ondernemer' },
    income: [
      { year: 2025, profit: 88000, wiaWage: 0 },
      { year: 2026, profit: 90000, wiaWage: 0 },
    ],
    // Premium level, not indexed, deductible: the schema's defaults.
    existingPolicy: { ...samplePolicy, insuredAmount: 42000, annualPremium: 2900, startDate: '2015-01-01' },
    disability: { age: 50, degree: 1 },
    household: { netMonthlyNeed: 500, partnerNetMonthly: 400 },
    profile: { financialBuffer: 100000 },
    assumptions: { benefitTaxRate: 0.37 },
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

/** Advice saved under `scenario` with the adviser's `chosen` option, as the vault stores it. */
function client(scenario: string, chosen: OptionId): PortfolioClient {
  const saved = clientCase(scenario)
  const result = advise(saved)
  const lastAdvice: StoredAdvice = {
    versionNo: 2,
    createdAt: '2026-10-01T10:00:00.000Z',
    scenario,
    parameterHash: result.parameterHash,
    clientCase: saved,
    chosenOption: chosen,
    suggestedOption: result.suggestion?.optionId ?? null,
    options: result.options.map((option) => ({ id: option.id, available: option.available, premium: option.premium.annual, benefit: option.benefit.annualAtFullDisability })),
  }
  return { id: 7, name: 'Els Premie', birthDate: '1980-05-05', role: 'ib-ondernemer', income: saved.income, existingPolicy: saved.existingPolicy, financialBuffer: 100000, lastAdvice }
}

function outdatedReason(triaged: ReturnType<typeof triageClient>): string | undefined {
  return triaged.hits.find((hit) => hit.group === 'advice-outdated')?.reason
}

describe('herziening nodig: the chosen option against the suggestion now', () => {
  it('the figures behind the case: the suggestion moves from the opt-out to the Baz', () => {
    const before = advise(clientCase('consultatie-2024'))
    const after = advise(clientCase('raad-van-state-2025'))
    const premium = (result: typeof before, id: OptionId) => result.options.find((option) => option.id === id)!.totals.netPremium
    expect([premium(before, 'opt-out'), premium(before, 'baz'), premium(after, 'baz')]).toEqual([32140.18, 36516.01, 30336.38])
    expect(before.suggestion?.optionId).toBe('opt-out')
    expect(after.suggestion?.optionId).toBe('baz')
  })

  it('says so when the rules now suggest another option than the chosen one', () => {
    const triaged = triageClient(client('consultatie-2024', 'opt-out'), { scenario: 'raad-van-state-2025', today })
    expect(outdatedReason(triaged)).toMatch(/^Herziening nodig: advies versie 2 van 1 oktober 2026; wetsvoorstel consultatie-2024 → raad-van-state-2025; Vangnet stelt nu "Baz \(publieke verzekering\)" voor, niet de gekozen "Opt-out met de lopende AOV"\.$/)
  })

  it('in English too', () => {
    const triaged = triageClient(client('consultatie-2024', 'opt-out'), { scenario: 'raad-van-state-2025', today, language: 'en' })
    expect(outdatedReason(triaged)).toMatch(/^Review needed: advice version 2 of 1 October 2026; bill version consultatie-2024 → raad-van-state-2025; Vangnet now suggests "Baz \(public insurance\)", not the chosen "Opt-out with the current AOV"\.$/)
  })

  it('is quiet when the chosen option is the suggestion now', () => {
    const triaged = triageClient(client('consultatie-2024', 'baz'), { scenario: 'raad-van-state-2025', today })
    expect(outdatedReason(triaged)).not.toMatch(/stelt nu/)
  })

  it('does not repeat a deviation the adviser already made, with its reason, from the same suggestion', () => {
    // Under consultatie-2024 the opt-out was suggested and the adviser chose the Baz anyway.
    const triaged = triageClient(client('consultatie-2024', 'baz'), { scenario: 'consultatie-2024', today })
    expect(outdatedReason(triaged)).toBeUndefined()
  })

  it('does mark a deviation when nothing recorded what was suggested then', () => {
    const old = client('consultatie-2024', 'baz')
    const triaged = triageClient({ ...old, lastAdvice: { ...old.lastAdvice!, suggestedOption: null } }, { scenario: 'consultatie-2024', today })
    expect(outdatedReason(triaged)).toMatch(/^Herziening nodig: advies versie 2 van 1 oktober 2026; Vangnet stelt nu "Opt-out met de lopende AOV" voor, niet de gekozen "Baz \(publieke verzekering\)"\.$/)
  })
})
