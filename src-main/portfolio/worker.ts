/**
 * A triage worker thread: evaluates its share of the client book with the same pure triage and
 * the same parameter update as the caller, reporting progress every slice.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { triageClient, type PortfolioClient, type TriagedClient } from '../../shared/portfolio/triage'
import { setParameterUpdate, type ParameterUpdate } from '../../shared/parameters/update'
import type { Language } from '../../shared/format'

export interface TriageJob {
  clients: PortfolioClient[]
  scenario: string
  today: string
  language: Language
  update: ParameterUpdate | null
}

export type TriageReply = { done: number } | { result: TriagedClient[] }

const job = workerData as TriageJob
setParameterUpdate(job.update)
const out: TriagedClient[] = []
for (const client of job.clients) {
  out.push(triageClient(client, { scenario: job.scenario, today: job.today, language: job.language }))
  if (out.length % 250 === 0) parentPort!.postMessage({ done: out.length } satisfies TriageReply)
}
parentPort!.postMessage({ result: out } satisfies TriageReply)
