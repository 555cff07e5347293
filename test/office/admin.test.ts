/**
 * What the responsible adviser and the office administrator decide, enforced by the server
 * (migration 004): sharing a client with the office, disabling, enabling and removing an
 * adviser; and change notices that reach only advisers who may see the client.
 */
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAdviser, listAdvisers, migrate, removeAdviser, setAdviserDisabled } from '../../src-main/office/admin'
import { openOfficeBook, type OfficeBook } from '../../src-main/office/book'
import { poolConfig, type OfficeConnectionSettings } from '../../src-main/office/connection'
import type { BookChange } from '../../src-main/store'
import { adviserPassword, emptyDatabase, settingsFor, uniqueRole } from './helpers'

let database = ''
let owner: OfficeConnectionSettings
const books: OfficeBook[] = []

beforeAll(async () => {
  const made = await emptyDatabase('admin')
  database = made.name
  owner = made.owner
  await migrate(owner)
})
afterAll(async () => {
  for (const book of books) await book.close()
})

async function adviser(prefix: string, options: { listen?: boolean; officeAdmin?: boolean } = {}): Promise<{ role: string; book: OfficeBook; settings: OfficeConnectionSettings }> {
  const role = uniqueRole(prefix)
  await addAdviser(owner, { roleName: role, name: `Adviseur ${prefix}`, password: adviserPassword, officeAdmin: options.officeAdmin === true })
  const settings = settingsFor(database, role, adviserPassword)
  const book = await openOfficeBook(settings, { listen: options.listen ?? false })
  books.push(book)
  return { role, book, settings }
}

async function auditActions(book: OfficeBook, clientId: number): Promise<string[]> {
  return (await book.audit.list({ clientId })).map((entry) => `${entry.action} ${entry.detail}`.trim())
}

describe('sharing a client with the office', () => {
  it('only the responsible adviser shares and stops sharing; colleagues see the client only while it is shared', async () => {
    const a = await adviser('share_a')
    const b = await adviser('share_b')
    const client = await a.book.clients.create({ name: 'Vakantie Vervanging', birthDate: '1979-05-06' })
    expect(await a.book.clientOffice(client.id)).toEqual({ sharedWithOffice: false, responsible: true, responsibleName: 'Adviseur share_a' })
    expect(await b.book.clientOffice(client.id)).toBeNull()

    await a.book.shareWithOffice(client.id, true)
    expect((await b.book.clients.get(client.id))?.name).toBe('Vakantie Vervanging')
    expect(await b.book.clientOffice(client.id)).toEqual({ sharedWithOffice: true, responsible: false, responsibleName: 'Adviseur share_a' })

    // The colleague standing in may work on the client, but not decide about sharing: not through
    // the app, and not past it with a plain UPDATE.
    await expect(b.book.shareWithOffice(client.id, false)).rejects.toThrow(/Alleen de verantwoordelijke adviseur/)
    const direct = new pg.Client(poolConfig(b.settings))
    await direct.connect()
    try {
      await expect(direct.query('UPDATE clients SET shared_with_office = false WHERE id = $1', [client.id])).rejects.toThrow(/permission denied/)
    } finally {
      await direct.end()
    }
    expect((await a.book.clientOffice(client.id))?.sharedWithOffice).toBe(true)

    await a.book.shareWithOffice(client.id, false)
    expect(await b.book.clients.get(client.id)).toBeNull()
    expect(await auditActions(a.book, client.id)).toEqual(expect.arrayContaining(['client.updated gedeeld met kantoor', 'client.updated niet meer gedeeld']))
  })
})

