/**
 * The session: create, unlock, lock and remember the local vault, and hand the open client book
 * to the other services. That book is the vault itself (the default), or, when this laptop is
 * linked to the firm's server (office mode), the office book; the link and its credentials are
 * kept inside the vault, so unlocking the vault is also what opens the office connection.
 *
 * Server unreachable: the services get a plain message, and drafts typed meanwhile go into the
 * vault's outbox (encrypted like everything else); they are sent, with the row version their edit
 * started from, as soon as the server answers again (a colleague's save in between turns them
 * into a draft copy on the server, never an overwrite).
 */
import { existsSync } from 'node:fs'
import type { KeyRenewal, OfficeAdviser, OfficeStatus, VaultStatus } from '../../shared/ipc'
import { openOfficeBook, type OfficeBook } from '../office/book'
import { isUnreachable, officeMessages, type OfficeConnectionSettings } from '../office/connection'
import { createVault, openVault, vaultBook, VaultError, type ClientBook, type OfficeLink, type UnsentDraft, type Vault, type VaultOptions } from '../store'
import type { ServiceHandlers } from './dispatch'
import { ServiceError } from './errors'
import type { ServiceContext } from './types'

type SessionHandlers = Pick<
  ServiceHandlers,
  | 'app:info'
  | 'vault:status'
  | 'vault:create'
  | 'vault:unlock'
  | 'vault:unlockRemembered'
  | 'vault:lock'
  | 'vault:forgetDevice'
  | 'vault:changePassphrase'
  | 'vault:renewKey'
  | 'settings:get'
  | 'settings:save'
  | 'office:status'
  | 'office:connect'
  | 'office:disconnect'
  | 'office:advisers'
  | 'office:setAdviserAccess'
  | 'office:removeAdviser'
>

export interface Session {
  handlers: SessionHandlers
  /** The open client book; throws ServiceError('locked') when locked, 'unavailable' when the office server is away. */
  book(): ClientBook
  /** The office book when this laptop works in office mode (errors as book()), else null. */
  officeBook(): OfficeBook | null
  /** Office mode and the server unreachable: keep a draft in the vault's outbox. False in local mode. */
  keepUnsent(entry: UnsentDraft): boolean
  /**
   * Before a save of `clientId` reaches the server: drop that client's unsent text (the form
   * being saved holds everything typed since) and send the other clients' unsent drafts.
   */
  beforeSave(clientId: number): Promise<void>
  /** Called whenever the session locks (manual, idle, dispose): caches of client data are emptied. */
  onLock(listener: () => void): void
  dispose(): void
}

const lockedMessage = 'De kluis is vergrendeld. Ontgrendel haar opnieuw met het wachtwoord.'
/** How often to try the office server again while it is unreachable. */
const retryMs = 15_000

export function officeSettings(link: OfficeLink): OfficeConnectionSettings {
  return {
    host: link.host,
    port: link.port,
    database: link.database,
    user: link.user,
    caPem: link.caPem,
    ...(link.password !== undefined ? { password: link.password } : {}),
    ...(link.clientCertificate ? { clientCertificate: link.clientCertificate } : {}),
  }
}

