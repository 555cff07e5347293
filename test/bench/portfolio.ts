/**
 * Portfolio benchmark (issue 14): importing a generated 10,000-row CSV into an encrypted vault
 * (read, every row checked, one transaction) ≤ 5 s, and re-evaluating 10,000 clients ≤ 3 s, on
 * this 2-core machine.
 *
 * The re-evaluation is timed as a user runs it: in a fresh process of the built code
 * (test/bench/portfolio-process.ts, built by bin/build-cli.mjs into out/bench/ with the triage
 * worker as portfolio-worker.js beside it, as `vangnet portfolio` and the app run it), from after
 * the vault is unlocked to the finished report: the book's bulk read from the encrypted vault,
 * the worker threads starting and loading the rules, every client's triage under the default bill
 * version (the rules run once per client), and the rows coming back. Median of three runs, with
 * the CPU time of the same runs (on a shared machine wall time also measures other people's work).
 * The same run from source through tsx (what a developer's process loads: each worker compiles
 * the TypeScript itself) is printed beside it, once.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { importClients } from '../../src-main/import'
import { createVault, vaultBook } from '../../src-main/store'
import { bookCsv } from '../portfolio/book'
import { buildBenchBundle } from './bundle'
import { median, type BenchSection } from './section'

interface EvaluateFigures {
  evaluateSeconds: number
  loadSeconds: number
  cpuSeconds: number
  clients: number
  groups: string
}

export const portfolioBench: BenchSection = {
  name: 'portfolio',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'vangnet-bench-'))
    const passphrase = 'benchmark wachtwoord'
    try {
      const path = join(dir, 'kluis.db')
      const vault = await createVault(path, passphrase, { autoLockAfterMs: 0 })
      const bytes = Buffer.from(bookCsv(10_000), 'utf8')
      const importStart = performance.now()
      const imported = await importClients(vaultBook(vault).clientImport, { fileName: 'klanten.csv', bytes, duplicates: 'skip', dryRun: false })
      const importSeconds = (performance.now() - importStart) / 1000
      if (imported.created !== 10_000) throw new Error(`import: ${imported.created} of 10,000 rows imported`)
      vault.lock()

      const evaluate = (args: string[]): EvaluateFigures => {
        const figures = JSON.parse(execFileSync(process.execPath, [...args, path, passphrase], { encoding: 'utf8' })) as EvaluateFigures
        if (figures.clients !== 10_000) throw new Error(`evaluate: ${figures.clients} of 10,000 clients`)
        return figures
      }
      const built = await buildBenchBundle()
      const runs = [0, 1, 2].map(() => evaluate([fileURLToPath(built.portfolioEvaluate)]))
      const fromSource = evaluate(['--import', 'tsx', fileURLToPath(new URL('./portfolio-process.ts', import.meta.url))])
      return {
        import10kSeconds: Math.round(importSeconds * 1000) / 1000,
        evaluate10kSeconds: median(runs.map((run) => run.evaluateSeconds)),
        evaluate10kCpuSeconds: median(runs.map((run) => run.cpuSeconds)),
        evaluate10kLoadSeconds: median(runs.map((run) => run.loadSeconds)),
        evaluate10kFromSourceSeconds: fromSource.evaluateSeconds,
        // What the timed runs found: the same groups from source and built, or the figures mean nothing.
        groups: runs.every((run) => run.groups === fromSource.groups) ? fromSource.groups : `differ: ${runs.map((run) => run.groups).join(' | ')} | ${fromSource.groups}`,
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
}