describe('the office administrator manages advisers', () => {
  it('a disabled adviser cannot log in, an open session of theirs sees nothing, their clients stay; enabled again all is back', async () => {
    const admin = await adviser('boss', { officeAdmin: true })
    const c = await adviser('leaver')
    const client = await c.book.clients.create({ name: 'Klant Van C', birthDate: '1970-01-01' })

    await admin.book.setAdviserDisabled(c.role, true)
    await expect(openOfficeBook(c.settings, { listen: false })).rejects.toThrow(/toegang uitgezet/)
    // A session that was already open: row-level security no longer knows the adviser.
    expect(await c.book.clients.list()).toEqual([])
    expect(await c.book.adviser.get()).toBeNull()
    await expect(c.book.clients.create({ name: 'Nieuw Na Uitzetten', birthDate: '1980-01-01' })).rejects.toThrow()
    const listed = (await admin.book.advisers()).find((row) => row.roleName === c.role)
    expect(listed).toMatchObject({ disabled: true, clients: 1, officeAdmin: false })

    await admin.book.setAdviserDisabled(c.role, false)
    const again = await openOfficeBook(c.settings, { listen: false })
    books.push(again)
    expect((await again.clients.get(client.id))?.name).toBe('Klant Van C')
    const audit = await admin.book.audit.list({ limit: 20 })
    expect(audit.filter((entry) => entry.subjectType === 'adviser').map((entry) => entry.action)).toEqual(expect.arrayContaining(['adviser.disabled', 'adviser.enabled']))
  })

  it('an ordinary adviser cannot manage advisers, nor can an administrator switch themselves off', async () => {
    const admin = await adviser('boss2', { officeAdmin: true })
    const b = await adviser('plain')
    expect(await b.book.isOfficeAdmin()).toBe(false)
    expect(await admin.book.isOfficeAdmin()).toBe(true)
    await expect(b.book.advisers()).rejects.toThrow(/Alleen een kantoorbeheerder/)
    await expect(b.book.setAdviserDisabled(admin.role, true)).rejects.toThrow(/Alleen een kantoorbeheerder/)
    await expect(b.book.removeAdviser(admin.role, b.role)).rejects.toThrow(/Alleen een kantoorbeheerder/)
    await expect(admin.book.setAdviserDisabled(admin.role, true)).rejects.toThrow(/eigen toegang/)
    await expect(admin.book.setAdviserDisabled('vangnet_owner', true)).rejects.toThrow(/geen adviseur/)
  })

  it('removing an adviser hands their clients to the successor, each move audited, and closes the login (also from the command line as the owner)', async () => {
    const a = await adviser('heir')
    const c = await adviser('retiring')
    const first = await c.book.clients.create({ name: 'Eerste Van C', birthDate: '1971-01-01' })
    const second = await c.book.clients.create({ name: 'Tweede Van C', birthDate: '1972-01-01' })
    await c.book.drafts.save(first.id, { notes: 'lopend dossier' })

    await expect(removeAdviser(owner, c.role, c.role)).rejects.toThrow(/andere adviseur/)
    expect(await removeAdviser(owner, c.role, a.role)).toBe(2)

    expect((await a.book.clients.list()).map((client) => client.name)).toEqual(['Eerste Van C', 'Tweede Van C'])
    expect((await a.book.drafts.get(first.id))?.draft).toEqual({ notes: 'lopend dossier' })
    expect(await a.book.clientOffice(second.id)).toMatchObject({ responsible: true })
    expect(await auditActions(a.book, first.id)).toEqual(expect.arrayContaining([expect.stringMatching(/^client\.transferred van adviseur \d+ naar \d+$/)]))
    await expect(openOfficeBook(c.settings, { listen: false })).rejects.toThrow(/toegang uitgezet/)
    expect((await listAdvisers(owner)).map((row) => row.roleName)).not.toContain(c.role)
  })

  it('the owner disables and enables from the command line functions too', async () => {
    const d = await adviser('cli_target')
    await setAdviserDisabled(owner, d.role, true)
    expect((await listAdvisers(owner)).find((row) => row.roleName === d.role)?.disabled).toBe(true)
    await expect(openOfficeBook(d.settings, { listen: false })).rejects.toThrow(/toegang uitgezet/)
    await setAdviserDisabled(owner, d.role, false)
    books.push(await openOfficeBook(d.settings, { listen: false }))
  })
})

describe('change notices', () => {
  it("reach only advisers who may see the client: B never hears the number of A's own client, and hears a shared one", async () => {
    const a = await adviser('notify_a', { listen: true })
    const b = await adviser('notify_b', { listen: true })
    const heardByB: BookChange[] = []
    const heardByA: BookChange[] = []
    b.book.onChange((change) => heardByB.push(change))
    a.book.onChange((change) => heardByA.push(change))

    const own = await a.book.clients.create({ name: 'Prive Klant', birthDate: '1980-01-01' })
    await a.book.drafts.save(own.id, { notes: 'alleen A' })
    await expect.poll(() => heardByA.some((change) => change.clientId === own.id), { timeout: 5_000 }).toBe(true)

    const shared = await a.book.clients.create({ name: 'Gedeelde Klant', birthDate: '1981-01-01' })
    await a.book.shareWithOffice(shared.id, true)
    await a.book.drafts.save(shared.id, { notes: 'voor iedereen' })
    await expect.poll(() => heardByB.some((change) => change.clientId === shared.id), { timeout: 5_000 }).toBe(true)
    // Later than A's own client's notices: had they passed, they would have arrived by now.
    expect(heardByB.some((change) => change.clientId === own.id)).toBe(false)
    expect(heardByB.every((change) => change.clientId === shared.id)).toBe(true)
  })
})
