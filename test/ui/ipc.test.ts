/**
 * The IPC contract and the two doors to it: the preload exposes exactly the declared methods, the
 * dispatcher validates every payload, the browser host guards its loopback door, and the services
 * behind both run the real vault, rules and reports.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiMethods, ipcChannels, type IpcResponse } from '../../shared/ipc'
import { parseClientCase } from '../../shared/schema/case'
import { formatEuro } from '../../shared/format'
import { dispatch, type ServiceHandlers } from '../../src-main/services/dispatch'
import { type Services } from '../../src-main/services'
import { startBrowserHost, type BrowserHost } from '../../src-main/browser-host/server'
import { contentSecurityPolicy } from '../../src-main/main/security'
import { testServices } from '../store/helpers'

const testKdf = { algorithm: 'scrypt' as const, N: 2 ** 12, r: 8, p: 1 }

describe('the contract', () => {
  it('the preload builds one method per channel from the one list of channels, without zod', () => {
    const source = readFileSync('src-main/preload/index.ts', 'utf8')
    expect(source).toMatch(/Object\.entries\(apiMethods\)\.map\(\(\[method, channel\]\) => \[method, on\(channel\)\]\)/)
    expect(source).not.toMatch(/ipcRenderer\.(send|on|sendSync)\b/)
    expect(source).toMatch(/^import type \{[^}]+\} from '\.\.\/\.\.\/shared\/ipc'$/m)
    expect(source).toMatch(/^import \{ apiMethods, type IpcChannel \} from '\.\.\/\.\.\/shared\/ipc-methods'$/m)
    // The list of channels imports nothing (so the sandboxed preload bundles no zod).
    expect(readFileSync('shared/ipc-methods.ts', 'utf8')).not.toMatch(/^import /m)
  })

  it('every channel has a method and a request schema', () => {
    expect(Object.values(apiMethods).sort()).toEqual(Object.keys(ipcChannels).sort())
  })
})

describe('dispatch', () => {
  const handlers = { 'clients:get': async ({ id }: { id: number }) => ({ id }) } as unknown as ServiceHandlers

  it('refuses unknown channels, including inherited property names', async () => {
    for (const name of ['nope', '__proto__', 'constructor', 'toString']) {
      expect(await dispatch(handlers, name, {})).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
  })

  it('validates the payload with the channel’s schema, in plain Dutch', async () => {
    expect(await dispatch(handlers, 'clients:get', { id: 3 })).toEqual({ ok: true, value: { id: 3 } })
    const bad = (await dispatch(handlers, 'clients:get', { id: 'drie' })) as Extract<IpcResponse<unknown>, { ok: false }>
    expect(bad.error.code).toBe('invalid-input')
    expect(bad.error.message).toBe('id: moet een getal zijn')
    expect(await dispatch(handlers, 'clients:get', { id: 3, extra: true })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
  })

  it('hides the text of unexpected errors (it might hold client data)', async () => {
    const seen: string[] = []
    const failing = { 'clients:get': () => { throw new Error('Jan de Vries, 1985-03-14') } } as unknown as ServiceHandlers
    const result = (await dispatch(failing, 'clients:get', { id: 1 }, { onInternalError: (channel) => seen.push(channel) })) as Extract<IpcResponse<unknown>, { ok: false }>
    expect(result.error.code).toBe('internal')
    expect(result.error.message).not.toContain('Jan')
    expect(seen).toEqual(['clients:get'])
  })
})

describe('browser host', () => {
  let host: BrowserHost
  let dir: string
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vangnet-host-test-'))
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>')
    writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
    host = await startBrowserHost({ rendererDir: dir, handlers: { 'app:info': () => ({ name: 'Vangnet', version: '0', host: 'browser-host' }) } as unknown as ServiceHandlers })
  })
  afterAll(async () => {
    await host.close()
    rmSync(dir, { recursive: true, force: true })
  })

  function get(path: string, headers: Record<string, string> = {}, method = 'GET', body?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
    const url = new URL(path, host.origin)
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: url.port, path: url.pathname + url.search, method, headers }, (res) => {
        let text = ''
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: text }))
      })
      req.on('error', reject)
      req.end(body)
    })
  }

  it('binds to loopback and asks for the token once, then a strict same-site cookie', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect((await get('/')).status).toBe(403)
    expect((await get('/?token=wrong')).status).toBe(403)
    const first = await get(`/?token=${host.token}`)
    expect(first.status).toBe(200)
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
    expect(first.headers['content-security-policy']).toBe(contentSecurityPolicy)
    expect(first.body).toContain('<script src="/__vangnet/shim.js"></script>')
    const cookie = `vangnet_host=${host.token}`
    const shim = await get('/__vangnet/shim.js', { cookie })
    expect(shim.body).toContain('"appInfo": (request) => call("app:info", request)')
    expect((await get('/assets/app.js', { cookie })).status).toBe(200)
    expect((await get('/assets/../../etc/passwd', { cookie })).status).toBe(404)
  })

  it('refuses another Host header (DNS rebinding) and cross-origin or non-JSON API calls', async () => {
    const cookie = `vangnet_host=${host.token}`
    expect((await get('/', { cookie, host: 'evil.example' })).status).toBe(421)
    const api = '/__vangnet/api/app:info'
    expect((await get(api, { cookie, 'content-type': 'application/json' }, 'POST', '{}')).status).toBe(403)
    expect((await get(api, { cookie, origin: 'http://evil.example', 'content-type': 'application/json' }, 'POST', '{}')).status).toBe(403)
    expect((await get(api, { cookie, origin: host.origin, 'content-type': 'text/plain' }, 'POST', '{}')).status).toBe(415)
    const ok = await get(api, { cookie, origin: host.origin, 'content-type': 'application/json' }, 'POST', '{}')
    expect(JSON.parse(ok.body)).toEqual({ ok: true, value: { name: 'Vangnet', version: '0', host: 'browser-host' } })
  })
})

describe('services over a real vault', () => {
  let dir: string
  let services: Services
  const call = async (channel: string, payload: unknown) => dispatch(services.handlers, channel, payload)
  const value = async <T>(channel: string, payload: unknown): Promise<T> => {
    const response = await call(channel, payload)
    if (!response.ok) throw new Error(`${channel}: ${response.error.message}`)
    return response.value as T
  }

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'vangnet-services-'))
    services = testServices(dir, {
      vaultOptions: { kdf: testKdf },
    })
  })
  afterAll(() => {
    services.dispose()
    rmSync(dir, { recursive: true, force: true })
  })

  it('creates, locks and unlocks the vault; a wrong passphrase is said plainly', async () => {
    expect(await value('vault:status', {})).toMatchObject({ exists: false, unlocked: false })
    expect(await call('vault:create', { passphrase: 'kort', adviser: { name: 'A' }, remember: false })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    await value('vault:create', { passphrase: 'een lange zin als wachtwoord', adviser: { name: 'Anna de Adviseur', firm: 'Bureau' }, remember: true })
    expect(await value('vault:status', {})).toMatchObject({ exists: true, unlocked: true, remembered: true })
    await value('vault:lock', {})
    expect(await call('clients:list', { query: '' })).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect(await call('vault:unlock', { passphrase: 'fout wachtwoord', remember: false })).toMatchObject({ ok: false, error: { code: 'wrong-passphrase', message: 'Onjuist wachtwoord.' } })
    await value('vault:unlockRemembered', {})
    expect(await value('adviser:get', {})).toEqual({ name: 'Anna de Adviseur', firm: 'Bureau', afmNumber: '', kifidNumber: '' })
  })

  it('keeps the intake as typed and derives the valid structured parts from it in the main process', async () => {
    const client = await value<{ id: number }>('clients:create', { name: 'Jan de Vries', birthDate: '1985-03-14' })
    expect(await call('clients:create', { name: 'Nog Niet Geboren', birthDate: '2999-01-01' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const draft = { client: { name: 'Jan de Vries', birthDate: '1985-03-14' }, income: [{ year: '2024', profit: 'veertig' }], adviserNotes: 'notitie' }
    const saved = await value<{ problems: { path: string }[] }>('clients:saveDraft', { id: client.id, draft })
    expect(saved.problems.map((problem) => problem.path)).toContain('income[0].profit')
    expect(await value('clients:get', { id: client.id })).toMatchObject({ draft: { income: [{ profit: 'veertig' }], adviserNotes: 'notitie' } })
    // A renderer cannot send a case of its own beside the draft any more.
    expect(await call('clients:saveDraft', { id: client.id, draft, caseInput: {} } as never)).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const valid = { ...draft, client: { name: 'Jan de Vries-Bakker', birthDate: '1985-03-14' }, income: [{ year: '2024', profit: '€ 40.000,-', wiaWage: '0' }] }
    await value('clients:saveDraft', { id: client.id, draft: valid })
    expect(await value('clients:list', { query: 'bakker' })).toMatchObject([{ name: 'Jan de Vries-Bakker' }])
  })

  it('saves advice computed in main, signs the report and verifies it; erase asks for the name', async () => {
    const sample = parseClientCase(JSON.parse(readFileSync('resources/cases/starter.json', 'utf8')))
    if (!sample.ok) throw new Error('sample')
    const client = await value<{ id: number }>('clients:create', { name: 'Sanne Starter', birthDate: sample.value.client.birthDate })
    expect(await call('advice:save', { clientId: client.id, clientCase: { ...sample.value, income: [] }, chosenOption: 'baz', recommendation: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const first = await value<{ id: number; versionNo: number; changes: string[] }>('advice:save', { clientId: client.id, clientCase: sample.value, chosenOption: 'baz', recommendation: 'Alleen de Baz.' })
    expect(first).toMatchObject({ versionNo: 1, changes: ['Eerste adviesversie.'] })
    const second = await value<{ changes: string[] }>('advice:save', { clientId: client.id, clientCase: { ...sample.value, assumptions: { ...sample.value.assumptions, premiumRate: 0.08 } }, chosenOption: 'opt-out', recommendation: 'Opt-out.' })
    expect(second.changes.join('\n')).toMatch(/Gekozen optie: .* → .*\nPremiepercentage: volgens wetsvoorstel → 8\u00a0%/)
    // Saving the same advice again makes no new version; the latest one is returned.
    const again = await value<{ versionNo: number; created: boolean }>('advice:save', { clientId: client.id, clientCase: { ...sample.value, assumptions: { ...sample.value.assumptions, premiumRate: 0.08 } }, chosenOption: 'opt-out', recommendation: 'Opt-out.' })
    expect(again).toMatchObject({ versionNo: 2, created: false })
    expect(await value<unknown[]>('advice:list', { clientId: client.id })).toHaveLength(2)
    // A changed profit shows its old and new amount; a changed motivation alone is named too.
    const income = sample.value.income.map((row, index) => (index === 0 ? { ...row, profit: 51_234.5 } : row))
    const third = await value<{ versionNo: number; created: boolean; changes: string[] }>('advice:save', { clientId: client.id, clientCase: { ...sample.value, income, assumptions: { ...sample.value.assumptions, premiumRate: 0.08 } }, chosenOption: 'opt-out', recommendation: 'Opt-out, met nieuwe winst.' })
    expect(third).toMatchObject({ versionNo: 3, created: true })
    expect(third.changes, third.changes.join(' | ')).toContain(`Winst ${sample.value.income[0]!.year}: ${formatEuro(sample.value.income[0]!.profit)} → ${formatEuro(51_234.5)}`)
    expect(third.changes).toContain('Toelichting gewijzigd')

    expect(await call('report:make', { adviceId: first.id, certificatePassword: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    await value('certificate:createSelfSigned', { commonName: 'Anna de Adviseur', password: 'certificaat-ww' })
    expect(await value('certificate:status', {})).toMatchObject({ present: true, label: expect.stringContaining('zelf ondertekend') })
    expect(await call('report:make', { adviceId: first.id, certificatePassword: 'fout' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const report = await value<{ signed: boolean; bytes: number }>('report:make', { adviceId: first.id, certificatePassword: 'certificaat-ww' })
    expect(report.signed).toBe(true)
    expect(await value('report:verify', { adviceId: first.id })).toMatchObject({ valid: true, signer: 'Anna de Adviseur' })
    expect((await value<{ report: unknown }[]>('advice:list', { clientId: client.id })).map((version) => version.report !== null)).toEqual([false, false, true])

    // The client list shows where the dossier stands.
    const [entry] = await value<{ adviceVersion: number | null; signedReport: boolean; intakeComplete: boolean; lastEdited: string }[]>('clients:list', { query: 'sanne' })
    expect(entry).toMatchObject({ adviceVersion: 3, signedReport: true, intakeComplete: false })
    expect(Date.parse(entry!.lastEdited)).not.toBeNaN()
    expect(await call('clients:erase', { id: client.id, confirmName: 'iemand anders' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    await value('clients:erase', { id: client.id, confirmName: 'sanne starter' })
    expect(await call('clients:get', { id: client.id })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  }, 60_000)
})
