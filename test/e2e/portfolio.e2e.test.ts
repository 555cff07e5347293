/**
 * The client book in a real browser (Debian's Chromium against the browser host): import a
 * generated CRM file of 2,000 clients with a bad row and a duplicate (preview first, then import),
 * see the triage with its counts and progress, sort and filter the list, and check that the list
 * keeps only the rows in view in the page however long it is; export the list (a group as Excel,
 * everything as CSV) as downloads with formulas escaped, and read a client's full reasons. Screenshots in test-results/screenshots/.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generatePublisherKeys, signPack } from '../../src-main/params'
import { bookCsv } from '../portfolio/book'
import { buildRenderer, chromiumPath, openPage, screenshot, seriousViolations, startWorld, type E2eWorld } from './support'

const passphrase = 'klantenkring in de browser 2030'
/** A throwaway publisher key pair: the browser host is told to trust this public key. */
const keys = generatePublisherKeys()
const strangerKeys = generatePublisherKeys()
const packContent = {
  format: 'vangnet-parameterpakket',
  version: 1,
  id: '2027-01',
  label: 'Parameters januari 2027',
  publishedAt: '2026-12-01',
  scenarios: { 'raad-van-state-2025': { premiumRate: { value: '0.061', cite: { source: 'RB-2027', locator: 'artikel 2' }, effectiveFrom: '2030-01-01' } } },
  // A whole new bill version, extending the default one.
  versions: [
    {
      id: 'amendement-2026',
      extends: 'tweede-kamer-2026',
      label: { nl: 'Wetsvoorstel na amendement (december 2026)', en: 'Bill as amended (December 2026)' },
      shortLabel: { nl: 'Na amendement (dec. 2026)', en: 'As amended (Dec. 2026)' },
      verifiedThrough: '2026-12-10',
      values: { waitingDays: { value: 365, cite: { source: 'RB-2027', locator: 'artikel 4' }, effectiveFrom: '2030-01-01' } },
    },
  ],
  sources: [{ key: 'RB-2027', short: 'Regeling premie Baz 2030', title: 'Regeling vaststelling premiepercentage Baz', date: '2026-11-20', kind: 'primary' }],
}
const runIt = existsSync(chromiumPath) ? describe : describe.skip

