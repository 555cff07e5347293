/** Each migration, run on a vault at the previous version with data in it. */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { connect, type Db } from '../../src-main/store/connection'
import { foldName } from '../../src-main/store/fold'
import { latestSchemaVersion, migrate, migrations, schemaVersion } from '../../src-main/store/migrations'
import { restoreVault, VaultError } from '../../src-main/store'
import { newDatabaseKey, newKeyFile, newVaultId, writeKeyFile } from '../../src-main/store/keys'
import { openVault, preMigrationBackupPath } from '../../src-main/store/vault'
import { fastKdf, passphrase, removeTempDirs, tempDir } from './helpers'

const open: Db[] = []
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close()
  removeTempDirs()
})

/** An encrypted database brought up to `version`. */
function databaseAt(version: number): Db {
  const db = connect(join(tempDir(), 'kluis.db'), randomBytes(32), { create: true })
  open.push(db)
  migrate(db, version)
  expect(schemaVersion(db)).toBe(version)
  return db
}

const now = '2030-01-01T00:00:00.000Z'

function tables(db: Db): Array<{ name: string; strict: number }> {
  return (db.pragma('table_list') as Array<{ name: string; strict: number; schema: string }>).filter(
    (table) => table.schema === 'main' && !table.name.startsWith('sqlite_'),
  )
}

describe('migrations', () => {
  it('are numbered 1..n in order, append-only', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1))
    expect(latestSchemaVersion).toBe(migrations.length)
  })

  it('001 core: from an empty file to metadata, adviser, clients and an append-only audit log', () => {
    const db = databaseAt(0)
    expect(migrate(db, 1)).toEqual([1])
    expect(tables(db).map((table) => table.name).sort()).toEqual(['adviser', 'audit_log', 'clients', 'vault_meta'])
    db.prepare('INSERT INTO clients (name, birth_date, created_at, updated_at) VALUES (?, ?, ?, ?)').run('A', '1980-01-01', now, now)
    expect(() => db.prepare('INSERT INTO clients (name, birth_date, created_at, updated_at) VALUES (?, ?, ?, ?)').run('B', 'gisteren', now, now)).toThrow(/CHECK/)
    expect(() => db.prepare('INSERT INTO adviser (id, name, updated_at) VALUES (2, ?, ?)').run('X', now)).toThrow(/CHECK/)
    db.prepare("INSERT INTO audit_log (at, actor, action) VALUES (?, 'test', 'x')").run(now)
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/aangevuld/)
  })

  it('002 client finances: keeps existing clients and cascades their income and policies', () => {
    const db = databaseAt(1)
    const id = db.prepare('INSERT INTO clients (name, birth_date, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id').pluck().get('Bestaand', '1980-01-01', now, now) as number
    expect(migrate(db, 2)).toEqual([2])
    expect(db.prepare('SELECT name FROM clients WHERE id = ?').pluck().get(id)).toBe('Bestaand')
    db.prepare('INSERT INTO income_years (client_id, year, profit_cents) VALUES (?, 2029, 4200000)').run(id)
    db.prepare("INSERT INTO policies (client_id, kind, policy_json, created_at, updated_at) VALUES (?, 'quote', '{}', ?, ?)").run(id, now, now)
    expect(() => db.prepare('INSERT INTO income_years (client_id, year, profit_cents) VALUES (?, 2029, 1.5)').run(id)).toThrow()
    expect(() => db.prepare('INSERT INTO income_years (client_id, year, profit_cents) VALUES (9999, 2029, 1)').run()).toThrow(/FOREIGN KEY/)
    db.prepare('DELETE FROM clients WHERE id = ?').run(id)
    expect(db.prepare('SELECT count(*) FROM income_years').pluck().get()).toBe(0)
    expect(db.prepare('SELECT count(*) FROM policies').pluck().get()).toBe(0)
  })

  it('003 advice versions: keeps clients and finances; versions refuse updates and deletes outside erasure', () => {
    const db = databaseAt(2)
    const id = db.prepare('INSERT INTO clients (name, birth_date, created_at, updated_at) VALUES (?, ?, ?, ?) RETURNING id').pluck().get('Bestaand', '1980-01-01', now, now) as number
    db.prepare('INSERT INTO income_years (client_id, year, profit_cents) VALUES (?, 2029, 100)').run(id)
    expect(migrate(db, 3)).toEqual([3])
    expect(db.prepare('SELECT profit_cents FROM income_years WHERE client_id = ?').pluck().get(id)).toBe(100)
    const insert = db.prepare(
      `INSERT INTO advice_versions (client_id, version_no, created_at, bill_version, parameters_hash, case_json, result_json, recommendation, content_hash)
       VALUES (?, 1, ?, 'raad-van-state-2025', 'h', '{}', '{}', 'advies', 'c') RETURNING id`,
    )
    const version = insert.pluck().get(id, now) as number
    expect(() => db.prepare("UPDATE advice_versions SET recommendation = 'x' WHERE id = ?").run(version)).toThrow(/onveranderlijk/)
    db.prepare("UPDATE advice_versions SET report_pdf = x'25504446', report_sha256 = 'r' WHERE id = ?").run(version)
    expect(() => db.prepare("UPDATE advice_versions SET report_pdf = x'00', report_sha256 = 's' WHERE id = ?").run(version)).toThrow(/onveranderlijk/)
    expect(() => db.prepare('DELETE FROM clients WHERE id = ?').run(id)).toThrow(/onveranderlijk/)
    db.transaction(() => {
      db.prepare('INSERT INTO advice_erasures (client_id) VALUES (?)').run(id)
      db.prepare('DELETE FROM clients WHERE id = ?').run(id)
      db.prepare('DELETE FROM advice_erasures WHERE client_id = ?').run(id)
    })()
    expect(db.prepare('SELECT count(*) FROM advice_versions').pluck().get()).toBe(0)
  })

  it('004 name search: fills the folded name of every existing client', () => {
    const db = databaseAt(3)
    const names = ['Élodie Müller-Özdemir', 'JAN de vries', "O'Neill, Siobhán"]
    for (const name of names) db.prepare('INSERT INTO clients (name, birth_date, created_at, updated_at) VALUES (?, ?, ?, ?)').run(name, '1980-01-01', now, now)
    expect(migrate(db, 4)).toEqual([4])
    expect(db.prepare('SELECT name_search FROM clients ORDER BY id').pluck().all()).toEqual(names.map(foldName))
    expect(db.prepare('SELECT name_search FROM clients ORDER BY id').pluck().all()).toEqual(['elodie muller ozdemir', 'jan de vries', 'o neill siobhan'])
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT id FROM clients WHERE name_search >= 'jan'").all() as Array<{ detail: string }>
    expect(plan.map((row) => row.detail).join(' ')).toMatch(/clients_by_name_search/)
  })

  it('005 client drafts: keeps clients and their data; one JSON-object draft per client, gone with the client', () => {
    const db = databaseAt(4)
    const insertClient = db.prepare('INSERT INTO clients (name, birth_date, created_at, updated_at, name_search) VALUES (?, ?, ?, ?, ?) RETURNING id').pluck()
    const id = insertClient.get('Bestaand', '1980-01-01', now, now, 'bestaand') as number
    const other = insertClient.get('Ander', '1981-01-01', now, now, 'ander') as number
    db.prepare('INSERT INTO income_years (client_id, year, profit_cents) VALUES (?, 2029, 100)').run(id)
    db.prepare("INSERT INTO policies (client_id, kind, policy_json, created_at, updated_at) VALUES (?, 'quote', '{}', ?, ?)").run(id, now, now)
    expect(migrate(db, 5)).toEqual([5])
    expect(db.prepare('SELECT name, name_search FROM clients WHERE id = ?').get(id)).toEqual({ name: 'Bestaand', name_search: 'bestaand' })
    expect(db.prepare('SELECT profit_cents FROM income_years WHERE client_id = ?').pluck().get(id)).toBe(100)
    expect(db.prepare('SELECT count(*) FROM policies').pluck().get()).toBe(1)
    expect(db.prepare('SELECT count(*) FROM client_drafts').pluck().get()).toBe(0)

    const insert = db.prepare('INSERT INTO client_drafts (client_id, draft_json, updated_at) VALUES (?, ?, ?)')
    insert.run(id, '{"adviserNotes":"x"}', now)
    insert.run(other, '{}', now)
    expect(db.prepare('SELECT complete FROM client_drafts WHERE client_id = ?').pluck().get(id)).toBe(0)
    expect(() => insert.run(id, '{}', now)).toThrow(/UNIQUE|PRIMARY KEY/)
    expect(() => insert.run(9999, '{}', now)).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare("UPDATE client_drafts SET draft_json = '[1]' WHERE client_id = ?").run(id)).toThrow(/CHECK/)
    expect(() => db.prepare("UPDATE client_drafts SET draft_json = '{kapot' WHERE client_id = ?").run(id)).toThrow(/CHECK/)
    expect(() => db.prepare('UPDATE client_drafts SET complete = 2 WHERE client_id = ?').run(id)).toThrow(/CHECK/)
    db.prepare('DELETE FROM clients WHERE id = ?').run(id)
    expect(db.prepare('SELECT client_id FROM client_drafts').pluck().all()).toEqual([other])
  })

  it('leaves every table STRICT, is idempotent, and refuses a vault from a newer Vangnet', () => {
    const db = databaseAt(latestSchemaVersion)
    expect(tables(db).every((table) => table.strict === 1)).toBe(true)
    expect(migrate(db)).toEqual([])
    db.pragma(`user_version = ${latestSchemaVersion + 1}`)
    expect(() => migrate(db)).toThrow(VaultError)
    expect(() => migrate(db)).toThrow(/nieuwere versie/)
  })
})