export function createSession(context: Omit<ServiceContext, 'book'>): Session {
  const { deps, settingsFile } = context
  const openOffice = deps.openOffice ?? ((settings: OfficeConnectionSettings) => openOfficeBook(settings))
  let vault: Vault | null = null
  let localBook: ClientBook | null = null
  let office: OfficeBook | null = null
  let officeProblem: string | null = null
  let retryTimer: NodeJS.Timeout | null = null
  /** Notifications from the office server so far (the screen reloads its list when this moves). */
  let changes = 0
  /**
   * The office link and the number of unsent drafts, read from the vault once at unlock and kept
   * up to date here: the screen asks for the office status every few seconds, and that question
   * must not count as activity in the vault (it would keep the idle lock from ever coming).
   */
  let link: OfficeLink | null = null
  let unsentCount = 0
  /** Whether the signed-in adviser is an office administrator: asked once when the office book opens. */
  let officeAdmin = false
  const lockListeners: Array<() => void> = []
  /** Whether the key file holds a device wrap; known after an unlock, remembered across locks. */
  let rememberedHint = false

  function unlocked(): Vault {
    if (!vault || vault.isLocked) throw new ServiceError('locked', lockedMessage)
    return vault
  }

  function closeOffice(): void {
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = null
    const closing = office
    office = null
    officeAdmin = false
    officeProblem = null
    void closing?.close()
  }

  function forget(): void {
    localBook = null
    link = null
    unsentCount = 0
    closeOffice()
    for (const listener of lockListeners) listener()
  }

  function scheduleRetry(): void {
    if (retryTimer || !vault || vault.isLocked) return
    retryTimer = setTimeout(() => {
      retryTimer = null
      void (office ? flushUnsent() : startOffice())
    }, retryMs)
    // A retry must not keep a CLI or test process alive.
    retryTimer.unref()
  }

  function announce(change: { clientId: number | null }): void {
    changes++
    deps.onClientsChanged?.(change.clientId)
  }

  /** Send the drafts typed while the server was away, oldest first. */
  async function flushUnsent(): Promise<void> {
    const v = vault
    const book = office
    if (!v || v.isLocked || !book || unsentCount === 0) return
    for (const entry of v.officeLink.unsent()) {
      try {
        await book.drafts.save(entry.clientId, entry.draft, { complete: entry.complete, ...(entry.baseVersion !== undefined ? { baseVersion: entry.baseVersion } : {}) })
        v.officeLink.sent(entry.clientId)
        unsentCount = v.officeLink.unsent().length
      } catch (error) {
        if (error instanceof VaultError && (error.code === 'conflict' || error.code === 'unknown-record')) {
          // Conflict: the server kept the text as this adviser's draft copy. Unknown: the client was erased (AVG).
          v.officeLink.sent(entry.clientId)
          unsentCount = v.officeLink.unsent().length
          continue
        }
        if (isUnreachable(error)) scheduleRetry()
        return
      }
    }
  }

  /** Open the office book when this vault is linked; on failure keep the reason and try again later. */
  async function startOffice(): Promise<void> {
    const v = vault
    if (!v || v.isLocked || !link || office) return
    try {
      const opened = await openOffice(officeSettings(link))
      if (vault !== v || v.isLocked) {
        await opened.close()
        return
      }
      office = opened
      officeProblem = null
      officeAdmin = await opened.isOfficeAdmin().catch(() => false)
      opened.onChange(announce)
      await flushUnsent()
    } catch (error) {
      officeProblem = error instanceof VaultError ? error.message : officeMessages.unreachable
      if (isUnreachable(error)) scheduleRetry()
    }
  }

  async function vaultOptions(): Promise<VaultOptions> {
    const settings = await settingsFile.read()
    return {
      actor: 'adviseur',
      autoLockAfterMs: settings.autoLockMinutes * 60_000,
      ...deps.vaultOptions,
      onLock: (reason) => {
        forget()
        deps.desktop.discardOpenedCopies?.()
        deps.onLocked?.(reason)
      },
    }
  }

  async function opened(v: Vault): Promise<Vault> {
    vault = v
    localBook = vaultBook(v)
    link = v.officeLink.get()
    unsentCount = v.officeLink.unsent().length
    await startOffice()
    warmReports()
    return v
  }

  let warmed = false
  /**
   * After an unlock the adviser will likely make a report: warm the report renderer now, in the
   * background (the desktop app renders in a worker thread), once per run of the app.
   */
  function warmReports(): void {
    if (warmed || !deps.reports.warm) return
    warmed = true
    setTimeout(() => {
      deps.reports.warm?.().catch(() => {
        warmed = false
      })
    }, 0)
  }

  function status(): VaultStatus {
    return {
      exists: existsSync(deps.vaultPath),
      unlocked: vault !== null && !vault.isLocked,
      keychainAvailable: deps.keyWrapper?.isAvailable() ?? false,
      remembered: rememberedHint,
    }
  }

  function officeStatus(): OfficeStatus {
    unlocked()
    return {
      linked: link !== null,
      connected: office !== null,
      server: link ? `${link.host}:${link.port}/${link.database}` : null,
      user: link?.user ?? null,
      unsent: unsentCount,
      message: link && !office ? (officeProblem ?? officeMessages.unreachable) : null,
      changes,
      officeAdmin: office !== null && officeAdmin,
      login: link ? (link.clientCertificate ? 'certificate' : 'password') : null,
    }
  }

  /**
   * A new database key (and with `next` ≠ `current`, a new passphrase): the vault re-encrypts
   * itself (Vault.changePassphrase). "Onthoud op dit apparaat" is renewed when the keychain is here.
   */
  async function renewKey(current: string, next: string): Promise<KeyRenewal> {
    const v = unlocked()
    let pages = 0
    const device = deps.keyWrapper?.isAvailable() ? deps.keyWrapper : undefined
    await v.changePassphrase(current, next, {
      ...(device ? { device } : {}),
      onProgress: (progress) => {
        pages = progress.pages
      },
    })
    rememberedHint = v.rememberedOnDevice
    return { pages, remembered: v.rememberedOnDevice, status: status() }
  }

  /** The office administrator's work goes through the adviser's own login; the server checks the right. */
  function adminBook(): OfficeBook {
    unlocked()
    if (!link) throw new ServiceError('forbidden', 'Deze laptop werkt niet met een kantoorserver.')
    if (!office) throw new ServiceError('unavailable', officeProblem ?? officeMessages.unreachable)
    return office
  }

  async function advisers(book: OfficeBook): Promise<OfficeAdviser[]> {
    return book.advisers()
  }

  async function remember(v: Vault, wanted: boolean): Promise<void> {
    if (wanted && deps.keyWrapper?.isAvailable() && !v.rememberedOnDevice) await v.rememberOnDevice(deps.keyWrapper)
    rememberedHint = v.rememberedOnDevice
  }

  const handlers: SessionHandlers = {
    'app:info': () => ({ name: 'Vangnet', version: deps.appVersion, host: deps.host }),
    'vault:status': () => status(),
    'vault:create': async ({ passphrase, adviser, remember: wanted }) => {
      if (existsSync(deps.vaultPath)) throw new ServiceError('already-exists', 'Er is al een kluis op dit apparaat. Ontgrendel die met het wachtwoord.')
      vault?.lock()
      const v = await opened(await createVault(deps.vaultPath, passphrase, await vaultOptions()))
      v.adviser.save({ name: adviser.name, firm: adviser.firm, afmNumber: adviser.afmNumber || null, kifidNumber: adviser.kifidNumber || null })
      await remember(v, wanted)
      return status()
    },
    'vault:unlock': async ({ passphrase, remember: wanted }) => {
      if (!existsSync(deps.vaultPath)) throw new ServiceError('not-found', 'Er is nog geen kluis op dit apparaat.')
      if (vault && !vault.isLocked) return status()
      const v = await opened(await openVault(deps.vaultPath, { passphrase }, await vaultOptions()))
      await remember(v, wanted)
      return status()
    },
    'vault:unlockRemembered': async () => {
      if (!deps.keyWrapper?.isAvailable()) throw new ServiceError('unavailable', 'Onthouden op dit apparaat is hier niet beschikbaar; gebruik het wachtwoord.')
      if (vault && !vault.isLocked) return status()
      const v = await opened(await openVault(deps.vaultPath, { device: deps.keyWrapper }, await vaultOptions()))
      rememberedHint = v.rememberedOnDevice
      return status()
    },
    'vault:lock': () => {
      vault?.lock()
      return status()
    },
    'vault:forgetDevice': async () => {
      await unlocked().forgetOnDevice()
      rememberedHint = false
      return status()
    },
    'vault:changePassphrase': async ({ current, next }) => {
      if (current === next) throw new ServiceError('invalid-input', 'Het nieuwe wachtwoord is hetzelfde als het huidige. Kies een ander wachtwoord, of gebruik "Databasesleutel vernieuwen".')
      return renewKey(current, next)
    },
    'vault:renewKey': ({ passphrase }) => renewKey(passphrase, passphrase),
    'settings:get': () => settingsFile.read(),
    'settings:save': (settings) => settingsFile.write(settings),
    'office:status': () => officeStatus(),
    'office:connect': async (request) => {
      const v = unlocked()
      const next = {
        host: request.host,
        port: request.port,
        database: request.database,
        user: request.user,
        caPem: request.caPem,
        ...(request.password !== undefined ? { password: request.password } : {}),
        ...(request.certPem !== undefined && request.keyPem !== undefined ? { clientCertificate: { certPem: request.certPem, keyPem: request.keyPem } } : {}),
      }
      // Only a connection that works (TLS verified, server checked, schema current, adviser known) is kept.
      const trial = await openOffice(officeSettings(next))
      const profile = await trial.adviser.get().catch(async (error: unknown) => {
        await trial.close()
        throw error
      })
      if (!profile) {
        await trial.close()
        throw new ServiceError('forbidden', officeMessages.noAdviser)
      }
      closeOffice()
      v.officeLink.save(next)
      link = v.officeLink.get()
      office = trial
      officeAdmin = await trial.isOfficeAdmin().catch(() => false)
      trial.onChange(announce)
      lockListeners.forEach((listener) => listener())
      await flushUnsent()
      return officeStatus()
    },
    'office:disconnect': () => {
      const v = unlocked()
      closeOffice()
      v.officeLink.save(null)
      link = null
      lockListeners.forEach((listener) => listener())
      return officeStatus()
    },
    'office:advisers': () => advisers(adminBook()),
    'office:setAdviserAccess': async ({ roleName, disabled }) => {
      const book = adminBook()
      await book.setAdviserDisabled(roleName, disabled)
      return advisers(book)
    },
    'office:removeAdviser': async ({ roleName, successor }) => {
      const book = adminBook()
      await book.removeAdviser(roleName, successor)
      return advisers(book)
    },
  }

  return {
    handlers,
    book() {
      unlocked()
      if (!localBook) throw new ServiceError('locked', lockedMessage)
      if (office) return office
      if (link) {
        void startOffice()
        throw new ServiceError('unavailable', officeProblem ?? officeMessages.unreachable)
      }
      return localBook
    },
    officeBook() {
      unlocked()
      if (office) return office
      if (link) {
        void startOffice()
        throw new ServiceError('unavailable', officeProblem ?? officeMessages.unreachable)
      }
      return null
    },
    keepUnsent(entry) {
      const v = unlocked()
      if (!link) return false
      v.officeLink.keepUnsent(entry)
      unsentCount = v.officeLink.unsent().length
      scheduleRetry()
      return true
    },
    async beforeSave(clientId) {
      const v = unlocked()
      if (!office || unsentCount === 0) return
      v.officeLink.sent(clientId)
      unsentCount = v.officeLink.unsent().length
      await flushUnsent()
    },
    onLock(listener) {
      lockListeners.push(listener)
    },
    dispose() {
      vault?.lock()
      vault = null
      forget()
      deps.desktop.discardOpenedCopies?.()
    },
  }
}
