/**
 * The triage over the vault: load the book (one bulk read), evaluate every client in slices that
 * give the event loop back (progress, cancel), and write the CSV or Excel export. Used by
 * `vangnet portfolio` and the portfolio screen.
 */
import { rename, rm, writeFile } from 'node:fs/promises'
import { exportHeader, exportRows, toCsv } from '../../shared/portfolio/export'
import { portfolioReport, triageClient, type PortfolioClient, type PortfolioReport, type TriagedClient } from '../../shared/portfolio/triage'
import type { Vault } from '../store'

export interface EvaluateOptions {
  scenario: string
  today?: string
  /** Called after each slice with (done, total). */
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
}

export class CancelledError extends Error {
  constructor() {
    super('Afgebroken.')
  }
}

const slice = 250

/** Evaluate clients; every slice yields to the event loop so progress shows and cancel works. */
export async function evaluateClients(clients: PortfolioClient[], options: EvaluateOptions): Promise<TriagedClient[]> {
  const today = options.today ?? new Date().toISOString().slice(0, 10)
  const out: TriagedClient[] = []
  for (let start = 0; start < clients.length; start += slice) {
    if (options.signal?.aborted) throw new CancelledError()
    for (const client of clients.slice(start, start + slice)) out.push(triageClient(client, { scenario: options.scenario, today }))
    options.onProgress?.(out.length, clients.length)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return out
}

export async function evaluatePortfolio(vault: Vault, options: EvaluateOptions): Promise<{ report: PortfolioReport; triaged: TriagedClient[] }> {
  const clients = vault.portfolio.load()
  const triaged = await evaluateClients(clients, options)
  return { report: portfolioReport(triaged, options.scenario), triaged }
}

async function writeAtomically(path: string, content: Buffer | string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`
  try {
    await writeFile(temporary, content)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

export async function xlsxBytes(report: PortfolioReport): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('Klantenkring')
  sheet.addRow([...exportHeader])
  sheet.getRow(1).font = { bold: true }
  for (const row of exportRows(report)) sheet.addRow([Number(row[0]), ...row.slice(1)])
  sheet.columns.forEach((column, index) => (column.width = [12, 30, 40, 100][index]))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** Write the export to a temporary name, then rename: never a half-written file. */
export async function writeExport(path: string, report: PortfolioReport, format: 'csv' | 'xlsx'): Promise<void> {
  await writeAtomically(path, format === 'xlsx' ? await xlsxBytes(report) : toCsv(report))
}
