/**
 * Office mode: the client book on the firm's PostgreSQL server (src-main/store/book.ts is the
 * interface, the vault the other implementation). The input is validated with the same schemas
 * as the vault's; the server enforces the rest itself: constraints, immutable advice versions
 * (trigger, no DELETE privilege), the append-only audit log (privileges, trigger) and row-level
 * security (an adviser sees their own clients and those shared with the office), so a guessed
 * client number reads as "no such client". Each write runs in one transaction with its audit
 * entry; the actor of an entry is the login role, set by the server.
 */
import pg from 'pg'
import { z } from 'zod'
import { caseDraftSchema } from '../../shared/ipc'
import { clientCaseSchema, incomeYearSchema, privatePolicySchema, type IncomeYear } from '../../shared/schema/case'
import { adviceResultSchema, type AdviceResult } from '../../shared/schema/result'
import type { ClientCase } from '../../shared/schema/case'
import { VaultError, type BookChange, type ClientBook, type VersionedDraft } from '../store'
import type { AdviceVersion, VersionRow } from '../store/repositories/advice-versions'
import { canonicalJson, contentHashOf, contentHashOfRow, sha256Hex, summaryColumns, summaryFromRow } from '../store/repositories/advice-versions'
import { adviserProfileSchema, type AdviserProfile } from '../store/repositories/adviser'
import { auditEntryFromRow, type AuditAction, type AuditEntry, type AuditRow } from '../store/repositories/audit'
import { policyFromRow, type PolicyRow } from '../store/repositories/client-finances'
import { clientColumns, clientFromRow, clientInputSchema, clientNotFound, type Client, type ClientRow } from '../store/repositories/clients'
import { fromCents, toCents, validate } from '../store/repositories/context'
import type { ClientExport } from '../store/repositories/privacy'
import { foldName } from '../store/fold'
import { asOfficeError, connectPool, officeMessages, poolConfig, type OfficeConnectionSettings } from './connection'
import { assertSchemaCurrent } from './migrate'
import { officeClientImportStore, officePortfolioStore, type OfficeAccess } from './portfolio'

export type Query = (text: string, values?: unknown[]) => Promise<pg.QueryResult>

interface DraftRow {
  client_id: number
  draft_json: string
  complete: boolean
  updated_at: string
  row_version: number
}

function draftFromRow(row: DraftRow): VersionedDraft {
  return { clientId: row.client_id, draft: JSON.parse(row.draft_json) as Record<string, unknown>, complete: row.complete, updatedAt: row.updated_at, version: String(row.row_version) }
}

/** A save that lost against a colleague's; its text was kept in draft_copies. */
export const conflictMessage =
  'Een collega heeft deze klant intussen ook opgeslagen. Uw tekst is bewaard als conceptkopie; open de klant opnieuw om de nieuwste gegevens te zien.'

export interface OfficeBookOptions {
  /** Clock for the stored moments (tests fix it). */
  now?: () => Date
  /** Connections in the pool. */
  max?: number
  /** Follow others' changes (LISTEN). Default true; the CLI turns it off. */
  listen?: boolean
}

/** Sharing and responsibility of one client, as its screen shows them. */
export interface ClientOfficeState {
  sharedWithOffice: boolean
  /** The signed-in adviser is responsible for the client. */
  responsible: boolean
  responsibleName: string
}

/** An adviser as the office administrator sees them. */
export interface OfficeAdviserRow {
  roleName: string
  name: string
  officeAdmin: boolean
  disabled: boolean
  /** Clients this adviser is responsible for. */
  clients: number
}

