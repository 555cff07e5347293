/**
 * The whole client book for the triage (shared/portfolio/triage.ts), read in a handful of bulk
 * queries instead of several per client (the office book reads the same rows from PostgreSQL and
 * assembles them with `portfolioClients`): clients, income years, running AOVs, the role and buffer
 * from the intake drafts, and per client the last advice version with only what the triage
 * compares (the options' availability, premium and benefit, extracted by SQLite's JSON functions,
 * so the large stored results are not parsed here).
 */
import { z } from 'zod'
import type { PortfolioClient, StoredAdvice } from '../../../shared/portfolio/triage'
import { parseAmount } from '../../../shared/portfolio/import'
import { isScenarioId } from '../../../shared/parameters/resolve'
import { clientCaseSchema, clientRoles, defaultScenarioId, type ClientRole, type IncomeYear, type PrivatePolicy } from '../../../shared/schema/case'
import { optionIds, type OptionId } from '../../../shared/schema/result'
import { fromCents, type StoreContext } from './context'

const recommendationSchema = z.object({ optionId: z.enum(optionIds) })

function chosenOption(recommendation: string): OptionId | null {
  try {
    const parsed = recommendationSchema.safeParse(JSON.parse(recommendation))
    return parsed.success ? parsed.data.optionId : null
  } catch {
    return null
  }
}

/**
 * The role and buffer as the intake form holds them (the buffer as typed). The queries take the two
 * fields out of the draft's JSON in the database (a draft is about a kilobyte; parsing 10,000 of them
 * here was a fifth of the book's read), the buffer only when it is text, as the form writes it.
 */
function fromDraft(draft: PortfolioRows['drafts'][number] | undefined): { role: ClientRole | null; financialBuffer: number | null } {
  if (!draft) return { role: null, financialBuffer: null }
  const role = clientRoles.find((candidate) => candidate === draft.role) ?? null
  const bufferText = draft.financial_buffer
  const financialBuffer = typeof bufferText === 'string' && bufferText.trim() !== '' ? parseAmount(bufferText) : null
  return { role, financialBuffer: financialBuffer !== null && financialBuffer >= 0 ? financialBuffer : null }
}

/** The rows the triage reads, as both engines give them (the vault's SQLite, the office's PostgreSQL). */
export interface PortfolioRows {
  clients: { id: number; name: string; birth_date: string }[]
  income: { client_id: number; year: number; profit_cents: number; wia_wage_cents: number }[]
  policies: { client_id: number; policy_json: string }[]
  /** From the intake draft: the role and the buffer (null unless the draft holds them as text). */
  drafts: { client_id: number; role: string | null; financial_buffer: string | null }[]
  /** The last advice version per client; `options` a JSON array of { id, available, premium, benefit }. */
  advice: { client_id: number; version_no: number; created_at: string; bill_version: string; parameters_hash: string; case_json: string; recommendation: string; suggested: string | null; options: string }[]
}

/** Income rows (cents, in year order) grouped per client, the same for either engine. */
export function incomeByClient(rows: readonly { client_id: number; year: number; profit_cents: number | string; wia_wage_cents: number | string }[]): Map<number, IncomeYear[]> {
  const income = new Map<number, IncomeYear[]>()
  for (const row of rows) {
    const list = income.get(row.client_id) ?? []
    list.push({ year: row.year, profit: fromCents(Number(row.profit_cents)), wiaWage: fromCents(Number(row.wia_wage_cents)) })
    income.set(row.client_id, list)
  }
  return income
}

