/**
 * The report code built for the benchmark as the headless command is built (bin/build-cli.mjs:
 * one bundle with the rules, zod, decimal.js and ECharts; pdfmake and the signing libraries from
 * node_modules), into out/bench/: the fresh-process report and the report worker. Built once per
 * bench run, outside the timings.
 */
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'

const root = join(import.meta.dirname, '../..')
let built: Promise<{ firstReport: URL; reportWorker: URL }> | undefined

export function buildBenchBundle(): Promise<{ firstReport: URL; reportWorker: URL }> {
  built ??= (async () => {
    const { buildCli } = (await import(pathToFileURL(join(root, 'bin/build-cli.mjs')).href)) as {
      buildCli(options: { folder: string; entryPoints: Record<string, string> }): Promise<void>
    }
    await buildCli({ folder: 'out/bench', entryPoints: { 'first-report': 'test/bench/first-report-process.ts', 'report-worker': 'src-main/reports/render-worker.ts' } })
    return { firstReport: pathToFileURL(join(root, 'out/bench/first-report.js')), reportWorker: pathToFileURL(join(root, 'out/bench/report-worker.js')) }
  })()
  return built
}
