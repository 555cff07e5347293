/**
 * The AVG duties for one client: inzage/portability (everything about the client as one JSON
 * document) and erasure (the data is gone from the vault file too, not only from its tables).
 */
import type { AuditEntry, AuditLog } from './audit'
import type { AdviceVersion, AdviceVersionsRepository } from './advice-versions'
import type { IncomeYearsRepository, PoliciesRepository, StoredPolicy } from './client-finances'
import type { Client, ClientsRepository } from './clients'
import { clientNotFound } from './clients'
import type { Db } from '../connection'
import type { StoreContext } from './context'
import type { DraftsRepository, StoredDraft } from './drafts'
import type { IncomeYear } from '../../../shared/schema/case'

export interface ClientExport {
  format: 'vangnet-client-export'
  version: 1
  exportedAt: string
  client: Client
  incomeYears: IncomeYear[]
  policies: StoredPolicy[]
  adviceVersions: Array<AdviceVersion & { reportPdfBase64: string | null }>
  /** The intake as last typed (possibly incomplete), or null when none was saved. */
  draft: Omit<StoredDraft, 'clientId'> | null
  /** The processing log for this client (codes only). */
  processing: AuditEntry[]
}

export interface PrivacyDependencies {
  clients: ClientsRepository
  incomeYears: IncomeYearsRepository
  policies: PoliciesRepository
  adviceVersions: AdviceVersionsRepository
  drafts: DraftsRepository
  audit: AuditLog
}

export class PrivacyService {
  constructor(
    private readonly context: StoreContext,
    private readonly repositories: PrivacyDependencies,
  ) {}

  /** Everything stored about one client, read in one transaction so it is consistent. */
  exportClient(clientId: number): ClientExport {
    const { clients, incomeYears, policies, adviceVersions, drafts, audit } = this.repositories
    const db = this.context.db()
    return db.transaction(() => {
      const client = clients.get(clientId)
      if (!client) throw clientNotFound()
      audit.record('client.exported', { type: 'client', id: clientId })
      const draft = drafts.get(clientId)
      return {
        format: 'vangnet-client-export' as const,
        version: 1 as const,
        exportedAt: this.context.now(),
        client,
        incomeYears: incomeYears.list(clientId),
        policies: policies.list(clientId),
        adviceVersions: adviceVersions
          .list(clientId)
          .reverse()
          .map((summary) => ({ ...adviceVersions.get(summary.id)!, reportPdfBase64: adviceVersions.reportPdf(summary.id)?.toString('base64') ?? null })),
        draft: draft ? { draft: draft.draft, complete: draft.complete, updatedAt: draft.updatedAt } : null,
        processing: audit.list({ clientId, limit: 100_000 }).reverse(),
      }
    }).immediate()
  }

  /**
   * Erase a client with everything attached, including the immutable advice versions (the one
   * exception to their immutability). secure_delete zeroes the freed space; VACUUM rebuilds the
   * file and a TRUNCATE checkpoint empties the WAL, so no old page keeps the data. Only an audit
   * entry with the client's number remains. Backups made earlier still hold the client.
   */
  eraseClient(clientId: number): ErasureResult {
    const db = this.context.db()
    db.transaction(() => {
      if (!db.prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId)) throw clientNotFound()
      db.prepare('INSERT INTO advice_erasures (client_id) VALUES (?)').run(clientId)
      db.prepare('DELETE FROM clients WHERE id = ?').run(clientId)
      db.prepare('DELETE FROM advice_erasures WHERE client_id = ?').run(clientId)
      this.repositories.audit.record('client.erased', { type: 'client', id: clientId })
    }).immediate()
    db.exec('VACUUM')
    return { goneFromFile: checkpointFully(db) }
  }
}

export interface ErasureResult {
  /**
   * False when another connection (another Vangnet, a backup in progress) holds a read snapshot:
   * the old pages then stay in the vault file until it lets go; the next checkpoint (at the latest
   * when the vault is next opened) removes them.
   */
  goneFromFile: boolean
}

/**
 * A TRUNCATE checkpoint that reports whether it finished: SQLite answers busy = 1 (and leaves the
 * WAL in place) while a reader holds an older snapshot. A few short retries cover a reader that is
 * just finishing; the answer is then given honestly.
 */
export function checkpointFully(db: Db, attempts = 5, pauseMs = 40): boolean {
  // The connection's busy timeout (5 s) would make every attempt wait for the reader: 25 s with
  // the app's window frozen, to learn what a short wait tells as well.
  const busyTimeout = Number(db.pragma('busy_timeout', { simple: true }))
  db.pragma(`busy_timeout = ${pauseMs}`)
  try {
    for (let attempt = 0; attempt < attempts; attempt++) {
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number; log: number; checkpointed: number }>
      if (result && result.busy === 0 && result.log === result.checkpointed) return true
      if (attempt < attempts - 1) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pauseMs)
    }
    return false
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`)
  }
}
