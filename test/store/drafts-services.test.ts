/**
 * "Nothing typed may ever be lost": a draft saved through the services survives locking, closing
 * the vault and a restart (a new services instance on the same files).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { parseClientCase } from '../../shared/schema/case'
import { draftFromCase } from '../../shared/intake/draft'
import { type Services } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'
import { openVault } from '../../src-main/store'
import { filesIn, removeTempDirs, tempDir, testServices } from './helpers'

const vaultPassphrase = 'een lange zin als wachtwoord'
const running: Services[] = []

afterEach(() => {
  for (const services of running.splice(0)) services.dispose()
  removeTempDirs()
})

/** One "app start": fresh services (empty caches) over the vault and settings in `dir`. */
function start(dir: string) {
  const services = testServices(dir)
  running.push(services)
  const call = (channel: string, payload: unknown) => dispatch(services.handlers, channel, payload)
  const value = async <T>(channel: string, payload: unknown): Promise<T> => {
    const response = await call(channel, payload)
    if (!response.ok) throw new Error(`${channel}: ${response.error.message}`)
    return response.value as T
  }
  return { services, call, value }
}

interface ClientRecordOut {
  id: number
  name: string
  draft: Record<string, unknown>
  complete: boolean
}

/** The intake as typed: role, profile, assumptions, illustration, notes and text that does not validate yet. */
function typed(marker: string) {
  return {
    client: { name: 'Jan de Vries', birthDate: '1985-03-14', role: 'ib-ondernemer' },
    profile: { goals: 'Gezin beschermen', buffer: 'drie maanden', riskAppetite: 'laag', knowledge: 'weinig ervaring' },
    income: [{ year: '2029', profit: 'ongeveer veertig', wiaWage: '' }],
    assumptions: { premiumRate: '8,5', profitGrowth: '' },
    disability: { age: '50', degree: '80' },
    adviserNotes: `Twijfelt over broodfonds ${marker}`,
    existingPolicy: null,
    privateQuote: null,
  }
}

describe('drafts through the services', () => {
  it('survive locking, closing the vault and a restart of the app', async () => {
    const dir = tempDir('vangnet-drafts-services-')
    const marker = `DIENST${Date.now().toString(36)}MARKER`
    const first = start(dir)
    await first.value('vault:create', { passphrase: vaultPassphrase, adviser: { name: 'Anna de Adviseur' }, remember: false })
    const client = await first.value<ClientRecordOut>('clients:create', { name: 'Jan de Vries', birthDate: '1985-03-14' })
    const saved = await first.value<{ problems: unknown[] }>('clients:saveDraft', { id: client.id, draft: typed(marker) })
    expect(saved.problems.length).toBeGreaterThan(0)
    expect(await first.value('clients:get', { id: client.id })).toMatchObject({ draft: typed(marker), complete: false })

    // Lock and unlock: the cache is emptied, the draft comes back from the vault.
    await first.value('vault:lock', {})
    expect(await first.call('clients:get', { id: client.id })).toMatchObject({ ok: false, error: { code: 'locked' } })
    await first.value('vault:unlock', { passphrase: vaultPassphrase, remember: false })
    expect(await first.value('clients:get', { id: client.id })).toMatchObject({ draft: typed(marker), complete: false })

    // A complete case is remembered as complete.
    const starter = parseClientCase(JSON.parse(readFileSync('resources/cases/starter.json', 'utf8')))
    if (!starter.ok) throw new Error('sample case invalid')
    const completeDraft = JSON.parse(JSON.stringify({ ...draftFromCase({ ...starter.value, client: { ...starter.value.client, name: 'Jan de Vries', birthDate: '1985-03-14' } }), adviserNotes: `Compleet ${marker}` })) as Record<string, unknown>
    await first.value('clients:saveDraft', { id: client.id, draft: completeDraft })

    // Quit: the vault is locked and closed, the process's memory is gone.
    first.services.dispose()
    for (const [file, bytes] of filesIn(dir)) expect(bytes.includes(Buffer.from(marker)), `${marker} in ${file}`).toBe(false)

    // Start again, on the same files.
    const second = start(dir)
    expect(await second.value('vault:status', {})).toMatchObject({ exists: true, unlocked: false })
    await second.value('vault:unlock', { passphrase: vaultPassphrase, remember: false })
    expect(await second.value('clients:recent', {})).toMatchObject([{ id: client.id, name: 'Jan de Vries' }])
    const reopened = await second.value<ClientRecordOut>('clients:get', { id: client.id })
    expect(reopened.draft).toEqual(completeDraft)
    expect(reopened.complete).toBe(true)

    // Typing on after the restart overwrites it; erasing the client removes it for good.
    await second.value('clients:saveDraft', { id: client.id, draft: typed(`${marker}-2`) })
    expect(await second.value('clients:get', { id: client.id })).toMatchObject({ draft: { adviserNotes: `Twijfelt over broodfonds ${marker}-2` }, complete: false })
    await second.value('clients:erase', { id: client.id, confirmName: 'Jan de Vries' })
    second.services.dispose()

    const vault = await openVault(join(dir, 'v.vault'), { passphrase: vaultPassphrase })
    try {
      expect(vault.drafts.get(client.id)).toBeNull()
      expect(JSON.stringify(vault.audit.list({ limit: 10_000 }))).not.toContain(marker)
    } finally {
      vault.lock()
    }
  })
})
