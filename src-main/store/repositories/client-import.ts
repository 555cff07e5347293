/**
 * Import of many clients at once (vangnet vault import, the import screen): new clients with their
 * income years, running AOV and intake draft, and merges into clients already in the vault, all in
 * ONE transaction, so an import is either there completely or not at all.
 *
 * The role and the buffer have no table of their own: they live in the intake draft (migration
 * 005), as the form keeps them, so the adviser finds them in the dossier.
 */
import { policyDraft } from '../../../shared/intake/draft'
import { amountText } from '../../../shared/intake/numbers'
import { duplicateKeys, type ImportedClient } from '../../../shared/portfolio/import'
import { foldName } from '../fold'
import type { AuditLog } from './audit'
import { toCents, type StoreContext } from './context'

export interface ImportWork {
  create: ImportedClient[]
  merge: { clientId: number; client: ImportedClient }[]
}

export interface ImportOutcome {
  created: number
  merged: number
}

type Json = Record<string, unknown>

/** The intake draft after an import: the file's data laid over what the draft already held. */
export function draftAfterImport(current: Json | null, client: ImportedClient, income: { year: number; profit: number; wiaWage: number }[]): Json {
  const base: Json = current ?? { draftVersion: 1 }
  const person = (base['client'] as Json | undefined) ?? {}
  const profile = (base['profile'] as Json | undefined) ?? {}
  return {
    ...base,
    draftVersion: 1,
    client: { conscientiousObjector: false, ...person, name: client.name, birthDate: client.birthDate, ...(client.role ? { role: client.role } : {}) },
    ...(income.length > 0 ? { income: income.map((row) => ({ year: String(row.year), profit: amountText(row.profit), wiaWage: amountText(row.wiaWage) })) } : {}),
    ...(client.existingPolicy ? { existingPolicy: policyDraft(client.existingPolicy) } : {}),
    ...(client.financialBuffer !== null ? { profile: { ...profile, financialBuffer: amountText(client.financialBuffer) } } : {}),
  }
}

export class ClientImportRepository {
  constructor(
    private readonly context: StoreContext,
    private readonly audit: AuditLog,
  ) {}

  /** duplicateKey(name, birth date) -> client id, for every client in the vault. */
  existingKeys(): Map<string, number> {
    return duplicateKeys(this.context.db().prepare<[], { id: number; name: string; birth_date: string }>('SELECT id, name, birth_date FROM clients ORDER BY id').all())
  }

  /** Everything in one transaction: any failure rolls the whole import back. */
  apply(work: ImportWork): ImportOutcome {
    const db = this.context.db()
    const now = this.context.now()
    const insertClient = db.prepare<unknown[], { id: number }>(
      `INSERT INTO clients (name, name_search, birth_date, email, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    )
    const upsertIncome = db.prepare(
      `INSERT INTO income_years (client_id, year, profit_cents, wia_wage_cents) VALUES (?, ?, ?, ?)
       ON CONFLICT (client_id, year) DO UPDATE SET profit_cents = excluded.profit_cents, wia_wage_cents = excluded.wia_wage_cents`,
    )
    const removePolicies = db.prepare("DELETE FROM policies WHERE client_id = ? AND kind = 'existing'")
    const insertPolicy = db.prepare("INSERT INTO policies (client_id, kind, policy_json, created_at, updated_at) VALUES (?, 'existing', ?, ?, ?)")
    const readDraft = db.prepare<[number], { draft_json: string }>('SELECT draft_json FROM client_drafts WHERE client_id = ?')
    const readIncome = db.prepare<[number], { year: number; profit_cents: number; wia_wage_cents: number }>(
      'SELECT year, profit_cents, wia_wage_cents FROM income_years WHERE client_id = ? ORDER BY year',
    )
    const writeDraft = db.prepare(
      `INSERT INTO client_drafts (client_id, draft_json, complete, updated_at) VALUES (?, ?, 0, ?)
       ON CONFLICT (client_id) DO UPDATE SET draft_json = excluded.draft_json, updated_at = excluded.updated_at`,
    )
    const updateContact = db.prepare('UPDATE clients SET email = coalesce(?, email), phone = coalesce(?, phone), updated_at = ? WHERE id = ?')

    const write = (clientId: number, client: ImportedClient, isNew: boolean) => {
      for (const row of client.income) upsertIncome.run(clientId, row.year, toCents(row.profit), toCents(row.wiaWage))
      if (client.existingPolicy) {
        removePolicies.run(clientId)
        insertPolicy.run(clientId, JSON.stringify(client.existingPolicy), now, now)
      }
      const income = isNew
        ? client.income
        : readIncome.all(clientId).map((row) => ({ year: row.year, profit: row.profit_cents / 100, wiaWage: row.wia_wage_cents / 100 }))
      const current = readDraft.get(clientId)
      writeDraft.run(clientId, JSON.stringify(draftAfterImport(current ? (JSON.parse(current.draft_json) as Json) : null, client, income)), now)
    }

    return db.transaction(() => {
      for (const client of work.create) {
        const { id } = insertClient.get(client.name, foldName(client.name), client.birthDate, client.email, client.phone, now, now)!
        write(id, client, true)
      }
      for (const { clientId, client } of work.merge) {
        if (updateContact.run(client.email, client.phone, now, clientId).changes === 0) continue
        write(clientId, client, false)
      }
      // Counts only: the audit log never holds names or amounts.
      this.audit.record('client.imported', { type: 'vault' }, `${work.create.length} nieuw, ${work.merge.length} samengevoegd`)
      return { created: work.create.length, merged: work.merge.length }
    }).immediate()
  }
}
