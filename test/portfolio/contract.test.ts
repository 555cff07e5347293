/**
 * Contract portfolio-v1 with the addition `incomplete`: the document keeps the contract's fields
 * and ids, every client is in at least one group, and the addition appears only for a client the
 * rules cannot compute (no income years).
 */
import { describe, expect, it } from 'vitest'
import { portfolioReport, triageClient, type PortfolioClient } from '../../shared/portfolio/triage'

const contractIds = ['no-cover', 'aov-fails-opt-out', 'transitional-candidate', 'aov-ends-before-aow', 'over-insured', 'shortfall-exceeds-buffer', 'not-insured-group', 'advice-outdated', 'no-action']
const settings = { scenario: 'tweede-kamer-2026', today: '2026-11-30' }

function client(id: number, name: string, income: PortfolioClient['income']): PortfolioClient {
  return { id, name, birthDate: '1980-05-05', role: 'ib-ondernemer', income, existingPolicy: null, financialBuffer: null, lastAdvice: null }
}
const computed = client(1, 'Met Winst', [{ year: 2026, profit: 60000, wiaWage: 0 }])
const withoutIncome = client(2, 'Zonder Winst', [])

describe('contract portfolio-v1 and the addition incomplete', () => {
  it('a book the rules can compute has only the contract’s group ids', () => {
    const report = portfolioReport([triageClient(computed, settings)], settings.scenario)
    expect(report.groups.map((group) => group.id).every((id) => contractIds.includes(id))).toBe(true)
  })

  it('a client without income years is in incomplete with its reason; the document keeps the contract’s shape', () => {
    const report = portfolioReport([computed, withoutIncome].map((entry) => triageClient(entry, settings)), settings.scenario)
    expect(Object.keys(report).sort()).toEqual(['clients', 'groups', 'parameterHash', 'scenario'])
    expect(report.clients).toBe(2)
    const incomplete = report.groups.find((group) => group.id === 'incomplete')!
    expect(incomplete).toMatchObject({ count: 1, clients: [{ id: 2, name: 'Zonder Winst', reason: 'Kan niet doorrekenen: geen inkomensgegevens (winst per jaar) in het dossier.' }] })
    for (const group of report.groups) {
      // The contract's fields (the label is an addition), each client exactly id, name, reason.
      expect(Object.keys(group).sort()).toEqual(['clients', 'count', 'id', 'label'])
      for (const entry of group.clients) expect(Object.keys(entry).sort()).toEqual(['id', 'name', 'reason'])
    }
    // Every client is in at least one group.
    const seen = new Set(report.groups.flatMap((group) => group.clients.map((entry) => entry.id)))
    expect([...seen].sort()).toEqual([1, 2])
    expect(report.groups.filter((group) => group.id !== 'incomplete').every((group) => contractIds.includes(group.id))).toBe(true)
  })
})
