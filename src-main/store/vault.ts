/**
 * The vault service: create, open (unlock), lock, change passphrase, remember on this device.
 * See ./index.ts for the overview of the API.
 */
import { existsSync, promises as fs } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import { assertEncryptedOnDisk, connect, integrityProblems, pageCount, rekey, type Db } from './connection'
import { VaultError, asVaultError, vaultMessages } from './errors'
import {
  defaultKdf,
  keyFilePath,
  newDatabaseKey,
  newKeyFile,
  newVaultId,
  passphraseCandidates,
  readKeyFile,
  renewalKeyFile,
  renewedKeyFile,
  syncDirectory,
  withoutRenewal,
  unwrapWithDevice,
  unwrapWithPassphrase,
  wrapForDevice,
  writeKeyFile,
  type KdfParameters,
  type KeyFile,
  type KeyWrapper,
} from './keys'
import { latestSchemaVersion, migrate, schemaVersion } from './migrations'
import { AuditLog } from './repositories/audit'
import { AdviceVersionsRepository } from './repositories/advice-versions'
import { AdviserRepository } from './repositories/adviser'
import { IncomeYearsRepository, PoliciesRepository } from './repositories/client-finances'
import { ClientImportRepository } from './repositories/client-import'
import { ClientsRepository } from './repositories/clients'
import { DraftsRepository } from './repositories/drafts'
import { PortfolioRepository } from './repositories/portfolio'
import { OfficeLinkRepository } from './repositories/office-link'
import type { StoreContext } from './repositories/context'
import { checkpointFully, PrivacyService } from './repositories/privacy'
import { makeBackup, type BackupInfo } from './backup'

/** How to unlock: the adviser's passphrase, or the key remembered on this device. */
export type Unlock = { passphrase: string } | { device: KeyWrapper }

export type LockReason = 'manual' | 'idle'

export interface VaultOptions {
  /** Who acts, for the audit log: "adviseur" (app), "cli", ... Never a person's name. */
  actor?: string
  /** Lock after this long without any vault call. Default 15 minutes; 0 turns it off. */
  autoLockAfterMs?: number
  /** Called once when the vault locks (by lock() or idle), e.g. to show the lock screen. */
  onLock?: (reason: LockReason) => void
  /** Clock, for tests. */
  now?: () => Date
  /** Path of the native module built for Electron's ABI (see the README). */
  nativeBinding?: string
  /** scrypt cost for new wraps. Only tests lower it; the default takes ~250 ms. */
  kdf?: KdfParameters
}

const defaultAutoLockMs = 15 * 60 * 1000

export interface RenewOptions {
  /** Renews "onthoud op dit apparaat" with the new key (without it, the device wrap is dropped). */
  device?: KeyWrapper
  /** Told before the database is re-encrypted (with its size in pages) and when it is done. */
  onProgress?: (progress: { step: 're-encrypting' | 'done'; pages: number }) => void
}

/**
 * SQLite's damage and busy errors from any repository method become the plain VaultError
 * (a file damaged after unlock is only noticed when a damaged page is read).
 */
function withPlainErrors<T extends object>(repository: T): T {
  return new Proxy(repository, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        try {
          return (value as (...inner: unknown[]) => unknown).apply(target, args)
        } catch (error) {
          throw asVaultError(error)
        }
      }
    },
  })
}

/** Repositories plus the vault-level operations. All methods throw VaultError('locked') after lock(). */
export class Vault {
  readonly clients: ClientsRepository
  readonly incomeYears: IncomeYearsRepository
  readonly policies: PoliciesRepository
  readonly adviceVersions: AdviceVersionsRepository
  readonly drafts: DraftsRepository
  readonly adviser: AdviserRepository
  readonly audit: AuditLog
  readonly privacy: PrivacyService
  readonly clientImport: ClientImportRepository
  readonly portfolio: PortfolioRepository
  /** Office mode: the connection to the firm's server and the drafts not yet sent to it. */
  readonly officeLink: OfficeLinkRepository

  private connection: Db | null
  private databaseKey: Buffer | null
  private lastActivity = Date.now()
  private idleTimer: NodeJS.Timeout | null = null
  private readonly autoLockMs: number

