/**
 * The built headless command (bin/vangnet.mjs over out/cli/) gives the same answers as the
 * sources: the version, and the same advise-v1 document for a sample case. Speed is judged by
 * `npm run bench` (section cli), not here.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import packageJson from '../../package.json' with { type: 'json' }
import { runCli } from '../../src-main/cli/index'
import { importClients } from '../../src-main/import'
import { evaluatePortfolio } from '../../src-main/portfolio'
import { createVault, vaultBook } from '../../src-main/store'
import type { PortfolioReport } from '../../shared/portfolio/triage'
import { defaultScenarioId } from '../../shared/schema/case'
import { bookCsv } from '../portfolio/book'
import { fastKdf, removeTempDirs, tempDir } from '../store/helpers'

const root = join(import.meta.dirname, '../..')
const run = promisify(execFile)

describe('built vangnet command', () => {
  it('prints the version and the same advice as the sources', async () => {
    const version = await run(process.execPath, ['bin/vangnet.mjs', '--version'], { cwd: root })
    expect(version.stdout).toBe(`${packageJson.version}\n`)
    const built = await run(process.execPath, ['bin/vangnet.mjs', 'advise', 'resources/cases/existing-aov.json', '--json'], { cwd: root })
    let inProcess = ''
    await runCli(['advise', 'resources/cases/existing-aov.json', '--json'], { stdout: (text) => (inProcess += text), stderr: () => {}, env: {}, cwd: root })
    expect(built.stdout).toBe(inProcess)
  }, 60_000)

  it('exits 2 with a plain message for an unknown command', async () => {
    const failed = await run(process.execPath, ['bin/vangnet.mjs', 'bestaat-niet'], { cwd: root }).catch((error: { code: number; stderr: string }) => error)
    expect('code' in failed && failed.code).toBe(2)
    expect((failed as { stderr: string }).stderr).toContain('Onbekende opdracht "bestaat-niet"')
  }, 60_000)

  it('loads the office command (node-postgres stays outside the bundle) and answers bad options plainly', async () => {
    const failed = await run(process.execPath, ['bin/vangnet.mjs', 'office', 'status', '--bestaat-niet'], { cwd: root }).catch((error: { code: number; stderr: string }) => error)
    expect('code' in failed && failed.code).toBe(2)
    expect((failed as { stderr: string }).stderr).toContain('Ongeldige opties')
    expect((failed as { stderr: string }).stderr).not.toContain('Dynamic require')
  }, 60_000)

  afterAll(removeTempDirs)

  it('triages a large book on the built worker threads, also when Node runs with a process-wide option', async () => {
    // 2,100 clients on two threads (--threads 2: a two-core machine uses only one by default): this
    // one and the built portfolio-worker.js beside the command.
    const db = join(tempDir('vangnet-built-portfolio-'), 'kluis.db')
    const passphrase = 'gebouwd wachtwoord'
    const vault = await createVault(db, passphrase, { kdf: fastKdf, autoLockAfterMs: 0 })
    const today = new Date().toISOString().slice(0, 10)
    let expected: PortfolioReport
    try {
      await importClients(vaultBook(vault).clientImport, { fileName: 'klanten.csv', bytes: Buffer.from(bookCsv(2100)), duplicates: 'skip', dryRun: false })
      expected = (await evaluatePortfolio(vaultBook(vault).portfolio, { scenario: defaultScenarioId, today, threads: 1 })).report
    } finally {
      vault.lock()
    }
    // --v8-pool-size is an option of the whole process: handed to a worker explicitly, it stopped the worker from starting.
    const built = await run(process.execPath, ['--v8-pool-size=2', 'bin/vangnet.mjs', 'portfolio', '--db', db, '--json', '--threads', '2'], { cwd: root, env: { ...process.env, VANGNET_PASSPHRASE: passphrase } })
    expect(JSON.parse(built.stdout)).toEqual(expected)
    expect(built.stderr).toMatch(/Doorrekenen: 2\.100 van 2\.100 klanten\n$/)
  }, 120_000)
})
