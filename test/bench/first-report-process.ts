/**
 * One advice report in a fresh process: the time from before the report modules are loaded to
 * the finished PDF (module loading, font parsing, charts, layout). The report bench runs it as a
 * child process twice: built the way the headless command and the desktop app's report worker are
 * built (bin/build-cli.mjs into out/bench/: the rules, zod, decimal.js and ECharts in one bundle,
 * pdfmake and the signing libraries from node_modules), and from source through the tsx loader
 * (what a developer's `npm run bench` process loads). Prints {"firstReportMs": …, "firstReportCpuMs": …}.
 */
import { readFileSync } from 'node:fs'

const start = performance.now()
const cpuStart = process.cpuUsage()
const { advise } = await import('../../shared/rules/advise')
const { parseClientCase } = await import('../../shared/schema/case')
const { renderAdviceReport } = await import('../../src-main/reports')
const parsed = parseClientCase(JSON.parse(readFileSync(new URL('../../resources/cases/starter.json', import.meta.url), 'utf8')))
if (!parsed.ok) throw new Error('the starter case is invalid')
const adviser = JSON.parse(readFileSync(new URL('../../resources/advisers/sample-adviser.json', import.meta.url), 'utf8'))
await renderAdviceReport({ clientCase: parsed.value, result: advise(parsed.value), adviser, reportDate: '2030-01-15' })
const cpu = process.cpuUsage(cpuStart)
process.stdout.write(JSON.stringify({ firstReportMs: Math.round(performance.now() - start), firstReportCpuMs: Math.round((cpu.user + cpu.system) / 1000) }) + '\n')
