/**
 * The session: is there a vault, is it open, the adviser's settings, and the idle timer that
 * locks the vault after the chosen number of minutes. Locking first flushes the open dossier's
 * autosave (see `beforeLock`), so nothing typed is lost.
 */
import { applyParameterUpdate } from '../lib/parameters'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { defaultSettings, type AdviserProfile, type AppInfo, type Settings, type VaultStatus } from '../../../shared/ipc'
import { call } from '../lib/api'

type Flush = () => Promise<void>

export const useSessionStore = defineStore('session', () => {
  const info = ref<AppInfo | null>(null)
  const status = ref<VaultStatus | null>(null)
  const settings = ref<Settings>({ ...defaultSettings })
  const adviser = ref<AdviserProfile | null>(null)
  const lastActivity = ref(Date.now())
  const beforeLockHooks = new Set<Flush>()
  let idleTimer: ReturnType<typeof setInterval> | null = null

  const unlocked = computed(() => status.value?.unlocked === true)

  async function load(): Promise<VaultStatus> {
    const [appInfo, vault] = await Promise.all([call('appInfo', {}), call('vaultStatus', {})])
    info.value = appInfo
    status.value = vault
    if (vault.unlocked) await loadUnlocked()
    return vault
  }

  async function loadUnlocked(): Promise<void> {
    const [s, a, p] = await Promise.all([call('getSettings', {}), call('getAdviser', {}), call('paramsStatus', {})])
    settings.value = s
    adviser.value = a
    // The window's own calculations use the vault's active parameter pack, as the main process does.
    applyParameterUpdate(p?.update ?? null)
    touch()
  }

  async function create(passphrase: string, profile: AdviserProfile, remember: boolean): Promise<void> {
    status.value = await call('createVault', { passphrase, adviser: profile, remember })
    await loadUnlocked()
  }

  async function unlock(passphrase: string, remember: boolean): Promise<void> {
    status.value = await call('unlockVault', { passphrase, remember })
    await loadUnlocked()
  }

  async function unlockRemembered(): Promise<void> {
    status.value = await call('unlockRemembered', {})
    await loadUnlocked()
  }

  async function lock(): Promise<void> {
    for (const flush of beforeLockHooks) {
      try {
        await flush()
      } catch {
        // A failed save keeps the draft on screen; locking must still happen.
      }
    }
    status.value = await call('lockVault', {})
    adviser.value = null
  }

  async function forgetDevice(): Promise<void> {
    status.value = await call('forgetDevice', {})
  }

  async function saveSettings(next: Settings): Promise<void> {
    settings.value = await call('saveSettings', next)
  }

  async function saveAdviser(next: AdviserProfile): Promise<void> {
    adviser.value = await call('saveAdviser', next)
  }

  function beforeLock(flush: Flush): () => void {
    beforeLockHooks.add(flush)
    return () => beforeLockHooks.delete(flush)
  }

  function touch(): void {
    lastActivity.value = Date.now()
  }

  /** Start watching for idleness; `onLocked` runs after an automatic lock (e.g. to show the unlock screen). */
  /**
   * Start watching for idleness. `beforeLocking` runs first (e.g. to remember the screen to return
   * to), `onLocked` after the automatic lock (e.g. to show the unlock screen).
   */
  function startIdleWatch(onLocked: () => void, beforeLocking: () => void = () => {}, now: () => number = Date.now, everyMs = 15_000): void {
    stopIdleWatch()
    idleTimer = setInterval(() => {
      const minutes = settings.value.autoLockMinutes
      if (!unlocked.value || minutes <= 0) return
      if (now() - lastActivity.value >= minutes * 60_000) {
        beforeLocking()
        void lock().then(onLocked)
      }
    }, everyMs)
  }

  function stopIdleWatch(): void {
    if (idleTimer) clearInterval(idleTimer)
    idleTimer = null
  }

  return {
    info,
    status,
    settings,
    adviser,
    unlocked,
    lastActivity,
    load,
    create,
    unlock,
    unlockRemembered,
    lock,
    forgetDevice,
    saveSettings,
    saveAdviser,
    beforeLock,
    touch,
    startIdleWatch,
    stopIdleWatch,
  }
})
