/**
 * The triage over the vault: load the book (one bulk read), evaluate every client in slices that
 * give the event loop back (progress, cancel), and write the CSV or Excel export. Used by
 * `vangnet portfolio` and the portfolio screen.
 */
import { rename, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { activeParameterUpdate } from '../../shared/parameters/update'
import type { Language } from '../../shared/format'
import { exportHeaderIn, exportRows, toCsv, type ExportFormat } from '../../shared/portfolio/export'
import { portfolioReport, triageClient, type GroupId, type PortfolioClient, type PortfolioReport, type TriagedClient } from '../../shared/portfolio/triage'
import type { PortfolioStore } from '../store/book'
import type { TriageJob, TriageReply } from './worker'

export interface EvaluateOptions {
  scenario: string
  today?: string
  /** The language of the reasons and group names (default Dutch). */
  language?: Language
  /** Called after each slice with (done, total). */
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
  /** Worker threads; default: one per core for books of 2,000 clients or more, none for smaller ones. */
  threads?: number
}

export class CancelledError extends Error {
  constructor() {
    super('Afgebroken.')
  }
}

const slice = 250

/** Books this large are spread over worker threads, one per core (fewer clients: not worth starting them). */
const parallelFrom = 2000

/**
 * Evaluate clients. A large book is split over worker threads (one per core, each with the same
 * parameter update); a small one runs here in slices that yield to the event loop. Either way
 * progress is reported and an abort stops the work.
 */
export async function evaluateClients(clients: PortfolioClient[], options: EvaluateOptions): Promise<TriagedClient[]> {
  const today = options.today ?? new Date().toISOString().slice(0, 10)
  const threads = options.threads ?? (clients.length >= parallelFrom ? Math.min(availableParallelism(), 8) : 1)
  if (threads > 1 && clients.length > 0) return evaluateInWorkers(clients, { ...options, today }, threads)
  const out: TriagedClient[] = []
  for (let start = 0; start < clients.length; start += slice) {
    if (options.signal?.aborted) throw new CancelledError()
    for (const client of clients.slice(start, start + slice)) out.push(triageClient(client, { scenario: options.scenario, today, language: options.language ?? 'nl' }))
    options.onProgress?.(out.length, clients.length)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return out
}

/** The worker file: the .ts source through tsx (tests, tsx), or the built file next to the bundle. */
function workerSpec(): { url: URL; execArgv: string[] } {
  const fromSource = import.meta.url.endsWith('.ts')
  if (!fromSource) return { url: new URL('./portfolio-worker.js', import.meta.url), execArgv: process.execArgv }
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href
  return { url: new URL('./worker.ts', import.meta.url), execArgv: [...process.execArgv, '--import', tsx] }
}

async function evaluateInWorkers(clients: PortfolioClient[], options: EvaluateOptions & { today: string }, threads: number): Promise<TriagedClient[]> {
  const spec = workerSpec()
  const size = Math.ceil(clients.length / threads)
  const done = new Array<number>(threads).fill(0)
  const workers: Worker[] = []
  const abort = () => {
    for (const worker of workers) void worker.terminate()
  }
  options.signal?.addEventListener('abort', abort, { once: true })
  try {
    const parts = await Promise.all(
      Array.from({ length: threads }, (_, index) => {
        const job: TriageJob = { clients: clients.slice(index * size, (index + 1) * size), scenario: options.scenario, today: options.today, language: options.language ?? 'nl', update: activeParameterUpdate() }
        return new Promise<TriagedClient[]>((resolve, reject) => {
          const worker = new Worker(spec.url, { workerData: job, execArgv: spec.execArgv })
          workers.push(worker)
          worker.on('message', (reply: TriageReply) => {
            if ('result' in reply) {
              done[index] = reply.result.length
              options.onProgress?.(done.reduce((sum, count) => sum + count, 0), clients.length)
              resolve(reply.result)
            } else {
              done[index] = reply.done
              options.onProgress?.(done.reduce((sum, count) => sum + count, 0), clients.length)
            }
          })
          worker.on('error', reject)
          worker.on('exit', (code) => {
            if (options.signal?.aborted) reject(new CancelledError())
            else if (code !== 0) reject(new Error(`triage worker stopped (${code})`))
          })
        })
      }),
    )
    return parts.flat()
  } finally {
    options.signal?.removeEventListener('abort', abort)
    abort()
  }
}

export async function evaluatePortfolio(store: PortfolioStore, options: EvaluateOptions): Promise<{ report: PortfolioReport; triaged: TriagedClient[] }> {
  const clients = await store.load()
  const triaged = await evaluateClients(clients, options)
  return { report: portfolioReport(triaged, options.scenario, options.language ?? 'nl'), triaged }
}

async function writeAtomically(path: string, content: Buffer | string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`
  try {
    // Owner-only: the list names clients.
    await writeFile(temporary, content, { mode: 0o600 })
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

export async function xlsxBytes(report: PortfolioReport, group: GroupId | null = null, language: Language = 'nl'): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(language === 'en' ? 'Client book' : 'Klantenkring')
  sheet.addRow([...exportHeaderIn[language]])
  sheet.getRow(1).font = { bold: true }
  for (const row of exportRows(report, group)) sheet.addRow([Number(row[0]), ...row.slice(1)])
  sheet.columns.forEach((column, index) => (column.width = [12, 30, 40, 100][index]))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** The export's bytes: the whole book or one group, as CSV or Excel (the CLI and the screen alike). */
export async function exportBytes(report: PortfolioReport, format: ExportFormat, group: GroupId | null = null, language: Language = 'nl'): Promise<Buffer> {
  return format === 'xlsx' ? xlsxBytes(report, group, language) : Buffer.from(toCsv(report, group, language), 'utf8')
}

/** Write the export to a temporary name, then rename: never a half-written file. */
export async function writeExport(path: string, report: PortfolioReport, format: ExportFormat, language: Language = 'nl'): Promise<void> {
  await writeAtomically(path, await exportBytes(report, format, null, language))
}
