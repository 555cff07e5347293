/**
 * Signed parameter packs: verify (Ed25519, node:crypto), keep, activate and roll back. A pack is
 * an envelope { format, payload: base64 of the content JSON, signature: base64 } signed over the
 * payload bytes, so no JSON canonicalisation is needed. The content is checked by
 * shared/parameters/pack.ts; nothing is kept or used unless signature and content are sound.
 *
 * The packs of a vault live next to it in `<vault>.parameters.json` (they hold no personal data),
 * with every pack ever imported and which one is active. Every load verifies every pack again, so
 * a file changed afterwards is refused, not used.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto'
import { existsSync, promises as fs, readFileSync } from 'node:fs'
import { z } from 'zod'
import { describePack, packContentSchema, packProblems, trialProblems, updateFromPack, type PackContent } from '../../shared/parameters/pack'
import { setParameterUpdate } from '../../shared/parameters/update'
import { dutchErrorMap, problemsOf } from '../../shared/schema/messages'
import { publisherPublicKey } from './publisher-key'

export const signedPackFormat = 'vangnet-parameterpakket-ondertekend'

/**
 * A pack that cannot be used, with the reason in plain Dutch (`message`) and in English
 * (`english`, for `advise --lang en`, which may read the packs beside a vault).
 */
export class PackError extends Error {
  constructor(
    message: string,
    readonly english: string,
  ) {
    super(message)
  }

  in(language: 'nl' | 'en'): string {
    return language === 'en' ? this.english : this.message
  }
}

const unsignedPack = () =>
  new PackError(
  'Dit parameterpakket is niet ondertekend. Alleen pakketten die de uitgever heeft ondertekend worden geaccepteerd.',
  'This parameter pack is not signed. Only packs signed by the publisher are accepted.',
)
const damagedStore = () =>
  new PackError(
  'Het bestand met parameterpakketten naast de kluis is beschadigd; verwijder het en importeer het pakket opnieuw.',
  'The file of parameter packs next to the vault is damaged; remove it and import the pack again.',
)

const envelopeSchema = z
  .object({
    format: z.literal(signedPackFormat),
    payload: z.string().min(1).max(5_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/),
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  })
  .strict()
type Envelope = z.infer<typeof envelopeSchema>

/** A new publisher key pair (PEM). The private key is for the publisher only. */
export function generatePublisherKeys(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  return { publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() }
}

function contentProblems(content: unknown): { content: PackContent | null; problems: string[] } {
  const parsed = packContentSchema.safeParse(content, { error: dutchErrorMap })
  if (!parsed.success) return { content: null, problems: problemsOf(parsed.error).map((problem) => `${problem.path}: ${problem.message}`) }
  const problems = packProblems(parsed.data)
  return { content: parsed.data, problems: problems.length > 0 ? problems : trialProblems(parsed.data) }
}

