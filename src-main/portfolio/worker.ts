/**
 * A triage worker thread: evaluates the chunks of the client book it is sent with the same pure
 * triage and the same parameter update as the caller, and answers each chunk with its rows only
 * (id, name and the groups with their reasons: small to copy back). It is started before the book
 * is read, so its modules load while the caller's thread reads the vault.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { triageClient, type PortfolioClient, type TriagedClient } from '../../shared/portfolio/triage'
import { setParameterUpdate, type ParameterUpdate } from '../../shared/parameters/update'
import type { Language } from '../../shared/format'

/** What every chunk is evaluated under, given when the worker starts. */
export interface TriageSettingsData {
  scenario: string
  today: string
  language: Language
  update: ParameterUpdate | null
}

/** One chunk of clients to evaluate; the reply carries the rows in the same order. */
export interface TriageChunk {
  clients: PortfolioClient[]
}

export interface TriageReply {
  rows: TriagedClient[]
}

const settings = workerData as TriageSettingsData
setParameterUpdate(settings.update)
parentPort!.on('message', (chunk: TriageChunk) => {
  const rows = chunk.clients.map((client) => triageClient(client, { scenario: settings.scenario, today: settings.today, language: settings.language }))
  parentPort!.postMessage({ rows } satisfies TriageReply)
})
