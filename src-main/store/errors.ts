/**
 * Vault errors the adviser can act on. Every message is plain Dutch and carries no personal data,
 * so the CLI, the main process and the browser host may show it as is.
 */
export type VaultErrorCode =
  | 'wrong-passphrase'
  | 'damaged'
  | 'other-vault'
  | 'locked'
  | 'not-found'
  | 'unknown-record'
  | 'already-exists'
  | 'newer-version'
  | 'device-key-unavailable'
  | 'invalid-input'
  | 'busy'
  | 'conflict'
  | 'unreachable'
  | 'forbidden'

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'VaultError'
  }
}

export const vaultMessages = {
  wrongPassphrase: 'Onjuist wachtwoord.',
  damaged: 'Het kluisbestand is beschadigd of geen Vangnet-kluis.',
  keyFileDamaged: 'Het sleutelbestand van de kluis is beschadigd of ontbreekt.',
  keyMismatch: 'Kluisbestand en sleutelbestand horen niet bij elkaar.',
  locked: 'De kluis is vergrendeld. Ontgrendel haar opnieuw met het wachtwoord.',
  notFound: 'Er staat geen kluis op deze plek.',
  alreadyExists: 'Hier staat al een kluis (of een ander bestand); kies een andere plek.',
  newerVersion: 'Deze kluis is gemaakt met een nieuwere versie van Vangnet. Werk Vangnet eerst bij.',
  deviceKeyUnavailable: 'Onthouden op dit apparaat is hier niet beschikbaar; gebruik het wachtwoord.',
  noDeviceKey: 'Deze kluis is niet onthouden op dit apparaat; gebruik het wachtwoord.',
  busy: 'De kluis is in gebruik door een ander programma. Sluit dat eerst.',
  backupDamaged: 'Het back-upbestand is beschadigd of geen Vangnet-back-up. Er is niets veranderd.',
  backupOlderKey: 'Deze back-up opent niet met het huidige wachtwoord: geef ook het wachtwoord dat gold toen de back-up werd gemaakt. Er is niets veranderd.',
  backupOtherVault: 'Deze back-up hoort bij een andere kluis. Er is niets veranderd.',
} as const

/** True when SQLite says the bytes are not a (readable) database: wrong key, damage, random data. */
export function isDamageError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_CORRUPT_VTAB' || code === 'SQLITE_IOERR_SHORT_READ'
}

/** Turn SQLite's damage errors into the one plain message; let everything else through unchanged. */
export function asVaultError(error: unknown): unknown {
  if (error instanceof VaultError) return error
  if (isDamageError(error)) return new VaultError('damaged', vaultMessages.damaged)
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new VaultError('busy', vaultMessages.busy)
  return error
}
