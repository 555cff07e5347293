/**
 * Client import, end to end: read the file (read-table.ts), read every row (shared/portfolio/
 * import.ts), decide about duplicates (skip or merge, the adviser's choice) and write all valid
 * rows in one vault transaction, or nothing with `dryRun`. Used by `vangnet vault import` and the
 * import screen alike.
 */
import { headerOf, mergeImported, planImport, type ImportedClient, type ImportMapping, type RowProblem } from '../../shared/portfolio/import'
import type { ClientImportStore } from '../store/book'
import { ImportFileError, readTable } from './read-table'

export { ImportFileError, maxImportBytes, tooLargeMessage } from './read-table'

export type DuplicateChoice = 'skip' | 'merge'

export interface ImportRequest {
  /** The file name (decides CSV or XLSX). */
  fileName: string
  bytes: Buffer
  mapping?: ImportMapping
  duplicates: DuplicateChoice
  dryRun: boolean
}

export interface ImportReport {
  /** "CSV, Windows-1252, scheidingsteken ;" */
  file: string
  /** Column -> what Vangnet reads from it, for the preview. */
  columns: { header: string; field: string }[]
  /** File headers Vangnet does not know: the adviser can map them. */
  unknownColumns: string[]
  notes: string[]
  /** Rows with problems, each in plain Dutch; these rows are not imported. */
  problems: RowProblem[]
  /** Rows that are the same person as an earlier row or a client in the vault. */
  duplicates: { row: number; name: string; birthDate: string; existingClientId: number | null; sameAsRow: number | null; action: 'overgeslagen' | 'samengevoegd' }[]
  created: number
  merged: number
  /** Rows not imported: with problems, or duplicates skipped. */
  skipped: number
  /** False for a dry run: nothing was written. */
  written: boolean
  /** The first rows as they will be imported, for the preview screen. */
  sample: Pick<ImportedClient, 'row' | 'name' | 'birthDate' | 'role'>[]
}

/** Throws ImportFileError when the file as a whole cannot be read; changes nothing then. */
export async function importClients(store: ClientImportStore, request: ImportRequest): Promise<ImportReport> {
  const { table, description } = await readTable(request.fileName, request.bytes)
  const existing = await store.existingKeys()
  const plan = planImport(table, existing, request.mapping)
  if (plan.plan.problems.length > 0) throw new ImportFileError(plan.plan.problems.join('\n'))
  const headers = table[0] ?? []
  const columns = [...plan.plan.columns.entries()].map(([index, target]) => ({
    header: headers[index] ?? '',
    field: headerOf(target),
  }))

  const create = [...plan.clients]
  const merges = new Map<number, ImportedClient>()
  const byRow = new Map<number, { list: 'create'; index: number } | { list: 'merge'; clientId: number }>()
  create.forEach((client, index) => byRow.set(client.row, { list: 'create', index }))
  const duplicates: ImportReport['duplicates'] = []
  // Rows come in file order, so an earlier row is always placed before a later duplicate of it.
  for (const duplicate of [...plan.duplicates].sort((a, b) => a.row - b.row)) {
    const action = request.duplicates === 'merge' ? 'samengevoegd' : 'overgeslagen'
    duplicates.push({ row: duplicate.row, name: duplicate.name, birthDate: duplicate.birthDate, existingClientId: duplicate.existingClientId, sameAsRow: duplicate.sameAsRow, action })
    if (request.duplicates !== 'merge') continue
    const earlier = duplicate.sameAsRow !== null ? byRow.get(duplicate.sameAsRow) : undefined
    if (earlier?.list === 'create') create[earlier.index] = mergeImported(create[earlier.index]!, duplicate.client)
    else if (earlier?.list === 'merge') merges.set(earlier.clientId, mergeImported(merges.get(earlier.clientId)!, duplicate.client))
    else if (duplicate.existingClientId !== null) {
      const clientId = duplicate.existingClientId
      merges.set(clientId, merges.has(clientId) ? mergeImported(merges.get(clientId)!, duplicate.client) : duplicate.client)
      byRow.set(duplicate.row, { list: 'merge', clientId })
    }
    if (duplicate.sameAsRow !== null && earlier) byRow.set(duplicate.row, earlier)
  }
  const problemRows = new Set(plan.problems.map((problem) => problem.row)).size
  const skippedDuplicates = request.duplicates === 'merge' ? 0 : duplicates.length
  const mergedRows = request.duplicates === 'merge' ? duplicates.length : 0
  let written = false
  if (!request.dryRun && (create.length > 0 || merges.size > 0)) {
    await store.apply({ create, merge: [...merges.entries()].map(([clientId, client]) => ({ clientId, client })) })
    written = true
  }
  return {
    file: description,
    columns,
    unknownColumns: plan.plan.unknown,
    notes: plan.notes,
    problems: plan.problems,
    duplicates,
    created: create.length,
    merged: mergedRows,
    skipped: problemRows + skippedDuplicates,
    written,
    sample: create.slice(0, 20).map(({ row, name, birthDate, role }) => ({ row, name, birthDate, role })),
  }
}
