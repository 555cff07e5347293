/**
 * Numbered, append-only migrations. Never edit or reorder one that has shipped: add the next.
 * PRAGMA user_version holds the number of the last migration applied; each migration runs in its
 * own transaction together with the version bump, so a crash leaves the vault at a whole version.
 */
import type { Db } from '../connection'
import { VaultError, vaultMessages } from '../errors'
import { core } from './001-core'
import { clientFinances } from './002-client-finances'
import { adviceVersions } from './003-advice-versions'
import { nameSearch } from './004-name-search'
import { clientDrafts } from './005-client-drafts'
import type { Migration } from './types'

export type { Migration } from './types'

export const migrations: readonly Migration[] = [core, clientFinances, adviceVersions, nameSearch, clientDrafts]
export const latestSchemaVersion = migrations.length

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/** Bring the vault up to `target` (default: the latest). Returns the versions applied. */
export function migrate(db: Db, target: number = latestSchemaVersion): number[] {
  const current = schemaVersion(db)
  if (current > latestSchemaVersion) throw new VaultError('newer-version', vaultMessages.newerVersion)
  const applied: number[] = []
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue
    db.transaction(() => {
      db.exec(migration.up)
      db.pragma(`user_version = ${migration.version}`)
    }).immediate()
    applied.push(migration.version)
  }
  return applied
}
