import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { addAdviser, migrate, status } from '../../src-main/office/admin'
import { openOfficeBook } from '../../src-main/office/book'
import { poolConfig, type OfficeConnectionSettings } from '../../src-main/office/connection'
import { latestOfficeVersion } from '../../src-main/office/migrations'
import { adviserPassword, emptyDatabase, settingsFor, uniqueRole } from './helpers'

async function asOwner<T>(owner: OfficeConnectionSettings, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(poolConfig(owner))
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

describe('office migrations', () => {
  it('build the schema from an empty database, and a second run applies nothing', async () => {
    const { owner } = await emptyDatabase('mig')
    expect(await migrate(owner)).toEqual([1, 2, 3, 4])
    expect(await migrate(owner)).toEqual([])
    const applied = await asOwner(owner, async (c) => (await c.query('SELECT version, name, checksum FROM vangnet.schema_migrations ORDER BY version')).rows)
    expect(applied.map((row: { name: string }) => row.name)).toEqual(['core', 'advice', 'drafts', 'office-admin'])
    for (const row of applied as Array<{ checksum: string }>) expect(row.checksum).toMatch(/^[0-9a-f]{64}$/)
  })

  for (let from = 1; from < latestOfficeVersion; from++) {
    it(`upgrade a database at version ${from} with its data to the latest`, async () => {
      const { name, owner } = await emptyDatabase('mig')
      expect(await migrate(owner, from)).toEqual(Array.from({ length: from }, (_, i) => i + 1))
      const role = uniqueRole('adv')
      const adviser = await addAdviser(owner, { roleName: role, name: 'Oude Adviseur', password: adviserPassword })
      // The app refuses a schema that is not current, with a plain message.
      await expect(openOfficeBook(settingsFor(name, role, adviserPassword), { listen: false })).rejects.toThrow(/vangnet office migrate/)
      await asOwner(owner, (c) =>
        c.query(
          `INSERT INTO vangnet.clients (responsible_adviser, name, name_search, birth_date, created_at, updated_at)
           VALUES ($1, 'Bestaande Klant', 'bestaande klant', '1970-01-01', '2029-01-01T00:00:00.000Z', '2029-01-01T00:00:00.000Z')`,
          [adviser.id],
        ),
      )
      expect(await migrate(owner)).toEqual(Array.from({ length: latestOfficeVersion - from }, (_, i) => from + i + 1))
      const book = await openOfficeBook(settingsFor(name, role, adviserPassword), { listen: false })
      try {
        const [client] = await book.clients.search('bestaande')
        expect(client).toMatchObject({ name: 'Bestaande Klant', birthDate: '1970-01-01' })
        await book.drafts.save(client!.id, { notes: 'na de upgrade' })
        expect((await book.drafts.get(client!.id))?.draft).toEqual({ notes: 'na de upgrade' })
      } finally {
        await book.close()
      }
    })
  }

  it('refuse a migration whose SQL changed after it was applied, and a schema from a newer Vangnet', async () => {
    const { owner } = await emptyDatabase('mig')
    await migrate(owner)
    await asOwner(owner, (c) => c.query("UPDATE vangnet.schema_migrations SET checksum = repeat('0', 64) WHERE version = 2"))
    await expect(migrate(owner)).rejects.toThrow(/migratie .* is veranderd/)
    await expect(status(owner)).rejects.toThrow(/is veranderd/)
    const other = await emptyDatabase('mig')
    await migrate(other.owner)
    await asOwner(other.owner, (c) => c.query("INSERT INTO vangnet.schema_migrations (version, name, checksum) VALUES (99, 'toekomst', repeat('a', 64))"))
    await expect(migrate(other.owner)).rejects.toThrow(/nieuwere versie van Vangnet/)
  })

  it('a failing migration leaves the schema at the version it had', async () => {
    const { owner } = await emptyDatabase('mig')
    await migrate(owner, 1)
    // Something in the way of migration 2: it fails as a whole, version 1 stays intact.
    await asOwner(owner, (c) => c.query('CREATE TABLE vangnet.policies (id int)'))
    await expect(migrate(owner)).rejects.toThrow()
    expect((await status(owner)).schemaVersion).toBe(1)
  })
})
