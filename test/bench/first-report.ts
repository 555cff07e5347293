/**
 * `npm run bench` section "firstReport": the first signed report of a session, as the desktop app
 * makes it (a fresh thread of the built report worker), cold and after the warm-up that runs when the vault is
 * unlocked. Target: warm first report ≤ 1 500 ms.
 */
import { readFileSync } from 'node:fs'
import { advise } from '../../shared/rules/advise'
import { parseClientCase } from '../../shared/schema/case'
import { createSelfSignedCertificate } from '../../src-main/reports'
import { startReportWorker } from '../../src-main/reports/worker-client'
import { reportPort } from '../../src-main/services/reports'
import { buildBenchBundle } from './bundle'
import type { BenchSection } from './section'

const round = (value: number) => Math.round(value)

export const firstReportBench: BenchSection = {
  name: 'firstReport',
  async run() {
    // The worker as the app starts it: its built file, not the TypeScript source through tsx.
    const built = await buildBenchBundle()
    const parsed = parseClientCase(JSON.parse(readFileSync(new URL('../report/fixtures/client-case.json', import.meta.url), 'utf8')))
    if (!parsed.ok) throw new Error('bench case is invalid')
    const clientCase = parsed.value
    const password = 'bench-certificaat'
    const p12 = createSelfSignedCertificate({ name: 'Bench Adviseur', passphrase: password })
    const request = {
      clientCase,
      result: advise(clientCase),
      adviser: { name: 'Bench Adviseur', firm: 'Bench B.V.', afmNumber: '12345678', kifidNumber: '' },
      recommendation: { optionId: 'baz' as const, motivation: 'Bench.' },
      reportDate: '2030-01-15',
      language: 'nl' as const,
      appVersion: 'bench',
      certificate: { p12: Buffer.from(p12), password, selfSigned: true },
    }

    async function firstReport(warmFirst: boolean): Promise<{ firstMs: number; warmUpMs: number; secondMs: number }> {
      const worker = startReportWorker(built.reportWorker)
      try {
        const port = reportPort({ render: (job) => worker.render(job) })
        const warmStart = performance.now()
        if (warmFirst) await port.warm?.()
        const warmUpMs = performance.now() - warmStart
        const start = performance.now()
        const pdf = await port.makeSigned(request)
        if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF')
        const firstMs = performance.now() - start
        const again = performance.now()
        await port.makeSigned(request)
        return { firstMs, warmUpMs, secondMs: performance.now() - again }
      } finally {
        await worker.close()
      }
    }

    const cold = await firstReport(false)
    const warm = await firstReport(true)
    return {
      coldFirstReportMs: round(cold.firstMs),
      warmUpAfterUnlockMs: round(warm.warmUpMs),
      firstReportAfterWarmUpMs: round(warm.firstMs),
      secondReportMs: round(warm.secondMs),
    }
  },
}
