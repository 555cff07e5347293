/**
 * Rules benchmark: one full comparison with projections (median over many runs), and a batch of
 * 10,000 random valid cases. Targets (issue 10): ≤ 0,5 ms median per case, ≤ 5 s per 10,000 cases on a
 * 2-core machine; the batch is reported both spread over the cores and on a single thread.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { advise } from '../../shared/rules/advise'
import { parseClientCase, type ClientCase } from '../../shared/schema/case'
import { median, type BenchSection } from './section'

function loadSample(name: string): ClientCase {
  const parsed = parseClientCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/cases', name), 'utf8')))
  if (!parsed.ok) throw new Error(`sample case ${name} is invalid`)
  return parsed.value
}

/** A deterministic pseudo-random generator, so every run measures the same 10,000 cases. */
function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

export function randomCases(count: number, seed = 42): ClientCase[] {
  const random = seeded(seed)
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!
  const templates = ['starter.json', 'high-earner.json', 'hybrid-worker.json', 'existing-aov.json', 'dga.json'].map(loadSample)
  const cases: ClientCase[] = []
  for (let index = 0; index < count; index++) {
    const template = pick(templates)
    const birthYear = 1965 + Math.floor(random() * 40)
    const calculationYear = 2025 + Math.floor(random() * 10)
    cases.push({
      ...template,
      scenario: pick(['mkb-toets-2024', 'consultatie-2024', 'raad-van-state-2025'] as const),
      calculationYear,
      client: { ...template.client, birthDate: `${birthYear}-0${1 + Math.floor(random() * 9)}-15` },
      income: [1, 2, 3].map((back) => ({ year: calculationYear - back, profit: Math.round(random() * 15_000_000) / 100, wiaWage: random() < 0.2 ? Math.round(random() * 4_000_000) / 100 : 0 })),
      disability: { age: Math.max(calculationYear - birthYear, 18) + Math.floor(random() * 10), degree: Math.round(random() * 100) / 100, earnings: 0 },
    })
  }
  return cases
}

/** Runs a batch split over worker threads (one per core), as a batch job on this machine would. */
export async function parallelBatch(cases: ClientCase[], workers: number): Promise<number> {
  const execArgv = [...process.execArgv, '--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href]
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./rules-worker.ts', import.meta.url), { execArgv }))
  const runOn = (worker: Worker, slice: ClientCase[]) =>
    new Promise<number>((resolve, reject) => {
      worker.once('message', resolve)
      worker.once('error', reject)
      worker.postMessage(slice)
    })
  try {
    // Warm each worker (module loading and JIT) before the timed run.
    await Promise.all(pool.map((worker) => runOn(worker, cases.slice(0, 300))))
    const size = Math.ceil(cases.length / workers)
    const start = performance.now()
    await Promise.all(pool.map((worker, index) => runOn(worker, cases.slice(index * size, (index + 1) * size))))
    return (performance.now() - start) / 1000
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()))
  }
}

export const rulesBench: BenchSection = {
  name: 'rules',
  async run() {
    const sample = loadSample('existing-aov.json')
    for (let warm = 0; warm < 300; warm++) advise(sample)
    const durations: number[] = []
    for (let run = 0; run < 1000; run++) {
      const start = performance.now()
      advise(sample)
      durations.push(performance.now() - start)
    }
    const cases = randomCases(10_000)
    const batchStart = performance.now()
    for (const clientCase of cases) advise(clientCase)
    const singleThreadSeconds = (performance.now() - batchStart) / 1000
    const workers = Math.max(1, availableParallelism())
    const parallelSeconds = await parallelBatch(cases, workers)
    const round = (value: number) => Math.round(value * 1000) / 1000
    return {
      caseMedianMs: median(durations),
      // The batch as a batch job runs it: spread over one worker per core.
      batch10kSeconds: round(parallelSeconds),
      batch10kWorkers: workers,
      batch10kSingleThreadSeconds: round(singleThreadSeconds),
    }
  },
}
