/**
 * The client book's triage read and client import on the office server, behind the same
 * interfaces as the vault's (src-main/store/book.ts: PortfolioStore, ClientImportStore), so the
 * Klantenkring screen, `vangnet portfolio` and the import work the same in office mode.
 *
 * - The triage read is a handful of bulk queries (not several per client), under row-level
 *   security: an adviser's book is the clients they may see. The rows are assembled by the same
 *   function as the vault's (`portfolioClients`).
 * - An import is ONE transaction: new clients, their income years, running AOV and intake draft,
 *   merges into existing clients, and the audit entry (counts only). Any failure rolls all of it
 *   back. New clients go in with one statement per table (arrays), so 10,000 rows are a few round
 *   trips rather than tens of thousands.
 */
import type pg from 'pg'
import { duplicateKeys, type ImportedClient } from '../../shared/portfolio/import'
import type { IncomeYear } from '../../shared/schema/case'
import type { ClientImportStore, PortfolioStore } from '../store/book'
import type { Query } from './book'
import { foldName } from '../store/fold'
import { draftAfterImport } from '../store/repositories/client-import'
import { toCents } from '../store/repositories/context'
import { incomeByClient, portfolioClients, type PortfolioRows } from '../store/repositories/portfolio'

/** What the office book lends these stores: its reads, its transactions, its audit and its clock. */
export interface OfficeAccess {
  read<R extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<R[]>
  transaction<T>(work: (query: Query) => Promise<T>): Promise<T>
  record(query: Query, detail: string): Promise<void>
  now(): string
}

export function officePortfolioStore(access: OfficeAccess): PortfolioStore {
  return {
    async count() {
      const [row] = await access.read<{ count: number }>('SELECT count(*)::int AS count FROM clients')
      return row?.count ?? 0
    },
    async load() {
      // One repeatable-read snapshot: the rows belong together even while colleagues save.
      const rows = await access.transaction(async (query): Promise<PortfolioRows> => {
        await query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY')
        const clients = await query('SELECT id::int AS id, name, to_char(birth_date, \'YYYY-MM-DD\') AS birth_date FROM clients ORDER BY name_search, id')
        const income = await query('SELECT client_id::int AS client_id, year, profit_cents::int8 AS profit_cents, wia_wage_cents::int8 AS wia_wage_cents FROM income_years ORDER BY client_id, year')
        const policies = await query("SELECT client_id::int AS client_id, policy_json FROM policies WHERE kind = 'existing' ORDER BY id")
        // The drafts are JSON objects (a CHECK constraint): only the role and the buffer are read.
        const drafts = await query(
          `SELECT client_id::int AS client_id, draft_json::jsonb #>> '{client,role}' AS role,
                  CASE WHEN jsonb_typeof(draft_json::jsonb #> '{profile,financialBuffer}') = 'string' THEN draft_json::jsonb #>> '{profile,financialBuffer}' END AS financial_buffer
             FROM client_drafts`,
        )
        const advice = await query(
          `SELECT DISTINCT ON (a.client_id)
                  a.client_id::int AS client_id, a.version_no, a.created_at, a.bill_version, a.parameters_hash, a.case_json, a.recommendation,
                  a.result_json::jsonb #>> '{suggestion,optionId}' AS suggested,
                  coalesce((SELECT json_agg(json_build_object('id', o ->> 'id', 'available', coalesce((o ->> 'available')::boolean, false),
                                                              'premium', o #> '{premium,annual}', 'benefit', o #> '{benefit,annualAtFullDisability}'))
                              FROM jsonb_array_elements(a.result_json::jsonb -> 'options') AS o), '[]'::json)::text AS options
             FROM advice_versions a
            ORDER BY a.client_id, a.version_no DESC`,
        )
        return {
          clients: clients.rows as PortfolioRows['clients'],
          income: income.rows as PortfolioRows['income'],
          policies: policies.rows as PortfolioRows['policies'],
          drafts: drafts.rows as PortfolioRows['drafts'],
          advice: advice.rows as PortfolioRows['advice'],
        }
      })
      return portfolioClients(rows)
    },
  }
}

type Json = Record<string, unknown>

