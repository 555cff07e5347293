/**
 * The triage over the vault: load the book (one bulk read), evaluate every client (a large book
 * on worker threads that start while the book is read, a small one here in slices that give the
 * event loop back), with progress and cancel, and write the CSV or Excel export. Used by
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
import type { TriageChunk, TriageReply, TriageSettingsData } from './worker'

export interface EvaluateOptions {
  scenario: string
  today?: string
  /** The language of the reasons and group names (default Dutch). */
  language?: Language
  /** Called after each slice (in one thread) or chunk (on worker threads) with (done, total). */
  onProgress?: (done: number, total: number) => void
  signal?: AbortSignal
  /** Threads, this one included; default: see `threadsFor`. */
  threads?: number
}

export class CancelledError extends Error {
  constructor() {
    super('Afgebroken.')
  }
}

const slice = 250

/** Books this large may be spread over threads (fewer clients: not worth starting workers). */
const parallelFrom = 2000

/**
 * The default number of threads: one per core beyond the first, for a large book, up to eight.
 * V8 collects garbage and optimises the rules on threads of its own, and a worker first loads and
 * compiles the rules again: on two cores the whole triage of 10,000 clients on this thread alone
 * took 2,6–2,8 s against 3,2–3,4 s on this thread and one worker (the built command, measured
 * back to back), with 3,7 against 6,1–6,5 s of CPU. So a two-core machine uses only this thread.
 */
function threadsFor(clients: number, options: EvaluateOptions): number {
  if (options.threads !== undefined) return options.threads
  return clients >= parallelFrom ? Math.max(1, Math.min(availableParallelism() - 1, 8)) : 1
}

/**
 * Evaluate clients. A large book is spread over this thread and worker threads (one thread per
 * core, each worker with the same parameter update); a small one runs here in slices that yield to
 * the event loop. Either way progress is reported and an abort stops the work.
 */
export async function evaluateClients(clients: PortfolioClient[], options: EvaluateOptions): Promise<TriagedClient[]> {
  const threads = threadsFor(clients.length, options)
  if (threads > 1 && clients.length > 0) {
    const pool = new TriagePool(threads, settingsOf(options))
    try {
      return await pool.run(clients, options)
    } finally {
      pool.close()
    }
  }
  const { scenario, today, language } = settingsOf(options)
  const out: TriagedClient[] = []
  for (let start = 0; start < clients.length; start += slice) {
    if (options.signal?.aborted) throw new CancelledError()
    for (const client of clients.slice(start, start + slice)) out.push(triageClient(client, { scenario, today, language }))
    options.onProgress?.(out.length, clients.length)
    await new Promise((resolve) => setImmediate(resolve))
  }
  return out
}

/**
 * The worker file: the .ts source through tsx (tests, tsx), or the built file next to the bundle.
 * The built worker gets Node's default, the options of this process that apply to a thread (given
 * explicitly, a process-wide option such as --v8-pool-size would make starting the worker fail).
 */
function workerSpec(): { url: URL; execArgv?: string[] } {
  const fromSource = import.meta.url.endsWith('.ts')
  if (!fromSource) return { url: new URL('./portfolio-worker.js', import.meta.url) }
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href
  return { url: new URL('./worker.ts', import.meta.url), execArgv: [...process.execArgv, '--import', tsx] }
}

/**
 * How many chunks wait at each worker, so it never idles while its next one is on the way, and
 * how large a chunk is: an eighth of each worker's share of what is left (guided scheduling), at least 50
 * clients. Large chunks at the start ask little of this thread (on a busy machine a worker waited
 * for it about 3 % of the time with chunks of 100); small ones at the end keep it even: when one
 * worker has nothing left, the other has at most two small chunks to go, not a fixed half of the book.
 */
const inFlight = 2
const smallestChunk = 50

function chunkSize(remaining: number, threads: number): number {
  return Math.min(remaining, Math.max(smallestChunk, Math.ceil(remaining / (threads * 8))))
}

/**
 * The triage on several threads: this one and `threads - 1` worker threads, started before the
 * clients are known so they load the rules while this thread reads the book. The clients then go
 * out in chunks (`chunkSize`), each to the thread that has room, so a thread slowed by other work
 * on the machine simply takes fewer. This thread takes its chunks between handing out the
 * workers' (it has the rules loaded already; one more worker would only add a thread loading and
 * compiling them again on the same cores). Progress is counted per finished chunk; an abort
 * terminates the workers.
 */
class TriagePool {
  private readonly workers: Worker[]
  /** The first error of a worker, kept from the start: a worker may fail while the book is still being read. */
  private failure: Error | null = null
  /** Told of a worker's failure while a run is going. */
  private onFailure: ((error: Error) => void) | null = null