  /** @internal use createVault / openVault */
  constructor(
    readonly path: string,
    private keyFile: KeyFile,
    db: Db,
    databaseKey: Buffer,
    private readonly options: VaultOptions,
  ) {
    this.connection = db
    this.databaseKey = databaseKey
    this.autoLockMs = options.autoLockAfterMs ?? defaultAutoLockMs
    const now = options.now ?? (() => new Date())
    const context: StoreContext = { db: () => this.db(), now: () => now().toISOString(), actor: options.actor ?? 'adviseur' }
    this.audit = withPlainErrors(new AuditLog(context))
    this.clients = withPlainErrors(new ClientsRepository(context, this.audit))
    this.incomeYears = withPlainErrors(new IncomeYearsRepository(context, this.audit))
    this.policies = withPlainErrors(new PoliciesRepository(context, this.audit))
    this.adviceVersions = withPlainErrors(new AdviceVersionsRepository(context, this.audit))
    this.drafts = withPlainErrors(new DraftsRepository(context, this.audit))
    this.adviser = withPlainErrors(new AdviserRepository(context, this.audit))
    this.privacy = withPlainErrors(new PrivacyService(context, this))
    this.clientImport = withPlainErrors(new ClientImportRepository(context, this.audit))
    this.portfolio = withPlainErrors(new PortfolioRepository(context))
    this.officeLink = withPlainErrors(new OfficeLinkRepository(context, this.audit))
    this.scheduleIdleCheck()
  }

  get vaultId(): string {
    return this.keyFile.vaultId
  }

  get isLocked(): boolean {
    return this.connection === null
  }

  /** True when this device can unlock the vault without the passphrase. */
  get rememberedOnDevice(): boolean {
    return this.keyFile.device !== null
  }

  get schemaVersion(): number {
    return schemaVersion(this.db())
  }

  /** The open connection; every repository call passes here, which counts as activity. */
  private db(): Db {
    if (!this.connection) throw new VaultError('locked', vaultMessages.locked)
    this.lastActivity = Date.now()
    return this.connection
  }

  private key(): Buffer {
    if (!this.databaseKey) throw new VaultError('locked', vaultMessages.locked)
    return this.databaseKey
  }

  private scheduleIdleCheck(): void {
    if (this.autoLockMs <= 0 || this.isLocked) return
    const due = this.lastActivity + this.autoLockMs - Date.now()
    this.idleTimer = setTimeout(() => {
      if (Date.now() - this.lastActivity >= this.autoLockMs) this.lockFor('idle')
      else this.scheduleIdleCheck()
    }, Math.max(due, 10))
    // An idle timer must not keep a CLI process alive.
    this.idleTimer.unref()
  }

  /** Close the database and wipe the key from memory. Open again with openVault. */
  lock(): void {
    this.lockFor('manual')
  }

  private lockFor(reason: LockReason): void {
    if (this.isLocked) return
    if (this.idleTimer) clearTimeout(this.idleTimer)
    this.idleTimer = null
    try {
      this.connection!.close()
    } finally {
      this.connection = null
      this.databaseKey?.fill(0)
      this.databaseKey = null
    }
    this.options.onLock?.(reason)
  }

  /**
   * A new passphrase, and with it a new database key: the whole database is re-encrypted, so the
   * old passphrase with an old key file or backup opens nothing written from now on (old backups
   * keep opening with the passphrase of their time). In three steps, each durable before the next:
   * key file with the new key pending, rekey (one SQLite transaction), key file with only the new
   * key. openVault finishes or undoes a renewal a crash interrupted. The device wrap ("onthoud op
   * dit apparaat") held the old key: it is renewed with `device`, otherwise dropped.
   */
  async changePassphrase(current: string, next: string, options: RenewOptions = {}): Promise<void> {
    const check = await unwrapWithPassphrase(this.keyFile, current)
    check.fill(0)
    const db = this.db()
    const currentKey = this.key()
    const nextKey = newDatabaseKey()
    try {
      const renewal = await renewalKeyFile(this.keyFile, currentKey, nextKey, next, this.options.kdf ?? defaultKdf)
      await writeKeyFile(this.path, renewal)
      this.keyFile = renewal
      const pages = pageCount(db)
      options.onProgress?.({ step: 're-encrypting', pages })
      rekey(db, nextKey)
      // From here the database is under the new key: keep that one in memory whatever follows.
      this.databaseKey = nextKey
      currentKey.fill(0)
      options.onProgress?.({ step: 'done', pages })
      let renewed = renewedKeyFile(renewal)
      if (options.device && this.rememberedOnDevice) renewed = await wrapForDevice(renewed, nextKey, options.device)
      await writeKeyFile(this.path, renewed)
      this.keyFile = renewed
    } catch (error) {
      if (this.databaseKey !== nextKey) nextKey.fill(0)
      throw asVaultError(error)
    }
    this.audit.record(current === next ? 'vault.key-renewed' : 'vault.passphrase-changed', { type: 'vault' })
  }

  /** A new database key under the same passphrase (see changePassphrase). */
  async renewKey(passphrase: string, options: RenewOptions = {}): Promise<void> {
    await this.changePassphrase(passphrase, passphrase, options)
  }