/** Sign pack content (checked first: the tool refuses to sign an unsourced or malformed pack). */
export function signPack(content: unknown, privateKeyPem: string): Envelope {
  const checked = contentProblems(content)
  if (checked.problems.length > 0) throw new PackError(`Het pakket klopt niet:\n${checked.problems.join('\n')}`, `The pack is not correct (details in Dutch):\n${checked.problems.join('\n')}`)
  let key
  try {
    key = createPrivateKey(privateKeyPem)
  } catch {
    throw new PackError('De privésleutel is niet te lezen (verwacht een Ed25519-sleutel in PEM).', 'The private key cannot be read (an Ed25519 key in PEM is expected).')
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new PackError('De privésleutel is geen Ed25519-sleutel.', 'The private key is not an Ed25519 key.')
  const payload = Buffer.from(JSON.stringify(checked.content), 'utf8')
  return { format: signedPackFormat, payload: payload.toString('base64'), signature: sign(null, payload, key).toString('base64') }
}

/** Check a signed pack's signature against the publisher's key, then its content. */
export function verifyPack(file: string | Buffer, publicKeyPem: string = publisherPublicKey): PackContent {
  let json: unknown
  try {
    json = JSON.parse(file.toString())
  } catch {
    throw new PackError('Dit is geen parameterpakket (geen geldige JSON).', 'This is not a parameter pack (not valid JSON).')
  }
  if (typeof json === 'object' && json !== null && (json as { format?: unknown }).format === 'vangnet-parameterpakket') {
    throw unsignedPack()
  }
  const envelope = envelopeSchema.safeParse(json)
  if (!envelope.success) {
    const unsigned = typeof json === 'object' && json !== null && !('signature' in json)
    throw unsigned ? unsignedPack() : new PackError('Dit is geen geldig ondertekend parameterpakket.', 'This is not a validly signed parameter pack.')
  }
  const payload = Buffer.from(envelope.data.payload, 'base64')
  const valid = verify(null, payload, createPublicKey(publicKeyPem), Buffer.from(envelope.data.signature, 'base64'))
  if (!valid) throw new PackError(
      'De handtekening van dit parameterpakket klopt niet: het is door een andere sleutel ondertekend of na ondertekening gewijzigd. Er is niets veranderd.',
      'The signature of this parameter pack does not match: it was signed with another key or changed after signing. Nothing was changed.',
    )
  let content: unknown
  try {
    content = JSON.parse(payload.toString('utf8'))
  } catch {
    throw new PackError('De inhoud van dit parameterpakket is geen geldige JSON.', 'The content of this parameter pack is not valid JSON.')
  }
  const checked = contentProblems(content)
  if (checked.problems.length > 0) throw new PackError(
      `Het parameterpakket is ondertekend, maar de inhoud is niet bruikbaar:\n${checked.problems.join('\n')}`,
      `The parameter pack is signed, but its content cannot be used (details in Dutch):\n${checked.problems.join('\n')}`,
    )
  return checked.content!
}

interface StoreFile {
  format: 'vangnet-parameterpakketten'
  packs: { importedAt: string; envelope: Envelope }[]
  /** Index into packs, or null: the built-in parameters. */
  active: number | null
}

export interface PackSummary {
  index: number
  id: string
  label: string
  publishedAt: string
  importedAt: string
  active: boolean
}

export function packStorePath(vaultPath: string): string {
  return `${vaultPath}.parameters.json`
}

/** The packs kept for one vault. */
export class PackStore {
  constructor(
    readonly path: string,
    private readonly publicKey: string = publisherPublicKey,
  ) {}

  private read(): StoreFile {
    if (!existsSync(this.path)) return { format: 'vangnet-parameterpakketten', packs: [], active: null }
    try {
      const parsed = JSON.parse(readFileSync(this.path, 'utf8')) as StoreFile
      if (parsed.format !== 'vangnet-parameterpakketten' || !Array.isArray(parsed.packs)) throw new Error('format')
      return parsed
    } catch {
      throw damagedStore()
    }
  }

  private async write(file: StoreFile): Promise<void> {
    const temporary = `${this.path}.${process.pid}.tmp`
    await fs.writeFile(temporary, JSON.stringify(file, null, 2) + '\n', { mode: 0o600 })
    await fs.rename(temporary, this.path)
  }

  /** Every pack kept, each verified again. */
  list(): PackSummary[] {
    const file = this.read()
    return file.packs.map((entry, index) => {
      const content = verifyPack(JSON.stringify(entry.envelope), this.publicKey)
      return { index, id: content.id, label: content.label, publishedAt: content.publishedAt, importedAt: entry.importedAt, active: file.active === index }
    })
  }

  /** The active pack's content (verified), or null for the built-in parameters. */
  active(): PackContent | null {
    const file = this.read()
    if (file.active === null || file.active === undefined) return null
    const entry = file.packs[file.active]
    if (!entry) throw damagedStore()
    return verifyPack(JSON.stringify(entry.envelope), this.publicKey)
  }

  /** Lay the active pack over the built-in parameters in this process (or clear it). */
  activate(): PackContent | null {
    const content = this.active()
    setParameterUpdate(content ? updateFromPack(content) : null)
    return content
  }

  /**
   * Verify a pack file and say what it changes; unless `dryRun`, keep it and make it active.
   * Throws PackError and changes nothing when the pack is unsigned, signed by another key,
   * malformed or unsourced.
   */
  async import(fileContent: string | Buffer, options: { dryRun: boolean; now: Date }): Promise<{ content: PackContent; changes: string[] }> {
    const content = verifyPack(fileContent, this.publicKey)
    const file = this.read()
    // The changes against what is active now.
    this.activate()
    const changes = describePack(content)
    if (!options.dryRun) {
      const envelope = envelopeSchema.parse(JSON.parse(fileContent.toString()))
      file.packs.push({ importedAt: options.now.toISOString(), envelope })
      file.active = file.packs.length - 1
      await this.write(file)
      this.activate()
    }
    return { content, changes }
  }

  /** Back to the pack active before the current one (or to the built-in parameters). */
  async rollback(): Promise<PackContent | null> {
    const file = this.read()
    if (file.active === null) throw new PackError('Er is geen parameterpakket actief; er valt niets terug te draaien.', 'No parameter pack is active; there is nothing to roll back.')
    file.active = file.active > 0 ? file.active - 1 : null
    await this.write(file)
    return this.activate()
  }
}
