/**
 * What the server enforces itself, whatever the application does: row-level security between
 * advisers, immutable advice versions, the append-only audit log, and optimistic concurrency
 * between two connections.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAdviser, migrate } from '../../src-main/office/admin'
import { openOfficeBook, type OfficeBook } from '../../src-main/office/book'
import { poolConfig, type OfficeConnectionSettings } from '../../src-main/office/connection'
import { sampleCase, sampleResult } from '../store/helpers'
import { adviserPassword, emptyDatabase, settingsFor, uniqueRole } from './helpers'

let database = ''
let owner: OfficeConnectionSettings
const books: OfficeBook[] = []
const clients: pg.Client[] = []

beforeAll(async () => {
  const made = await emptyDatabase('security')
  database = made.name
  owner = made.owner
  await migrate(owner)
})
afterAll(async () => {
  for (const book of books) await book.close()
  for (const client of clients) await client.end().catch(() => {})
})

async function adviser(prefix: string, options: { listen?: boolean } = {}): Promise<{ role: string; book: OfficeBook; settings: OfficeConnectionSettings }> {
  const role = uniqueRole(prefix)
  await addAdviser(owner, { roleName: role, name: `Adviseur ${prefix}`, password: adviserPassword })
  const settings = settingsFor(database, role, adviserPassword)
  const book = await openOfficeBook(settings, { listen: options.listen ?? false })
  books.push(book)
  return { role, book, settings }
}

/** A raw connection, reaching past the application as a bug or another tool would. */
async function raw(settings: OfficeConnectionSettings): Promise<pg.Client> {
  const client = new pg.Client(poolConfig(settings))
  await client.connect()
  clients.push(client)
  return client
}

describe('row-level security', () => {
  it("adviser B cannot see, change, export or erase adviser A's client, not even by guessing its number", async () => {
    const a = await adviser('a')
    const b = await adviser('b')
    const client = await a.book.clients.create({ name: 'Alleen Voor A', birthDate: '1980-01-01' })
    await a.book.incomeYears.replace(client.id, [{ year: 2029, profit: 40000 }])
    const version = await a.book.adviceVersions.create({ clientId: client.id, case: sampleCase('Alleen Voor A'), result: sampleResult(), recommendation: 'Baz' })
    await a.book.drafts.save(client.id, { notes: 'van A' })

    expect(await b.book.clients.get(client.id)).toBeNull()
    expect(await b.book.clients.list()).toEqual([])
    expect(await b.book.clients.search('alleen')).toEqual([])
    expect(await b.book.clients.count()).toBe(0)
    expect(await b.book.incomeYears.list(client.id)).toEqual([])
    expect(await b.book.adviceVersions.get(version.id)).toBeNull()
    expect(await b.book.adviceVersions.reportPdf(version.id)).toBeNull()
    expect(await b.book.drafts.get(client.id)).toBeNull()
    expect(await b.book.audit.list({ clientId: client.id })).toEqual([])
    await expect(b.book.clients.update(client.id, { name: 'Overgenomen', birthDate: '1980-01-01' })).rejects.toThrow(/niet \(meer\)/)
    await expect(b.book.drafts.save(client.id, { notes: 'van B' })).rejects.toThrow(/niet \(meer\)/)
    await expect(b.book.incomeYears.replace(client.id, [])).rejects.toThrow(/niet \(meer\)/)
    await expect(b.book.adviceVersions.create({ clientId: client.id, case: sampleCase(), result: sampleResult(), recommendation: 'x' })).rejects.toThrow(/niet \(meer\)/)
    await expect(b.book.adviceVersions.attachReport(version.id, Buffer.from('%PDF'))).rejects.toThrow(/bestaat niet/)
    await expect(b.book.privacy.exportClient(client.id)).rejects.toThrow(/niet \(meer\)/)
    await expect(b.book.privacy.eraseClient(client.id)).rejects.toThrow(/niet \(meer\)/)

    // Straight SQL as B: the server filters the rows, whatever the query.
    const sql = await raw(b.settings)
    expect((await sql.query('SELECT * FROM clients')).rows).toEqual([])
    expect((await sql.query('SELECT * FROM advice_versions')).rows).toEqual([])
    expect((await sql.query("UPDATE clients SET name = 'x' WHERE id = $1", [client.id])).rowCount).toBe(0)
    await expect(sql.query('INSERT INTO clients (name, name_search, birth_date, created_at, updated_at) VALUES ($1, $1, $2, $3, $3)', ['X', '1980-01-01', '2030-01-01T00:00:00Z'])).resolves.toBeDefined()
    await expect(sql.query('INSERT INTO income_years (client_id, year, profit_cents) VALUES ($1, 2030, 1)', [client.id])).rejects.toThrow(/row-level security/)
    expect(await a.book.incomeYears.list(client.id)).toEqual([{ year: 2029, profit: 40000, wiaWage: 0 }])
    expect((await a.book.clients.get(client.id))?.name).toBe('Alleen Voor A')
  })

  it('a client shared with the office is visible to colleagues, but only the responsible adviser may erase it', async () => {
    const a = await adviser('a')
    const b = await adviser('b')
    const client = await a.book.clients.create({ name: 'Gedeelde Klant', birthDate: '1980-01-01' })
    await a.book.shareWithOffice(client.id, true)
    expect((await b.book.clients.search('gedeelde')).map((c) => c.id)).toEqual([client.id])
    await b.book.drafts.save(client.id, { notes: 'waarneming tijdens vakantie' })
    await expect(b.book.privacy.eraseClient(client.id)).rejects.toThrow(/verantwoordelijke adviseur/)
    await a.book.shareWithOffice(client.id, false)
    expect(await b.book.clients.get(client.id)).toBeNull()
  })
})

