/**
 * Office mode through the service layer (the same handlers the desktop app's IPC uses): linking
 * a vault to the office, row-level security when ids are guessed, the plain message when the
 * server is away, the encrypted outbox and sending it when the server is back.
 */
import { readFileSync } from 'node:fs'
import { createServer, type Server, type Socket, connect } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAdviser, migrate } from '../../src-main/office/admin'
import { createServices, type Services } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'
import { advise } from '../../shared/rules/advise'
import { clientCaseSchema } from '../../shared/schema/case'
import { fakeKeychain, fastKdf, filesIn, removeTempDirs, sampleCase, tempDir } from '../store/helpers'
import { certAdviser } from './cluster'
import { adviserPassword, cluster, emptyDatabase, uniqueRole } from './helpers'

/** A loopback TCP relay to the cluster that the test can cut and restore: "the server is away". */
class Relay {
  private server: Server | null = null
  private sockets = new Set<Socket>()
  port = 0
  async up(): Promise<void> {
    this.server = createServer((socket) => {
      const upstream = connect(cluster().port, '127.0.0.1')
      this.sockets.add(socket).add(upstream)
      socket.pipe(upstream).pipe(socket)
      const drop = () => {
        socket.destroy()
        upstream.destroy()
      }
      socket.on('error', drop).on('close', drop)
      upstream.on('error', drop).on('close', drop)
    })
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve))
    const address = this.server.address()
    this.port = typeof address === 'object' && address ? address.port : 0
  }
  async down(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    this.sockets.clear()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve())
    this.server = null
  }
}

let database = ''
const sessions: Services[] = []
const relay = new Relay()

beforeAll(async () => {
  const made = await emptyDatabase('services')
  database = made.name
  await migrate(made.owner)
  owner = made.owner
  await relay.up()
})
let owner: Awaited<ReturnType<typeof emptyDatabase>>['owner']
afterAll(async () => {
  for (const services of sessions) services.dispose()
  await relay.down()
  removeTempDirs()
})

async function call<T = unknown>(services: Services, channel: string, payload: unknown = {}): Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }> {
  return (await dispatch(services.handlers, channel, payload)) as never
}

async function value<T>(services: Services, channel: string, payload: unknown = {}): Promise<T> {
  const response = await call<T>(services, channel, payload)
  if (!response.ok) throw new Error(`${channel}: ${response.error.code} ${response.error.message}`)
  return response.value
}

/** A laptop: its own vault, linked to the office as a new adviser (password, or the cluster's client certificate). */
async function laptop(port = cluster().port, options: { officeAdmin?: boolean; certificate?: boolean } = {}): Promise<{ services: Services; role: string; dir: string }> {
  const role = options.certificate ? certAdviser : uniqueRole('svc')
  await addAdviser(owner, { roleName: role, name: `Adviseur ${role}`, officeAdmin: options.officeAdmin === true, ...(options.certificate ? {} : { password: adviserPassword }) })
  const dir = tempDir()
  const services = createServices({
    vaultPath: join(dir, 'kluis.db'),
    settingsPath: join(dir, 'settings.json'),
    host: 'browser-host',
    appVersion: '0.0.0-test',
    keyWrapper: fakeKeychain(),
    desktop: { openPdf: async () => false, savePdfAs: async () => null },
    advise: (clientCase) => advise(clientCaseSchema.parse(clientCase)),
    reports: { makeSigned: async () => Buffer.from('%PDF'), verify: async () => ({ valid: true, signer: null, signedAt: null, message: '' }) },
    vaultOptions: { kdf: fastKdf },
  })
  sessions.push(services)
  await value(services, 'vault:create', { passphrase: 'kantoor-laptop-wachtwoord', adviser: { name: 'Lokaal', firm: '' }, remember: false })
  const status = await value<{ connected: boolean; linked: boolean }>(services, 'office:connect', {
    host: 'localhost',
    port,
    database,
    user: role,
    caPem: readFileSync(cluster().caFile, 'utf8'),
    ...(options.certificate
      ? { certPem: readFileSync(cluster().clientCertFile, 'utf8'), keyPem: readFileSync(cluster().clientKeyFile, 'utf8') }
      : { password: adviserPassword }),
  })
  expect(status).toMatchObject({ linked: true, connected: true, login: options.certificate ? 'certificate' : 'password', officeAdmin: options.officeAdmin === true })
  return { services, role, dir }
}