export function officeClientImportStore(access: OfficeAccess): ClientImportStore {
  return {
    async existingKeys() {
      return duplicateKeys(await access.read<{ id: number; name: string; birth_date: string }>("SELECT id::int AS id, name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM clients ORDER BY id"))
    },
    async apply(work) {
      const now = access.now()
      return access.transaction(async (query) => {
        // New clients in one statement; their ids come back with their exact name and birth date
        // (two new rows never share both: those are duplicates, decided before this point).
        const created = new Map<string, number>()
        if (work.create.length > 0) {
          const { rows } = await query(
            `INSERT INTO clients (name, name_search, birth_date, email, phone, created_at, updated_at)
             SELECT n, s, b, e, p, $6, $6 FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[]) AS u(n, s, b, e, p)
             RETURNING id::int AS id, name, to_char(birth_date, 'YYYY-MM-DD') AS birth_date`,
            [
              work.create.map((client) => client.name),
              work.create.map((client) => foldName(client.name)),
              work.create.map((client) => client.birthDate),
              work.create.map((client) => client.email),
              work.create.map((client) => client.phone),
              now,
            ],
          )
          for (const row of rows as { id: number; name: string; birth_date: string }[]) created.set(`${row.name}|${row.birth_date}`, row.id)
        }
        const newWork = work.create.map((client) => ({ clientId: created.get(`${client.name}|${client.birthDate}`)!, client }))

        // Merges: contact details where the file has them; then the same writes as for new clients.
        const merged: { clientId: number; client: ImportedClient }[] = []
        for (const { clientId, client } of work.merge) {
          const { rows } = await query('UPDATE clients SET email = coalesce($1, email), phone = coalesce($2, phone), updated_at = $3 WHERE id = $4 RETURNING id', [client.email, client.phone, now, clientId])
          if (rows.length > 0) merged.push({ clientId, client })
        }
        const all = [...newWork, ...merged]

        // Income years: the file's years replace the same years (advisers may insert and delete them).
        const years = all.flatMap(({ clientId, client }) => client.income.map((row) => ({ clientId, row })))
        if (years.length > 0) {
          const ids = years.map((entry) => entry.clientId)
          const yearList = years.map((entry) => entry.row.year)
          await query('DELETE FROM income_years i USING unnest($1::bigint[], $2::int[]) AS u(c, y) WHERE i.client_id = u.c AND i.year = u.y', [ids, yearList])
          await query('INSERT INTO income_years (client_id, year, profit_cents, wia_wage_cents) SELECT * FROM unnest($1::bigint[], $2::int[], $3::int8[], $4::int8[])', [
            ids,
            yearList,
            years.map((entry) => toCents(entry.row.profit)),
            years.map((entry) => toCents(entry.row.wiaWage)),
          ])
        }

        // A running AOV in the file replaces the one on record.
        const withPolicy = all.filter((entry) => entry.client.existingPolicy)
        if (withPolicy.length > 0) {
          const ids = withPolicy.map((entry) => entry.clientId)
          await query("DELETE FROM policies WHERE kind = 'existing' AND client_id = ANY($1::bigint[])", [ids])
          await query("INSERT INTO policies (client_id, kind, policy_json, created_at, updated_at) SELECT c, 'existing', j, $3, $3 FROM unnest($1::bigint[], $2::text[]) AS u(c, j)", [
            ids,
            withPolicy.map((entry) => JSON.stringify(entry.client.existingPolicy)),
            now,
          ])
        }

        // The intake drafts, as the form keeps them: the file's data over what the draft held.
        const mergedIds = merged.map((entry) => entry.clientId)
        const currentDrafts = new Map<number, Json>()
        let currentIncome = new Map<number, IncomeYear[]>()
        if (mergedIds.length > 0) {
          for (const row of (await query('SELECT client_id::int AS client_id, draft_json FROM client_drafts WHERE client_id = ANY($1::bigint[])', [mergedIds])).rows as { client_id: number; draft_json: string }[]) {
            currentDrafts.set(row.client_id, JSON.parse(row.draft_json) as Json)
          }
          currentIncome = incomeByClient(
            (
              await query('SELECT client_id::int AS client_id, year, profit_cents::int8 AS profit_cents, wia_wage_cents::int8 AS wia_wage_cents FROM income_years WHERE client_id = ANY($1::bigint[]) ORDER BY client_id, year', [mergedIds])
            ).rows as { client_id: number; year: number; profit_cents: string; wia_wage_cents: string }[],
          )
        }
        if (all.length > 0) {
          const drafts = all.map(({ clientId, client }) =>
            JSON.stringify(draftAfterImport(currentDrafts.get(clientId) ?? null, client, currentIncome.get(clientId) ?? client.income)),
          )
          await query(
            `INSERT INTO client_drafts (client_id, draft_json, complete, updated_at) SELECT c, j, false, $3 FROM unnest($1::bigint[], $2::text[]) AS u(c, j)
             ON CONFLICT (client_id) DO UPDATE SET draft_json = excluded.draft_json, updated_at = excluded.updated_at`,
            [all.map((entry) => entry.clientId), drafts, now],
          )
        }
        // Counts only: the audit log never holds names or amounts.
        await access.record(query, `${work.create.length} nieuw, ${merged.length} samengevoegd`)
        return { created: work.create.length, merged: merged.length }
      })
    },
  }
}