describe('rules the database enforces itself', () => {
  it('advice versions cannot be changed or deleted, not even by the schema owner outside an erase', async () => {
    const a = await adviser('a')
    const client = await a.book.clients.create({ name: 'Vast Advies', birthDate: '1980-01-01' })
    const version = await a.book.adviceVersions.create({ clientId: client.id, case: sampleCase('Vast Advies'), result: sampleResult(), recommendation: 'Baz' })
    const sql = await raw(a.settings)
    await expect(sql.query("UPDATE advice_versions SET recommendation = 'anders' WHERE id = $1", [version.id])).rejects.toThrow(/permission denied/)
    await expect(sql.query('DELETE FROM advice_versions WHERE id = $1', [version.id])).rejects.toThrow(/permission denied/)
    await expect(sql.query('DELETE FROM clients WHERE id = $1', [client.id])).rejects.toThrow(/permission denied/)
    const ownerSql = await raw(owner)
    await ownerSql.query('SET search_path = vangnet')
    await expect(ownerSql.query("UPDATE advice_versions SET recommendation = 'anders' WHERE id = $1", [version.id])).rejects.toThrow(/onveranderlijk/)
    await expect(ownerSql.query('DELETE FROM advice_versions WHERE id = $1', [version.id])).rejects.toThrow(/onveranderlijk/)
    await expect(ownerSql.query('DELETE FROM clients WHERE id = $1', [client.id])).rejects.toThrow(/onveranderlijk/)
    // Attaching the report is the one change allowed, once.
    await a.book.adviceVersions.attachReport(version.id, Buffer.from('%PDF-1.7'))
    await expect(sql.query("UPDATE advice_versions SET report_sha256 = repeat('0', 64) WHERE id = $1", [version.id])).rejects.toThrow(/onveranderlijk/)
    expect(await a.book.adviceVersions.verify(version.id)).toEqual({ contentOk: true, reportOk: true })
  })

  it('the audit log is append-only and its actor is set by the server', async () => {
    const a = await adviser('a')
    const client = await a.book.clients.create({ name: 'Log Klant', birthDate: '1980-01-01' })
    const sql = await raw(a.settings)
    await expect(sql.query("UPDATE audit_log SET detail = 'x'")).rejects.toThrow(/permission denied/)
    await expect(sql.query('DELETE FROM audit_log')).rejects.toThrow(/permission denied/)
    await expect(sql.query("INSERT INTO audit_log (at, actor, action) VALUES ('2030-01-01T00:00:00Z', 'iemand_anders', 'client.updated')")).rejects.toThrow(/permission denied/)
    const ownerSql = await raw(owner)
    await expect(ownerSql.query("UPDATE vangnet.audit_log SET detail = 'x'")).rejects.toThrow(/aangevuld/)
    await expect(ownerSql.query('DELETE FROM vangnet.audit_log')).rejects.toThrow(/aangevuld/)
    await expect(ownerSql.query('TRUNCATE vangnet.audit_log')).rejects.toThrow(/aangevuld/)
    const entries = await a.book.audit.list({ clientId: client.id })
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ actor: a.role, action: 'client.created' })
  })

  it("the signing certificate is readable by its own adviser only", async () => {
    const a = await adviser('a')
    const b = await adviser('b')
    await a.book.adviser.storeSigningCertificate(Buffer.from('geheim-p12'), 'a.p12')
    expect(await b.book.adviser.signingCertificate()).toBeNull()
    const sql = await raw(b.settings)
    expect((await sql.query('SELECT * FROM adviser_certificates')).rows).toEqual([])
    expect((await sql.query('SELECT role_name FROM advisers')).rows).toEqual([{ role_name: b.role }])
  })
})

