/**
 * Worker thread entry: renders (and signs) advice reports away from the main thread, so the
 * desktop window stays responsive while pdfmake lays out a report. Started by worker-client.ts.
 */
import { parentPort } from 'node:worker_threads'
import { CertificateError, renderAdviceReport, type AdviceReportRequest, type CertificateProblem } from './index'

export interface RenderJob {
  id: number
  request: AdviceReportRequest
}

export type RenderReply = { id: number; pdf: Uint8Array } | { id: number; error: { name: string; message: string; certificateProblem?: CertificateProblem } }

parentPort?.on('message', (job: RenderJob) => {
  renderAdviceReport(job.request).then(
    (pdf) => parentPort?.postMessage({ id: job.id, pdf } satisfies RenderReply, [pdf.buffer as ArrayBuffer]),
    (error: unknown) => {
      const failure: Extract<RenderReply, { error: unknown }>['error'] =
        error instanceof CertificateError
          ? { name: error.name, message: error.message, certificateProblem: error.problem }
          : error instanceof Error
            ? { name: error.name, message: error.message }
            : { name: 'Error', message: String(error) }
      parentPort?.postMessage({ id: job.id, error: failure } satisfies RenderReply)
    },
  )
})
