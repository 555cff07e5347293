/**
 * Triage of a client book with one client per group of contract portfolio-v1, over a real vault:
 * the pure triage, the headless command (--json, --csv, --xlsx), formula-injection escaping, and
 * "herziening nodig" when the bill version changed since the last advice.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/index'
import { evaluateClients, evaluatePortfolio } from '../../src-main/portfolio'
import { createVault, openVault, vaultBook } from '../../src-main/store'
import { escapeCell } from '../../shared/portfolio/export'
import type { ImportedClient } from '../../shared/portfolio/import'
import type { GroupId, PortfolioReport } from '../../shared/portfolio/triage'
import { advise } from '../../shared/rules/advise'
import { defaultScenarioId, parseClientCase, type PrivatePolicy } from '../../shared/schema/case'
import { fastKdf, removeTempDirs, tempDir } from '../store/helpers'

const passphrase = 'triage-wachtwoord-1'
let dir: string
let db: string
const today = '2026-11-30'

const income = [
  { year: 2025, profit: 88000, wiaWage: 0 },
  { year: 2026, profit: 90000, wiaWage: 0 },
]
const goodPolicy: PrivatePolicy = {
  insurer: 'Voorbeeld',
  insuredAmount: 42000,
  waitingDays: 30,
  endAge: 'aow',
  disabilityThresholdPercent: 25,
  criterion: 'beroeps',
  medicalExclusions: false,
  annualPremium: 6000,
  premiumType: 'level',
  premiumIndexation: 0,
  taxDeductible: true,
  startDate: '2031-03-01',
}

function client(row: number, name: string, extra: Partial<ImportedClient> = {}): ImportedClient {
  return { row, name, birthDate: '1980-05-05', role: 'ib-ondernemer', email: null, phone: null, financialBuffer: null, income, existingPolicy: null, ...extra }
}

/** One client per group; names say where they belong. */
const book: ImportedClient[] = [
  client(2, 'Geen Dekking'),
  client(3, 'Opt-out Faalt', { existingPolicy: { ...goodPolicy, medicalExclusions: true } }),
  client(4, 'Overgang Kandidaat', { existingPolicy: { ...goodPolicy, startDate: '2015-01-01' } }),
  client(5, 'Stopt Vroeg', { existingPolicy: { ...goodPolicy, endAge: 60 } }),
  client(6, 'Dubbel Verzekerd', { existingPolicy: { ...goodPolicy, insuredAmount: 90000 } }),
  client(7, 'Kleine Buffer', { financialBuffer: 1000 }),
  client(8, 'De Dga', { role: 'dga' }),
  client(9, 'Oud Advies'),
  client(10, 'Alles Goed', { existingPolicy: goodPolicy }),
  client(11, '=HYPERLINK("http://x")', { role: 'dga' }),
]

beforeAll(async () => {
  dir = tempDir('vangnet-triage-')
  db = join(dir, 'kluis.db')
  const vault = await createVault(db, passphrase, { kdf: fastKdf, autoLockAfterMs: 0 })
  vault.clientImport.apply({ create: book, merge: [] })
  const old = vault.clients.list().find((entry) => entry.name === 'Oud Advies')!
  const parsed = parseClientCase({
    schemaVersion: 1,
    scenario: 'mkb-toets-2024',
    calculationYear: 2030,
    client: { name: 'Oud Advies', birthDate: '1980-05-05', role: 'ib-ondernemer' },
    income,
    disability: { age: 50, degree: 1 },
  })
  if (!parsed.ok) throw new Error('test case invalid')
  vault.adviceVersions.create({ clientId: old.id, case: parsed.value, result: advise(parsed.value), recommendation: JSON.stringify({ optionId: 'baz', motivation: 'Baz' }) })
  vault.lock()
}, 60_000)
afterAll(removeTempDirs)

async function report(scenario = 'raad-van-state-2025'): Promise<PortfolioReport> {
  const vault = await openVault(db, { passphrase }, { autoLockAfterMs: 0 })
  try {
    return (await evaluatePortfolio(vaultBook(vault).portfolio!, { scenario, today })).report
  } finally {
    vault.lock()
  }
}

function groupsOf(result: PortfolioReport, name: string): GroupId[] {
  return result.groups.filter((group) => group.clients.some((entry) => entry.name === name)).map((group) => group.id)
}

function reasonOf(result: PortfolioReport, name: string, group: GroupId): string {
  return result.groups.find((entry) => entry.id === group)!.clients.find((entry) => entry.name === name)!.reason
}