/** The triage's clients from those rows, the same for either engine. */
export function portfolioClients(rows: PortfolioRows): PortfolioClient[] {
  const income = incomeByClient(rows.income)
  // A policy is checked against its schema when it is saved, and again as part of the case the
  // triage builds for the client (triageCase), so not a third time here: a policy that no longer
  // passes makes the client "incomplete" with the reason, instead of being left out unseen (which
  // read as "no AOV").
  const policies = new Map<number, PrivatePolicy>()
  for (const row of rows.policies) policies.set(row.client_id, JSON.parse(row.policy_json) as PrivatePolicy)
  const drafts = new Map<number, PortfolioRows['drafts'][number]>()
  for (const row of rows.drafts) drafts.set(row.client_id, row)
  const advice = new Map<number, StoredAdvice>()
  for (const row of rows.advice) {
    // Advice made under a bill version that is no longer there (a parameter pack's, rolled back)
    // is still advice: read its case under the default version, keep the version it was made
    // under, and the triage says it needs review.
    const stored = JSON.parse(row.case_json) as Record<string, unknown>
    const clientCase = clientCaseSchema.safeParse(isScenarioId(row.bill_version) ? stored : { ...stored, scenario: defaultScenarioId })
    if (!clientCase.success) continue
    const options = (JSON.parse(row.options) as { id: OptionId; available: boolean; premium: number; benefit: number }[]).filter((entry) => optionIds.includes(entry.id))
    advice.set(row.client_id, {
      versionNo: row.version_no,
      createdAt: row.created_at,
      scenario: row.bill_version,
      parameterHash: row.parameters_hash,
      clientCase: clientCase.data,
      chosenOption: chosenOption(row.recommendation),
      suggestedOption: optionIds.find((id) => id === row.suggested) ?? null,
      options,
    })
  }
  return rows.clients.map((client): PortfolioClient => ({
    id: client.id,
    name: client.name,
    birthDate: client.birth_date,
    ...fromDraft(drafts.get(client.id)),
    income: income.get(client.id) ?? [],
    existingPolicy: policies.get(client.id) ?? null,
    lastAdvice: advice.get(client.id) ?? null,
  }))
}

export class PortfolioRepository {
  constructor(private readonly context: StoreContext) {}

  count(): number {
    return this.context.db().prepare<[], { count: number }>('SELECT count(*) AS count FROM clients').get()!.count
  }

  /** Every client, in name order, with what the triage needs. */
  load(): PortfolioClient[] {
    const db = this.context.db()
    const read = db.transaction(() =>
      portfolioClients({
        clients: db.prepare<[], PortfolioRows['clients'][number]>('SELECT id, name, birth_date FROM clients ORDER BY name_search, id').all(),
        income: db.prepare<[], PortfolioRows['income'][number]>('SELECT client_id, year, profit_cents, wia_wage_cents FROM income_years ORDER BY client_id, year').all(),
        policies: db.prepare<[], PortfolioRows['policies'][number]>("SELECT client_id, policy_json FROM policies WHERE kind = 'existing' ORDER BY id").all(),
        // The drafts are JSON objects (a CHECK constraint): only the role and the buffer are read.
        drafts: db
          .prepare<[], PortfolioRows['drafts'][number]>(
            `SELECT client_id, draft_json ->> '$.client.role' AS role,
                    CASE WHEN json_type(draft_json, '$.profile.financialBuffer') = 'text' THEN draft_json ->> '$.profile.financialBuffer' END AS financial_buffer
               FROM client_drafts`,
          )
          .all(),
        advice: db
          .prepare<[], PortfolioRows['advice'][number]>(
            `SELECT a.client_id, a.version_no, a.created_at, a.bill_version, a.parameters_hash, a.case_json, a.recommendation,
                    a.result_json ->> '$.suggestion.optionId' AS suggested,
                    (SELECT json_group_array(json_object('id', o.value ->> 'id', 'available', json(CASE WHEN o.value ->> 'available' THEN 'true' ELSE 'false' END),
                                                         'premium', o.value -> '$.premium.annual', 'benefit', o.value -> '$.benefit.annualAtFullDisability'))
                       FROM json_each(a.result_json, '$.options') AS o) AS options
               FROM advice_versions a
              WHERE a.version_no = (SELECT max(b.version_no) FROM advice_versions b WHERE b.client_id = a.client_id)`,
          )
          .all(),
      }),
    )
    return read()
  }
}
