/**
 * Key handling. The database is encrypted with a random 256-bit key that never touches the disk
 * in the clear. It is stored only wrapped, in a small JSON "key file" next to the
 * vault (`<vault>.keys`):
 *   - by a key derived from the adviser's passphrase (scrypt, parameters stored with it), and
 *   - optionally by the operating system's keychain through an injected KeyWrapper
 *     ("onthoud op dit apparaat"; Electron safeStorage in the app, see src-main/main/).
 * Changing the passphrase (or renewing the key) makes a new database key and re-encrypts the
 * database with it (SQLCipher rekey), so an old key file with the old passphrase opens nothing
 * written afterwards; the key file says which step a renewal reached (`pending`).
 * Both wraps are AES-256-GCM with the vault id as associated data, so a wrapped key cannot be
 * moved to another vault's key file unnoticed.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID, scrypt as scryptCallback, type ScryptOptions } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { dirname } from 'node:path'
import { z } from 'zod'
import { minimumPassphraseLength, passphraseSchema } from '../../shared/ipc'
import { VaultError, vaultMessages } from './errors'

/** Wraps and unwraps a secret with something outside the vault, e.g. the OS keychain. */
export interface KeyWrapper {
  /** Stable name stored in the key file, e.g. "electron-safeStorage". */
  readonly id: string
  /** False when the OS offers no real protection (then the vault refuses to remember the key). */
  isAvailable(): boolean
  wrap(secret: Buffer): Buffer | Promise<Buffer>
  unwrap(wrapped: Buffer): Buffer | Promise<Buffer>
}

/** scrypt cost. N = 2^16, r = 8 takes about 250 ms and 64 MiB on the advisers' laptops. */
export interface KdfParameters {
  algorithm: 'scrypt'
  N: number
  r: number
  p: number
}
export const defaultKdf: KdfParameters = { algorithm: 'scrypt', N: 2 ** 16, r: 8, p: 1 }

/**
 * The scrypt parameters Vangnet accepts from a key file or a backup header, checked before
 * anything is derived: a crafted file with N = 2^22, r = 32 would otherwise ask for 16 GiB.
 * r and p are what Vangnet writes; N is a power of two from 2^10 (the tests' cheap vaults) to
 * 2^17 (twice the default, room for a future increase): at most 128 MiB (128 * N * r bytes).
 */
export const acceptedKdf = { r: 8, p: 1, minLog2N: 10, maxLog2N: 17 } as const

export function isAcceptedKdf(kdf: Pick<KdfParameters, 'N' | 'r' | 'p'>): boolean {
  const log2N = Math.log2(kdf.N)
  return kdf.r === acceptedKdf.r && kdf.p === acceptedKdf.p && Number.isInteger(log2N) && log2N >= acceptedKdf.minLog2N && log2N <= acceptedKdf.maxLog2N
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/)
const gcmBoxSchema = z.object({ iv: base64, ciphertext: base64, tag: base64 }).strict()
type GcmBox = z.infer<typeof gcmBoxSchema>

const passphraseWrapSchema = z
  .object({
    kdf: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: base64,
    box: gcmBoxSchema,
  })
  .strict()
  .refine(isAcceptedKdf)

export const keyFileSchema = z
  .object({
    format: z.literal('vangnet-vault-keys'),
    version: z.literal(1),
    vaultId: z.uuid(),
    /** The page cipher, stated explicitly: legacy=0 and legacy=4 are different file formats. */
    cipher: z.object({ name: z.literal('sqlcipher'), legacy: z.literal(4) }).strict(),
    passphrase: passphraseWrapSchema,
    device: z.object({ wrapper: z.string().min(1).max(80), wrapped: base64 }).strict().nullable(),
    /**
     * Only while the database key is being renewed (see renewalKeyFile): the new key and the old
     * one, both wrapped by the new passphrase, so that a crash at any moment of the renewal leaves
     * a vault the new passphrase opens (and the old one until the new key is in use).
     */
    pending: z.object({ next: passphraseWrapSchema, previous: passphraseWrapSchema }).strict().optional(),
  })
  .strict()
export type KeyFile = z.infer<typeof keyFileSchema>
type PassphraseWrap = KeyFile['passphrase']

export const databaseKeyBytes = 32

export function keyFilePath(vaultPath: string): string {
  return `${vaultPath}.keys`
}

function associatedData(vaultId: string): Buffer {
  return Buffer.from(`vangnet-vault-keys:1:${vaultId}`, 'utf8')
}

