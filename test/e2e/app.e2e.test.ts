/**
 * The desktop UI end to end, in Debian's Chromium against the browser host (built renderer + the
 * real services over a temporary encrypted vault): create the vault, add a client, fill the
 * intake (inline validation, autosave that survives a reload), compare, change an assumption and
 * see the figures move, explain a figure, present, save advice, make and sign the report, verify
 * it, lock and unlock, erase. Also keyboard-only through the main flow, an axe scan of every
 * screen, and screenshots of each screen in test-results/screenshots/.
 */
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { buildRenderer, chromiumPath, initialBundleGzipBytes, measureRecalc, median, rulesMedianInPage, openPage, screenshot, seriousViolations, startWorld, type E2eWorld } from './support'

const passphrase = 'zeven zonnige zeilboten in 2030'
const certificatePassword = 'handtekening-2030'
const runIt = existsSync(chromiumPath) ? describe : describe.skip

runIt('Vangnet in a real browser', () => {
  let world: E2eWorld
  let rendererDir: string
  const axe: Record<string, string[]> = {}

  async function scan(page: Page, name: string): Promise<void> {
    axe[name] = await seriousViolations(page)
    await screenshot(page, name)
  }

  async function expectSaved(page: Page): Promise<void> {
    await page.waitForSelector('[data-testid="save-state"][data-state="saved"]', { timeout: 5000 })
  }

  beforeAll(async () => {
    rendererDir = await buildRenderer()
    world = await startWorld(rendererDir)
  }, 120_000)

  afterAll(async () => {
    await world?.close()
    if (rendererDir) rmSync(rendererDir, { recursive: true, force: true })
  })

  it('runs the whole advice flow: vault → client → intake → compare → advice → signed report → verify', async () => {
    const { page, problems } = await openPage(world)

    // First run: the vault.
    await page.waitForSelector('[data-testid="setup-passphrase"]')
    await scan(page, '01-setup')
    await page.getByTestId('setup-passphrase').fill('kort')
    await page.getByTestId('setup-submit').click()
    await expect.poll(() => page.locator('.error').first().textContent()).toContain('12 tekens')
    await page.getByTestId('setup-passphrase').fill(passphrase)
    await expect.poll(() => page.locator('.meter-text').textContent()).toMatch(/sterk/)
    await page.getByTestId('setup-confirm').fill(passphrase)
    await page.getByTestId('setup-name').fill('Anna de Adviseur')
    await page.getByLabel('Kantoor').fill('Adviesbureau Zeewolde')
    await page.getByLabel('AFM-registratienummer').fill('12345678')
    await page.getByTestId('setup-submit').click()

    // Settings: a self-signed certificate for signing reports.
    await page.waitForSelector('[data-testid="welcome"]')
    await page.getByTestId('cert-password').fill(certificatePassword)
    await page.getByTestId('cert-confirm').fill(certificatePassword)
    await page.getByTestId('cert-create').click()
    await expect.poll(() => page.getByTestId('certificate-status').textContent(), { timeout: 15_000 }).toContain('zelf ondertekend')
    await scan(page, '02-settings')
    await page.getByTestId('to-clients').click()

    // Clients: empty list, then a new client.
    await page.waitForSelector('[data-testid="client-search"]')
    await scan(page, '03-clients-empty')
    await page.getByTestId('new-client-name').fill('Jan de Vries')
    await page.getByTestId('new-client-birth').fill('1985-03-14')
    await page.getByTestId('new-client-submit').click()

    // Intake: inline validation in Dutch, then complete, autosaved.
    await page.waitForSelector('[data-testid="intake-name"]')
    await page.getByTestId('income-profit-0').fill('veertigduizend')
    await page.getByTestId('income-profit-0').blur()
    await expect.poll(() => page.getByTestId('income-profit-error-0').textContent()).toContain('moet een getal zijn')
    await page.getByTestId('income-profit-0').fill('41.000')
    await page.getByTestId('income-profit-1').fill('44.500')
    await page.getByTestId('income-profit-2').fill('47.250,50')
    await expect(await page.getByTestId('income-profit-error-0').count()).toBe(0)
    await page.getByLabel('Doelen en wensen van de klant').fill('Inkomen beschermen; gezin met twee kinderen.')
    await page.getByLabel('Notities', { exact: true }).fill('Alleen voor de adviseur: klant twijfelt over broodfonds.')
    await page.getByTestId('intake-has-quote').check()
    await page.getByTestId('privateQuote-insured').fill('30000')
    await page.getByTestId('privateQuote-premium').fill('2.400')
    await page.getByTestId('privateQuote-start').fill('2026-01-01')
    await page.waitForSelector('[data-testid="intake-complete"]')
    await expectSaved(page)
    await scan(page, '04-intake')

    // Nothing typed is lost: reload the page and the dossier is as it was.
    await page.reload()
    await page.waitForSelector('[data-testid="intake-name"]')
    expect(await page.getByTestId('income-profit-2').inputValue()).toBe('47.250,50')
    expect(await page.getByLabel('Notities', { exact: true }).inputValue()).toContain('twijfelt')

    // Compare: the options side by side, charts, and live recalculation.
    await page.getByTestId('tab-compare').click()
    await page.waitForSelector('[data-testid="option-baz"]')
    await page.waitForSelector('[data-testid="chart-premium"] svg')
    await page.waitForSelector('[data-testid="chart-income"] svg')
    const premiumBefore = await page.getByTestId('premium-month-baz').textContent()
    expect(premiumBefore).toMatch(/^€\u00a0\d/)
    await scan(page, '05-compare')
    await page.getByTestId('assume-rate').fill('8')
    await expect.poll(() => page.getByTestId('premium-month-baz').textContent()).not.toBe(premiumBefore)
    const premiumAfter = await page.getByTestId('premium-month-baz').textContent()
    await page.getByTestId('assume-rate').fill('')
    await expect.poll(() => page.getByTestId('premium-month-baz').textContent()).toBe(premiumBefore)
    const benefitBefore = await page.getByTestId('benefit-baz').textContent()
    await page.getByTestId('assume-degree').fill('50')
    await expect.poll(() => page.getByTestId('benefit-baz').textContent()).not.toBe(benefitBefore)
    await page.getByTestId('assume-degree').fill('100')
    console.log(`[e2e] Baz premium per month ${premiumBefore} → ${premiumAfter} at 8 %`)

    // Keystroke to screen: every keystroke recalculates before the next frame.
    const timings = await measureRecalc(page, 'assume-growth', ['1', '1,', '1,5', '2', '2,5', '3', '2', '1', '0,5', '0', '1', '2', '3', '4', '3', '2', '1', '0', '1', '0', '2', '0', '3', '0', '1', '2', '0', '1', '0', '0'])
    const recalcMedianMs = Math.round(median(timings.domMs) * 100) / 100
    const frameMedianMs = Math.round(median(timings.frameMs) * 100) / 100
    const inRenderer = await rulesMedianInPage(page)
    mkdirSync(resolve('test-results'), { recursive: true })
    writeFileSync(resolve('test-results/ui-bench.json'), JSON.stringify({ recalcMedianMs, frameMedianMs, rulesMedianMs: inRenderer, samples: timings.domMs.length }) + '\n')
    console.log(`[e2e] keystroke → updated figures median ${recalcMedianMs} ms, → next frame ${frameMedianMs} ms (advise() alone ${inRenderer?.toFixed(2)} ms), ${timings.domMs.length} keystrokes`)
    // The latency is a measurement for `npm run bench` (target ≤ 16 ms), not a timed assertion:
    // a busy test machine must not fail the suite. The test checks that every keystroke was measured.
    expect(timings.domMs.length).toBe(30)
    await expectSaved(page)

    // The "uitleg" drawer shows the trace of a figure.
    await page.getByTestId('explain-premium-baz').click()
    await page.waitForSelector('dialog.drawer[open] .explain-node')
    expect(await page.locator('dialog.drawer .explain-sources').first().textContent()).toMatch(/Bron:/)
    await scan(page, '06-uitleg')
    await page.getByTestId('drawer-close').click()

    // Presentation mode: large type, no other clients, no adviser notes.
    await page.getByTestId('tab-present').click()
    await page.waitForSelector('[data-testid="presentation"] [data-testid="option-baz"]')
    await page.waitForSelector('[data-testid="presentation"] .chart svg')
    const shown = await page.locator('body').innerText()
    expect(shown).not.toContain('twijfelt')
    expect(shown).not.toContain('Klanten')
    expect(await page.locator('.topbar').count()).toBe(0)
    await scan(page, '07-presentation')
    await page.keyboard.press('Escape')
    await page.waitForSelector('[data-testid="assume-rate"]')

    // Advice: an immutable version, then the signed report, verified.
    await page.getByTestId('tab-advice').click()
    await page.getByTestId('advice-save').click()
    await expect.poll(() => page.locator('.advice-form .error').first().textContent()).toContain('kies de optie')
    await page.getByTestId('choose-opt-out').check()
    await page.getByTestId('advice-text').fill('De Baz dekt het basisrisico; een aanvullende AOV houdt het inkomen op peil.')
    await page.getByTestId('advice-save').click()
    await page.waitForSelector('[data-testid="version-1"]')
    await page.getByTestId('make-report-1').click()
    await page.getByTestId('report-password').fill('verkeerd-wachtwoord')
    await page.getByTestId('report-submit').click()
    await expect.poll(() => page.locator('dialog[open] .error').textContent(), { timeout: 15_000 }).toMatch(/wachtwoord/i)
    await page.getByTestId('report-password').fill(certificatePassword)
    await page.getByTestId('report-submit').click()
    await page.waitForSelector('[data-testid="verify-result-1"]', { timeout: 30_000 })
    expect(await page.getByTestId('verify-result-1').textContent()).toContain('Handtekening geldig')
    await page.getByTestId('saveas-report-1').click()
    await page.waitForSelector('[data-testid="advice-notice"]:has-text("Opgeslagen als")')
    const saved = join(world.dataDir, 'saved', 'Vangnet-advies-versie-1.pdf')
    expect(readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    await page.getByTestId('open-report-1').click()
    await expect.poll(() => existsSync(join(world.dataDir, 'opened', 'Vangnet-advies-versie-1.pdf'))).toBe(true)
    // A second version records what changed.
    await page.getByTestId('choose-baz').check()
    await page.getByTestId('advice-text').fill('Alleen de Baz: de buffer dekt de wachttijd.')
    await page.getByTestId('advice-save').click()
    await page.waitForSelector('[data-testid="version-2"]')
    expect(await page.getByTestId('version-2').textContent()).toContain('Gekozen optie')
    await scan(page, '08-advice')

    // Lock and unlock: wrong passphrase first.
    await page.getByTestId('lock').click()
    await page.waitForSelector('[data-testid="unlock-passphrase"]')
    await page.getByTestId('unlock-passphrase').fill('niet het goede wachtwoord')
    await page.getByTestId('unlock-submit').click()
    await expect.poll(() => page.getByTestId('unlock-error').textContent()).toContain('Onjuist wachtwoord')
    await scan(page, '09-unlock')
    await page.getByTestId('unlock-passphrase').fill(passphrase)
    await page.getByTestId('unlock-submit').click()
    // Unlocking returns to the screen the adviser was on.
    await page.waitForSelector('[data-testid="advice-text"]')
    await page.getByTestId('nav-clients').click()
    await page.waitForSelector('[data-testid="client-list"] a')

    // Instant search, and the AVG erase with its explanation.
    await page.getByTestId('client-search').fill('vries')
    await expect.poll(() => page.getByTestId('client-list').textContent()).toContain('Jan de Vries')
    await page.getByTestId('client-search').fill('xyz')
    await expect.poll(() => page.getByTestId('client-list').textContent()).toContain('Geen klant gevonden')
    await page.getByTestId('client-search').fill('')
    await page.getByRole('button', { name: 'Jan de Vries wissen' }).click()
    await page.waitForSelector('dialog[open] [data-testid="erase-confirm"]')
    await scan(page, '10-erase')
    await page.getByTestId('erase-confirm').fill('Jan de Vries')
    await page.getByTestId('erase-submit').click()
    await expect.poll(() => page.getByTestId('client-list').textContent()).toContain('Nog geen klanten')

    expect(problems).toEqual([])
    expect(world.internalErrors).toEqual([])
  }, 120_000)

  it('goes through the main flow with the keyboard only', async () => {
    const { page, problems } = await openPage(world)
    const focusNext = async (selector: string): Promise<void> => {
      for (let presses = 0; presses < 80; presses++) {
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
        await page.keyboard.press('Tab')
      }
      throw new Error(`could not reach ${selector} with Tab`)
    }
    // Start locked (the previous test left the vault open): lock from the keyboard.
    await page.waitForSelector('[data-testid="lock"]')
    await focusNext('[data-testid="lock"]')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid="unlock-passphrase"]')
    await focusNext('[data-testid="unlock-passphrase"]')
    await page.keyboard.type(passphrase)
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid="client-search"]')
    await focusNext('[data-testid="new-client-name"]')
    await page.keyboard.type('Fatima El Amrani')
    await page.keyboard.press('Tab')
    await page.keyboard.type('14031990')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid="intake-name"]')
    for (const index of [0, 1, 2]) {
      await focusNext(`[data-testid="income-profit-${index}"]`)
      await page.keyboard.type(String(52_000 + index * 1000))
    }
    await page.waitForSelector('[data-testid="intake-complete"]')
    await focusNext('[data-testid="tab-compare"]')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid="option-opt-out"]')
    const before = await page.getByTestId('premium-month-baz').textContent()
    await focusNext('[data-testid="assume-rate"]')
    await page.keyboard.type('7')
    await expect.poll(() => page.getByTestId('premium-month-baz').textContent()).not.toBe(before)
    // The drawer opens and closes from the keyboard, and focus is visible.
    await focusNext('[data-testid="explain-premium-baz"]')
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
    expect(outline).not.toBe('none')
    await page.keyboard.press('Enter')
    await page.waitForSelector('dialog.drawer[open]')
    await page.keyboard.press('Escape')
    await page.waitForSelector('dialog.drawer[open]', { state: 'detached' })
    await focusNext('[data-testid="tab-advice"]')
    await page.keyboard.press('Enter')
    await focusNext('[data-testid="choose-baz"]')
    await page.keyboard.press('Space')
    await focusNext('[data-testid="advice-text"]')
    await page.keyboard.type('Advies met alleen het toetsenbord vastgelegd.')
    await focusNext('[data-testid="advice-save"]')
    await page.keyboard.press('Enter')
    await page.waitForSelector('[data-testid="version-1"]')
    await screenshot(page, '11-keyboard-advice')
    expect(problems).toEqual([])
  }, 90_000)

  it('switches to English and back, and unlocks with "onthoud op dit apparaat"', async () => {
    const { page, problems } = await openPage(world)
    await page.waitForSelector('[data-testid="nav-settings"]')
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('language').selectOption('en-GB')
    await page.getByRole('button', { name: 'Opslaan' }).last().click()
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Settings')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await scan(page, '12-settings-en')
    await page.getByTestId('language').selectOption('nl-NL')
    await page.getByRole('button', { name: 'Save' }).last().click()
    await expect.poll(() => page.locator('h1').first().textContent()).toBe('Instellingen')

    await page.getByTestId('lock').click()
    await page.getByTestId('unlock-passphrase').fill(passphrase)
    await page.getByLabel('Onthoud op dit apparaat').check()
    await page.getByTestId('unlock-submit').click()
    await page.waitForSelector('[data-testid="settings-save"]')
    await page.getByTestId('lock').click()
    await page.getByRole('button', { name: 'Ontgrendelen met dit apparaat' }).click()
    await page.waitForSelector('[data-testid="settings-save"]')
    expect(problems).toEqual([])
  }, 60_000)

  it('keeps the initial renderer bundle within 400 KB gzipped', () => {
    const { bytes, files } = initialBundleGzipBytes(rendererDir)
    console.log(`[e2e] initial renderer bundle ${(bytes / 1024).toFixed(1)} KB gzipped (${files.join(', ')})`)
    expect(bytes).toBeLessThanOrEqual(400 * 1024)
  })

  it('has no serious or critical axe violation on any screen', () => {
    expect(Object.keys(axe).length).toBeGreaterThanOrEqual(11)
    expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((name) => [name, []])))
  })
})