describe('two advisers, one client', () => {
  it('the later save gets a plain message and its text is kept as a draft copy; nothing is lost', async () => {
    const a = await adviser('a')
    const b = await adviser('b', { listen: true })
    const client = await a.book.clients.create({ name: 'Twee Handen', birthDate: '1980-01-01' })
    await a.book.shareWithOffice(client.id, true)
    const start = await a.book.drafts.save(client.id, { notes: 'begin' })
    const seenByB: Array<number | null> = []
    b.book.onChange((change) => seenByB.push(change.clientId))

    // Both opened version `start`; A saves first, then B.
    const fromA = await a.book.drafts.save(client.id, { notes: 'tekst van A' }, { baseVersion: start.version })
    await expect(b.book.drafts.save(client.id, { notes: 'tekst van B' }, { baseVersion: start.version })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/collega.*bewaard als conceptkopie/),
    })
    expect(await a.book.drafts.get(client.id)).toMatchObject({ draft: { notes: 'tekst van A' }, version: fromA.version })
    expect(await b.book.draftCopy(client.id)).toMatchObject({ draft: { notes: 'tekst van B' } })
    expect(await a.book.draftCopy(client.id)).toBeNull()

    // A first draft typed at the same time by both: the second insert loses the same way.
    const fresh = await a.book.clients.create({ name: 'Nieuw Dossier', birthDate: '1981-01-01' })
    await a.book.shareWithOffice(fresh.id, true)
    const results = await Promise.allSettled([
      a.book.drafts.save(fresh.id, { notes: 'A' }, { baseVersion: null }),
      b.book.drafts.save(fresh.id, { notes: 'B' }, { baseVersion: null }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])

    // Changes by A reach B's client list without a restart (LISTEN/NOTIFY).
    await expect.poll(() => seenByB.includes(client.id), { timeout: 5_000 }).toBe(true)
  })

  it('advice saved at the same moment by two connections gets consecutive version numbers', async () => {
    const a = await adviser('a')
    const second = await openOfficeBook(a.settings, { listen: false })
    books.push(second)
    const client = await a.book.clients.create({ name: 'Gelijktijdig', birthDate: '1980-01-01' })
    const made = await Promise.all([a.book, second, a.book, second].map((book) => book.adviceVersions.create({ clientId: client.id, case: sampleCase('Gelijktijdig'), result: sampleResult(), recommendation: 'Baz' })))
    expect(made.map((v) => v.versionNo).sort()).toEqual([1, 2, 3, 4])
  })
})