runIt('client book in a real browser', () => {
  let world: E2eWorld
  let rendererDir: string

  beforeAll(async () => {
    rendererDir = await buildRenderer()
    world = await startWorld(rendererDir, { packPublicKey: keys.publicKey })
  }, 120_000)

  afterAll(async () => {
    await world?.close()
    if (rendererDir) rmSync(rendererDir, { recursive: true, force: true })
  })

  it('imports 2,000 clients and sorts them into groups', async () => {
    const { page, problems } = await openPage(world, { width: 1366, height: 768 })
    await page.waitForSelector('[data-testid="setup-passphrase"]')
    await page.getByTestId('setup-passphrase').fill(passphrase)
    await page.getByTestId('setup-confirm').fill(passphrase)
    await page.getByTestId('setup-name').fill('Anna de Adviseur')
    await page.getByTestId('setup-submit').click()
    await page.waitForSelector('[data-testid="welcome"]')
    await page.getByTestId('nav-portfolio').click()
    await page.waitForSelector('[data-testid="portfolio-summary"]')

    // A CRM export: 2,000 generated clients, one impossible birth date, one client twice.
    const lines = bookCsv(2000).trimEnd().split('\r\n')
    // One client whose name a spreadsheet would run as a formula: the export must keep it text.
    lines[10] = '"=SOM(1+1)";05-05-1980;DGA;€ 40.000,00;€ 41.000,00;;;;;;;'
    lines.push('Piet Fout;31-02-1975;zzp;€ 40.000,00;€ 41.000,00;;;;;;;', lines[5]!)
    await page.getByTestId('import-file').setInputFiles({ name: 'crm-export.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\r\n'), 'utf8') })
    await page.waitForSelector('[data-testid="import-preview"]', { timeout: 30_000 })
    await expect.poll(() => page.getByTestId('import-preview').textContent()).toContain('2.000 klanten worden geïmporteerd, 0 samengevoegd, 2 rijen overgeslagen')
    expect(await page.getByTestId('import-problems').textContent()).toContain('rij 2002: Geboortedatum "31-02-1975" is geen bestaande datum')
    await screenshot(page, 'portfolio-01-import-preview')

    await page.getByTestId('import-commit').click()
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 60_000 })
    await expect.poll(() => page.getByTestId('portfolio-summary').textContent(), { timeout: 120_000 }).toContain('2.000 klanten')
    const counts = await page.getByTestId('portfolio-groups').textContent()
    expect(counts).toMatch(/Geen dekking\s*\d/)
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'portfolio-02-groups')

    // Virtualised: a handful of rows in the page, not 2,000.
    const rendered = await page.locator('[data-testid="portfolio-list"] .viewport [role="row"]').count()
    expect(rendered).toBeGreaterThan(5)
    expect(rendered).toBeLessThan(40)
    // Sort by name, filter by a group.
    await page.getByRole('button', { name: 'Sorteer op Naam' }).click()
    const names = await page.locator('[data-testid="portfolio-list"] .viewport [role="row"] .name').allTextContents()
    // A name starting with a sign sorts before the letters.
    expect(names.slice(0, 2)).toEqual(['=SOM(1+1)', expect.stringMatching(/^Anna /)])
    await page.getByTestId('group-not-insured-group').click()
    const chips = await page.locator('[data-testid="portfolio-list"] .viewport [role="row"]').first().textContent()
    expect(chips).toContain('Buiten verzekerde groep')
    await page.locator('[data-testid="portfolio-list"] .viewport').evaluate((element) => (element.scrollTop = element.scrollHeight))
    await screenshot(page, 'portfolio-03-filtered')
    expect(await seriousViolations(page)).toEqual([])

    // Export the filtered group as Excel: a download of exactly that group, formulas kept as text.
    const groupCount = Number((await page.getByTestId('group-not-insured-group').locator('strong').textContent())!.replace(/\./g, ''))
    const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()])
    expect(xlsxDownload.suggestedFilename()).toMatch(/^klantenkring-tweede-kamer-2026-not-insured-group-\d{4}-\d\d-\d\d\.xlsx$/)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile((await xlsxDownload.path())!)
    const sheet = workbook.worksheets[0]!
    expect(sheet.rowCount).toBe(groupCount + 1)
    const groupsInFile = new Set(sheet.getColumn(3).values.slice(2))
    expect([...groupsInFile]).toEqual(['Buiten de verzekerde groep'])
    expect(sheet.getColumn(2).values).toContain("'=SOM(1+1)")
    await expect.poll(() => page.getByTestId('export-notice').textContent()).toContain('Gedownload: klantenkring-')

    // The whole list as CSV: every client and group, the formula escaped.
    await page.getByRole('button', { name: /^Alle groepen/ }).click()
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
    const csv = readFileSync((await csvDownload.path())!, 'utf8')
    expect(csv.startsWith('\ufeffKlantnummer;Naam;Groep;Reden\r\n')).toBe(true)
    expect(csv).toContain(";'=SOM(1+1);Buiten de verzekerde groep;")
    expect(csv).not.toMatch(/;=SOM/)
    expect(csv.trimEnd().split('\r\n').length - 1).toBe(Number((await page.getByTestId('portfolio-export').textContent())!.match(/\(([\d.]+) regels\)/)![1]!.replace(/\./g, '')))

    // The whole reason: two lines in the row, every reason in the tooltip and, on a click, below the list.
    const firstReason = page.locator('[data-testid="portfolio-list"] .viewport [role="row"] button.reason').first()
    const title = (await firstReason.getAttribute('title'))!
    expect(title.length).toBeGreaterThan(20)
    await firstReason.click()
    for (const reason of title.split('\n')) expect(await page.getByTestId('portfolio-details').textContent()).toContain(reason)
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'portfolio-05-reasons')
    expect(await seriousViolations(page)).toEqual([])

    // A signed parameter pack under Instellingen: a stranger's signature is refused, the publisher's
    // pack shows what it changes, is used, and the triage names the new parameter set.
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('pack-file').setInputFiles({ name: 'vreemd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(signPack(packContent, strangerKeys.privateKey))) })
    await expect.poll(() => page.getByTestId('pack-error').textContent()).toContain('handtekening van dit parameterpakket klopt niet')
    await page.getByTestId('pack-file').setInputFiles({ name: 'pakket.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(signPack(packContent, keys.privateKey))) })
    await expect.poll(() => page.getByTestId('pack-preview').textContent()).toContain('premiumRate "0.054" → "0.061"')
    await screenshot(page, 'portfolio-04-pack-preview')
    await page.getByTestId('pack-use').click()
    await expect.poll(() => page.getByTestId('packs-active').textContent()).toContain('Parameters januari 2027')
    await page.getByTestId('nav-portfolio').click()
    await expect.poll(() => page.getByTestId('portfolio-summary').textContent(), { timeout: 120_000 }).not.toContain('3fd7791754a4')
    // The pack's new bill version is a choice on the screen, and the book is triaged under it.
    const choices = () => page.getByTestId('portfolio-scenario').locator('option').allTextContents()
    expect(await choices()).toContain('Na amendement (dec. 2026)')
    await page.getByTestId('portfolio-scenario').selectOption('amendement-2026')
    await page.getByTestId('portfolio-run').click()
    await expect.poll(() => page.getByTestId('portfolio-summary').textContent(), { timeout: 120_000 }).toContain('2.000 klanten onder Na amendement (dec. 2026)')
    expect(await page.locator('[data-testid="portfolio-list"] .viewport').textContent()).toContain('365 dagen wachttijd')
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'portfolio-06-pack-version')
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('pack-rollback').click()
    await expect.poll(() => page.getByTestId('packs-active').textContent()).toContain('ingebouwde parameters')
    await page.getByTestId('nav-portfolio').click()
    await page.waitForSelector('[data-testid="portfolio-scenario"]')
    expect(await choices()).not.toContain('Na amendement (dec. 2026)')
    expect(problems).toEqual([])
    expect(world.internalErrors).toEqual([])
  }, 300_000)
})
