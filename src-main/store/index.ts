/**
 * The encrypted client vault: plain Node, no Electron (the main process, the browser host, the
 * CLI and the tests all use this same API).
 *
 *   const vault = await createVault(path, passphrase)            // new vault: path + path.keys
 *   const vault = await openVault(path, { passphrase })          // or { device: keyWrapper }
 *   vault.clients.create({ name, birthDate, email?, phone? })    // → Client (id: number)
 *   vault.clients.search('jan de'), .list(), .get(id), .update(id, input), .createMany([...])
 *   vault.incomeYears.replace(clientId, rows), .list(clientId)
 *   vault.policies.add(clientId, 'existing' | 'quote', policy), .list(clientId), .remove(id)
 *   vault.adviceVersions.create({ clientId, case, result, recommendation, reportPdf? })
 *   vault.adviceVersions.list(clientId), .get(id), .reportPdf(id), .attachReport(id, pdf), .verify(id)
 *   vault.drafts.get(clientId), .save(clientId, draft, { complete? })   // the intake as typed
 *   vault.adviser.get(), .save(profile), .storeSigningCertificate(p12, label), .signingCertificate()
 *   vault.audit.list({ limit?, clientId? })
 *   vault.clientImport.existingKeys(), .apply({ create, merge })    // an import, in one transaction
 *   vault.portfolio.load()                                        // the whole book, for the triage
 *   vault.privacy.exportClient(id)  → ClientExport (JSON-ready);  vault.privacy.eraseClient(id)
 *   await vault.backup(file);  await restoreVault(file, path, { passphrase })  (vault locked first)
 *   await vault.changePassphrase(current, next);  await vault.rememberOnDevice(wrapper); forgetOnDevice()
 *   vault.lock();  vault.isLocked;  options.autoLockAfterMs (default 15 min), options.onLock
 *
 * Errors the adviser can act on are VaultError with a `code` and a plain Dutch message without
 * personal data: wrong-passphrase ("Onjuist wachtwoord."), damaged, other-vault, locked,
 * not-found (no vault there), unknown-record (no such client or advice), already-exists, newer-version, device-key-unavailable, invalid-input, busy.
 *
 * Security: SQLCipher 4 page encryption with a random 256-bit key; the key exists on disk only
 * wrapped (scrypt passphrase wrap, optional OS keychain wrap via an injected KeyWrapper; see
 * keys.ts). Repository methods are synchronous and each runs in one transaction; unlock, backup,
 * restore and key changes are async (key derivation and file I/O stay off the event loop).
 */
export type { ClientBook, ClientStore, DraftSaveOptions, VersionedDraft, BookChange } from './book'
export { vaultBook } from './vault-book'
export { createVault, openVault, Vault, type Unlock, type VaultOptions, type LockReason } from './vault'
export { restoreVault, readBackup, type BackupInfo, type RestoreOptions } from './backup'
export { VaultError, asVaultError, vaultMessages, type VaultErrorCode } from './errors'
export { keyFilePath, defaultKdf, type KeyWrapper, type KdfParameters } from './keys'
export { latestSchemaVersion } from './migrations'
export type { Client, ClientInput } from './repositories/clients'
export type { AdviceVersion, AdviceVersionSummary, NewAdviceVersion } from './repositories/advice-versions'
export type { AdviserProfile, AdviserProfileInput } from './repositories/adviser'
export type { AuditEntry, AuditAction } from './repositories/audit'
export type { StoredPolicy, PolicyKind } from './repositories/client-finances'
export type { ClientExport } from './repositories/privacy'
export type { StoredDraft } from './repositories/drafts'
export type { ImportWork, ImportOutcome } from './repositories/client-import'
export { officeLinkSchema, type OfficeLink, type UnsentDraft } from './repositories/office-link'
