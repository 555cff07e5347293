/**
 * The audit log: append-only (enforced by triggers), action codes and ids only. Callers pass
 * details that are counts or codes, never names, dates of birth or amounts.
 */
import type { StoreContext } from './context'

export type AuditAction =
  | 'vault.created'
  | 'vault.passphrase-changed'
  | 'vault.key-renewed'
  | 'vault.device-key-added'
  | 'vault.device-key-removed'
  | 'vault.backup-made'
  | 'vault.restored'
  | 'adviser.updated'
  | 'adviser.certificate-stored'
  | 'client.created'
  | 'client.imported'
  | 'client.updated'
  | 'client.exported'
  | 'client.erased'
  | 'client.income-updated'
  | 'client.draft-saved'
  | 'policy.added'
  | 'policy.removed'
  | 'advice.created'
  | 'advice.report-attached'
  | 'adviser.added'
  | 'adviser.disabled'
  | 'adviser.enabled'
  | 'adviser.removed'
  | 'client.transferred'
  | 'vault.office-link-changed'

export interface AuditEntry {
  id: number
  at: string
  actor: string
  action: AuditAction
  subjectType: 'client' | 'advice' | 'policy' | 'vault' | 'adviser' | 'office' | null
  subjectId: number | null
  detail: string
}

export interface AuditRow {
  id: number
  at: string
  actor: string
  action: AuditAction
  subject_type: AuditEntry['subjectType']
  subject_id: number | null
  detail: string
}

export class AuditLog {
  constructor(private readonly context: StoreContext) {}

  /** Append one entry; runs inside the caller's transaction when there is one. */
  record(action: AuditAction, subject?: { type: NonNullable<AuditEntry['subjectType']>; id?: number }, detail = ''): void {
    this.context
      .db()
      .prepare('INSERT INTO audit_log (at, actor, action, subject_type, subject_id, detail) VALUES (?, ?, ?, ?, ?, ?)')
      .run(this.context.now(), this.context.actor, action, subject?.type ?? null, subject?.id ?? null, detail)
  }

  /** Newest first. */
  list(options: { limit?: number; clientId?: number } = {}): AuditEntry[] {
    const limit = options.limit ?? 200
    const rows =
      options.clientId === undefined
        ? this.context.db().prepare<[number], AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit)
        : this.context
            .db()
            .prepare<[number, number], AuditRow>("SELECT * FROM audit_log WHERE subject_type = 'client' AND subject_id = ? ORDER BY id DESC LIMIT ?")
            .all(options.clientId, limit)
    return rows.map(auditEntryFromRow)
  }
}

export function auditEntryFromRow(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    detail: row.detail,
  }
}
