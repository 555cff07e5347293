/**
 * The intake as typed, one draft per client: a JSON object kept whole (text that does not
 * validate yet included), encrypted with the rest of the vault. Saved on every autosave; a save
 * that changes nothing writes nothing. Erasing the client removes the draft (ON DELETE CASCADE).
 */
import { caseDraftSchema, type CaseDraft } from '../../../shared/ipc'
import type { AuditLog } from './audit'
import { clientNotFound } from './clients'
import { validate, type StoreContext } from './context'

export interface StoredDraft {
  clientId: number
  draft: CaseDraft
  /** Whether the draft was a complete, valid case when it was saved. */
  complete: boolean
  updatedAt: string
}

interface DraftRow {
  client_id: number
  draft_json: string
  complete: number
  updated_at: string
}

function draftFromRow(row: DraftRow): StoredDraft {
  return { clientId: row.client_id, draft: JSON.parse(row.draft_json) as CaseDraft, complete: row.complete === 1, updatedAt: row.updated_at }
}

/**
 * Autosave runs every few seconds while the adviser types; the processing log gets one entry per
 * editing session (a save after this long without one), not one per keystroke pause.
 */
const auditSessionGapMs = 15 * 60 * 1000

export class DraftsRepository {
  constructor(
    private readonly context: StoreContext,
    private readonly audit: AuditLog,
  ) {}

  get(clientId: number): StoredDraft | null {
    const row = this.context.db().prepare<[number], DraftRow>('SELECT * FROM client_drafts WHERE client_id = ?').get(clientId)
    return row ? draftFromRow(row) : null
  }

  /** Insert or replace the client's draft in one transaction. Refuses an unknown client. */
  save(clientId: number, draft: CaseDraft, options: { complete?: boolean } = {}): StoredDraft {
    const valid = validate(caseDraftSchema, draft)
    const json = JSON.stringify(valid)
    const complete = options.complete === true ? 1 : 0
    const db = this.context.db()
    return db.transaction(() => {
      if (!db.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId)) throw clientNotFound()
      const current = db.prepare<[number], DraftRow>('SELECT * FROM client_drafts WHERE client_id = ?').get(clientId)
      if (current && current.draft_json === json && current.complete === complete) return draftFromRow(current)
      const now = this.context.now()
      const row = db
        .prepare<[number, string, number, string], DraftRow>(
          `INSERT INTO client_drafts (client_id, draft_json, complete, updated_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (client_id) DO UPDATE SET draft_json = excluded.draft_json, complete = excluded.complete, updated_at = excluded.updated_at
           RETURNING *`,
        )
        .get(clientId, json, complete, now)!
      if (!current || Date.parse(now) - Date.parse(current.updated_at) >= auditSessionGapMs) {
        // Codes only: never the draft's content.
        this.audit.record('client.draft-saved', { type: 'client', id: clientId }, current ? 'bijgewerkt' : 'nieuw')
      }
      return draftFromRow(row)
    }).immediate()
  }
}
