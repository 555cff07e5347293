/**
 * The Klantenkring screen's export through the services (portfolio:export): the list of the run
 * on screen, all groups or one, as CSV or Excel with the same rows and escaping as
 * `vangnet portfolio --csv/--xlsx`; through the desktop's save dialog when there is one, as a
 * download for the browser host otherwise; refused for a list that is no longer on screen.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../src-main/services/dispatch'
import type { DesktopPort, Services } from '../../src-main/services'
import { testServices } from '../store/helpers'
import type { IpcResponse, PortfolioExport, PortfolioStep } from '../../shared/ipc'

const file = [
  'Naam;Geboortedatum;Rol;Winst 2025;Winst 2026;Verzekeraar;Verzekerd bedrag;Eigen risico;Eindleeftijd;Ingangsdatum;Jaarpremie',
  'Jan de Vries;14-03-1985;zzp;€ 60.000,00;€ 62.000,00;;;;;;',
  '"=HYPERLINK(""http://x"")";05-05-1980;DGA;€ 40.000,00;€ 41.000,00;;;;;;',
  '+Piet Plus;01-01-1975;zzp;€ 50.000,00;€ 51.000,00;Movir;€ 30.000,00;30;60;01-01-2015;€ 2.400,00',
].join('\r\n')

function world(desktop: DesktopPort) {
  const dir = mkdtempSync(join(tmpdir(), 'vangnet-export-'))
  const services = testServices(dir, { desktop })
  const call = (channel: string, payload: unknown) => dispatch(services.handlers, channel, payload) as Promise<IpcResponse<unknown>>
  async function value<T>(channel: string, payload: unknown): Promise<T> {
    const response = await call(channel, payload)
    if (!response.ok) throw new Error(`${channel}: ${response.error.message}`)
    return response.value as T
  }
  return { dir, services, call, value }
}

async function runToEnd(value: <T>(channel: string, payload: unknown) => Promise<T>): Promise<string> {
  const { runId } = await value<{ runId: string }>('portfolio:start', { scenario: 'tweede-kamer-2026' })
  for (;;) {
    const step = await value<PortfolioStep>('portfolio:step', { runId })
    if (step.view) return runId
  }
}

describe('portfolio:export', () => {
  const saved: { fileName: string; bytes: Buffer; filter: { name: string; extensions: string[] } }[] = []
  const desktop = world({
    openPdf: async () => true,
    savePdfAs: async () => null,
    saveFileAs: async (fileName, bytes, filter) => {
      saved.push({ fileName, bytes, filter })
      return `/gekozen/map/${fileName}`
    },
  })
  const browser = world({ openPdf: async () => true, savePdfAs: async () => null })
  let services: Services[] = []

  beforeAll(async () => {
    services = [desktop.services, browser.services]
    for (const { value } of [desktop, browser]) {
      await value('vault:create', { passphrase: 'een lange zin als wachtwoord', adviser: { name: 'Anna de Adviseur' }, remember: false })
      await value('import:run', { fileName: 'crm.csv', contentBase64: Buffer.from(file, 'utf8').toString('base64'), mapping: null, duplicates: 'skip', dryRun: false })
    }
  }, 60_000)
  afterAll(() => {
    for (const service of services) service.dispose()
    rmSync(desktop.dir, { recursive: true, force: true })
    rmSync(browser.dir, { recursive: true, force: true })
  })

  it('saves the whole list through the save dialog, formulas escaped', async () => {
    const runId = await runToEnd(desktop.value)
    const outcome = await desktop.value<PortfolioExport>('portfolio:export', { runId, format: 'csv', group: null })
    expect(outcome.download).toBeNull()
    expect(outcome.savedTo).toMatch(/^\/gekozen\/map\/klantenkring-tweede-kamer-2026-alle-\d{4}-\d\d-\d\d\.csv$/)
    const { bytes, filter } = saved.at(-1)!
    expect(filter).toEqual({ name: 'CSV', extensions: ['csv'] })
    const csv = bytes.toString('utf8')
    expect(csv.startsWith('\ufeffKlantnummer;Naam;Groep;Reden\r\n')).toBe(true)
    expect(csv).toContain(`;"'=HYPERLINK(""http://x"")";Buiten de verzekerde groep;`)
    expect(csv).toContain(";'+Piet Plus;AOV stopt vóór de AOW;")
    expect(csv).not.toMatch(/;=HYPERLINK|;\+Piet/)
    expect(csv).toMatch(/;Jan de Vries;Geen dekking: gaat naar de Baz;"Geen AOV: wordt verzekerd via de Baz; \d+ dagen/)
  }, 60_000)

  it('exports one group only when the list is filtered, as Excel', async () => {
    const runId = await runToEnd(desktop.value)
    await desktop.value<PortfolioExport>('portfolio:export', { runId, format: 'xlsx', group: 'aov-ends-before-aow' })
    const { fileName, bytes, filter } = saved.at(-1)!
    expect(fileName).toMatch(/-aov-ends-before-aow-.*\.xlsx$/)
    expect(filter).toEqual({ name: 'Excel', extensions: ['xlsx'] })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
    const rows = workbook.worksheets[0]!.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1))
    expect(rows[0]).toEqual(['Klantnummer', 'Naam', 'Groep', 'Reden'])
    expect(rows.slice(1).map((row) => [row[1], row[2]])).toEqual([["'+Piet Plus", 'AOV stopt vóór de AOW']])
  }, 60_000)

  it('hands the file to the window as a download in the browser host', async () => {
    const runId = await runToEnd(browser.value)
    const outcome = await browser.value<PortfolioExport>('portfolio:export', { runId, format: 'csv', group: 'not-insured-group' })
    expect(outcome.savedTo).toBeNull()
    expect(outcome.download).toMatchObject({ fileName: expect.stringMatching(/-not-insured-group-.*\.csv$/), mediaType: 'text/csv;charset=utf-8' })
    const csv = Buffer.from(outcome.download!.contentBase64, 'base64').toString('utf8')
    expect(csv.trimEnd().split('\r\n')).toHaveLength(2)
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`)
  }, 60_000)

  it('writes the reasons, group names and header in English when the screen is in English', async () => {
    await desktop.value('settings:save', { autoLockMinutes: 10, language: 'en-GB' })
    try {
      const runId = await runToEnd(desktop.value)
      await desktop.value<PortfolioExport>('portfolio:export', { runId, format: 'csv', group: 'no-cover' })
      const csv = saved.at(-1)!.bytes.toString('utf8')
      expect(csv).toMatch(/^\ufeffClient number;Name;Group;Reason\r\n1;Jan de Vries;No cover: goes to the Baz;"No AOV: will be insured by the Baz; \d+ days' waiting period without benefit, a gap of €[\d,]+\.\d\d\."\r\n$/)
    } finally {
      await desktop.value('settings:save', { autoLockMinutes: 10, language: 'nl-NL' })
    }
  }, 60_000)

  it('refuses a list that is no longer the one on screen, and after a lock', async () => {
    const first = await runToEnd(browser.value)
    await runToEnd(browser.value)
    expect(await browser.call('portfolio:export', { runId: first, format: 'csv', group: null })).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('niet meer actueel') } })
    expect(await browser.call('portfolio:export', { runId: first, format: 'pdf', group: null })).toMatchObject({ ok: false, error: { code: 'invalid-input' } })
    const current = await runToEnd(browser.value)
    await browser.value('vault:lock', {})
    expect(await browser.call('portfolio:export', { runId: current, format: 'csv', group: null })).toMatchObject({ ok: false, error: { code: 'locked' } })
  }, 60_000)
})