describe('portfolio triage: one client per group', () => {
  it('puts every client in its group with a one-line reason', async () => {
    const result = await report()
    expect(result.clients).toBe(book.length)
    expect(groupsOf(result, 'Geen Dekking')).toEqual(['no-cover'])
    expect(reasonOf(result, 'Geen Dekking', 'no-cover')).toMatch(/^Geen AOV: wordt verzekerd via de Baz; \d+ dagen wachttijd zonder uitkering, een gat van €\s[\d.]+,\d\d\.$/)
    expect(groupsOf(result, 'Opt-out Faalt')).toEqual(['aov-fails-opt-out'])
    expect(reasonOf(result, 'Opt-out Faalt', 'aov-fails-opt-out')).toContain('de polis heeft medische uitsluitingen')
    expect(groupsOf(result, 'Overgang Kandidaat')).toEqual(['transitional-candidate'])
    expect(reasonOf(result, 'Overgang Kandidaat', 'transitional-candidate')).toContain('de polis liep al op de peildatum')
    expect(groupsOf(result, 'Stopt Vroeg')).toEqual(['aov-fails-opt-out', 'aov-ends-before-aow'])
    // Born 1980-05-05: the AOV stops on 2040-05-05; the AOW date follows from the AOW table.
    expect(reasonOf(result, 'Stopt Vroeg', 'aov-ends-before-aow')).toMatch(/^AOV stopt op 60 jaar \(5 mei 2040\), AOW op .+: \d+ maanden zonder dekking\.$/)
    expect(groupsOf(result, 'Dubbel Verzekerd')).toContain('over-insured')
    expect(reasonOf(result, 'Dubbel Verzekerd', 'over-insured')).toMatch(/^Bij beide houden: Baz €.* \+ AOV €\s90\.000,00 = /)
    expect(groupsOf(result, 'Kleine Buffer')).toEqual(['no-cover', 'shortfall-exceeds-buffer'])
    expect(reasonOf(result, 'Kleine Buffer', 'shortfall-exceeds-buffer')).toMatch(/is groter dan de buffer van €\s1\.000,00\.$/)
    expect(groupsOf(result, 'De Dga')).toEqual(['not-insured-group'])
    expect(reasonOf(result, 'De Dga', 'not-insured-group')).toMatch(/directeur-grootaandeelhouder/)
    expect(groupsOf(result, 'Oud Advies')).toEqual(['no-cover', 'advice-outdated'])
    expect(reasonOf(result, 'Oud Advies', 'advice-outdated')).toMatch(/^Herziening nodig: advies versie 1 van .*; wetsvoorstel mkb-toets-2024 → raad-van-state-2025/)
    expect(groupsOf(result, "Alles Goed"), JSON.stringify(result.groups.map((g) => [g.id, g.clients.filter((c) => c.name === "Alles Goed")]))).toEqual(["no-action"])
    // Every client is somewhere; counts match the lists.
    for (const group of result.groups) expect(group.count).toBe(group.clients.length)
  }, 60_000)

  it('shows what changed for the chosen option, and nothing when the advice is current', async () => {
    const same = await report('mkb-toets-2024')
    expect(groupsOf(same, 'Oud Advies')).toEqual(['no-cover'])
    const changed = await report('consultatie-2024')
    expect(reasonOf(changed, 'Oud Advies', 'advice-outdated')).toMatch(/wetsvoorstel mkb-toets-2024 → consultatie-2024/)
  }, 60_000)
})

