/**
 * The office database's numbered, append-only migrations, applied in the schema `vangnet`. Each
 * applied migration is recorded with the SHA-256 of its SQL; a migration whose text has changed
 * since it was applied is refused (the server's schema would no longer be what the code says).
 */
import { createHash } from 'node:crypto'
import { core } from './001-core'
import { advice } from './002-advice'
import { drafts } from './003-drafts'
import { officeAdmin } from './004-office-admin'
import type { OfficeMigration } from './types'

export type { OfficeMigration } from './types'

export const officeMigrations: readonly OfficeMigration[] = [core, advice, drafts, officeAdmin]
export const latestOfficeVersion = officeMigrations.length

export function checksum(migration: OfficeMigration): string {
  return createHash('sha256').update(migration.up).digest('hex')
}
