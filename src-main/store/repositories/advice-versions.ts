/**
 * Advice versions: what was advised to whom, when, under which bill version, immutable. Each
 * version stores the case as entered, the result, the adviser's recommendation, the parameter
 * hash and a content hash over all of that; the report PDF (and its SHA-256) can be given at
 * creation or attached once later. The database refuses any other change (migration 003).
 */
import { createHash } from 'node:crypto'
import { z } from 'zod'
import { clientCaseSchema, type ClientCase, type ClientCaseInput } from '../../../shared/schema/case'
import { adviceResultSchema, type AdviceResult } from '../../../shared/schema/result'
import { VaultError } from '../errors'
import type { AuditLog } from './audit'
import { clientNotFound } from './clients'
import { validate, type StoreContext } from './context'

export interface NewAdviceVersion {
  clientId: number
  case: ClientCaseInput
  result: AdviceResult
  /** The adviser's own recommendation text, as written. */
  recommendation: string
  reportPdf?: Buffer
}

export interface AdviceVersionSummary {
  id: number
  clientId: number
  versionNo: number
  createdAt: string
  billVersion: string
  parametersHash: string
  contentHash: string
  reportSha256: string | null
}

export interface AdviceVersion extends AdviceVersionSummary {
  case: ClientCase
  result: AdviceResult
  recommendation: string
}

interface VersionRow {
  id: number
  client_id: number
  version_no: number
  created_at: string
  bill_version: string
  parameters_hash: string
  case_json: string
  result_json: string
  recommendation: string
  content_hash: string
  report_sha256: string | null
}

const summaryColumns = 'id, client_id, version_no, created_at, bill_version, parameters_hash, content_hash, report_sha256'

/** JSON with object keys sorted at every level: the same content always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner
    return Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  })
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex')
}

export function contentHashOf(fields: {
  clientId: number
  versionNo: number
  createdAt: string
  billVersion: string
  parametersHash: string
  caseJson: string
  resultJson: string
  recommendation: string
}): string {
  return sha256Hex(canonicalJson({ ...fields, hashFormat: 'vangnet-advice-v1' }))
}

function summaryFromRow(row: Omit<VersionRow, 'case_json' | 'result_json' | 'recommendation'>): AdviceVersionSummary {
  return {
    id: row.id,
    clientId: row.client_id,
    versionNo: row.version_no,
    createdAt: row.created_at,
    billVersion: row.bill_version,
    parametersHash: row.parameters_hash,
    contentHash: row.content_hash,
    reportSha256: row.report_sha256,
  }
}

export class AdviceVersionsRepository {
  constructor(
    private readonly context: StoreContext,
    private readonly audit: AuditLog,
  ) {}

  create(input: NewAdviceVersion): AdviceVersion {
    const clientCase = validate(clientCaseSchema, input.case)
    const result = validate(adviceResultSchema, input.result)
    const recommendation = validate(z.string().max(100_000), input.recommendation)
    if (result.scenario !== clientCase.scenario) {
      throw new VaultError('invalid-input', 'Het resultaat hoort bij een andere regelingsversie dan de casus.')
    }
    const db = this.context.db()
    const id = db.transaction(() => {
      if (!db.prepare('SELECT 1 FROM clients WHERE id = ?').get(input.clientId)) throw clientNotFound()
      const versionNo = (db.prepare('SELECT coalesce(max(version_no), 0) + 1 FROM advice_versions WHERE client_id = ?').pluck().get(input.clientId) as number)
      const fields = {
        clientId: input.clientId,
        versionNo,
        createdAt: this.context.now(),
        billVersion: result.scenario,
        parametersHash: result.parameterHash,
        caseJson: canonicalJson(clientCase),
        resultJson: canonicalJson(result),
        recommendation,
      }
      const pdf = input.reportPdf ?? null
      const inserted = db
        .prepare(
          `INSERT INTO advice_versions (client_id, version_no, created_at, bill_version, parameters_hash, case_json,
             result_json, recommendation, content_hash, report_pdf, report_sha256)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
        )
        .pluck()
        .get(
          fields.clientId,
          fields.versionNo,
          fields.createdAt,
          fields.billVersion,
          fields.parametersHash,
          fields.caseJson,
          fields.resultJson,
          fields.recommendation,
          contentHashOf(fields),
          pdf,
          pdf ? sha256Hex(pdf) : null,
        ) as number
      this.audit.record('advice.created', { type: 'client', id: input.clientId }, `advies ${inserted} versie ${versionNo}`)
      return inserted
    }).immediate()
    return this.get(id)!
  }

  /** Attach the report PDF to a version that has none yet. A second attach is refused. */
  attachReport(id: number, pdf: Buffer): AdviceVersionSummary {
    const db = this.context.db()
    db.transaction(() => {
      const row = db.prepare<[number], { client_id: number; has_pdf: number }>('SELECT client_id, report_pdf IS NOT NULL AS has_pdf FROM advice_versions WHERE id = ?').get(id)
      if (!row) throw new VaultError('unknown-record', 'Deze adviesversie bestaat niet.')
      if (row.has_pdf) throw new VaultError('invalid-input', 'Deze adviesversie heeft al een rapport; een adviesversie is onveranderlijk.')
      db.prepare('UPDATE advice_versions SET report_pdf = ?, report_sha256 = ? WHERE id = ?').run(pdf, sha256Hex(pdf), id)
      this.audit.record('advice.report-attached', { type: 'client', id: row.client_id }, `advies ${id}`)
    }).immediate()
    return this.list(this.get(id)!.clientId).find((version) => version.id === id)!
  }

  /** Newest version first, without the large fields. */
  list(clientId: number): AdviceVersionSummary[] {
    return this.context
      .db()
      .prepare<[number], VersionRow>(`SELECT ${summaryColumns} FROM advice_versions WHERE client_id = ? ORDER BY version_no DESC`)
      .all(clientId)
      .map(summaryFromRow)
  }

  get(id: number): AdviceVersion | null {
    const row = this.context
      .db()
      .prepare<[number], VersionRow>(`SELECT ${summaryColumns}, case_json, result_json, recommendation FROM advice_versions WHERE id = ?`)
      .get(id)
    if (!row) return null
    return {
      ...summaryFromRow(row),
      case: JSON.parse(row.case_json) as ClientCase,
      result: JSON.parse(row.result_json) as AdviceResult,
      recommendation: row.recommendation,
    }
  }

  reportPdf(id: number): Buffer | null {
    const value = this.context.db().prepare('SELECT report_pdf FROM advice_versions WHERE id = ?').pluck().get(id)
    return value instanceof Buffer ? value : null
  }

  /** Recompute both hashes: proof that the stored version is what was saved then. */
  verify(id: number): { contentOk: boolean; reportOk: boolean | null } {
    const row = this.context
      .db()
      .prepare<[number], VersionRow & { report_pdf: Buffer | null }>('SELECT * FROM advice_versions WHERE id = ?')
      .get(id)
    if (!row) throw new VaultError('unknown-record', 'Deze adviesversie bestaat niet.')
    const expected = contentHashOf({
      clientId: row.client_id,
      versionNo: row.version_no,
      createdAt: row.created_at,
      billVersion: row.bill_version,
      parametersHash: row.parameters_hash,
      caseJson: row.case_json,
      resultJson: row.result_json,
      recommendation: row.recommendation,
    })
    return {
      contentOk: expected === row.content_hash,
      reportOk: row.report_pdf ? sha256Hex(row.report_pdf) === row.report_sha256 : null,
    }
  }
}
