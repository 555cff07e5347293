/**
 * Office mode, the laptop's side: the connection to the firm's server (with its password or
 * client key) and the outbox of drafts typed while the server was unreachable. Both live inside
 * the encrypted vault (vault_meta), so the credentials are wrapped exactly like everything else:
 * by the passphrase and, when remembered, by the OS keychain; never in plain text on disk.
 */
import { z } from 'zod'
import { caseDraftSchema, type CaseDraft } from '../../../shared/ipc'
import type { AuditLog } from './audit'
import { validate, type StoreContext } from './context'

const pem = z.string().max(20_000).regex(/^-----BEGIN [A-Z ]+-----[\s\S]+-----END [A-Z ]+-----\s*$/, 'moet een PEM-bestand zijn')

export const officeLinkSchema = z
  .object({
    host: z.string().trim().min(1, 'mag niet leeg zijn').max(253),
    port: z.number().int().min(1).max(65_535),
    database: z.string().trim().min(1, 'mag niet leeg zijn').max(63),
    user: z.string().trim().min(1, 'mag niet leeg zijn').max(63),
    /** The firm's CA certificate: the server's certificate must be issued under it. */
    caPem: pem,
    password: z.string().min(1).max(1024).optional(),
    clientCertificate: z.object({ certPem: pem, keyPem: pem }).strict().optional(),
  })
  .strict()
  .refine((link) => (link.password === undefined) !== (link.clientCertificate === undefined), 'kies een wachtwoord of een clientcertificaat')
export type OfficeLink = z.output<typeof officeLinkSchema>

export interface UnsentDraft {
  clientId: number
  draft: CaseDraft
  complete: boolean
  /** The row version the edit started from, so sending later cannot overwrite a colleague's save. */
  baseVersion: string | null | undefined
  typedAt: string
}

const unsentSchema = z.array(
  z.object({ clientId: z.number().int().positive(), draft: caseDraftSchema, complete: z.boolean(), baseVersion: z.string().nullable().optional(), typedAt: z.string() }).strict(),
)

export class OfficeLinkRepository {
  constructor(
    private readonly context: StoreContext,
    private readonly audit: AuditLog,
  ) {}

  private read(key: string): unknown {
    const value = this.context.db().prepare('SELECT value FROM vault_meta WHERE key = ?').pluck().get(key) as string | undefined
    return value === undefined ? undefined : (JSON.parse(value) as unknown)
  }

  private write(key: string, value: unknown): void {
    const db = this.context.db()
    if (value === undefined) db.prepare('DELETE FROM vault_meta WHERE key = ?').run(key)
    else db.prepare('INSERT INTO vault_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value))
  }

  /** The office connection, or null in the default local mode. */
  get(): OfficeLink | null {
    const stored = officeLinkSchema.safeParse(this.read('office_link'))
    return stored.success ? stored.data : null
  }

  /** Link this laptop to the office (validated), or back to local mode with null. */
  save(link: z.input<typeof officeLinkSchema> | null): void {
    const valid = link === null ? undefined : validate(officeLinkSchema, link)
    const db = this.context.db()
    db.transaction(() => {
      this.write('office_link', valid)
      this.audit.record('vault.office-link-changed', { type: 'vault' }, valid ? 'gekoppeld' : 'ontkoppeld')
    }).immediate()
  }

  unsent(): UnsentDraft[] {
    const stored = unsentSchema.safeParse(this.read('office_outbox') ?? [])
    return stored.success ? (stored.data as UnsentDraft[]) : []
  }

  /** Keep a draft the server did not take; the newest text per client replaces an older one. */
  keepUnsent(entry: UnsentDraft): void {
    const db = this.context.db()
    db.transaction(() => {
      const others = this.unsent().filter((unsent) => unsent.clientId !== entry.clientId)
      const earlier = this.unsent().find((unsent) => unsent.clientId === entry.clientId)
      // The edit still started from the version of the first unsent text.
      this.write('office_outbox', [...others, { ...entry, baseVersion: earlier ? earlier.baseVersion : entry.baseVersion }])
    }).immediate()
  }

  /** Drop a sent draft. */
  sent(clientId: number): void {
    const remaining = this.unsent().filter((unsent) => unsent.clientId !== clientId)
    this.write('office_outbox', remaining.length ? remaining : undefined)
  }
}