  /** "Onthoud op dit apparaat": also wrap the key with the OS keychain. Refused when unavailable. */
  async rememberOnDevice(wrapper: KeyWrapper): Promise<void> {
    const updated = await wrapForDevice(this.keyFile, this.key(), wrapper)
    await writeKeyFile(this.path, updated)
    this.keyFile = updated
    this.audit.record('vault.device-key-added', { type: 'vault' }, wrapper.id)
  }

  async forgetOnDevice(): Promise<void> {
    if (!this.keyFile.device) return
    const updated = { ...this.keyFile, device: null }
    await writeKeyFile(this.path, updated)
    this.keyFile = updated
    this.audit.record('vault.device-key-removed', { type: 'vault' })
  }

  /** One encrypted backup file (see ./backup.ts); restore with restoreVault. */
  async backup(outFile: string): Promise<BackupInfo> {
    const info = await makeBackup(this.db(), this.key(), this.keyFile, this.path, outFile, this.options.now?.() ?? new Date())
    this.audit.record('vault.backup-made', { type: 'vault' })
    return info
  }

  /** The connection's journal and sync settings, as SQLite reports them (tests assert WAL + FULL). */
  durability(): { journalMode: string; synchronous: 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA' } {
    const db = this.db()
    const levels = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const
    return { journalMode: String(db.pragma('journal_mode', { simple: true })), synchronous: levels[Number(db.pragma('synchronous', { simple: true }))] ?? 'OFF' }
  }

  /** PRAGMA integrity_check: an empty list when the file is sound. */
  checkIntegrity(): string[] {
    return integrityProblems(this.db())
  }
}

const interruptedRenewal = 'Het wijzigen van het wachtwoord is onderbroken. Ontgrendel de kluis met het nieuwe wachtwoord; daarmee wordt de wijziging afgemaakt.'

/**
 * The database opened with the key this unlock gives. During a renewal a crash interrupted
 * (`pending` in the key file) the passphrase may unwrap several keys: the one the database
 * opens with decides, and the renewal is then finished (new passphrase) or undone (old one).
 */
async function openWithUnlock(path: string, keyFile: KeyFile, unlock: Unlock, options: VaultOptions): Promise<{ db: Db; databaseKey: Buffer; keyFile: KeyFile }> {
  const candidates = 'passphrase' in unlock ? await passphraseCandidates(keyFile, unlock.passphrase) : [{ key: await unwrapWithDevice(keyFile, unlock.device), role: 'current' as const }]
  const wipe = () => candidates.forEach((candidate) => candidate.key.fill(0))
  for (const [index, candidate] of candidates.entries()) {
    let db: Db
    try {
      db = openDatabase(path, candidate.key, keyFile.vaultId, { nativeBinding: options.nativeBinding, migrate: false })
    } catch (error) {
      if (index < candidates.length - 1 && error instanceof VaultError && error.code === 'damaged') continue
      wipe()
      if (keyFile.pending && candidate.role === 'current' && error instanceof VaultError && error.code === 'damaged') throw new VaultError('wrong-passphrase', interruptedRenewal)
      throw error
    }
    try {
      const databaseKey = Buffer.from(candidate.key)
      let settled = keyFile
      if (keyFile.pending && candidate.role === 'current') {
        // The old passphrase still opens the database: the rekey never happened. Undo.
        settled = withoutRenewal(keyFile)
      } else if (keyFile.pending) {
        if (candidate.role === 'previous') {
          // The new passphrase, but the database is still under the old key: finish the rekey.
          const next = candidates.find((other) => other.role === 'next')
          if (!next) throw new VaultError('damaged', vaultMessages.keyFileDamaged)
          rekey(db, next.key)
          databaseKey.set(next.key)
        }
        settled = renewedKeyFile(keyFile)
      }
      if (settled !== keyFile) await writeKeyFile(path, settled)
      wipe()
      return { db, databaseKey, keyFile: settled }
    } catch (error) {
      db.close()
      wipe()
      throw asVaultError(error)
    }
  }
  wipe()
  throw new VaultError('wrong-passphrase', vaultMessages.wrongPassphrase)
}

function readVaultId(db: Db): string | undefined {
  return db.prepare("SELECT value FROM vault_meta WHERE key = 'vault_id'").pluck().get() as string | undefined
}

/**
 * Open the vault file with a known database key: probe, refuse newer schemas, migrate, check that
 * file and key file belong together. Shared by openVault and restore.
 */