describe('portfolio triage on worker threads', () => {
  it('gives the same groups and reasons as in one thread, with progress', async () => {
    const vault = await openVault(db, { passphrase }, { autoLockAfterMs: 0 })
    try {
      const clients = vault.portfolio.load()
      const single = await evaluateClients(clients, { scenario: 'raad-van-state-2025', today, threads: 1 })
      const seen: number[] = []
      const spread = await evaluateClients(clients, { scenario: 'raad-van-state-2025', today, threads: 2, onProgress: (done) => seen.push(done) })
      expect(spread).toEqual(single)
      expect(seen.at(-1)).toBe(clients.length)
    } finally {
      vault.lock()
    }
  }, 60_000)

  it('spreads a book of many chunks over the threads and keeps the order, with progress per chunk', async () => {
    const vault = await openVault(db, { passphrase }, { autoLockAfterMs: 0 })
    try {
      const once = vault.portfolio.load()
      // Copies of each client, each its own id: more chunks (of 50 and more) than threads.
      const clients = Array.from({ length: Math.ceil(620 / once.length) }, (_, copy) => once.map((client) => ({ ...client, id: client.id + copy * 1000 }))).flat().slice(0, 620)
      const seen: number[] = []
      const spread = await evaluateClients(clients, { scenario: 'raad-van-state-2025', today, threads: 2, onProgress: (done) => seen.push(done) })
      expect(spread.map((row) => row.id)).toEqual(clients.map((client) => client.id))
      expect(spread).toEqual(await evaluateClients(clients, { scenario: 'raad-van-state-2025', today, threads: 1 }))
      expect(seen).toEqual([...seen].sort((a, b) => a - b))
      expect(seen.length).toBeGreaterThan(4)
      expect(seen.at(-1)).toBe(620)
    } finally {
      vault.lock()
    }
  }, 60_000)

  it('stops the threads when cancelled', async () => {
    const vault = await openVault(db, { passphrase }, { autoLockAfterMs: 0 })
    try {
      const once = vault.portfolio.load()
      const clients = Array.from({ length: 100 }, () => once).flat()
      const controller = new AbortController()
      const run = evaluateClients(clients, { scenario: 'raad-van-state-2025', today, threads: 2, signal: controller.signal, onProgress: () => controller.abort() })
      await expect(run).rejects.toThrow('Afgebroken.')
    } finally {
      vault.lock()
    }
  }, 60_000)

  it('starts the threads for a large book before it is read: evaluatePortfolio asks the book its size first', async () => {
    const vault = await openVault(db, { passphrase }, { autoLockAfterMs: 0 })
    try {
      const book = vaultBook(vault).portfolio
      const calls: string[] = []
      const { report } = await evaluatePortfolio(
        {
          count: async () => (calls.push('count'), book.count()),
          load: async () => (calls.push('load'), book.load()),
        },
        { scenario: 'raad-van-state-2025', today, threads: 2 },
      )
      expect(calls).toEqual(['count', 'load'])
      expect(await book.count()).toBe(report.clients)
      expect(report.groups.find((group) => group.id === 'advice-outdated')?.count).toBe(1)
    } finally {
      vault.lock()
    }
  }, 60_000)

  it('reports a worker that fails while the book is still being read as a failed run, not a crash', async () => {
    const vault = await openVault(db, { passphrase }, { autoLockAfterMs: 0 })
    // A worker that cannot start (as a broken installation would): its thread throws on loading.
    const execArgv = [...process.execArgv]
    process.execArgv.push('--import', 'data:text/javascript,throw new Error("kapotte worker")')
    try {
      const clients = await vaultBook(vault).portfolio.load()
      // The book is read slowly (an office server far away): the worker fails meanwhile.
      const slowLoad = () => new Promise<typeof clients>((resolve) => setTimeout(() => resolve(clients), 1500))
      await expect(evaluatePortfolio({ count: async () => clients.length, load: slowLoad }, { scenario: 'raad-van-state-2025', today, threads: 2 })).rejects.toThrow(/kapotte worker|triage worker stopped/)
    } finally {
      process.execArgv.splice(0, process.execArgv.length, ...execArgv)
      vault.lock()
    }
  }, 60_000)
})

