/**
 * "Onthoud op dit apparaat": the vault key wrapped by the OS keychain through Electron's
 * safeStorage (DPAPI, Keychain, libsecret/kwallet). On Linux without a real secret store safeStorage
 * falls back to a hard-coded key ("basic_text"): then the option is not offered.
 */
import { safeStorage } from 'electron'
import type { KeyWrapper } from '../store'

export function safeStorageKeyWrapper(): KeyWrapper {
  return {
    id: 'electron-safeStorage',
    isAvailable() {
      if (!safeStorage.isEncryptionAvailable()) return false
      return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'
    },
    wrap: (secret) => safeStorage.encryptString(secret.toString('base64')),
    unwrap: (wrapped) => Buffer.from(safeStorage.decryptString(wrapped), 'base64'),
  }
}