describe('office mode through the services', () => {
  it("adviser B cannot reach adviser A's client by guessing its number", async () => {
    const a = await laptop()
    const b = await laptop()
    const client = await value<{ id: number }>(a.services, 'clients:create', { name: 'Klant Van A', birthDate: '1980-02-03' })
    await value(a.services, 'clients:saveDraft', { id: client.id, draft: { notes: 'A' } })
    const saved = await value<{ id: number }>(a.services, 'advice:save', { clientId: client.id, clientCase: sampleCase('Klant Van A'), chosenOption: 'baz', recommendation: 'De Baz volstaat.' })

    expect(await value(b.services, 'clients:list', { query: '' })).toEqual([])
    expect(await value(b.services, 'clients:recent')).toEqual([])
    for (const [channel, payload] of [
      ['clients:get', { id: client.id }],
      ['clients:saveDraft', { id: client.id, draft: { notes: 'B' } }],
      ['clients:erase', { id: client.id, confirmName: 'Klant Van A' }],
      ['advice:get', { adviceId: saved.id }],
      ['report:make', { adviceId: saved.id, certificatePassword: 'x' }],
    ] as const) {
      const response = await call(b.services, channel, payload)
      expect(response, channel).toMatchObject({ ok: false, error: { code: 'not-found' } })
    }
    expect(await value(b.services, 'advice:list', { clientId: client.id })).toEqual([])
    const record = await value<{ draft: { notes: string } }>(a.services, 'clients:get', { id: client.id })
    expect(record.draft.notes).toBe('A')
  })

  it('server away: a plain message, the typing kept encrypted in the vault, sent when the server is back', async () => {
    const a = await laptop(relay.port)
    const client = await value<{ id: number }>(a.services, 'clients:create', { name: 'Reiziger', birthDate: '1975-01-01' })
    await value(a.services, 'clients:get', { id: client.id })
    await value(a.services, 'clients:saveDraft', { id: client.id, draft: { notes: 'voor de storing' } })

    await relay.down()
    const away = await call(a.services, 'clients:saveDraft', { id: client.id, draft: { notes: 'getypt tijdens de storing' } })
    expect(away).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/niet bereikbaar.*versleuteld op deze laptop bewaard/) } })
    expect(await value(a.services, 'office:status')).toMatchObject({ linked: true, unsent: 1 })

    await relay.up()
    const other = await value<{ id: number }>(a.services, 'clients:create', { name: 'Andere Klant', birthDate: '1976-01-01' })
    // The next save reaches the server and sends the outbox first.
    await value(a.services, 'clients:saveDraft', { id: other.id, draft: { notes: 'na de storing' } })
    expect(await value(a.services, 'office:status')).toMatchObject({ connected: true, unsent: 0 })
    const record = await value<{ draft: { notes: string } }>(a.services, 'clients:get', { id: client.id })
    expect(record.draft.notes).toBe('getypt tijdens de storing')
  })

  it('keeps the office password, the CA and unsent drafts only encrypted on the laptop', async () => {
    const a = await laptop(relay.port)
    const client = await value<{ id: number }>(a.services, 'clients:create', { name: 'Onderweg', birthDate: '1975-01-01' })
    await value(a.services, 'clients:get', { id: client.id })
    await relay.down()
    await call(a.services, 'clients:saveDraft', { id: client.id, draft: { notes: 'geheime notitie onderweg' } })
    expect(await value(a.services, 'office:status')).toMatchObject({ unsent: 1 })
    await value(a.services, 'vault:lock')
    await relay.up()
    const bytes = Buffer.concat(filesIn(a.dir).map(([, content]) => content))
    for (const secret of [adviserPassword, 'geheime notitie onderweg', a.role, 'BEGIN CERTIFICATE']) expect(bytes.includes(Buffer.from(secret))).toBe(false)
  })

  it('a server that is away at unlock: the vault opens, the screens get a plain message', async () => {
    const a = await laptop(relay.port)
    await value(a.services, 'vault:lock')
    await relay.down()
    await value(a.services, 'vault:unlock', { passphrase: 'kantoor-laptop-wachtwoord', remember: false })
    expect(await call(a.services, 'clients:list', { query: '' })).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/niet bereikbaar/) } })
    expect(await value(a.services, 'office:status')).toMatchObject({ linked: true, connected: false, message: expect.stringMatching(/niet bereikbaar/) })
    await relay.up()
  })

  it('two laptops, one client: the later save gets a plain message and is kept as a copy', async () => {
    const a = await laptop()
    const b = await laptop()
    const client = await value<{ id: number }>(a.services, 'clients:create', { name: 'Gedeeld Dossier', birthDate: '1980-02-03' })
    // Sharing is the firm's choice per client; here straight on the server as the responsible adviser would.
    const { openOfficeBook } = await import('../../src-main/office/book')
    const { settingsFor } = await import('./helpers')
    const direct = await openOfficeBook(settingsFor(database, a.role, adviserPassword), { listen: false })
    await direct.shareWithOffice(client.id, true)
    await direct.close()

    await value(a.services, 'clients:get', { id: client.id })
    await value(b.services, 'clients:get', { id: client.id })
    const seenByB = (await value<{ changes: number }>(b.services, 'office:status')).changes
    await value(a.services, 'clients:saveDraft', { id: client.id, draft: { notes: 'van A' } })
    // B's screen learns of A's save without a restart (the client list reloads when this moves).
    await expect.poll(async () => (await value<{ changes: number }>(b.services, 'office:status')).changes, { timeout: 5_000 }).toBeGreaterThan(seenByB)
    const late = await call(b.services, 'clients:saveDraft', { id: client.id, draft: { notes: 'van B' } })
    expect(late).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/collega.*conceptkopie/) } })
    expect((await value<{ draft: { notes: string } }>(b.services, 'clients:get', { id: client.id })).draft.notes).toBe('van A')
  })

  it('the Klantenkring on a laptop linked to the office: import and triage on the server, each adviser their own book', async () => {
    const a = await laptop()
    const b = await laptop()
    const file = [
      'Naam;Geboortedatum;Rol;Winst 2025;Winst 2026',
      'Kantoor Klant Een;14-03-1985;zzp;€ 60.000,00;€ 62.000,00',
      'Kantoor Klant Twee;05-05-1980;DGA;€ 40.000,00;€ 41.000,00',
    ].join('\r\n')
    const imported = await value<{ created: number; written: boolean }>(a.services, 'import:run', { fileName: 'crm.csv', contentBase64: Buffer.from(file).toString('base64'), mapping: null, duplicates: 'skip', dryRun: false })
    expect(imported).toMatchObject({ created: 2, written: true })
    expect((await value<{ name: string }[]>(a.services, 'clients:list', { query: 'kantoor klant' })).map((client) => client.name)).toEqual(['Kantoor Klant Een', 'Kantoor Klant Twee'])
    const triage = async (services: Services) => {
      const { runId, total } = await value<{ runId: string; total: number }>(services, 'portfolio:start', { scenario: 'tweede-kamer-2026' })
      for (;;) {
        const step = await value<{ view: { clients: number; rows: { name: string; groups: string[] }[] } | null }>(services, 'portfolio:step', { runId })
        if (step.view) return { total, view: step.view }
      }
    }
    const seenByA = await triage(a.services)
    // (Clients another test shared with the whole office are in every adviser's book too.)
    expect(seenByA.view.rows.filter((row) => row.name.startsWith('Kantoor Klant')).map((row) => [row.name, row.groups])).toEqual([
      ['Kantoor Klant Een', ['no-cover']],
      ['Kantoor Klant Twee', ['not-insured-group']],
    ])
    // Adviser B's book on the same server holds none of them.
    expect((await triage(b.services)).view.rows.filter((row) => row.name.startsWith('Kantoor Klant'))).toEqual([])
  })
})

