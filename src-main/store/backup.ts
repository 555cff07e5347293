/**
 * Backup and restore: one encrypted file.
 *
 * The copy is made with SQLite's `VACUUM INTO`, SQLite's online snapshot copy (a read transaction,
 * so the app keeps working). The sqlite3_backup API cannot be used here: SQLite3 Multiple
 * Ciphers refuses to back up into an unkeyed target, and better-sqlite3 cannot key the target it
 * opens. VACUUM INTO writes the copy with the source's cipher and key, and leaves out free pages.
 *
 * File layout: "VANGNET-BACKUP1\n", a 4-byte big-endian header length, a JSON header (format,
 * vault id, time, schema version, the passphrase-wrapped key: never the device wrap, which is
 * useless elsewhere), then the encrypted SQLite file. The header holds no personal data.
 *
 * Restore reads and checks everything into a temporary file next to the vault first: container,
 * SHA-256, key, integrity_check, schema version, vault id. Only then is the vault file replaced,
 * with one rename. A bad file never overwrites the live vault.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, promises as fs } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { z } from 'zod'
import { connect, integrityProblems, rekey, type Db } from './connection'
import { VaultError, asVaultError, vaultMessages } from './errors'
import {
  keyFilePath,
  keyFileSchema,
  readKeyFile,
  syncDirectory,
  unwrapWithDevice,
  unwrapWithPassphrase,
  withoutRenewal,
  writeFileAtomically,
  writeKeyFile,
  type KeyFile,
  type KeyWrapper,
} from './keys'
import { latestSchemaVersion, schemaVersion } from './migrations'
import { sha256Hex } from './repositories/advice-versions'

const magic = Buffer.from('VANGNET-BACKUP1\n', 'latin1')

const backupHeaderSchema = z
  .object({
    format: z.literal('vangnet-backup'),
    version: z.literal(1),
    vaultId: z.uuid(),
    createdAt: z.string(),
    schemaVersion: z.number().int().min(1),
    keys: keyFileSchema,
    payloadBytes: z.number().int().min(1),
    payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict()
type BackupHeader = z.infer<typeof backupHeaderSchema>

export interface BackupInfo {
  file: string
  bytes: number
  vaultId: string
  createdAt: string
  schemaVersion: number
}

function sqlString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}

function temporaryNextTo(path: string, suffix: string): string {
  return `${path}.${randomBytes(4).toString('hex')}.${suffix}`
}

async function removeWithSidecars(path: string): Promise<void> {
  await Promise.all(['', '-wal', '-shm', '-journal'].map((suffix) => fs.rm(path + suffix, { force: true })))
}

/** Opened with `key`, the file must be sound, of a schema we know, and of this vault. */
function verifyDatabase(db: Db, vaultId: string): void {
  if (integrityProblems(db).length > 0) throw new VaultError('damaged', vaultMessages.backupDamaged)
  const version = schemaVersion(db)
  if (version > latestSchemaVersion) throw new VaultError('newer-version', vaultMessages.newerVersion)
  const storedId = db.prepare("SELECT value FROM vault_meta WHERE key = 'vault_id'").pluck().get()
  if (storedId !== vaultId) throw new VaultError('other-vault', vaultMessages.backupOtherVault)
}

const unwritableFolder = () => new VaultError('invalid-input', 'De map voor de back-up bestaat niet of is niet beschrijfbaar.')

