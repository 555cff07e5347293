/**
 * The vault service: create, open (unlock), lock, change passphrase, remember on this device.
 * See ./index.ts for the overview of the API.
 */
import { existsSync, promises as fs } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { dirname } from 'node:path'
import { assertEncryptedOnDisk, connect, integrityProblems, type Db } from './connection'
import { VaultError, asVaultError, vaultMessages } from './errors'
import {
  defaultKdf,
  keyFilePath,
  newDatabaseKey,
  newKeyFile,
  newVaultId,
  readKeyFile,
  rewrapWithPassphrase,
  syncDirectory,
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
import type { StoreContext } from './repositories/context'
import { PrivacyService } from './repositories/privacy'
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

  /** New passphrase: only the key file changes (the database key is rewrapped, not the data). */
  async changePassphrase(current: string, next: string): Promise<void> {
    const check = await unwrapWithPassphrase(this.keyFile, current)
    check.fill(0)
    const updated = await rewrapWithPassphrase(this.keyFile, this.key(), next, this.options.kdf ?? defaultKdf)
    await writeKeyFile(this.path, updated)
    this.keyFile = updated
    this.audit.record('vault.passphrase-changed', { type: 'vault' })
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

  /** PRAGMA integrity_check: an empty list when the file is sound. */
  checkIntegrity(): string[] {
    return integrityProblems(this.db())
  }
}

async function unlockKey(keyFile: KeyFile, unlock: Unlock): Promise<Buffer> {
  return 'passphrase' in unlock ? unwrapWithPassphrase(keyFile, unlock.passphrase) : unwrapWithDevice(keyFile, unlock.device)
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

/** Unlock an existing vault. A wrong passphrase or damaged file throws VaultError and writes nothing. */
export async function openVault(path: string, unlock: Unlock, options: VaultOptions = {}): Promise<Vault> {
  if (!existsSync(path)) throw new VaultError('not-found', vaultMessages.notFound)
  const keyFile = await readKeyFile(path)
  const databaseKey = await unlockKey(keyFile, unlock)
  let db: Db
  try {
    db = openDatabase(path, databaseKey, keyFile.vaultId, { nativeBinding: options.nativeBinding, migrate: false })
  } catch (error) {
    databaseKey.fill(0)
    throw error
  }
  try {
    // A vault from an older Vangnet: keep a backup of it as it was before migrating (once per
    // version), so a faulty migration can never cost data.
    const version = schemaVersion(db)
    if (version < latestSchemaVersion && !existsSync(preMigrationBackupPath(path, version))) {
      await makeBackup(db, databaseKey, keyFile, path, preMigrationBackupPath(path, version), options.now?.() ?? new Date())
    }
    migrate(db)
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