  constructor(
    threads: number,
    private readonly settings: TriageSettingsData,
  ) {
    const spec = workerSpec()
    this.workers = Array.from({ length: threads - 1 }, () => {
      const worker = new Worker(spec.url, { workerData: settings, ...(spec.execArgv ? { execArgv: spec.execArgv } : {}) })
      worker.on('error', (error) => this.failed(error))
      worker.on('exit', (code) => this.failed(new Error(`triage worker stopped (${code})`)))
      return worker
    })
  }

  private failed(error: Error): void {
    this.failure ??= error
    this.onFailure?.(error)
  }

  run(clients: PortfolioClient[], options: Pick<EvaluateOptions, 'onProgress' | 'signal'>): Promise<TriagedClient[]> {
    const threads = this.workers.length + 1
    /** Each chunk's rows, in the order of the clients. */
    const parts: TriagedClient[][] = []
    let sent = 0
    let done = 0
    return new Promise<TriagedClient[]>((resolve, reject) => {
      let settled = false
      // Once: the run's end lets go of the abort signal and of worker failures (the caller closes the pool).
      const settle = (end: () => void) => {
        if (settled) return
        settled = true
        this.onFailure = null
        options.signal?.removeEventListener('abort', abort)
        end()
      }
      const fail = (error: Error) => settle(() => reject(error))
      const abort = () => fail(new CancelledError())
      if (options.signal?.aborted) return abort()
      if (this.failure) return fail(this.failure)
      this.onFailure = fail
      options.signal?.addEventListener('abort', abort, { once: true })
      /** The next chunk: its place among the parts and its clients, or null when all are out. */
      const next = (): { index: number; clients: PortfolioClient[] } | null => {
        if (sent >= clients.length) return null
        const size = chunkSize(clients.length - sent, threads)
        const taken = { index: parts.length, clients: clients.slice(sent, sent + size) }
        parts.push([])
        sent += size
        return taken
      }
      /** A chunk's rows are in; true when that was the last. */
      const finished = (index: number, rows: TriagedClient[]): boolean => {
        parts[index] = rows
        done += rows.length
        options.onProgress?.(done, clients.length)
        if (done < clients.length) return false
        settle(() => resolve(parts.flat()))
        return true
      }
      const send = (worker: Worker, waiting: number[]) => {
        const taken = next()
        if (!taken) return
        waiting.push(taken.index)
        worker.postMessage({ clients: taken.clients } satisfies TriageChunk)
      }
      for (const worker of this.workers) {
        // A worker answers its chunks in the order they were sent.
        const waiting: number[] = []
        worker.on('message', (reply: TriageReply) => {
          if (settled) return
          if (!finished(waiting.shift()!, reply.rows)) send(worker, waiting)
        })
        for (let count = 0; count < inFlight; count++) send(worker, waiting)
      }
      // This thread's own chunks, each after the event loop has had its turn (the workers' replies).
      const { scenario, today, language } = this.settings
      const takeOwn = () =>
        setImmediate(() => {
          if (settled) return
          const taken = next()
          if (!taken) return
          try {
            if (!finished(taken.index, taken.clients.map((client) => triageClient(client, { scenario, today, language })))) takeOwn()
          } catch (error) {
            fail(error as Error)
          }
        })
      takeOwn()
    })
  }

  close(): void {
    for (const worker of this.workers) {
      worker.removeAllListeners('exit')
      void worker.terminate()
    }
  }
}

function settingsOf(options: EvaluateOptions): TriageSettingsData {
  return { scenario: options.scenario, today: options.today ?? new Date().toISOString().slice(0, 10), language: options.language ?? 'nl', update: activeParameterUpdate() }
}

/**
 * The whole book: for a large one the worker threads start first and load the rules while this
 * thread reads the book from the vault (or the office server), then the clients go to them.
 */
export async function evaluatePortfolio(store: PortfolioStore, options: EvaluateOptions): Promise<{ report: PortfolioReport; triaged: TriagedClient[] }> {
  const threads = threadsFor(await store.count(), options)
  const pool = threads > 1 ? new TriagePool(threads, settingsOf(options)) : null
  let triaged: TriagedClient[]
  try {
    const clients = await store.load()
    triaged = pool && clients.length > 0 ? await pool.run(clients, options) : await evaluateClients(clients, { ...options, threads: 1 })
  } finally {
    pool?.close()
  }
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

async function xlsxBytes(report: PortfolioReport, group: GroupId | null = null, language: Language = 'nl'): Promise<Buffer> {
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
