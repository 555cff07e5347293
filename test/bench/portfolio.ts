/**
 * Portfolio benchmark (issue 14): importing a generated 10,000-row CSV into an encrypted vault
 * (read, every row checked, one transaction) ≤ 5 s, and re-evaluating 10,000 clients (load the
 * book, triage each under the default bill version) ≤ 3 s, on this 2-core machine.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { importClients } from '../../src-main/import'
import { evaluatePortfolio } from '../../src-main/portfolio'
import { createVault, vaultBook } from '../../src-main/store'
import { defaultScenarioId } from '../../shared/schema/case'
import { bookCsv } from '../portfolio/book'
import type { BenchSection } from './section'

export const portfolioBench: BenchSection = {
  name: 'portfolio',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'vangnet-bench-'))
    try {
      const vault = await createVault(join(dir, 'kluis.db'), 'benchmark wachtwoord', { autoLockAfterMs: 0 })
      const bytes = Buffer.from(bookCsv(10_000), 'utf8')
      const importStart = performance.now()
      const imported = await importClients(vaultBook(vault).clientImport!, { fileName: 'klanten.csv', bytes, duplicates: 'skip', dryRun: false })
      const importSeconds = (performance.now() - importStart) / 1000
      if (imported.created !== 10_000) throw new Error(`import: ${imported.created} of 10,000 rows imported`)
      const evaluateStart = performance.now()
      const { report } = await evaluatePortfolio(vaultBook(vault).portfolio!, { scenario: defaultScenarioId })
      const evaluateSeconds = (performance.now() - evaluateStart) / 1000
      vault.lock()
      return {
        import10kSeconds: Math.round(importSeconds * 1000) / 1000,
        evaluate10kSeconds: Math.round(evaluateSeconds * 1000) / 1000,
        groups: report.groups.map((group) => `${group.id} ${group.count}`).join(', '),
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  },
}