function scrypt(passphrase: string, salt: Buffer, kdf: Pick<KdfParameters, 'N' | 'r' | 'p'>): Promise<Buffer> {
  // Also here, for any caller that did not go through the schema: never derive with other costs.
  if (!isAcceptedKdf(kdf)) return Promise.reject(new VaultError('damaged', vaultMessages.keyFileDamaged))
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 1024 * 1024 }
  return new Promise((resolve, reject) => {
    // Normalise so "é" typed on macOS and on Windows derives the same key.
    scryptCallback(passphrase.normalize('NFC'), salt, 32, options, (error, derived) => (error ? reject(error) : resolve(derived)))
  })
}

function seal(key: Buffer, secret: Buffer, aad: Buffer): GcmBox {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(aad)
  const ciphertext = Buffer.concat([cipher.update(secret), cipher.final()])
  return { iv: iv.toString('base64'), ciphertext: ciphertext.toString('base64'), tag: cipher.getAuthTag().toString('base64') }
}

/** Returns null when the key or the associated data is wrong (GCM's tag does not match). */
function open(key: Buffer, box: GcmBox, aad: Buffer): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.iv, 'base64'))
    decipher.setAAD(aad)
    decipher.setAuthTag(Buffer.from(box.tag, 'base64'))
    return Buffer.concat([decipher.update(Buffer.from(box.ciphertext, 'base64')), decipher.final()])
  } catch {
    return null
  }
}

export function newDatabaseKey(): Buffer {
  return randomBytes(databaseKeyBytes)
}

export function newVaultId(): string {
  return randomUUID()
}

/** Each key sealed under one derivation of the passphrase (one salt, a fresh IV per box). */
async function passphraseWraps(vaultId: string, databaseKeys: Buffer[], passphrase: string, kdf: KdfParameters): Promise<PassphraseWrap[]> {
  const salt = randomBytes(16)
  const wrappingKey = await scrypt(passphrase, salt, kdf)
  try {
    return databaseKeys.map((databaseKey) => ({ kdf: 'scrypt', N: kdf.N, r: kdf.r, p: kdf.p, salt: salt.toString('base64'), box: seal(wrappingKey, databaseKey, associatedData(vaultId)) }))
  } finally {
    wrappingKey.fill(0)
  }
}

async function passphraseWrap(vaultId: string, databaseKey: Buffer, passphrase: string, kdf: KdfParameters): Promise<PassphraseWrap> {
  const [wrap] = await passphraseWraps(vaultId, [databaseKey], passphrase, kdf)
  return wrap!
}

export async function newKeyFile(vaultId: string, databaseKey: Buffer, passphrase: string, kdf: KdfParameters = defaultKdf): Promise<KeyFile> {
  assertPassphrase(passphrase)
  return {
    format: 'vangnet-vault-keys',
    version: 1,
    vaultId,
    cipher: { name: 'sqlcipher', legacy: 4 },
    passphrase: await passphraseWrap(vaultId, databaseKey, passphrase, kdf),
    device: null,
  }
}

/**
 * First step of renewing the database key (a new passphrase, or the same one): the key file as it
 * is, plus the new key and the current key wrapped by the new passphrase. Written before the
 * database is re-encrypted; see Vault.changePassphrase.
 */
export async function renewalKeyFile(keyFile: KeyFile, currentKey: Buffer, nextKey: Buffer, passphrase: string, kdf: KdfParameters = defaultKdf): Promise<KeyFile> {
  assertPassphrase(passphrase)
  const [next, previous] = await passphraseWraps(keyFile.vaultId, [nextKey, currentKey], passphrase, kdf)
  return { ...keyFile, pending: { next: next!, previous: previous! } }
}

/** Last step of a renewal: only the new key, under the new passphrase. The old device wrap held the old key. */
export function renewedKeyFile(keyFile: KeyFile): KeyFile {
  if (!keyFile.pending) return keyFile
  const { pending, ...rest } = keyFile
  return { ...rest, passphrase: pending.next, device: null }
}

/** An interrupted renewal that never re-encrypted the database, undone. */
export function withoutRenewal(keyFile: KeyFile): KeyFile {
  const { pending: _pending, ...rest } = keyFile
  return rest
}

/** Returns null when the passphrase does not open this wrap. */
async function unwrap(vaultId: string, wrap: PassphraseWrap, passphrase: string): Promise<Buffer | null> {
  const { salt, box, N, r, p } = wrap
  const wrappingKey = await scrypt(passphrase, Buffer.from(salt, 'base64'), { N, r, p })
  try {
    const key = open(wrappingKey, box, associatedData(vaultId))
    return key && key.length === databaseKeyBytes ? key : null
  } finally {
    wrappingKey.fill(0)
  }
}

export async function unwrapWithPassphrase(keyFile: KeyFile, passphrase: string): Promise<Buffer> {
  const key = await unwrap(keyFile.vaultId, keyFile.passphrase, passphrase)
  if (!key) throw new VaultError('wrong-passphrase', vaultMessages.wrongPassphrase)
  return key
}