/** @internal called by Vault.backup */
export async function makeBackup(db: Db, databaseKey: Buffer, keyFile: KeyFile, vaultPath: string, outFile: string, now: Date): Promise<BackupInfo> {
  const target = resolve(outFile)
  if (target === resolve(vaultPath) || target === resolve(keyFilePath(vaultPath)) || target.startsWith(resolve(vaultPath) + '-')) {
    throw new VaultError('invalid-input', 'Een back-up kan niet over de kluis zelf worden geschreven.')
  }
  // The snapshot goes next to the vault, so that the next open removes it if a crash leaves it.
  const snapshot = temporaryNextTo(resolve(vaultPath), 'snapshot')
  try {
    try {
      db.exec(`VACUUM INTO ${sqlString(snapshot)}`)
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') throw unwritableFolder()
      throw error
    }
    // Check the copy before calling it a backup: it must open with the key and be sound.
    const copy = connect(snapshot, databaseKey, { create: false })
    let version: number
    try {
      verifyDatabase(copy, keyFile.vaultId)
      version = schemaVersion(copy)
    } finally {
      copy.close()
    }
    const payload = await fs.readFile(snapshot)
    const header: BackupHeader = {
      format: 'vangnet-backup',
      version: 1,
      vaultId: keyFile.vaultId,
      createdAt: now.toISOString(),
      schemaVersion: version,
      // The wrap of the key this copy is under; never the device wrap or a pending renewal.
      keys: { ...withoutRenewal(keyFile), device: null },
      payloadBytes: payload.length,
      payloadSha256: sha256Hex(payload),
    }
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8')
    const length = Buffer.alloc(4)
    length.writeUInt32BE(headerBytes.length)
    const file = Buffer.concat([magic, length, headerBytes, payload])
    try {
      await writeFileAtomically(target, file)
    } catch (error) {
      const code = (error as { code?: string }).code
      if (code === 'ENOENT' || code === 'EACCES' || code === 'ENOTDIR' || code === 'EPERM' || code === 'EROFS') throw unwritableFolder()
      throw error
    }
    return { file: target, bytes: file.length, vaultId: header.vaultId, createdAt: header.createdAt, schemaVersion: version }
  } finally {
    await removeWithSidecars(snapshot)
  }
}

/** Parse and check the container; any problem is "beschadigd", never a parser's message. */
export async function readBackup(from: string): Promise<{ header: BackupHeader; payload: Buffer }> {
  let bytes: Buffer
  try {
    bytes = await fs.readFile(from)
  } catch {
    throw new VaultError('invalid-input', 'Het back-upbestand is niet gevonden.')
  }
  const damaged = (): VaultError => new VaultError('damaged', vaultMessages.backupDamaged)
  if (bytes.length < magic.length + 4 || !bytes.subarray(0, magic.length).equals(magic)) throw damaged()
  const headerLength = bytes.readUInt32BE(magic.length)
  const headerStart = magic.length + 4
  if (headerLength > 1_000_000 || headerStart + headerLength > bytes.length) throw damaged()
  let header: BackupHeader
  try {
    header = backupHeaderSchema.parse(JSON.parse(bytes.subarray(headerStart, headerStart + headerLength).toString('utf8')))
  } catch {
    throw damaged()
  }
  const payload = bytes.subarray(headerStart + headerLength)
  if (payload.length !== header.payloadBytes || sha256Hex(payload) !== header.payloadSha256 || header.keys.vaultId !== header.vaultId) throw damaged()
  return { header, payload }
}

export interface RestoreOptions {
  /**
   * The passphrase that was valid when the backup was made, when it differs from `unlock`'s and
   * the database key has been renewed since (over an existing vault only).
   */
  backupPassphrase?: string
  nativeBinding?: string
  now?: () => Date
  actor?: string
}

/**
 * Replace the vault at `vaultPath` (or create it there) with a backup. When a vault exists there,
 * it must be unlocked with `unlock` and the backup must come from that same vault; its key file is
 * kept (so the current passphrase stays valid). Otherwise the passphrase that was valid when the
 * backup was made unlocks it. The vault must not be open anywhere (lock it first).
 */
