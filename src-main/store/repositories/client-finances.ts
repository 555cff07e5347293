/** A client's income years and private AOV policies, stored in cents and as validated JSON. */
import { z } from 'zod'
import { incomeYearSchema, privatePolicySchema, type IncomeYear, type PrivatePolicy } from '../../../shared/schema/case'
import type { AuditLog } from './audit'
import { clientNotFound } from './clients'
import { fromCents, toCents, validate, type StoreContext } from './context'

export type PolicyKind = 'existing' | 'quote'

export interface StoredPolicy {
  id: number
  clientId: number
  kind: PolicyKind
  policy: PrivatePolicy
  createdAt: string
  updatedAt: string
}

export interface PolicyRow {
  id: number
  client_id: number
  kind: PolicyKind
  policy_json: string
  created_at: string
  updated_at: string
}

export function policyFromRow(row: PolicyRow): StoredPolicy {
  return {
    id: row.id,
    clientId: row.client_id,
    kind: row.kind,
    policy: privatePolicySchema.parse(JSON.parse(row.policy_json)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

function assertClientExists(context: StoreContext, clientId: number): void {
  if (!context.db().prepare('SELECT 1 FROM clients WHERE id = ?').get(clientId)) throw clientNotFound()
}

export class IncomeYearsRepository {
  constructor(
    private readonly context: StoreContext,
    private readonly audit: AuditLog,
  ) {}

  /** Replace all income years of a client at once (the form edits the whole table). */
  replace(clientId: number, years: z.input<typeof incomeYearSchema>[]): IncomeYear[] {
    const valid = validate(z.array(incomeYearSchema).max(80), years)
    const db = this.context.db()
    db.transaction(() => {
      assertClientExists(this.context, clientId)
      db.prepare('DELETE FROM income_years WHERE client_id = ?').run(clientId)
      const insert = db.prepare('INSERT INTO income_years (client_id, year, profit_cents, wia_wage_cents) VALUES (?, ?, ?, ?)')
      for (const row of valid) insert.run(clientId, row.year, toCents(row.profit), toCents(row.wiaWage))
      this.audit.record('client.income-updated', { type: 'client', id: clientId }, `${valid.length} jaren`)
    }).immediate()
    return this.list(clientId)
  }

  list(clientId: number): IncomeYear[] {
    return this.context
      .db()
      .prepare<[number], { year: number; profit_cents: number; wia_wage_cents: number }>(
        'SELECT year, profit_cents, wia_wage_cents FROM income_years WHERE client_id = ? ORDER BY year',
      )
      .all(clientId)
      .map((row: { year: number; profit_cents: number; wia_wage_cents: number }) => ({ year: row.year, profit: fromCents(row.profit_cents), wiaWage: fromCents(row.wia_wage_cents) }))
  }
}

export class PoliciesRepository {
  constructor(
    private readonly context: StoreContext,
    private readonly audit: AuditLog,
  ) {}

  add(clientId: number, kind: PolicyKind, policy: z.input<typeof privatePolicySchema>): StoredPolicy {
    const valid = validate(privatePolicySchema, policy)
    const validKind = validate(z.enum(['existing', 'quote']), kind)
    const db = this.context.db()
    return db.transaction(() => {
      assertClientExists(this.context, clientId)
      const now = this.context.now()
      const row = db
        .prepare<unknown[], PolicyRow>(
          'INSERT INTO policies (client_id, kind, policy_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?) RETURNING *',
        )
        .get(clientId, validKind, JSON.stringify(valid), now, now)!
      this.audit.record('policy.added', { type: 'client', id: clientId }, `polis ${row.id} (${validKind})`)
      return policyFromRow(row)
    }).immediate()
  }

  list(clientId: number): StoredPolicy[] {
    return this.context.db().prepare<[number], PolicyRow>('SELECT * FROM policies WHERE client_id = ? ORDER BY id').all(clientId).map(policyFromRow)
  }

  remove(id: number): void {
    const db = this.context.db()
    db.transaction(() => {
      const row = db.prepare<[number], { client_id: number }>('DELETE FROM policies WHERE id = ? RETURNING client_id').get(id)
      if (!row) throw clientNotFound()
      this.audit.record('policy.removed', { type: 'client', id: row.client_id }, `polis ${id}`)
    }).immediate()
  }
}
