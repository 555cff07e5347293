/**
 * Renders advice reports in a worker thread (one long-lived worker: fonts and pdfmake stay warm
 * between reports). The desktop app's main process uses this; the headless command may call
 * renderAdviceReport directly, as it has no window to keep responsive.
 *
 * From source (tsx, vitest) the worker is the .ts file, loaded through tsx; a bundled main
 * process passes the URL of its built worker file.
 */
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { CertificateError } from './certificate'
import type { AdviceReportRequest } from './index'
import type { RenderJob, RenderReply } from './render-worker'

export interface ReportWorker {
  render(request: AdviceReportRequest): Promise<Uint8Array>
  close(): Promise<void>
}

export function startReportWorker(workerUrl: URL = new URL('./render-worker.ts', import.meta.url)): ReportWorker {
  const fromSource = workerUrl.pathname.endsWith('.ts')
  const execArgv = fromSource ? [...process.execArgv, '--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href] : process.execArgv
  const worker = new Worker(workerUrl, { execArgv })
  worker.unref()
  let nextId = 1
  const pending = new Map<number, { resolve: (pdf: Uint8Array) => void; reject: (error: Error) => void }>()
  worker.on('message', (reply: RenderReply) => {
    const job = pending.get(reply.id)
    if (!job) return
    pending.delete(reply.id)
    if (pending.size === 0) worker.unref()
    if ('pdf' in reply) job.resolve(reply.pdf)
    else job.reject(reply.error.certificateProblem ? new CertificateError(reply.error.certificateProblem) : new Error(reply.error.message))
  })
  worker.on('error', (error) => {
    for (const job of pending.values()) job.reject(error)
    pending.clear()
  })
  return {
    render(request) {
      const id = nextId++
      worker.ref()
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        worker.postMessage({ id, request } satisfies RenderJob)
      })
    },
    async close() {
      await worker.terminate()
    },
  }
}