describe('vangnet portfolio', () => {
  const env = { VANGNET_PASSPHRASE: passphrase }
  async function vangnet(args: string[]) {
    let stdout = ''
    let stderr = ''
    const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, cwd: dir })
    return { code, stdout, stderr }
  }

  it('--json prints the contract document', async () => {
    const { code, stdout, stderr } = await vangnet(['portfolio', '--db', 'kluis.db', '--json'])
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const document = JSON.parse(stdout) as PortfolioReport
    expect(document).toMatchObject({ scenario: defaultScenarioId, clients: book.length })
    expect(document.parameterHash).toMatch(/^[0-9a-f]{64}$/)
    const ids = document.groups.map((group) => group.id)
    for (const id of ['no-cover', 'aov-fails-opt-out', 'transitional-candidate', 'aov-ends-before-aow', 'over-insured', 'shortfall-exceeds-buffer', 'not-insured-group', 'advice-outdated', 'no-action']) expect(ids).toContain(id)
    for (const group of document.groups) for (const entry of group.clients) expect(entry).toEqual({ id: expect.any(Number), name: expect.any(String), reason: expect.any(String) })
  }, 60_000)

  it('--csv and --xlsx escape cells a spreadsheet would run as a formula', async () => {
    expect((await vangnet(['portfolio', '--db', 'kluis.db', '--csv', 'lijst.csv'])).code).toBe(0)
    const csv = readFileSync(join(dir, 'lijst.csv'), 'utf8')
    expect(csv.startsWith('\ufeffKlantnummer;Naam;Groep;Reden\r\n')).toBe(true)
    expect(csv).toContain(`;"'=HYPERLINK(""http://x"")";Buiten de verzekerde groep;`)
    expect(csv).not.toMatch(/;=HYPERLINK/)
    expect((await vangnet(['portfolio', '--db', 'kluis.db', '--xlsx', 'lijst.xlsx'])).code).toBe(0)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(join(dir, 'lijst.xlsx'))
    const names = workbook.worksheets[0]!.getColumn(2).values.filter((value): value is string => typeof value === 'string')
    expect(names).toContain(`'=HYPERLINK("http://x")`)
    for (const prefix of ['=', '+', '-', '@']) expect(escapeCell(`${prefix}1+1`)).toBe(`'${prefix}1+1`)
    expect(escapeCell('Jan de Vries')).toBe('Jan de Vries')
  }, 60_000)

  it('--lang en gives the reasons and group names in English, also from worker threads', async () => {
    const { code, stdout } = await vangnet(['portfolio', '--db', 'kluis.db', '--scenario', 'raad-van-state-2025', '--lang', 'en', '--json'])
    expect(code).toBe(0)
    const document = JSON.parse(stdout) as PortfolioReport
    expect(reasonOf(document, 'Oud Advies', 'advice-outdated')).toMatch(/^Review needed: advice version 1 of .*; bill version mkb-toets-2024 → raad-van-state-2025/)
    expect(document.groups.find((group) => group.id === 'no-cover')!.label).toBe('No cover: goes to the Baz')
    expect(reasonOf(document, 'Geen Dekking', 'no-cover')).toMatch(/^No AOV: will be insured by the Baz; \d+ days' waiting period without benefit, a gap of €[\d,]+\.\d\d\.$/)
    const vault = await openVault(db, { passphrase }, { autoLockAfterMs: 0 })
    try {
      const clients = vault.portfolio.load()
      const options = { scenario: 'raad-van-state-2025', today, language: 'en' as const }
      expect(await evaluateClients(clients, { ...options, threads: 2 })).toEqual(await evaluateClients(clients, { ...options, threads: 1 }))
    } finally {
      vault.lock()
    }
    const wrong = await vangnet(['portfolio', '--db', 'kluis.db', '--lang', 'de'])
    expect(wrong).toMatchObject({ code: 2, stderr: expect.stringContaining('--lang: kies nl of en, niet "de"') })
    for (const threads of ['0', '1,5', 'veel', '65']) {
      expect(await vangnet(['portfolio', '--db', 'kluis.db', '--threads', threads])).toMatchObject({ code: 2, stdout: '', stderr: `--threads: een heel getal van 1 tot 64, niet "${threads}".\n` })
    }
    expect(await vangnet(['portfolio', '--db', 'kluis.db', '--threads', 'x', '--lang', 'en'])).toMatchObject({ code: 2, stdout: '', stderr: '--threads: a whole number from 1 to 64, not "x".\n' })
    expect(await vangnet(['portfolio', '--db', 'kluis.db', '--scenario', 'wet-2099', '--lang', 'en'])).toMatchObject({ code: 2, stdout: '', stderr: expect.stringMatching(/^Unknown bill version "wet-2099"\. Choose from: /) })
    expect(JSON.parse((await vangnet(['portfolio', '--db', 'kluis.db', '--scenario', 'raad-van-state-2025', '--lang', 'en', '--json', '--threads', '2'])).stdout)).toEqual(document)
    const text = await vangnet(['portfolio', '--db', 'kluis.db', '--scenario', 'raad-van-state-2025', '--lang', 'en'])
    expect(text.stdout).toMatch(/^Client book under raad-van-state-2025: \d+ clients \(parameter set [0-9a-f]{12}\)\n/)
  }, 60_000)

  it('refuses an unknown bill version and a wrong passphrase plainly', async () => {
    const unknown = await vangnet(['portfolio', '--db', 'kluis.db', '--scenario', 'wet-2099'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('Onbekende versie van het wetsvoorstel "wet-2099"')
    let stderr = ''
    const code = await runCli(['portfolio', '--db', 'kluis.db'], { stdout: () => {}, stderr: (text) => (stderr += text), env: { VANGNET_PASSPHRASE: 'fout wachtwoord' }, cwd: dir })
    expect(code).toBe(3)
    expect(stderr).toBe('Onjuist wachtwoord.\n')
  }, 60_000)
})
