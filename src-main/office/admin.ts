/**
 * The firm administrator's work, run as the schema's owner (`vangnet office init | migrate |
 * add-adviser | status`): set up and upgrade the schema, add advisers, and report what the app
 * checks at connect.
 */
import type pg from 'pg'
import { VaultError } from '../store'
import { adviserProfileSchema } from '../store/repositories/adviser'
import { validate } from '../store/repositories/context'
import { adviserAdmin, type OfficeAdviserRow } from './book'
import { asOfficeError, checkServer, connectPool, type OfficeConnectionSettings } from './connection'
import { appliedMigrations, migrateOffice, pendingMigrations } from './migrate'
import { latestOfficeVersion } from './migrations'

async function asOwner<T>(settings: OfficeConnectionSettings, work: (pool: pg.Pool) => Promise<T>): Promise<T> {
  const pool = await connectPool(settings, { max: 1 })
  try {
    return await work(pool)
  } catch (error) {
    throw asOfficeError(error)
  } finally {
    await pool.end().catch(() => {})
  }
}

/** Make the schema on an empty database, or bring it up to date: the versions applied. */
export async function migrate(settings: OfficeConnectionSettings, target = latestOfficeVersion): Promise<number[]> {
  return asOwner(settings, (pool) => migrateOffice(pool, target))
}

export interface NewAdviser {
  /** The PostgreSQL login role to create: lower case letters, digits and _. */
  roleName: string
  name: string
  firm?: string
  afmNumber?: string | null
  /** Set for password login; left out for a client certificate (CN = the role name). */
  password?: string
  /** Also an office administrator (may add and manage advisers). */
  officeAdmin?: boolean
}

const roleNamePattern = /^[a-z][a-z0-9_]{1,62}$/

/** Create the adviser's login role (member of vangnet_adviser) and their row, in one transaction. */
export async function addAdviser(settings: OfficeConnectionSettings, adviser: NewAdviser, now = new Date()): Promise<{ id: number }> {
  if (!roleNamePattern.test(adviser.roleName) || adviser.roleName.startsWith('pg_') || adviser.roleName.startsWith('vangnet_')) {
    throw new VaultError('invalid-input', 'gebruikersnaam: alleen kleine letters, cijfers en _, 2 tot 63 tekens, beginnend met een letter.')
  }
  if (adviser.password !== undefined && adviser.password.length < 12) throw new VaultError('invalid-input', 'wachtwoord: minstens 12 tekens.')
  const profile = validate(adviserProfileSchema, { name: adviser.name, firm: adviser.firm ?? '', afmNumber: adviser.afmNumber ?? null })
  return asOwner(settings, async (pool) => {
    const client = await pool.connect()
    try {
      await client.query('BEGIN')
      const role = client.escapeIdentifier(adviser.roleName)
      const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [adviser.roleName])).rows.length > 0
      if (!exists) {
        // The password travels inside the TLS connection; PostgreSQL stores only its SCRAM verifier.
        const password = adviser.password === undefined ? '' : ` PASSWORD ${client.escapeLiteral(adviser.password)}`
        await client.query(`CREATE ROLE ${role} LOGIN${password}`)
      }
      await client.query(`GRANT vangnet_adviser TO ${role}`)
      if (adviser.officeAdmin) await client.query(`GRANT vangnet_office_admin TO ${role}`)
      const { rows } = await client.query(
        `INSERT INTO vangnet.advisers (role_name, name, firm, afm_number, updated_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (role_name) DO NOTHING RETURNING id`,
        [adviser.roleName, profile.name, profile.firm, profile.afmNumber, now.toISOString()],
      )
      if (rows.length === 0) throw new VaultError('already-exists', 'Deze adviseur bestaat al in het kantoor.')
      const id = (rows[0] as { id: number }).id
      await client.query("INSERT INTO vangnet.audit_log (at, action, subject_type, subject_id) VALUES ($1, 'adviser.added', 'adviser', $2)", [now.toISOString(), id])
      await client.query('COMMIT')
      return { id }
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw error
    } finally {
      client.release()
    }
  })
}

/** The advisers, for the administrator (`vangnet office advisers`). */
export async function listAdvisers(settings: OfficeConnectionSettings): Promise<OfficeAdviserRow[]> {
  return asOwner(settings, (pool) => adviserAdmin.list((text, values) => pool.query(text, values)))
}

/** Disable an adviser (cannot log in, clients stay) or enable them again; audited by the server. */
export async function setAdviserDisabled(settings: OfficeConnectionSettings, roleName: string, disabled: boolean): Promise<void> {
  await asOwner(settings, (pool) => adviserAdmin.setDisabled((text, values) => pool.query(text, values), roleName, disabled))
}

/** Remove an adviser; their clients go to the successor (each move audited). Returns the number moved. */
export async function removeAdviser(settings: OfficeConnectionSettings, roleName: string, successor: string): Promise<number> {
  return asOwner(settings, (pool) => adviserAdmin.remove((text, values) => pool.query(text, values), roleName, successor))
}

export interface OfficeStatus {
  serverVersion: number
  tls: boolean
  schemaVersion: number
  latestVersion: number
  pending: number[]
  advisers: number
}

/** What the app checks at connect, and the schema's state. */
export async function status(settings: OfficeConnectionSettings): Promise<OfficeStatus> {
  return asOwner(settings, async (pool) => {
    const client = await pool.connect()
    try {
      const server = await checkServer(client)
      const applied = await appliedMigrations(client)
      const pending = pendingMigrations(applied)
      const advisers = applied.length ? Number((await client.query('SELECT count(*) AS n FROM vangnet.advisers')).rows[0].n) : 0
      return { serverVersion: server.serverVersion, tls: server.tls, schemaVersion: applied.length ? Math.max(...applied.map((m) => m.version)) : 0, latestVersion: latestOfficeVersion, pending, advisers }
    } finally {
      client.release()
    }
  })
}
