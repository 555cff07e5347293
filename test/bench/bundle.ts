/**
 * The code built for the benchmark as the headless command is built (bin/build-cli.mjs: one
 * bundle with the rules, zod, decimal.js and ECharts; pdfmake, the signing libraries and the
 * native SQLite module from node_modules), into out/bench/: the fresh-process report and the
 * report worker, and the fresh-process triage of a client book with its worker thread. Built once
 * per bench run, outside the timings.
 */
import { pathToFileURL } from 'node:url'
import { join } from 'node:path'

const root = join(import.meta.dirname, '../..')

export interface BenchBundle {
  firstReport: URL
  reportWorker: URL
  /** The fresh-process triage of a client book; its worker threads run portfolio-worker.js beside it. */
  portfolioEvaluate: URL
}

let built: Promise<BenchBundle> | undefined

export function buildBenchBundle(): Promise<BenchBundle> {
  built ??= (async () => {
    const { buildCli } = (await import(pathToFileURL(join(root, 'bin/build-cli.mjs')).href)) as {
      buildCli(options: { folder: string; entryPoints: Record<string, string> }): Promise<void>
    }
    await buildCli({
      folder: 'out/bench',
      entryPoints: {
        'first-report': 'test/bench/first-report-process.ts',
        'report-worker': 'src-main/reports/render-worker.ts',
        'portfolio-evaluate': 'test/bench/portfolio-process.ts',
        'portfolio-worker': 'src-main/portfolio/worker.ts',
      },
    })
    const url = (name: string) => pathToFileURL(join(root, `out/bench/${name}.js`))
    return { firstReport: url('first-report'), reportWorker: url('report-worker'), portfolioEvaluate: url('portfolio-evaluate') }
  })()
  return built
}
