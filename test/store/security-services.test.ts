/**
 * The security panel's work through the services (the same handlers the app's IPC and the browser
 * host use): a passphrase change locks out the old passphrase, a key renewal keeps everything, and
 * the erase result says whether the data already left the vault file.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { memoryKeyWrapper } from '../../src-main/browser-host'
import type { Services } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'
import { openVault, type KeyWrapper } from '../../src-main/store'
import { fastKdf, removeTempDirs, tempDir, testServices } from './helpers'

const first = 'het eerste lange wachtwoord'
const second = 'een tweede, nieuw wachtwoord'
const running: Services[] = []

afterEach(() => {
  for (const services of running.splice(0)) services.dispose()
  removeTempDirs()
})

function start(dir: string, keyWrapper: KeyWrapper = memoryKeyWrapper()) {
  const services = testServices(dir, { keyWrapper, vaultOptions: { kdf: fastKdf, autoLockAfterMs: 0 } })
  running.push(services)
  const call = (channel: string, payload: unknown = {}) => dispatch(services.handlers, channel, payload)
  const value = async <T>(channel: string, payload: unknown = {}): Promise<T> => {
    const response = await call(channel, payload)
    if (!response.ok) throw new Error(`${channel}: ${response.error.message}`)
    return response.value as T
  }
  return { services, call, value }
}

async function withClient(dir: string, keyWrapper?: KeyWrapper) {
  const app = start(dir, keyWrapper)
  await app.value('vault:create', { passphrase: first, adviser: { name: 'A. Adviseur', firm: '' }, remember: false })
  const client = await app.value<{ id: number }>('clients:create', { name: 'Blijft Bewaard', birthDate: '1980-02-03' })
  await app.value('clients:saveDraft', { id: client.id, draft: { client: { name: 'Blijft Bewaard', birthDate: '03-02-1980' }, notes: 'notitie van voor de wijziging' } })
  return { app, client }
}

describe('changing the passphrase in the app', () => {
  it('refuses a wrong current passphrase, a short new one and the same one, plainly, and changes nothing', async () => {
    const dir = tempDir()
    const { app } = await withClient(dir)
    const keyFile = readFileSync(join(dir, 'v.vault.keys'))
    expect(await app.call('vault:changePassphrase', { current: 'niet het wachtwoord', next: second })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase', message: 'Onjuist wachtwoord.' } })
    expect(await app.call('vault:changePassphrase', { current: first, next: 'te kort' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', problems: [{ path: 'next', message: expect.stringMatching(/minstens 12 tekens/) }] },
    })
    expect(await app.call('vault:changePassphrase', { current: first, next: first })).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/hetzelfde als het huidige/) } })
    expect(readFileSync(join(dir, 'v.vault.keys')).equals(keyFile)).toBe(true)
  })

  it('after a change the old passphrase no longer opens the vault, the new one does, and the data is there', async () => {
    const dir = tempDir()
    const { app, client } = await withClient(dir)
    const renewal = await app.value<{ pages: number; remembered: boolean; status: { unlocked: boolean } }>('vault:changePassphrase', { current: first, next: second })
    expect(renewal.pages).toBeGreaterThan(0)
    expect(renewal.status.unlocked).toBe(true)
    await app.value('vault:lock')
    expect(await app.call('vault:unlock', { passphrase: first, remember: false })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } })
    await app.value('vault:unlock', { passphrase: second, remember: false })
    const record = await app.value<{ draft: { notes: string } }>('clients:get', { id: client.id })
    expect(record.draft.notes).toBe('notitie van voor de wijziging')
  })

  it('renewing the key keeps the passphrase, the data and "onthoud op dit apparaat"', async () => {
    const dir = tempDir()
    const keychain = memoryKeyWrapper()
    const app = start(dir, keychain)
    await app.value('vault:create', { passphrase: first, adviser: { name: 'A. Adviseur', firm: '' }, remember: true })
    const client = await app.value<{ id: number }>('clients:create', { name: 'Na Vernieuwen', birthDate: '1981-01-01' })
    const before = readFileSync(join(dir, 'v.vault'))
    expect(await app.call('vault:renewKey', { passphrase: 'fout wachtwoord hier' })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } })
    const renewal = await app.value<{ remembered: boolean }>('vault:renewKey', { passphrase: first })
    expect(renewal.remembered).toBe(true)
    // Re-encrypted: the file's pages are not those of before.
    expect(readFileSync(join(dir, 'v.vault')).subarray(4096, 8192).equals(before.subarray(4096, 8192))).toBe(false)
    await app.value('vault:lock')
    await app.value('vault:unlockRemembered')
    expect((await app.value<{ name: string }>('clients:get', { id: client.id })).name).toBe('Na Vernieuwen')
    await app.value('vault:lock')
    const reopened = await openVault(join(dir, 'v.vault'), { passphrase: first }, { autoLockAfterMs: 0 })
    expect(reopened.clients.get(client.id)?.name).toBe('Na Vernieuwen')
    expect(reopened.audit.list({ limit: 5 }).map((entry) => entry.action)).toContain('vault.key-renewed')
    reopened.lock()
  })
})

describe('erasing a client in the app', () => {
  it('says whether the data left the vault file, and when it will while another program reads it', async () => {
    const dir = tempDir()
    const { app, client } = await withClient(dir)
    expect(await app.value('clients:erase', { id: client.id, confirmName: 'blijft bewaard' })).toEqual({ erased: true, book: 'vault', goneFromFile: true })

    const other = await app.value<{ id: number }>('clients:create', { name: 'Tweede Klant', birthDate: '1982-02-02' })
    const reader = await openVault(join(dir, 'v.vault'), { passphrase: first }, { autoLockAfterMs: 0 })
    const connection = (reader as unknown as { connection: import('../../src-main/store/connection').Db }).connection
    connection.prepare('BEGIN').run()
    connection.prepare('SELECT count(*) FROM clients').pluck().get()
    expect(await app.value('clients:erase', { id: other.id, confirmName: 'Tweede Klant' })).toEqual({ erased: true, book: 'vault', goneFromFile: false })
    connection.prepare('COMMIT').run()
    reader.lock()
  })
})