describe('opening a vault made by an older Vangnet', () => {
  it('backs it up as it was, then migrates it, keeping its data', async () => {
    const dir = tempDir()
    const path = join(dir, 'oud.db')
    const key = newDatabaseKey()
    const vaultId = newVaultId()
    const db = connect(path, key, { create: true })
    migrate(db, 3)
    db.prepare("INSERT INTO vault_meta (key, value) VALUES ('vault_id', ?)").run(vaultId)
    db.prepare('INSERT INTO clients (name, birth_date, created_at, updated_at) VALUES (?, ?, ?, ?)').run('Émile Oud', '1960-01-01', now, now)
    db.close()
    await writeKeyFile(path, await newKeyFile(vaultId, key, passphrase, fastKdf))

    const vault = await openVault(path, { passphrase })
    expect(vault.schemaVersion).toBe(latestSchemaVersion)
    expect(vault.clients.search('emile').map((client) => client.name)).toEqual(['Émile Oud'])
    vault.lock()

    const restoredPath = join(tempDir(), 'terug.db')
    const info = await restoreVault(preMigrationBackupPath(path, 3), restoredPath, { passphrase })
    expect(info.schemaVersion).toBe(3)
    const restored = await openVault(restoredPath, { passphrase })
    expect(restored.clients.count()).toBe(1)
    restored.lock()
  })
})