describe('office mode on the screens: sharing, draft copies, erase, certificate login, the administrator', () => {
  it('the responsible adviser shares a client through the services; a colleague sees it but cannot stop sharing', async () => {
    const a = await laptop()
    const b = await laptop()
    const client = await value<{ id: number }>(a.services, 'clients:create', { name: 'Te Delen Klant', birthDate: '1980-02-03' })
    expect(await value(a.services, 'clients:office', { id: client.id })).toEqual({ sharedWithOffice: false, responsible: true, responsibleName: `Adviseur ${a.role}`, copy: null })
    expect(await call(b.services, 'clients:office', { id: client.id })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await value(a.services, 'clients:share', { id: client.id, shared: true })).toMatchObject({ sharedWithOffice: true })
    expect((await value<Array<{ id: number }>>(b.services, 'clients:list', { query: 'delen' })).map((entry) => entry.id)).toEqual([client.id])
    expect(await value(b.services, 'clients:office', { id: client.id })).toMatchObject({ sharedWithOffice: true, responsible: false, responsibleName: `Adviseur ${a.role}` })
    expect(await call(b.services, 'clients:share', { id: client.id, shared: false })).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/Alleen de verantwoordelijke adviseur/) } })
  })

  it('the draft copy of a lost save is shown, taken over or thrown away; nothing typed is lost', async () => {
    const a = await laptop()
    const b = await laptop()
    const client = await value<{ id: number }>(a.services, 'clients:create', { name: 'Twee Tegelijk', birthDate: '1980-02-03' })
    await value(a.services, 'clients:share', { id: client.id, shared: true })
    await value(a.services, 'clients:get', { id: client.id })
    await value(b.services, 'clients:get', { id: client.id })
    await value(a.services, 'clients:saveDraft', { id: client.id, draft: { notes: 'van A' } })
    expect(await call(b.services, 'clients:saveDraft', { id: client.id, draft: { notes: 'van B' } })).toMatchObject({ ok: false, error: { code: 'conflict' } })

    const seen = await value<{ copy: { draft: { notes: string }; savedAt: string } | null }>(b.services, 'clients:office', { id: client.id })
    expect(seen.copy?.draft).toEqual({ notes: 'van B' })
    expect((seen.copy as unknown as { current: unknown }).current).toEqual({ notes: 'van A' })
    // A colleague never sees B's copy.
    expect((await value<{ copy: unknown }>(a.services, 'clients:office', { id: client.id })).copy).toBeNull()

    const taken = await value<{ draft: { notes: string } }>(b.services, 'clients:takeOverCopy', { id: client.id })
    expect(taken.draft.notes).toBe('van B')
    expect((await value<{ copy: unknown }>(b.services, 'clients:office', { id: client.id })).copy).toBeNull()
    expect((await value<{ draft: { notes: string } }>(a.services, 'clients:get', { id: client.id })).draft.notes).toBe('van B')

    // A, still on the version before B took over, loses the next race; A throws the copy away.
    await value(b.services, 'clients:saveDraft', { id: client.id, draft: { notes: 'van B, verder' } })
    expect(await call(a.services, 'clients:saveDraft', { id: client.id, draft: { notes: 'van A, oud' } })).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const discarded = await value<{ draft: { notes: string } }>(a.services, 'clients:discardCopy', { id: client.id })
    expect(discarded.draft.notes).toBe('van B, verder')
    expect((await value<{ copy: unknown }>(a.services, 'clients:office', { id: client.id })).copy).toBeNull()
    expect(await call(a.services, 'clients:takeOverCopy', { id: client.id })).toMatchObject({ ok: false, error: { code: 'not-found' } })
  })

  it('erasing in office mode says the server drops the old data at its next vacuum', async () => {
    const a = await laptop()
    const client = await value<{ id: number }>(a.services, 'clients:create', { name: 'Wis Op Server', birthDate: '1980-02-03' })
    expect(await value(a.services, 'clients:erase', { id: client.id, confirmName: 'Wis Op Server' })).toEqual({ erased: true, book: 'office', goneFromFile: false })
  })

  it('links with a client certificate instead of a password', async () => {
    const a = await laptop(cluster().port, { certificate: true })
    expect(await value(a.services, 'office:status')).toMatchObject({ connected: true, user: certAdviser, login: 'certificate' })
    const client = await value<{ id: number }>(a.services, 'clients:create', { name: 'Via Certificaat', birthDate: '1980-02-03' })
    expect((await value<{ name: string }>(a.services, 'clients:get', { id: client.id })).name).toBe('Via Certificaat')
  })

  it('the office administrator switches an adviser off and on and removes one; others may not', async () => {
    const boss = await laptop(cluster().port, { officeAdmin: true })
    const b = await laptop()
    const c = await laptop()
    const client = await value<{ id: number }>(b.services, 'clients:create', { name: 'Klant Van B', birthDate: '1980-02-03' })
    expect(await call(b.services, 'office:advisers')).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/kantoorbeheerder/) } })

    const off = await value<Array<{ roleName: string; disabled: boolean; clients: number }>>(boss.services, 'office:setAdviserAccess', { roleName: b.role, disabled: true })
    expect(off.find((row) => row.roleName === b.role)).toMatchObject({ disabled: true, clients: 1 })
    // An open connection sees nothing any more; a new one is refused with a plain message.
    const whileOff = await call(b.services, 'clients:list', { query: '' })
    if (whileOff.ok) expect(whileOff.value).toEqual([])
    else expect(whileOff.error.message).toMatch(/toegang uitgezet/)
    await value(boss.services, 'office:setAdviserAccess', { roleName: b.role, disabled: false })
    expect((await value<Array<{ id: number }>>(b.services, 'clients:list', { query: '' })).map((entry) => entry.id)).toContain(client.id)

    const after = await value<Array<{ roleName: string }>>(boss.services, 'office:removeAdviser', { roleName: b.role, successor: c.role })
    expect(after.map((row) => row.roleName)).not.toContain(b.role)
    expect((await value<Array<{ id: number }>>(c.services, 'clients:list', { query: 'klant van b' })).map((entry) => entry.id)).toContain(client.id)
    expect(await value(c.services, 'clients:office', { id: client.id })).toMatchObject({ responsible: true })
    expect(await call(boss.services, 'office:removeAdviser', { roleName: 'Niet Geldig', successor: c.role })).toMatchObject({ ok: false, error: { code: 'invalid-input', problems: [{ path: 'roleName' }] } })
  })
})
