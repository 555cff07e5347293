/** Test databases on the run's cluster: each test file its own database, owner and advisers. */
import { randomBytes } from 'node:crypto'
import { inject } from 'vitest'
import type { OfficeConnectionSettings } from '../../src-main/office/connection'
import { superuserClient, type ClusterInfo } from './cluster'

export const ownerRole = 'vangnet_owner'
export const ownerPassword = 'eigenaar-wachtwoord-voor-tests'
export const adviserPassword = 'adviseur-wachtwoord-voor-tests'

export function cluster(): ClusterInfo {
  return inject('officeCluster')
}

export function settingsFor(database: string, user: string, password?: string): OfficeConnectionSettings {
  const info = cluster()
  return { host: info.host, port: info.port, database, user, caFile: info.caFile, ...(password !== undefined ? { password } : {}) }
}

/** A new, empty database owned by the office owner role (made once per cluster). */
export async function emptyDatabase(prefix: string): Promise<{ name: string; owner: OfficeConnectionSettings }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`
  const admin = superuserClient(cluster())
  await admin.connect()
  try {
    await admin.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${ownerRole}') THEN
        CREATE ROLE ${ownerRole} LOGIN CREATEROLE PASSWORD '${ownerPassword}';
      END IF;
    END $$`)
    await admin.query(`CREATE DATABASE ${name} OWNER ${ownerRole}`)
    // As the README tells the firm: no CONNECT for PUBLIC; `office init` grants it to the Vangnet roles.
    await admin.query(`REVOKE ALL ON DATABASE ${name} FROM PUBLIC`)
  } finally {
    await admin.end()
  }
  return { name, owner: settingsFor(name, ownerRole, ownerPassword) }
}

/** A role name unique in the cluster (roles are shared by all databases). */
export function uniqueRole(prefix: string): string {
  return `${prefix}_${randomBytes(3).toString('hex')}`
}
