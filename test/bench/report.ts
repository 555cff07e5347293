/**
 * Report benchmark (issues 5 and 11): the full advice report of the starter sample (decision page,
 * income picture with the needs chart, comparison, product sheet, appendix) warm, ≤ 400 ms median;
 * the first report in a fresh process (modules, fonts, charts, layout) of the built code, ≤ 1,5 s; signing
 * (certificate read + PAdES signature), ≤ 100 ms median; 100 reports in a batch without memory
 * growth (heap after GC, before and after).
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { advise } from '../../shared/rules/advise'
import { sourceDocuments } from '../../shared/parameters/sources'
import { buildAdviceReport } from '../../shared/report'
import { parseClientCase } from '../../shared/schema/case'
import { createSelfSignedCertificate, readSigningIdentity, renderAdviceReport } from '../../src-main/reports'
import { renderReportCharts } from '../../src-main/reports/charts'
import { renderPdf } from '../../src-main/reports/render'
import { addSignaturePlaceholder, signPlaceholder } from '../../src-main/reports/sign'
import { buildBenchBundle } from './bundle'
import { median, type BenchSection } from './section'

function collectGarbage(): void {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
  gc()
}

const adviser = { name: 'Bench Adviseur', firm: 'Bench B.V.', afmNumber: '12345678', kifidNumber: '300.000001' }

export const reportBench: BenchSection = {
  name: 'report',
  async run() {
    const parsed = parseClientCase(JSON.parse(readFileSync(new URL('../../resources/cases/starter.json', import.meta.url), 'utf8')))
    if (!parsed.ok) throw new Error('bench case is invalid')
    const clientCase = parsed.value
    const result = advise(clientCase)
    const request = { clientCase, result, adviser, reportDate: '2030-01-15' }

    // First: a fresh process, so nothing is warm yet; median of three. Built as the headless
    // command and the app's report worker are built (what a user's process loads), and from source
    // through the tsx loader (what a developer's process loads).
    const built = await buildBenchBundle()
    const script = fileURLToPath(new URL('./first-report-process.ts', import.meta.url))
    const fresh = (args: string[]) => {
      const wall: number[] = []
      const cpu: number[] = []
      for (let run = 0; run < 3; run++) {
        const figures = JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as { firstReportMs: number; firstReportCpuMs: number }
        wall.push(figures.firstReportMs)
        cpu.push(figures.firstReportCpuMs)
      }
      return { wall: median(wall), cpu: median(cpu) }
    }
    const firstBuilt = fresh([fileURLToPath(built.firstReport)])
    const firstFromSource = fresh(['--import', 'tsx', script])

    for (let warm = 0; warm < 5; warm++) await renderAdviceReport(request)
    const durations: number[] = []
    // CPU time as well: on a shared, overloaded machine wall time measures the queue, not the work.
    const cpu: number[] = []
    for (let run = 0; run < 15; run++) {
      const start = performance.now()
      const cpuStart = process.cpuUsage()
      await renderAdviceReport(request)
      const used = process.cpuUsage(cpuStart)
      durations.push(performance.now() - start)
      cpu.push((used.user + used.system) / 1000)
    }

    // Signing alone: read the .p12 and fill the placeholder of an already rendered report.
    const passphrase = 'bench'
    const p12 = createSelfSignedCertificate({ name: 'Bench Adviseur', passphrase })
    const identity = readSigningIdentity(p12, passphrase)
    const signingTime = new Date()
    const definition = buildAdviceReport({ ...request, language: 'nl', sources: sourceDocuments, charts: renderReportCharts(result, 'nl'), appVersion: 'bench' })
    const withPlaceholder = await renderPdf(definition, { beforeEnd: (document) => addSignaturePlaceholder(document, identity, { reason: 'bench', location: '', contactInfo: '', signingTime }) })
    for (let warm = 0; warm < 5; warm++) await signPlaceholder(Buffer.from(withPlaceholder), readSigningIdentity(p12, passphrase), signingTime)
    const signing: number[] = []
    for (let run = 0; run < 20; run++) {
      const copy = Buffer.from(withPlaceholder)
      const start = performance.now()
      await signPlaceholder(copy, readSigningIdentity(p12, passphrase), signingTime)
      signing.push(performance.now() - start)
    }

    // 100 reports in a row: the heap after a full GC must not grow with the number of reports.
    collectGarbage()
    const heapBefore = process.memoryUsage().heapUsed
    const batchStart = performance.now()
    let pages = 0
    for (let index = 0; index < 100; index++) {
      const pdf = await renderAdviceReport(index % 10 === 0 ? { ...request, signing: { p12, passphrase } } : request)
      if (index === 0) pages = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length
    }
    const batchSeconds = (performance.now() - batchStart) / 1000
    collectGarbage()
    const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20

    return {
      warmMedianMs: median(durations),
      warmCpuMedianMs: Math.round(median(cpu)),
      firstReportMs: firstBuilt.wall,
      firstReportCpuMs: firstBuilt.cpu,
      firstReportFromSourceMs: firstFromSource.wall,
      firstReportFromSourceCpuMs: firstFromSource.cpu,
      signMedianMs: median(signing),
      pages,
      batch100Seconds: Math.round(batchSeconds * 100) / 100,
      batch100HeapGrowthMb: Math.round(heapGrowthMb * 10) / 10,
    }
  },
}