/** Which wrap of the key file a candidate key came from. */
export type KeyRole = 'current' | 'next' | 'previous'

/**
 * Every database key this passphrase unwraps: the current one, and during an interrupted
 * renewal also the new key and the old one under the new passphrase. None: wrong passphrase.
 */
export async function passphraseCandidates(keyFile: KeyFile, passphrase: string): Promise<Array<{ key: Buffer; role: KeyRole }>> {
  const wraps: Array<[KeyRole, PassphraseWrap]> = [['current', keyFile.passphrase]]
  if (keyFile.pending) wraps.push(['next', keyFile.pending.next], ['previous', keyFile.pending.previous])
  const candidates: Array<{ key: Buffer; role: KeyRole }> = []
  for (const [role, wrap] of wraps) {
    const key = await unwrap(keyFile.vaultId, wrap, passphrase)
    if (key) candidates.push({ key, role })
  }
  if (candidates.length === 0) throw new VaultError('wrong-passphrase', vaultMessages.wrongPassphrase)
  return candidates
}

export async function wrapForDevice(keyFile: KeyFile, databaseKey: Buffer, wrapper: KeyWrapper): Promise<KeyFile> {
  if (!wrapper.isAvailable()) throw new VaultError('device-key-unavailable', vaultMessages.deviceKeyUnavailable)
  // The OS wrap gets the key bound to the vault id, so a swapped blob is refused like a wrong key.
  const wrapped = await wrapper.wrap(Buffer.concat([Buffer.from(keyFile.vaultId, 'utf8'), databaseKey]))
  return { ...keyFile, device: { wrapper: wrapper.id, wrapped: wrapped.toString('base64') } }
}

export async function unwrapWithDevice(keyFile: KeyFile, wrapper: KeyWrapper): Promise<Buffer> {
  if (!keyFile.device || keyFile.device.wrapper !== wrapper.id) throw new VaultError('device-key-unavailable', vaultMessages.noDeviceKey)
  if (!wrapper.isAvailable()) throw new VaultError('device-key-unavailable', vaultMessages.deviceKeyUnavailable)
  let plain: Buffer
  try {
    plain = await wrapper.unwrap(Buffer.from(keyFile.device.wrapped, 'base64'))
  } catch {
    throw new VaultError('device-key-unavailable', vaultMessages.noDeviceKey)
  }
  const idBytes = Buffer.byteLength(keyFile.vaultId, 'utf8')
  if (plain.length !== idBytes + databaseKeyBytes || plain.subarray(0, idBytes).toString('utf8') !== keyFile.vaultId) {
    plain.fill(0)
    throw new VaultError('device-key-unavailable', vaultMessages.noDeviceKey)
  }
  const key = Buffer.from(plain.subarray(idBytes))
  plain.fill(0)
  return key
}

/** The one passphrase rule of the app, the browser host and the headless command (shared/ipc.ts). */
function assertPassphrase(passphrase: string): void {
  const checked = passphraseSchema.safeParse(passphrase)
  if (!checked.success) throw new VaultError('invalid-input', `Het wachtwoord ${checked.error.issues[0]?.message ?? `moet minstens ${minimumPassphraseLength} tekens lang zijn`}.`)
}

export function parseKeyFile(text: string): KeyFile {
  try {
    return keyFileSchema.parse(JSON.parse(text))
  } catch {
    throw new VaultError('damaged', vaultMessages.keyFileDamaged)
  }
}

export async function readKeyFile(vaultPath: string): Promise<KeyFile> {
  let text: string
  try {
    text = await fs.readFile(keyFilePath(vaultPath), 'utf8')
  } catch {
    throw new VaultError('damaged', vaultMessages.keyFileDamaged)
  }
  return parseKeyFile(text)
}

/** Write the key file atomically: a crash leaves either the old or the new file, never half of one. */
export async function writeKeyFile(vaultPath: string, keyFile: KeyFile): Promise<void> {
  await writeFileAtomically(keyFilePath(vaultPath), JSON.stringify(keyFileSchema.parse(keyFile), null, 2) + '\n')
}

export async function writeFileAtomically(target: string, content: string | Buffer): Promise<void> {
  const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`
  const handle = await fs.open(temporary, 'wx', 0o600)
  try {
    await handle.writeFile(content)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await fs.rename(temporary, target)
  } catch (error) {
    await fs.rm(temporary, { force: true })
    throw error
  }
  await syncDirectory(dirname(target))
}

/** fsync the directory so a rename survives power loss (a no-op where the OS does not allow it). */
export async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await fs.open(directory, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  }
}
