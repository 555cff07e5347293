/**
 * The "waiting-period shortfall larger than the buffer" group weighs the buffer against the
 * household's income picture when the last advice recorded a need (issue 14 with issue 11): the
 * shortfall is need − continuing net income over the waiting months, after the broodfonds — not
 * the gross profit the illustration counts when no need is known.
 */
import { describe, expect, it } from 'vitest'
import { triageCase, triageClient, type PortfolioClient } from '../../shared/portfolio/triage'
import { advise } from '../../shared/rules/advise'
import { defaultScenarioId, parseClientCase } from '../../shared/schema/case'

const income = [
  { year: 2029, profit: 60000, wiaWage: 0 },
  { year: 2030, profit: 60000, wiaWage: 0 },
]

function clientWith(buffer: number, household: { netMonthlyNeed: number; partnerNetMonthly: number } | null): PortfolioClient {
  const parsed = parseClientCase({
    schemaVersion: 1,
    scenario: defaultScenarioId,
    calculationYear: 2030,
    client: { name: 'Noor Buffer', birthDate: '1985-03-10', role: 'ib-ondernemer' },
    income,
    disability: { age: 45, degree: 1 },
    ...(household ? { household } : {}),
  })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  const result = advise(parsed.value)
  return {
    id: 1,
    name: 'Noor Buffer',
    birthDate: '1985-03-10',
    role: 'ib-ondernemer',
    income,
    existingPolicy: null,
    financialBuffer: buffer,
    lastAdvice: {
      versionNo: 1,
      createdAt: '2030-01-15T10:00:00Z',
      scenario: defaultScenarioId,
      parameterHash: result.parameterHash,
      clientCase: parsed.value,
      chosenOption: 'baz',
      suggestedOption: result.suggestion?.optionId ?? null,
      options: result.options.map((option) => ({ id: option.id, available: option.available, premium: option.premium.annual, benefit: option.benefit.annualAtFullDisability })),
    },
  }
}

const settings = { scenario: defaultScenarioId, today: '2030-06-01' }

describe('triage: waiting-period shortfall against the buffer', () => {
  it('uses the income picture of the chosen option when the advice recorded the household need', () => {
    const client = clientWith(12000, { netMonthlyNeed: 3500, partnerNetMonthly: 2500 })
    const clientCase = triageCase(client, settings.scenario, 2030)
    if (!clientCase.ok) throw new Error(clientCase.reason)
    const baz = advise(clientCase.value).options.find((option) => option.id === 'baz')!
    const waiting = baz.incomePicture!.phases.find((phase) => phase.id === 'waiting')!
    // € 1.000 a month open (need 3.500 − partner 2.500) over the two-year waiting period: more
    // than the € 12.000 buffer, yet far less than the gross gap the illustration counts.
    expect(waiting.shortfallMonthly).toBe(1000)
    expect(waiting.shortfallTotal).toBe(24000)
    expect(baz.illustration.remainingGap).toBeGreaterThan(24000)
    const hit = triageClient(client, settings).hits.find((candidate) => candidate.group === 'shortfall-exceeds-buffer')
    expect(hit?.reason).toMatch(/€\s24\.000,00 is groter dan de buffer van €\s12\.000,00\.$/)
  })

  it('leaves a client out of the group when the buffer covers the household shortfall, though not the gross gap', () => {
    const client = clientWith(30000, { netMonthlyNeed: 3500, partnerNetMonthly: 2500 })
    expect(triageClient(client, settings).hits.map((hit) => hit.group)).not.toContain('shortfall-exceeds-buffer')
  })

  it('falls back to the gross gap of the illustration without a recorded need', () => {
    const client = clientWith(30000, null)
    expect(triageClient(client, settings).hits.map((hit) => hit.group)).toContain('shortfall-exceeds-buffer')
  })
})
