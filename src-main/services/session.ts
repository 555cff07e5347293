/**
 * The vault session: create, unlock, lock and remember the local vault, and hand the open client
 * book to the other services. While the session is locked there is no book, so every other
 * service answers "locked".
 */
import { existsSync } from 'node:fs'
import type { VaultStatus } from '../../shared/ipc'
import { createVault, openVault, vaultBook, type ClientBook, type Vault, type VaultOptions } from '../store'
import type { ServiceHandlers } from './dispatch'
import { ServiceError } from './errors'
import type { ServiceContext } from './types'

type SessionHandlers = Pick<
  ServiceHandlers,
  'app:info' | 'vault:status' | 'vault:create' | 'vault:unlock' | 'vault:unlockRemembered' | 'vault:lock' | 'vault:forgetDevice' | 'settings:get' | 'settings:save'
>

export interface Session {
  handlers: SessionHandlers
  /** The open client book; throws ServiceError('locked') when the session is locked. */
  book(): ClientBook
  /** Called whenever the session locks (manual, idle, dispose): caches of client data are emptied. */
  onLock(listener: () => void): void
  dispose(): void
}

export function createSession(context: Omit<ServiceContext, 'book'>): Session {
  const { deps, settingsFile } = context
  let vault: Vault | null = null
  let book: ClientBook | null = null
  const lockListeners: Array<() => void> = []
  /** Whether the key file holds a device wrap; known after an unlock, remembered across locks. */
  let rememberedHint = false

  function forget(): void {
    book = null
    for (const listener of lockListeners) listener()
  }

  async function vaultOptions(): Promise<VaultOptions> {
    const settings = await settingsFile.read()
    return {
      ...deps.vaultOptions,
      actor: 'adviseur',
      autoLockAfterMs: settings.autoLockMinutes * 60_000,
      onLock: (reason) => {
        forget()
        deps.onLocked?.(reason)
      },
    }
  }

  function opened(v: Vault): Vault {
    vault = v
    book = vaultBook(v)
    return v
  }

  function status(): VaultStatus {
    const unlocked = vault !== null && !vault.isLocked
    return {
      exists: existsSync(deps.vaultPath),
      unlocked,
      keychainAvailable: deps.keyWrapper?.isAvailable() ?? false,
      remembered: rememberedHint,
    }
  }

  async function remember(v: Vault, wanted: boolean): Promise<void> {
    if (wanted && deps.keyWrapper?.isAvailable() && !v.rememberedOnDevice) await v.rememberOnDevice(deps.keyWrapper)
    rememberedHint = v.rememberedOnDevice
  }

  function openVaultNow(): Vault {
    if (!vault || vault.isLocked) throw new ServiceError('locked', 'De kluis is vergrendeld. Ontgrendel haar opnieuw met het wachtwoord.')
    return vault
  }

  const handlers: SessionHandlers = {
    'app:info': () => ({ name: 'Vangnet', version: deps.appVersion, host: deps.host }),
    'vault:status': () => status(),
    'vault:create': async ({ passphrase, adviser, remember: wanted }) => {
      if (existsSync(deps.vaultPath)) throw new ServiceError('already-exists', 'Er is al een kluis op dit apparaat. Ontgrendel die met het wachtwoord.')
      vault?.lock()
      const v = opened(await createVault(deps.vaultPath, passphrase, await vaultOptions()))
      v.adviser.save({ name: adviser.name, firm: adviser.firm, afmNumber: adviser.afmNumber || null, kifidNumber: adviser.kifidNumber || null })
      await remember(v, wanted)
      return status()
    },
    'vault:unlock': async ({ passphrase, remember: wanted }) => {
      if (!existsSync(deps.vaultPath)) throw new ServiceError('not-found', 'Er is nog geen kluis op dit apparaat.')
      if (vault && !vault.isLocked) return status()
      const v = opened(await openVault(deps.vaultPath, { passphrase }, await vaultOptions()))
      await remember(v, wanted)
      return status()
    },
    'vault:unlockRemembered': async () => {
      if (!deps.keyWrapper?.isAvailable()) throw new ServiceError('unavailable', 'Onthouden op dit apparaat is hier niet beschikbaar; gebruik het wachtwoord.')
      if (vault && !vault.isLocked) return status()
      const v = opened(await openVault(deps.vaultPath, { device: deps.keyWrapper }, await vaultOptions()))
      rememberedHint = v.rememberedOnDevice
      return status()
    },
    'vault:lock': () => {
      vault?.lock()
      return status()
    },
    'vault:forgetDevice': async () => {
      await openVaultNow().forgetOnDevice()
      rememberedHint = false
      return status()
    },
    'settings:get': () => settingsFile.read(),
    'settings:save': (settings) => settingsFile.write(settings),
  }

  return {
    handlers,
    book() {
      if (!book || !vault || vault.isLocked) throw new ServiceError('locked', 'De kluis is vergrendeld. Ontgrendel haar opnieuw met het wachtwoord.')
      return book
    },
    onLock(listener) {
      lockListeners.push(listener)
    },
    dispose() {
      vault?.lock()
      vault = null
      forget()
    },
  }
}