export interface OfficeBook extends ClientBook {
  readonly kind: 'office'
  /** The signed-in login role. */
  readonly user: string
  /** The text of this adviser's last save that lost against a colleague's, if any. */
  draftCopy(clientId: number): Promise<{ draft: Record<string, unknown>; savedAt: string } | null>
  /** Throw this adviser's draft copy of a client away (taken over or not wanted). */
  discardDraftCopy(clientId: number): Promise<void>
  /** Share a client with the whole office (stand-in during holidays), or stop sharing: the responsible adviser only. */
  shareWithOffice(clientId: number, shared: boolean): Promise<void>
  /** null when the client is not visible to this adviser. */
  clientOffice(clientId: number): Promise<ClientOfficeState | null>
  /** The signed-in adviser may manage advisers (an enabled office administrator). */
  isOfficeAdmin(): Promise<boolean>
  /** The office administrator's view of the advisers; refused for others. */
  advisers(): Promise<OfficeAdviserRow[]>
  /** Disable (cannot log in; clients stay) or enable an adviser. */
  setAdviserDisabled(roleName: string, disabled: boolean): Promise<void>
  /** Remove an adviser; their clients go to `successor`. Returns how many clients moved. */
  removeAdviser(roleName: string, successor: string): Promise<number>
}

/** The office administrator's functions (migration 004), shared by the app and `vangnet office`. */
export const adviserAdmin = {
  async list(query: Query): Promise<OfficeAdviserRow[]> {
    const { rows } = await query('SELECT role_name, name, office_admin, disabled, clients FROM office_advisers()')
    return (rows as Array<{ role_name: string; name: string; office_admin: boolean; disabled: boolean; clients: number }>).map((row) => ({
      roleName: row.role_name,
      name: row.name,
      officeAdmin: row.office_admin,
      disabled: row.disabled,
      clients: Number(row.clients),
    }))
  },
  async setDisabled(query: Query, roleName: string, disabled: boolean): Promise<void> {
    await query('SELECT set_adviser_disabled($1, $2)', [roleName, disabled])
  },
  async remove(query: Query, roleName: string, successor: string): Promise<number> {
    const { rows } = await query('SELECT remove_adviser($1, $2) AS moved', [roleName, successor])
    return Number((rows[0] as { moved: number }).moved)
  },
}

/** How long notifications are gathered before their visibility is checked in one query. */
const notifyBatchMs = 50

/** Open the office client book for one adviser: TLS and server checked, schema current. */
export async function openOfficeBook(settings: OfficeConnectionSettings, options: OfficeBookOptions = {}): Promise<OfficeBook> {
  const pool = await connectPool(settings, { max: options.max ?? 4 })
  let officeId: string
  try {
    const client = await pool.connect()
    try {
      await assertSchemaCurrent(client)
      officeId = ((await client.query("SELECT value FROM office_meta WHERE key = 'office_id'")).rows[0] as { value: string }).value
    } finally {
      client.release()
    }
  } catch (error) {
    await pool.end().catch(() => {})
    throw asOfficeError(error)
  }
  const book = new PostgresBook(pool, officeId, settings, options)
  if (options.listen !== false) await book.listen()
  return book
}

class PostgresBook implements OfficeBook {
  readonly kind = 'office' as const
  private readonly listeners = new Set<(change: BookChange) => void>()
  private listener: pg.Client | null = null
  private closed = false

  constructor(
    private readonly pool: pg.Pool,
    readonly id: string,
    private readonly settings: OfficeConnectionSettings,
    private readonly options: OfficeBookOptions,
  ) {}

  get user(): string {
    return this.settings.user
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString()
  }

  /** One statement outside a transaction; server errors become plain VaultErrors. */
  private async read<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> {
    try {
      return (await this.pool.query<R>(text, values)).rows
    } catch (error) {
      throw asOfficeError(error)
    }
  }

