/**
 * The portfolio screen's services: the triage run slice by slice (the screen asks for the next
 * slice and shows progress; it can stop between slices), the export of the finished list, and the
 * client import. The book is read through the client book interface (the vault, or the office
 * server) once per run; the runs live only in memory and go with a lock.
 */
import { randomBytes } from 'node:crypto'
import type { Language } from '../../shared/format'
import type { ImportResult, IpcParsedRequest, PortfolioExport, PortfolioRun, PortfolioStep, PortfolioView } from '../../shared/ipc'
import { exportFileName } from '../../shared/portfolio/export'
import { portfolioReport, triageClient, type PortfolioClient, type PortfolioReport, type TriagedClient } from '../../shared/portfolio/triage'
import { importClients, ImportFileError, maxImportBytes, tooLargeMessage } from '../import'
import { exportBytes } from '../portfolio'
import { ServiceError } from './errors'
import type { ServiceContext } from './types'

interface Run {
  runId: string
  scenario: string
  today: string
  language: Language
  clients: PortfolioClient[]
  triaged: TriagedClient[]
}

const mediaTypes = { csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const

/** A slice takes about this long, so the progress bar moves several times a second. */
const sliceBudgetMs = 150

/** A finished run with its report: the screen's list and the export are made from the same one. */
interface FinishedRun extends Run {
  report: PortfolioReport
}

function view(run: FinishedRun): PortfolioView {
  const { report } = run
  return {
    scenario: report.scenario,
    parameterHash: report.parameterHash,
    clients: report.clients,
    groups: report.groups.map(({ id, label, count }) => ({ id, label, count })),
    rows: run.triaged.map((client) => ({ id: client.id, name: client.name, groups: client.hits.map((hit) => hit.group), reasons: client.hits.map((hit) => hit.reason) })),
  }
}

export function portfolioServices(context: Pick<ServiceContext, 'book' | 'now' | 'settingsFile' | 'deps'>) {
  const { book, now } = context
  const runs = new Map<string, Run>()
  /** The last finished run: what the screen's list shows, kept for its export until the next run or a lock. */
  let finished: FinishedRun | null = null
  return {
    /** Forget every run (lock, quit). */
    clear(): void {
      runs.clear()
      finished = null
    },
    async start({ scenario }: IpcParsedRequest<'portfolio:start'>): Promise<PortfolioRun> {
      // One run at a time: a new start replaces an unfinished one.
      runs.clear()
      finished = null
      const runId = randomBytes(8).toString('hex')
      const clients = await book().portfolio.load()
      const language = await context.settingsFile.language()
      runs.set(runId, { runId, scenario, today: now().toISOString().slice(0, 10), language, clients, triaged: [] })
      return { runId, total: clients.length }
    },
    step({ runId }: IpcParsedRequest<'portfolio:step'>): PortfolioStep {
      book()
      const run = runs.get(runId)
      if (!run) throw new ServiceError('not-found', 'Deze doorrekening is gestopt of vervangen; start opnieuw.')
      const started = performance.now()
      while (run.triaged.length < run.clients.length && performance.now() - started < sliceBudgetMs) {
        run.triaged.push(triageClient(run.clients[run.triaged.length]!, { scenario: run.scenario, today: run.today, language: run.language }))
      }
      const done = run.triaged.length
      if (done < run.clients.length) return { done, total: run.clients.length, view: null }
      runs.delete(runId)
      finished = { ...run, report: portfolioReport(run.triaged, run.scenario, run.language) }
      return { done, total: run.clients.length, view: view(finished) }
    },
    /**
     * The list the screen shows (the whole book or one group), written with the same code as
     * `vangnet portfolio --csv/--xlsx`: through the desktop's save dialog, or as a download.
     */
    async exportList({ runId, format, group }: IpcParsedRequest<'portfolio:export'>): Promise<PortfolioExport> {
      book()
      if (!finished || finished.runId !== runId) throw new ServiceError('not-found', 'Deze lijst is niet meer actueel; reken de klantenkring opnieuw door en exporteer dan.')
      const bytes = await exportBytes(finished.report, format, group, finished.language)
      const fileName = exportFileName(finished.scenario, group, finished.today, format)
      const save = context.deps.desktop.saveFileAs
      if (save) return { savedTo: await save(fileName, bytes, format === 'xlsx' ? { name: 'Excel', extensions: ['xlsx'] } : { name: 'CSV', extensions: ['csv'] }), download: null }
      return { savedTo: null, download: { fileName, mediaType: mediaTypes[format], contentBase64: bytes.toString('base64') } }
    },
    cancel({ runId }: IpcParsedRequest<'portfolio:cancel'>): { cancelled: true } {
      runs.delete(runId)
      return { cancelled: true }
    },
    async importFile(request: IpcParsedRequest<'import:run'>): Promise<ImportResult> {
      const bytes = Buffer.from(request.contentBase64, 'base64')
      if (bytes.length > maxImportBytes) throw new ServiceError('invalid-input', tooLargeMessage(bytes.length))
      try {
        const report = await importClients(book().clientImport, {
          fileName: request.fileName,
          bytes,
          ...(request.mapping ? { mapping: request.mapping } : {}),
          duplicates: request.duplicates,
          dryRun: request.dryRun,
        })
        const { sample: _sample, ...result } = report
        return result
      } catch (error) {
        if (error instanceof ImportFileError) throw new ServiceError('invalid-input', error.message)
        throw error
      }
    },
  }
}
