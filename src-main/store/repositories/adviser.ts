/** The adviser's own profile and the reference to (or the PKCS#12 file of) the signing certificate. */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { AuditLog } from './audit'
import { validate, type StoreContext } from './context'

export const adviserProfileSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    firm: z.string().trim().max(200).default(''),
    /** Registration number at the AFM (Wft-vergunning). */
    afmNumber: z.string().trim().max(40).nullable().default(null),
    /** Registration number at Kifid. */
    kifidNumber: z.string().trim().max(40).nullable().default(null),
    /** Where the signing certificate lives (a file name, a token slot) or a label for a stored one. */
    signingCertificateRef: z.string().trim().max(500).nullable().default(null),
  })
  .strict()
export type AdviserProfileInput = z.input<typeof adviserProfileSchema>
export type AdviserProfile = z.output<typeof adviserProfileSchema> & { hasStoredCertificate: boolean; updatedAt: string }

interface AdviserRow {
  name: string
  firm: string
  afm_number: string | null
  kifid_number: string | null
  signing_certificate_ref: string | null
  has_certificate: number
  updated_at: string
}

export class AdviserRepository {
  constructor(
    private readonly context: StoreContext,
    private readonly audit: AuditLog,
  ) {}

  get(): AdviserProfile | null {
    const row = this.context
      .db()
      .prepare<[], AdviserRow>(
        `SELECT name, firm, afm_number, kifid_number, signing_certificate_ref,
                signing_certificate_p12 IS NOT NULL AS has_certificate, updated_at FROM adviser WHERE id = 1`,
      )
      .get()
    if (!row) return null
    return {
      name: row.name,
      firm: row.firm,
      afmNumber: row.afm_number,
      kifidNumber: row.kifid_number,
      signingCertificateRef: row.signing_certificate_ref,
      hasStoredCertificate: row.has_certificate === 1,
      updatedAt: row.updated_at,
    }
  }

  save(input: AdviserProfileInput): AdviserProfile {
    const valid = validate(adviserProfileSchema, input)
    const db = this.context.db()
    db.transaction(() => {
      db.prepare(
        `INSERT INTO adviser (id, name, firm, afm_number, kifid_number, signing_certificate_ref, updated_at)
         VALUES (1, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, firm = excluded.firm, afm_number = excluded.afm_number,
           kifid_number = excluded.kifid_number, signing_certificate_ref = excluded.signing_certificate_ref,
           updated_at = excluded.updated_at`,
      ).run(valid.name, valid.firm, valid.afmNumber, valid.kifidNumber, valid.signingCertificateRef, this.context.now())
      this.audit.record('adviser.updated', { type: 'adviser' })
    }).immediate()
    return this.get()!
  }

  /** Keep the PKCS#12 file inside the vault (encrypted with it). Its own password is not stored. */
  storeSigningCertificate(p12: Buffer, label: string): void {
    const db = this.context.db()
    db.transaction(() => {
      const changed = db
        .prepare('UPDATE adviser SET signing_certificate_p12 = ?, signing_certificate_ref = ?, updated_at = ? WHERE id = 1')
        .run(p12, label, this.context.now()).changes
      if (changed === 0) throw new Error('Sla eerst het adviseursprofiel op.')
      const fingerprint = createHash('sha256').update(p12).digest('hex').slice(0, 16)
      this.audit.record('adviser.certificate-stored', { type: 'adviser' }, `sha256 ${fingerprint}`)
    }).immediate()
  }

  signingCertificate(): Buffer | null {
    const value = this.context.db().prepare('SELECT signing_certificate_p12 FROM adviser WHERE id = 1').pluck().get()
    return value instanceof Buffer ? value : null
  }
}