  /** Run `work` in one transaction; any error rolls it back completely. */
  private async transaction<T>(work: (query: Query) => Promise<T>): Promise<T> {
    let client: pg.PoolClient
    try {
      client = await this.pool.connect()
    } catch (error) {
      throw asOfficeError(error)
    }
    try {
      await client.query('BEGIN')
      const result = await work((text, values) => client.query(text, values))
      await client.query('COMMIT')
      return result
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {})
      throw asOfficeError(error)
    } finally {
      client.release()
    }
  }

  private async record(query: Query, action: AuditAction, subject?: { type: NonNullable<AuditEntry['subjectType']>; id?: number }, detail = ''): Promise<void> {
    await query('INSERT INTO audit_log (at, action, subject_type, subject_id, detail) VALUES ($1, $2, $3, $4, $5)', [this.now(), action, subject?.type ?? null, subject?.id ?? null, detail])
  }

  private async assertVisible(query: Query, clientId: number): Promise<void> {
    const { rows } = await query('SELECT 1 FROM clients WHERE id = $1', [clientId])
    if (rows.length === 0) throw clientNotFound()
  }

  // --- clients -------------------------------------------------------------------------------

  private async insertClient(query: Query, input: z.output<typeof clientInputSchema>): Promise<Client> {
    const now = this.now()
    const { rows } = await query(
      `INSERT INTO clients (name, name_search, birth_date, email, phone, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${clientColumns}`,
      [input.name, foldName(input.name), input.birthDate, input.email, input.phone, now],
    )
    return clientFromRow(rows[0] as ClientRow)
  }

  readonly clients: ClientBook['clients'] = {
    create: async (input) => {
      const valid = validate(clientInputSchema, input)
      return this.transaction(async (query) => {
        const client = await this.insertClient(query, valid)
        await this.record(query, 'client.created', { type: 'client', id: client.id })
        return client
      })
    },
    createMany: async (inputs) => {
      const valid = inputs.map((input, index) => {
        try {
          return validate(clientInputSchema, input)
        } catch (error) {
          throw new VaultError('invalid-input', `klant ${index + 1}: ${(error as Error).message}`)
        }
      })
      return this.transaction(async (query) => {
        const clients: Client[] = []
        for (const input of valid) clients.push(await this.insertClient(query, input))
        await this.record(query, 'client.imported', { type: 'vault' }, `${clients.length} klanten`)
        return clients
      })
    },
    update: async (id, input) => {
      const valid = validate(clientInputSchema, input)
      return this.transaction(async (query) => {
        const { rows } = await query(
          `UPDATE clients SET name = $1, name_search = $2, birth_date = $3, email = $4, phone = $5, updated_at = $6
           WHERE id = $7 RETURNING ${clientColumns}`,
          [valid.name, foldName(valid.name), valid.birthDate, valid.email, valid.phone, this.now(), id],
        )
        if (rows.length === 0) throw clientNotFound()
        await this.record(query, 'client.updated', { type: 'client', id })
        return clientFromRow(rows[0] as ClientRow)
      })
    },
    get: async (id) => {
      const rows = await this.read<ClientRow>(`SELECT ${clientColumns} FROM clients WHERE id = $1`, [id])
      return rows[0] ? clientFromRow(rows[0]) : null
    },
    list: async (options = {}) =>
      (await this.read<ClientRow>(`SELECT ${clientColumns} FROM clients ORDER BY name_search, id LIMIT $1 OFFSET $2`, [options.limit ?? null, options.offset ?? 0])).map(clientFromRow),
    count: async () => (await this.read<{ n: number }>('SELECT count(*)::int8 AS n FROM clients'))[0]!.n,
    search: async (query, options = {}) => {
      const words = foldName(query).split(' ').filter(Boolean).slice(0, 8)
      if (words.length === 0) return this.clients.list({ limit: options.limit ?? 50 })
      const phrase = words.join(' ')
      const conditions = words.map((_, index) => `strpos(name_search, $${index + 3}) > 0`).join(' AND ')
      return (
        await this.read<ClientRow>(
          `SELECT ${clientColumns} FROM clients WHERE ${conditions}
           ORDER BY starts_with(name_search, $1) DESC, name_search, id LIMIT $2`,
          [phrase, options.limit ?? 50, ...words],
        )
      ).map(clientFromRow)
    },
  }

  // --- income years and policies ---------------------------------------------------------------

  readonly incomeYears: ClientBook['incomeYears'] = {
    replace: async (clientId, years) => {
      const valid = validate(z.array(incomeYearSchema).max(80), years)
      await this.transaction(async (query) => {
        await this.assertVisible(query, clientId)
        await query('DELETE FROM income_years WHERE client_id = $1', [clientId])
        for (const row of valid) {
          await query('INSERT INTO income_years (client_id, year, profit_cents, wia_wage_cents) VALUES ($1, $2, $3, $4)', [clientId, row.year, toCents(row.profit), toCents(row.wiaWage)])
        }
        await this.record(query, 'client.income-updated', { type: 'client', id: clientId }, `${valid.length} jaren`)
      })
      return this.incomeYears.list(clientId)
    },
    list: async (clientId) =>
      (
        await this.read<{ year: number; profit_cents: number; wia_wage_cents: number }>(
          'SELECT year, profit_cents, wia_wage_cents FROM income_years WHERE client_id = $1 ORDER BY year',
          [clientId],
        )
      ).map((row) => ({ year: row.year, profit: fromCents(row.profit_cents), wiaWage: fromCents(row.wia_wage_cents) })),
    listForClients: async (clientIds) => {
      const byClient = new Map<number, IncomeYear[]>(clientIds.map((id) => [id, []]))
      const rows = await this.read<{ client_id: number; year: number; profit_cents: number; wia_wage_cents: number }>(
        'SELECT client_id, year, profit_cents, wia_wage_cents FROM income_years WHERE client_id = ANY($1::bigint[]) ORDER BY client_id, year',
        [clientIds],
      )
      for (const row of rows) byClient.get(row.client_id)?.push({ year: row.year, profit: fromCents(row.profit_cents), wiaWage: fromCents(row.wia_wage_cents) })
      return byClient
    },
  }

  readonly policies: ClientBook['policies'] = {
    add: async (clientId, kind, policy) => {
      const valid = validate(privatePolicySchema, policy)
      const validKind = validate(z.enum(['existing', 'quote']), kind)
      return this.transaction(async (query) => {
        await this.assertVisible(query, clientId)
        const now = this.now()
        const { rows } = await query(
          'INSERT INTO policies (client_id, kind, policy_json, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING *',
          [clientId, validKind, JSON.stringify(valid), now],
        )
        const row = rows[0] as PolicyRow
        await this.record(query, 'policy.added', { type: 'client', id: clientId }, `polis ${row.id} (${validKind})`)
        return policyFromRow(row)
      })
    },
    list: async (clientId) => (await this.read<PolicyRow>('SELECT * FROM policies WHERE client_id = $1 ORDER BY id', [clientId])).map(policyFromRow),
    remove: async (id) => {
      await this.transaction(async (query) => {
        const { rows } = await query('DELETE FROM policies WHERE id = $1 RETURNING client_id', [id])
        if (rows.length === 0) throw clientNotFound()
        await this.record(query, 'policy.removed', { type: 'client', id: (rows[0] as { client_id: number }).client_id }, `polis ${id}`)
      })
    },
  }

  // --- advice versions ---------------------------------------------------------------------------

  readonly adviceVersions: ClientBook['adviceVersions'] = {
    create: async (input) => {
      const clientCase = validate(clientCaseSchema, input.case)
      const result = validate(adviceResultSchema, input.result)
      const recommendation = validate(z.string().max(100_000), input.recommendation)
      if (result.scenario !== clientCase.scenario) throw new VaultError('invalid-input', 'Het resultaat hoort bij een andere regelingsversie dan de casus.')
      const id = await this.transaction(async (query) => {
        // Lock the client row: two advisers saving advice at once get consecutive version numbers.
        const { rows: locked } = await query('SELECT 1 FROM clients WHERE id = $1 FOR UPDATE', [input.clientId])
        if (locked.length === 0) throw clientNotFound()
        const { rows } = await query('SELECT coalesce(max(version_no), 0) + 1 AS next FROM advice_versions WHERE client_id = $1', [input.clientId])
        const versionNo = Number((rows[0] as { next: number }).next)
        const fields = {
          clientId: input.clientId,
          versionNo,
          createdAt: this.now(),
          billVersion: result.scenario,
          parametersHash: result.parameterHash,
          caseJson: canonicalJson(clientCase),
          resultJson: canonicalJson(result),
          recommendation,
        }
        const pdf = input.reportPdf ?? null
        const inserted = await query(
          `INSERT INTO advice_versions (client_id, version_no, created_at, bill_version, parameters_hash, case_json, result_json,
             recommendation, content_hash, report_pdf, report_sha256)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
          [fields.clientId, versionNo, fields.createdAt, fields.billVersion, fields.parametersHash, fields.caseJson, fields.resultJson, recommendation, contentHashOf(fields), pdf, pdf ? sha256Hex(pdf) : null],
        )
        const newId = (inserted.rows[0] as { id: number }).id
        await this.record(query, 'advice.created', { type: 'client', id: input.clientId }, `advies ${newId} versie ${versionNo}`)
        return newId
      })
      return (await this.adviceVersions.get(id))!
    },
    attachReport: async (id, pdf) => {
      const clientId = await this.transaction(async (query) => {
        const { rows } = await query('SELECT client_id, report_pdf IS NOT NULL AS has_pdf FROM advice_versions WHERE id = $1 FOR UPDATE', [id])
        const row = rows[0] as { client_id: number; has_pdf: boolean } | undefined
        if (!row) throw new VaultError('unknown-record', 'Deze adviesversie bestaat niet.')
        if (row.has_pdf) throw new VaultError('invalid-input', 'Deze adviesversie heeft al een rapport; een adviesversie is onveranderlijk.')
        await query('UPDATE advice_versions SET report_pdf = $1, report_sha256 = $2 WHERE id = $3', [pdf, sha256Hex(pdf), id])
        await this.record(query, 'advice.report-attached', { type: 'client', id: row.client_id }, `advies ${id}`)
        return row.client_id
      })
      return (await this.adviceVersions.list(clientId)).find((version) => version.id === id)!
    },
    list: async (clientId) =>
      (await this.read<VersionRow>(`SELECT ${summaryColumns} FROM advice_versions WHERE client_id = $1 ORDER BY version_no DESC`, [clientId])).map(summaryFromRow),
    get: async (id) => {
      const row = (await this.read<VersionRow>(`SELECT ${summaryColumns}, case_json, result_json, recommendation FROM advice_versions WHERE id = $1`, [id]))[0]
      if (!row) return null
      return { ...summaryFromRow(row), case: JSON.parse(row.case_json) as ClientCase, result: JSON.parse(row.result_json) as AdviceResult, recommendation: row.recommendation }
    },
    reportPdf: async (id) => {
      const row = (await this.read<{ report_pdf: Buffer | null }>('SELECT report_pdf FROM advice_versions WHERE id = $1', [id]))[0]
      return row?.report_pdf ?? null
    },
    verify: async (id) => {
      const row = (await this.read<VersionRow & { report_pdf: Buffer | null }>('SELECT * FROM advice_versions WHERE id = $1', [id]))[0]
      if (!row) throw new VaultError('unknown-record', 'Deze adviesversie bestaat niet.')
      const expected = contentHashOfRow(row)
      return { contentOk: expected === row.content_hash, reportOk: row.report_pdf ? sha256Hex(row.report_pdf) === row.report_sha256 : null }
    },
  }

  // --- the whole book: triage read and client import (./portfolio.ts) ----------------------------

  private readonly access: OfficeAccess = {
    read: (text, values) => this.read(text, values),
    transaction: (work) => this.transaction(work),
    record: (query, detail) => this.record(query, 'client.imported', { type: 'vault' }, detail),
    now: () => this.now(),
  }
  readonly portfolio: ClientBook['portfolio'] = officePortfolioStore(this.access)
  readonly clientImport: ClientBook['clientImport'] = officeClientImportStore(this.access)

  // --- drafts ------------------------------------------------------------------------------------

  readonly drafts: ClientBook['drafts'] = {
    get: async (clientId) => {
      const row = (await this.read<DraftRow>('SELECT client_id, draft_json, complete, updated_at, row_version FROM client_drafts WHERE client_id = $1', [clientId]))[0]
      return row ? draftFromRow(row) : null
    },
    save: async (clientId, draft, options = {}) => {
      const json = JSON.stringify(validate(caseDraftSchema, draft))
      const complete = options.complete === true
      const now = this.now()
      const outcome = await this.transaction(async (query) => {
        await this.assertVisible(query, clientId)
        const { rows: current } = await query('SELECT client_id, draft_json, complete, updated_at, row_version FROM client_drafts WHERE client_id = $1 FOR UPDATE', [clientId])
        const before = current[0] as DraftRow | undefined
        const base = options.baseVersion
        const keepCopy = async (): Promise<'conflict'> => {
          // A colleague saved in between: keep this text as this adviser's copy, change nothing else.
          await query(
            `INSERT INTO draft_copies (client_id, draft_json, saved_at) VALUES ($1, $2, $3)
             ON CONFLICT (client_id, saved_by) DO UPDATE SET draft_json = excluded.draft_json, saved_at = excluded.saved_at`,
            [clientId, json, now],
          )
          await this.record(query, 'client.draft-saved', { type: 'client', id: clientId }, 'kopie na conflict')
          return 'conflict'
        }
        if (base !== undefined && (before ? String(before.row_version) : null) !== base) return keepCopy()
        if (before && before.draft_json === json && before.complete === complete) return draftFromRow(before)
        // With a version to check, a first draft may not overwrite one a colleague inserted meanwhile.
        const onConflict =
          base !== undefined && !before ? 'DO NOTHING' : 'DO UPDATE SET draft_json = excluded.draft_json, complete = excluded.complete, updated_at = excluded.updated_at'
        const { rows } = await query(
          `INSERT INTO client_drafts (client_id, draft_json, complete, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (client_id) ${onConflict}
           RETURNING client_id, draft_json, complete, updated_at, row_version`,
          [clientId, json, complete, now],
        )
        if (rows.length === 0) return keepCopy()
        if (!before || Date.parse(now) - Date.parse(before.updated_at) >= 15 * 60 * 1000) {
          await this.record(query, 'client.draft-saved', { type: 'client', id: clientId }, before ? 'bijgewerkt' : 'nieuw')
        }
        return draftFromRow(rows[0] as DraftRow)
      })
      if (outcome === 'conflict') throw new VaultError('conflict', conflictMessage)
      return outcome
    },
  }

  async draftCopy(clientId: number): Promise<{ draft: Record<string, unknown>; savedAt: string } | null> {
    const row = (await this.read<{ draft_json: string; saved_at: string }>('SELECT draft_json, saved_at FROM draft_copies WHERE client_id = $1 AND saved_by = session_user', [clientId]))[0]
    return row ? { draft: JSON.parse(row.draft_json) as Record<string, unknown>, savedAt: row.saved_at } : null
  }

  async discardDraftCopy(clientId: number): Promise<void> {
    await this.read('DELETE FROM draft_copies WHERE client_id = $1 AND saved_by = session_user', [clientId])
  }

  async shareWithOffice(clientId: number, shared: boolean): Promise<void> {
    // The server checks that the caller is the responsible adviser and writes the audit entry.
    await this.transaction(async (query) => {
      await query('SELECT share_client($1, $2)', [clientId, shared])
    })
  }

  async clientOffice(clientId: number): Promise<ClientOfficeState | null> {
    const row = (await this.read<{ shared_with_office: boolean; responsible: boolean; responsible_name: string }>('SELECT * FROM client_office_info($1)', [clientId]))[0]
    return row ? { sharedWithOffice: row.shared_with_office, responsible: row.responsible, responsibleName: row.responsible_name } : null
  }

  async isOfficeAdmin(): Promise<boolean> {
    return (await this.read<{ admin: boolean }>('SELECT is_office_admin() AS admin'))[0]?.admin === true
  }

  async advisers(): Promise<OfficeAdviserRow[]> {
    return this.transaction((query) => adviserAdmin.list(query))
  }

  async setAdviserDisabled(roleName: string, disabled: boolean): Promise<void> {
    await this.transaction((query) => adviserAdmin.setDisabled(query, roleName, disabled))
  }

  async removeAdviser(roleName: string, successor: string): Promise<number> {
    return this.transaction((query) => adviserAdmin.remove(query, roleName, successor))
  }

  // --- adviser -----------------------------------------------------------------------------------

  readonly adviser: ClientBook['adviser'] = {
    get: async () => {
      const row = (
        await this.read<{ name: string; firm: string; afm_number: string | null; kifid_number: string | null; signing_certificate_ref: string | null; has_certificate: boolean; updated_at: string }>(
          `SELECT a.name, a.firm, a.afm_number, a.kifid_number, a.signing_certificate_ref, c.adviser_id IS NOT NULL AS has_certificate, a.updated_at
           FROM advisers a LEFT JOIN adviser_certificates c ON c.adviser_id = a.id WHERE a.role_name = session_user AND NOT a.disabled`,
        )
      )[0]
      if (!row) return null
      const profile: AdviserProfile = {
        name: row.name,
        firm: row.firm,
        afmNumber: row.afm_number,
        kifidNumber: row.kifid_number,
        signingCertificateRef: row.signing_certificate_ref,
        hasStoredCertificate: row.has_certificate,
        updatedAt: row.updated_at,
      }
      return profile
    },
    save: async (input) => {
      const valid = validate(adviserProfileSchema, input)
      await this.transaction(async (query) => {
        const { rows } = await query(
          `UPDATE advisers SET name = $1, firm = $2, afm_number = $3, kifid_number = $4, signing_certificate_ref = $5, updated_at = $6
           WHERE role_name = session_user RETURNING id`,
          [valid.name, valid.firm, valid.afmNumber, valid.kifidNumber, valid.signingCertificateRef, this.now()],
        )
        if (rows.length === 0) throw new VaultError('forbidden', officeMessages.noAdviser)
        await this.record(query, 'adviser.updated', { type: 'adviser', id: (rows[0] as { id: number }).id })
      })
      return (await this.adviser.get())!
    },
    storeSigningCertificate: async (p12, label) => {
      await this.transaction(async (query) => {
        const { rows } = await query('UPDATE advisers SET signing_certificate_ref = $1, updated_at = $2 WHERE role_name = session_user RETURNING id', [label, this.now()])
        if (rows.length === 0) throw new VaultError('forbidden', officeMessages.noAdviser)
        const adviserId = (rows[0] as { id: number }).id
        await query('INSERT INTO adviser_certificates (adviser_id, p12) VALUES ($1, $2) ON CONFLICT (adviser_id) DO UPDATE SET p12 = excluded.p12', [adviserId, p12])
        await this.record(query, 'adviser.certificate-stored', { type: 'adviser', id: adviserId }, `sha256 ${sha256Hex(p12).slice(0, 16)}`)
      })
    },
    signingCertificate: async () => {
      const row = (await this.read<{ p12: Buffer }>('SELECT c.p12 FROM adviser_certificates c JOIN advisers a ON a.id = c.adviser_id WHERE a.role_name = session_user'))[0]
      return row?.p12 ?? null
    },
  }

  // --- audit and AVG -----------------------------------------------------------------------------

  readonly audit: ClientBook['audit'] = {
    list: async (options = {}) => {
      const limit = options.limit ?? 200
      const rows =
        options.clientId === undefined
          ? await this.read<AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT $1', [limit])
          : await this.read<AuditRow>("SELECT * FROM audit_log WHERE subject_type = 'client' AND subject_id = $1 ORDER BY id DESC LIMIT $2", [options.clientId, limit])
      return rows.map(auditEntryFromRow)
    },
  }

  readonly privacy: ClientBook['privacy'] = {
    exportClient: async (clientId) => {
      // One repeatable-read snapshot, so the export is consistent; the export itself is audited first.
      return this.transaction(async (query) => {
        await query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ')
        const { rows: clientRows } = await query(`SELECT ${clientColumns} FROM clients WHERE id = $1`, [clientId])
        if (clientRows.length === 0) throw clientNotFound()
        await this.record(query, 'client.exported', { type: 'client', id: clientId })
        const income = await query('SELECT year, profit_cents, wia_wage_cents FROM income_years WHERE client_id = $1 ORDER BY year', [clientId])
        const policies = await query('SELECT * FROM policies WHERE client_id = $1 ORDER BY id', [clientId])
        const versions = await query('SELECT * FROM advice_versions WHERE client_id = $1 ORDER BY version_no', [clientId])
        const draft = await query('SELECT client_id, draft_json, complete, updated_at, row_version FROM client_drafts WHERE client_id = $1', [clientId])
        const audit = await query("SELECT * FROM audit_log WHERE subject_type = 'client' AND subject_id = $1 ORDER BY id", [clientId])
        const draftRow = draft.rows[0] as DraftRow | undefined
        const exported: ClientExport = {
          format: 'vangnet-client-export',
          version: 1,
          exportedAt: this.now(),
          client: clientFromRow(clientRows[0] as ClientRow),
          incomeYears: (income.rows as Array<{ year: number; profit_cents: number; wia_wage_cents: number }>).map((row) => ({ year: row.year, profit: fromCents(row.profit_cents), wiaWage: fromCents(row.wia_wage_cents) })),
          policies: (policies.rows as PolicyRow[]).map(policyFromRow),
          adviceVersions: (versions.rows as Array<VersionRow & { report_pdf: Buffer | null }>).map((row): AdviceVersion & { reportPdfBase64: string | null } => ({
            ...summaryFromRow(row),
            case: JSON.parse(row.case_json) as ClientCase,
            result: JSON.parse(row.result_json) as AdviceResult,
            recommendation: row.recommendation,
            reportPdfBase64: row.report_pdf ? row.report_pdf.toString('base64') : null,
          })),
          draft: draftRow ? { draft: JSON.parse(draftRow.draft_json) as Record<string, unknown>, complete: draftRow.complete, updatedAt: draftRow.updated_at } : null,
          processing: (audit.rows as AuditRow[]).map(auditEntryFromRow),
        }
        return exported
      })
    },
    eraseClient: async (clientId) => {
      // The server does it all in one function: visibility, the responsible adviser, the
      // cascade, the audit entry. Dead row versions go at the next (auto)vacuum (README).
      await this.transaction(async (query) => {
        await query('SELECT erase_client($1)', [clientId])
      })
      return { goneFromFile: false }
    },
  }

  // --- changes by others -------------------------------------------------------------------------

  private heard = new Set<number>()
  private heardTimer: NodeJS.Timeout | null = null

  /**
   * Every adviser's LISTEN hears every client number the server announces. Only the numbers of
   * clients this adviser may see go on to the listeners (and so to the screen): row-level security
   * decides, in one query per batch. A client that has just become invisible (erased, no longer
   * shared) is not announced either; the list drops it at its next reload.
   */
  private async passVisible(): Promise<void> {
    this.heardTimer = null
    const ids = [...this.heard]
    this.heard.clear()
    if (this.closed || ids.length === 0 || this.listeners.size === 0) return
    let visible: number[]
    try {
      visible = (await this.read<{ id: number }>('SELECT id FROM clients WHERE id = ANY($1::bigint[])', [ids])).map((row) => row.id)
    } catch {
      return
    }
    for (const clientId of visible) for (const listener of this.listeners) listener({ clientId })
  }

  /** LISTEN on a connection of its own; reconnects when the server comes back. */
  async listen(): Promise<void> {
    if (this.closed) return
    const client = new pg.Client(poolConfig(this.settings))
    client.on('error', () => {})
    client.on('notification', (message) => {
      const clientId = Number(message.payload)
      if (!Number.isSafeInteger(clientId) || clientId <= 0) return
      this.heard.add(clientId)
      this.heardTimer ??= setTimeout(() => void this.passVisible(), notifyBatchMs)
    })
    client.on('end', () => {
      if (this.listener !== client || this.closed) return
      this.listener = null
      const retry = setTimeout(() => void this.listen().catch(() => {}), 2_000)
      retry.unref()
    })
    try {
      await client.connect()
      await client.query('LISTEN vangnet_changes')
      this.listener = client
    } catch (error) {
      await client.end().catch(() => {})
      if (this.listener === null && !this.closed) {
        const retry = setTimeout(() => void this.listen().catch(() => {}), 2_000)
        retry.unref()
      }
      throw asOfficeError(error)
    }
  }

  onChange(listener: (change: BookChange) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async close(): Promise<void> {
    this.closed = true
    this.listeners.clear()
    if (this.heardTimer) clearTimeout(this.heardTimer)
    const listener = this.listener
    this.listener = null
    await listener?.end().catch(() => {})
    await this.pool.end().catch(() => {})
  }
}