export async function restoreVault(from: string, vaultPath: string, unlock: { passphrase: string } | { device: KeyWrapper }, options: RestoreOptions = {}): Promise<BackupInfo> {
  const { header, payload } = await readBackup(from)
  const liveExists = existsSync(vaultPath) || existsSync(keyFilePath(vaultPath))
  let keyFile: KeyFile
  if (liveExists) {
    try {
      keyFile = await readKeyFile(vaultPath)
    } catch {
      throw new VaultError(
        'damaged',
        'Het sleutelbestand van de kluis op deze plek is beschadigd of ontbreekt. Zet die kluis opzij (hernoem haar) en herstel de back-up dan opnieuw. Er is niets veranderd.',
      )
    }
    if (keyFile.vaultId !== header.vaultId) throw new VaultError('other-vault', vaultMessages.backupOtherVault)
  } else {
    keyFile = header.keys
  }
  const databaseKey = 'passphrase' in unlock ? await unwrapWithPassphrase(keyFile, unlock.passphrase) : await unwrapWithDevice(keyFile, unlock.device)
  // The backup may be under an older database key (renewed since): then its own wrap, opened with
  // the same passphrase or the one of its time, gives the key, and the copy is re-encrypted with
  // the live key, so the live key file stays the one that opens the vault.
  const backupKeys = async (): Promise<Buffer[]> => {
    if (!liveExists) return []
    const keys: Buffer[] = []
    for (const candidate of new Set(['passphrase' in unlock ? unlock.passphrase : undefined, options.backupPassphrase])) {
      if (candidate === undefined) continue
      const key = await unwrapWithPassphrase(header.keys, candidate).catch(() => null)
      if (key && !key.equals(databaseKey)) keys.push(key)
    }
    return keys
  }
  const staged = temporaryNextTo(resolve(vaultPath), 'restore')
  let olderKeys: Buffer[] = []
  try {
    const handle = await fs.open(staged, 'wx', 0o600)
    try {
      await handle.writeFile(payload)
      await handle.sync()
    } finally {
      await handle.close()
    }
    let check: Db
    try {
      check = connect(staged, databaseKey, { create: false, nativeBinding: options.nativeBinding })
    } catch (error) {
      if (!(error instanceof VaultError && error.code === 'damaged')) throw error
      olderKeys = await backupKeys()
      const opened = olderKeys.map((key) => openQuietly(staged, key, options.nativeBinding)).find((db) => db !== null)
      if (!opened) {
        if (olderKeys.length === 0 && liveExists) throw new VaultError('wrong-passphrase', vaultMessages.backupOlderKey)
        throw new VaultError('damaged', vaultMessages.backupDamaged)
      }
      check = opened
      rekey(check, databaseKey)
    }
    try {
      verifyDatabase(check, header.vaultId)
      const now = (options.now?.() ?? new Date()).toISOString()
      check.prepare('INSERT INTO audit_log (at, actor, action, subject_type, detail) VALUES (?, ?, ?, ?, ?)').run(
        now,
        options.actor ?? 'adviseur',
        'vault.restored',
        'vault',
        `back-up van ${header.createdAt}`,
      )
    } catch (error) {
      throw asVaultError(error)
    } finally {
      // Closing the last connection checkpoints and removes the staged file's WAL.
      check.close()
    }

    if (liveExists && existsSync(vaultPath)) await settleLiveWal(vaultPath, databaseKey, options.nativeBinding)
    if (!liveExists) await writeKeyFile(vaultPath, keyFile)
    await fs.rename(staged, vaultPath)
    await syncDirectory(dirname(resolve(vaultPath)))
  } finally {
    databaseKey.fill(0)
    olderKeys.forEach((key) => key.fill(0))
    await removeWithSidecars(staged)
  }
  return { file: resolve(vaultPath), bytes: payload.length, vaultId: header.vaultId, createdAt: header.createdAt, schemaVersion: header.schemaVersion }
}

function openQuietly(path: string, key: Buffer, nativeBinding: string | undefined): Db | null {
  try {
    return connect(path, key, { create: false, nativeBinding })
  } catch {
    return null
  }
}

/**
 * Before the rename: the live vault's WAL must not outlive it (SQLite would replay it onto the
 * restored file). A sound vault is checkpointed by a clean open and close; a damaged one's WAL is
 * worthless and is removed. A WAL that remains means another program has the vault open.
 */
async function settleLiveWal(vaultPath: string, databaseKey: Buffer, nativeBinding: string | undefined): Promise<void> {
  try {
    const live = connect(vaultPath, databaseKey, { create: false, nativeBinding })
    live.pragma('wal_checkpoint(TRUNCATE)')
    live.close()
  } catch {
    await fs.rm(`${vaultPath}-wal`, { force: true })
    await fs.rm(`${vaultPath}-shm`, { force: true })
  }
  if (existsSync(`${vaultPath}-wal`)) throw new VaultError('busy', vaultMessages.busy)
}
