/**
 * Applying the office migrations (./migrations) as the schema's owner: under an advisory lock, in
 * one transaction (a failure leaves the schema at the version it had), refusing a database made
 * by a newer Vangnet and any migration whose SQL changed after it was applied.
 */
import type pg from 'pg'
import { VaultError } from '../store'
import { officeMessages } from './connection'
import { checksum, latestOfficeVersion, officeMigrations } from './migrations'

export interface AppliedMigration {
  version: number
  name: string
  checksum: string
}

/** The group roles the schema grants to, made when missing (needs CREATEROLE), with CONNECT on this database. */
export async function ensureGroupRoles(client: pg.ClientBase): Promise<void> {
  await client.query(`DO $$ BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vangnet_adviser') THEN CREATE ROLE vangnet_adviser NOLOGIN; END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'vangnet_office_admin') THEN CREATE ROLE vangnet_office_admin NOLOGIN; END IF;
    -- The firm may have revoked CONNECT from PUBLIC (the README advises it): advisers still connect.
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO vangnet_adviser, vangnet_office_admin', current_database());
  END $$`)
}

export async function appliedMigrations(client: pg.ClientBase): Promise<AppliedMigration[]> {
  const exists = await client.query(`SELECT to_regclass('vangnet.schema_migrations') IS NOT NULL AS present`)
  if (!(exists.rows[0] as { present: boolean }).present) return []
  const { rows } = await client.query<AppliedMigration>('SELECT version, name, checksum FROM vangnet.schema_migrations ORDER BY version')
  return rows
}

/** Refuse a changed migration or a newer schema; returns the versions still to apply. */
export function pendingMigrations(applied: AppliedMigration[], target = latestOfficeVersion): number[] {
  for (const row of applied) {
    const known = officeMigrations[row.version - 1]
    if (!known) throw new VaultError('newer-version', officeMessages.newer)
    if (checksum(known) !== row.checksum) throw new VaultError('damaged', officeMessages.changedMigration)
  }
  const done = new Set(applied.map((row) => row.version))
  return officeMigrations.filter((m) => !done.has(m.version) && m.version <= target).map((m) => m.version)
}

/** Bring the schema up to `target` (default: the latest). Returns the versions applied. */
export async function migrateOffice(pool: pg.Pool, target = latestOfficeVersion): Promise<number[]> {
  const client = await pool.connect()
  try {
    await client.query('BEGIN')
    await client.query("SELECT pg_advisory_xact_lock(hashtext('vangnet.migrations'))")
    await ensureGroupRoles(client)
    await client.query('CREATE SCHEMA IF NOT EXISTS vangnet')
    await client.query(`CREATE TABLE IF NOT EXISTS vangnet.schema_migrations (
      version integer PRIMARY KEY CHECK (version >= 1),
      name text NOT NULL,
      checksum text NOT NULL CHECK (checksum ~ '^[0-9a-f]{64}$'),
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    await client.query('REVOKE ALL ON SCHEMA vangnet FROM PUBLIC')
    const pending = pendingMigrations(await appliedMigrations(client), target)
    await client.query('SET LOCAL search_path = vangnet')
    for (const version of pending) {
      const migration = officeMigrations[version - 1]!
      await client.query(migration.up)
      await client.query('INSERT INTO vangnet.schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [version, migration.name, checksum(migration)])
    }
    await client.query('COMMIT')
    return pending
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

/** For the app at connect: the schema must be exactly what this Vangnet knows. */
export async function assertSchemaCurrent(client: pg.ClientBase): Promise<void> {
  const applied = await appliedMigrations(client)
  const pending = pendingMigrations(applied)
  if (pending.length > 0) throw new VaultError('newer-version', officeMessages.notMigrated)
}
