/**
 * One encrypted SQLite connection: SQLCipher 4 page format (better-sqlite3-multiple-ciphers), keyed
 * with the raw 256-bit database key, probed right after keying, then WAL, full fsync, foreign keys,
 * secure delete and in-memory temp storage (SQLite's temp files are not encrypted).
 */
import untypedDatabase from 'better-sqlite3-multiple-ciphers'
import type TypedDatabase from '../../node_modules/better-sqlite3-multiple-ciphers/index'
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import { VaultError, isDamageError, vaultMessages } from './errors'
import { foldName } from './fold'

const Database = untypedDatabase as typeof TypedDatabase
export type Db = TypedDatabase.Database

export interface ConnectOptions {
  /** Create a new file (refused when one exists) instead of opening an existing one. */
  create: boolean
  /** For the Electron build of the native module (`npm start`), see the README. */
  nativeBinding?: string
}

const plainSqliteHeader = Buffer.from('SQLite format 3\0', 'latin1')

function startsWithPlainHeader(path: string): boolean {
  const head = Buffer.alloc(16)
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    return readSync(fd, head, 0, 16, 0) === 16 && head.equals(plainSqliteHeader)
  } catch {
    return false
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

function isEmptyFile(path: string): boolean {
  try {
    return statSync(path).size === 0
  } catch {
    return false
  }
}

/**
 * Open (or create) the vault file with the database key. A wrong key or a damaged file throws
 * VaultError('damaged') before anything is written. The key buffer is not kept.
 */
export function connect(path: string, databaseKey: Buffer, options: ConnectOptions): Db {
  // Never read or write an unencrypted file as if it were a vault: that would be a silent fallback.
  if (!options.create && startsWithPlainHeader(path)) throw new VaultError('damaged', vaultMessages.damaged)
  // An empty file is no vault; SQLite would quietly write a new database header into it on keying.
  if (!options.create && isEmptyFile(path)) throw new VaultError('damaged', vaultMessages.damaged)
  let db: Db
  try {
    db = new Database(path, { fileMustExist: !options.create, timeout: 5000, nativeBinding: options.nativeBinding })
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') {
      throw options.create ? new VaultError('invalid-input', 'Deze map bestaat niet of is niet beschrijfbaar.') : new VaultError('not-found', vaultMessages.notFound)
    }
    throw error
  }
  try {
    db.pragma("cipher = 'sqlcipher'")
    // Explicit: legacy=0 and legacy=4 are different formats; 4 is SQLCipher 4's defaults.
    db.pragma('legacy = 4')
    // "x'<64 hex>'" is SQLCipher's raw-key form: no second key derivation on top of scrypt.
    const rawKey = Buffer.from(`x'${databaseKey.toString('hex')}'`, 'latin1')
    try {
      db.key(rawKey)
    } finally {
      rawKey.fill(0)
    }
    // A wrong key is only noticed on the first read: probe now, before any write.
    db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()
    if (db.pragma('cipher', { simple: true }) !== 'sqlcipher') throw new Error('Versleuteling is niet actief; de kluis wordt niet geopend.')
    configureConnection(db)
  } catch (error) {
    db.close()
    if (isDamageError(error)) throw new VaultError('damaged', vaultMessages.damaged)
    throw error
  }
  return db
}

/**
 * Re-encrypt every page with a new database key (SQLCipher rekey, one SQLite transaction: a crash
 * leaves the old key or the new one in force, never a mix), then checkpoint and truncate the WAL
 * so no page under the old key stays behind in it.
 */
export function rekey(db: Db, newKey: Buffer): void {
  const rawKey = Buffer.from(`x'${newKey.toString('hex')}'`, 'latin1')
  try {
    db.rekey(rawKey)
  } finally {
    rawKey.fill(0)
  }
  db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get()
  db.pragma('wal_checkpoint(TRUNCATE)')
}

/** Pages in the database file: the work a rekey has to do. */
export function pageCount(db: Db): number {
  return Number(db.pragma('page_count', { simple: true }))
}

/**
 * The settings every vault connection runs with (exported so the benchmark can give a plain
 * comparison database exactly the same ones).
 */
export function configureConnection(db: Db): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true })
  if (mode !== 'wal') throw new Error(`journal_mode is ${String(mode)}, verwacht wal`)
  // FULL in WAL mode: a commit that returned survives power loss, not only a crash of the app.
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  // Deleted records are overwritten, not just unlinked (AVG erasure).
  db.pragma('secure_delete = ON')
  // SQLite's temp files (sorts, VACUUM) would not be encrypted: keep them in memory.
  db.pragma('temp_store = MEMORY')
  db.function('vangnet_fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? foldName(value) : null))
}

/** Only for the benchmark's encrypted/plain comparison: never used for a vault. */
export function openUnencryptedForComparison(path: string): Db {
  const db = new Database(path)
  configureConnection(db)
  return db
}

/** After the first write: the file on disk must not be a plain SQLite file. */
export function assertEncryptedOnDisk(path: string): void {
  if (startsWithPlainHeader(path)) throw new Error('Versleuteling is niet actief; de kluis wordt niet gebruikt.')
}

/** `PRAGMA integrity_check`: 'ok' or the first problems SQLite reports. */
export function integrityProblems(db: Db): string[] {
  const rows = db.pragma('integrity_check(20)', { simple: false }) as Array<{ integrity_check: string }>
  const messages = rows.map((row) => row.integrity_check)
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages
}