export function openDatabase(path: string, databaseKey: Buffer, vaultId: string, options: { nativeBinding?: string; migrate: boolean }): Db {
  const db = connect(path, databaseKey, { create: false, nativeBinding: options.nativeBinding })
  try {
    if (options.migrate) migrate(db)
    let storedId: string | undefined
    try {
      storedId = readVaultId(db)
    } catch {
      storedId = undefined
    }
    if (storedId !== vaultId) throw new VaultError('damaged', vaultMessages.keyMismatch)
    return db
  } catch (error) {
    db.close()
    throw asVaultError(error)
  }
}

/** Where the automatic backup goes before migrations upgrade a vault made by an older Vangnet. */
export function preMigrationBackupPath(path: string, fromVersion: number): string {
  return `${path}.voor-update-v${fromVersion}.vangnet`
}

/** Temporary files Vangnet makes next to a vault: `<vault>.<8 hex>.tmp` (and `.snapshot`, `.restore`, `.new`), with SQLite's sidecars. */
const temporaryName = /\.[0-9a-f]{8}\.(tmp|snapshot|restore|new)(-wal|-shm|-journal)?$/

/**
 * Temporary files a crash left next to the vault (a key file being written, a backup snapshot, a
 * restore being checked): encrypted, but a snapshot can still hold clients erased since. Removed
 * once the vault is unlocked, which also shows that nobody else is using it to write them.
 */
async function removeLeftovers(path: string): Promise<void> {
  const folder = dirname(path)
  const prefix = `${basename(path)}.`
  const names = await fs.readdir(folder).catch(() => [] as string[])
  await Promise.all(names.filter((name) => name.startsWith(prefix) && temporaryName.test(name)).map((name) => fs.rm(join(folder, name), { force: true })))
}

/** Unlock an existing vault. A wrong passphrase or damaged file throws VaultError and writes nothing. */
export async function openVault(path: string, unlock: Unlock, options: VaultOptions = {}): Promise<Vault> {
  if (!existsSync(path)) throw new VaultError('not-found', vaultMessages.notFound)
  const { db, databaseKey, keyFile } = await openWithUnlock(path, await readKeyFile(path), unlock, options)
  try {
    await removeLeftovers(path)
    // A vault from an older Vangnet: keep a backup of it as it was before migrating (once per
    // version), so a faulty migration can never cost data.
    const version = schemaVersion(db)
    if (version < latestSchemaVersion && !existsSync(preMigrationBackupPath(path, version))) {
      await makeBackup(db, databaseKey, keyFile, path, preMigrationBackupPath(path, version), options.now?.() ?? new Date())
    }
    migrate(db)
    // Pages an earlier erase could not remove from the file (a reader held them) go now.
    checkpointFully(db, 1)
  } catch (error) {
    db.close()
    databaseKey.fill(0)
    throw asVaultError(error)
  }
  return new Vault(path, keyFile, db, databaseKey, options)
}

/**
 * Make a new vault at `path` (plus `path`.keys). Refuses to touch an existing file. The database
 * is built under a temporary name and renamed into place last, so a crash leaves no half vault.
 */
export async function createVault(path: string, passphrase: string, options: VaultOptions = {}): Promise<Vault> {
  if (existsSync(path) || existsSync(keyFilePath(path))) throw new VaultError('already-exists', vaultMessages.alreadyExists)
  const vaultId = newVaultId()
  const databaseKey = newDatabaseKey()
  const keyFile = await newKeyFile(vaultId, databaseKey, passphrase, options.kdf ?? defaultKdf)
  const temporary = `${path}.${randomBytes(4).toString('hex')}.new`
  try {
    const db = connect(temporary, databaseKey, { create: true, nativeBinding: options.nativeBinding })
    try {
      // Owner-only, like the key file; SQLite gives -wal and -shm the same mode.
      await fs.chmod(temporary, 0o600)
      migrate(db)
      const now = (options.now?.() ?? new Date()).toISOString()
      db.transaction(() => {
        const insert = db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?)')
        insert.run('vault_id', vaultId)
        insert.run('created_at', now)
        db.prepare('INSERT INTO audit_log (at, actor, action, subject_type, detail) VALUES (?, ?, ?, ?, ?)').run(
          now,
          options.actor ?? 'adviseur',
          'vault.created',
          'vault',
          '',
        )
      })()
    } finally {
      db.close()
    }
    assertEncryptedOnDisk(temporary)
    await writeKeyFile(path, keyFile)
    await fs.rename(temporary, path)
    await syncDirectory(dirname(path))
  } catch (error) {
    await fs.rm(temporary, { force: true })
    databaseKey.fill(0)
    throw error
  }
  const db = openDatabase(path, databaseKey, vaultId, { nativeBinding: options.nativeBinding, migrate: true })
  return new Vault(path, keyFile, db, databaseKey, options)
}
