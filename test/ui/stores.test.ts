// @vitest-environment happy-dom
/** Pinia stores: autosave (nothing typed is lost), the idle lock, search ordering, the live comparison. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { readFileSync } from 'node:fs'
import { useDossierStore, autosaveDelayMs } from '../../src-renderer/src/stores/dossier'
import { useSessionStore } from '../../src-renderer/src/stores/session'
import { useClientsStore } from '../../src-renderer/src/stores/clients'
import { useComparisonStore } from '../../src-renderer/src/stores/comparison'
import { draftFromCase } from '../../shared/intake/draft'
import { parseClientCase } from '../../shared/schema/case'
import { installFakeApi } from './fake-api'

const record = { id: 7, name: 'Jan de Vries', birthDate: '1985-03-14', updatedAt: '2026-05-01T10:00:00.000Z', draft: {}, complete: false }

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.useRealTimers())

describe('dossier autosave', () => {
  it('saves once, shortly after the last keystroke, with the latest text', async () => {
    vi.useFakeTimers()
    const { calls } = installFakeApi({ getClient: () => record, saveDraft: () => ({ savedAt: '2026-05-01T10:00:01.000Z', problems: [] }) })
    const dossier = useDossierStore()
    await dossier.open(7)
    expect(dossier.saveState).toBe('saved')
    dossier.draft!.income[0]!.profit = '4'
    dossier.draft!.income[0]!.profit = '41'
    dossier.draft!.income[0]!.profit = '41.000'
    expect(dossier.saveState).toBe('pending')
    await vi.advanceTimersByTimeAsync(autosaveDelayMs + 10)
    const saves = calls.filter((call) => call.method === 'saveDraft')
    expect(saves).toHaveLength(1)
    const request = saves[0]!.request as { draft: { income: { profit: string }[] } }
    expect(request.draft.income[0]!.profit).toBe('41.000')
    // Only the draft is sent: the main process derives the case itself.
    expect(Object.keys(request)).toEqual(['id', 'draft'])
    expect(dossier.saveState).toBe('saved')
  })

  it('keeps invalid input and saves it as typed; a failed save keeps the text and says so', async () => {
    let fail = true
    installFakeApi({
      getClient: () => record,
      saveDraft: () => {
        if (fail) throw { code: 'locked', message: 'De kluis is vergrendeld.' }
        return { savedAt: 'x', problems: [] }
      },
    })
    const dossier = useDossierStore()
    await dossier.open(7)
    dossier.draft!.income[1]!.profit = 'veertig'
    await dossier.flush()
    expect(dossier.saveState).toBe('error')
    expect(dossier.saveError).toContain('vergrendeld')
    expect(dossier.draft!.income[1]!.profit).toBe('veertig')
    fail = false
    await dossier.flush()
    expect(dossier.saveState).toBe('saved')
  })

  it('shows a field’s problem once the adviser has left it (or asked for all)', async () => {
    installFakeApi({ getClient: () => record, saveDraft: () => ({ savedAt: 'x', problems: [] }) })
    const dossier = useDossierStore()
    await dossier.open(7)
    dossier.draft!.income[0]!.profit = 'abc'
    expect(dossier.problemFor('income[0].profit')).toBeUndefined()
    dossier.touch('income[0].profit')
    expect(dossier.problemFor('income[0].profit')).toBe('moet een getal zijn')
    dossier.showAllProblems = true
    expect(dossier.problemFor('income[1].profit')).toBe('ontbreekt')
  })
})

describe('session', () => {
  it('locks after the idle minutes, flushing the dossier first', async () => {
    vi.useFakeTimers()
    const order: string[] = []
    installFakeApi({
      lockVault: () => (order.push('lock'), { exists: true, unlocked: false, keychainAvailable: false, remembered: false }),
    })
    const session = useSessionStore()
    session.status = { exists: true, unlocked: true, keychainAvailable: false, remembered: false }
    session.settings = { autoLockMinutes: 5, language: 'nl-NL' }
    session.beforeLock(async () => void order.push('flush'))
    const locked = vi.fn()
    session.touch()
    session.startIdleWatch(locked, () => void order.push('remember screen'), Date.now, 1000)
    await vi.advanceTimersByTimeAsync(4 * 60_000)
    expect(locked).not.toHaveBeenCalled()
    session.touch()
    await vi.advanceTimersByTimeAsync(4 * 60_000)
    expect(locked).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(60_000 + 1000)
    expect(locked).toHaveBeenCalledTimes(1)
    expect(order).toEqual(['remember screen', 'flush', 'lock'])
    session.stopIdleWatch()
  })
})

describe('client search', () => {
  it('shows only the answer to the latest query when answers overtake each other', async () => {
    const resolvers: ((value: unknown) => void)[] = []
    installFakeApi({ listClients: () => new Promise((resolve) => resolvers.push(resolve)) })
    const clients = useClientsStore()
    const first = clients.search('j')
    const second = clients.search('jan')
    resolvers[1]!([{ id: 1, name: 'Jan', birthDate: null, updatedAt: '' }])
    await second
    resolvers[0]!([{ id: 2, name: 'Joke', birthDate: null, updatedAt: '' }])
    await first
    expect(clients.results.map((client) => client.name)).toEqual(['Jan'])
  })
})

describe('live comparison', () => {
  it('recomputes all options from the shared rules on every change of the case', async () => {
    const fixture = parseClientCase(JSON.parse(readFileSync('resources/cases/hybrid-worker.json', 'utf8')))
    if (!fixture.ok) throw new Error('fixture')
    installFakeApi({ getClient: () => ({ ...record, draft: draftFromCase(fixture.value) }), saveDraft: () => ({ savedAt: 'x', problems: [] }) })
    const dossier = useDossierStore()
    const comparison = useComparisonStore()
    await dossier.open(7)
    const before = comparison.result!.options.find((option) => option.id === 'baz')!.premium.annual
    dossier.draft!.assumptions.premiumRate = '8'
    await nextTick()
    const after = comparison.result!.options.find((option) => option.id === 'baz')!.premium.annual
    expect(after).toBeGreaterThan(before)
    dossier.draft!.income[0]!.profit = 'abc'
    await nextTick()
    expect(comparison.result).toBeNull()
    expect(comparison.timings.length).toBeGreaterThanOrEqual(2)
  })
})
