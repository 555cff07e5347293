/**
 * The screens as an adviser uses them in a client meeting, in Debian's Chromium against the browser
 * host: nothing typed is lost (advice motivation across a tab switch, a reload and an automatic
 * lock; the settings screen saved as one), unlocking returns to the screen the adviser was on, and
 * the comparison fits the window (1366×768 and 1920×1080) without sideways scrolling.
 */
import { existsSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { buildRenderer, chromiumPath, openPage, screenshot, startWorld, type E2eWorld } from './support'

const passphrase = 'lange avonden aan de waddenzee'
const runIt = existsSync(chromiumPath) ? describe : describe.skip

runIt('screens for the client meeting', () => {
  let world: E2eWorld
  let rendererDir: string

  async function expectSaved(page: Page): Promise<void> {
    await page.waitForSelector('[data-testid="save-state"][data-state="saved"]', { timeout: 5000 })
  }

  async function unlock(page: Page): Promise<void> {
    await page.waitForSelector('[data-testid="unlock-passphrase"]')
    await page.getByTestId('unlock-passphrase').fill(passphrase)
    await page.getByTestId('unlock-submit').click()
  }

  /** A client with a complete intake (three profit years), on the intake screen. */
  async function newClient(page: Page, name: string): Promise<void> {
    await page.getByTestId('nav-clients').click()
    await page.getByTestId('new-client-name').fill(name)
    await page.getByTestId('new-client-birth').fill('14-03-1985')
    await page.getByTestId('new-client-submit').click()
    await page.waitForSelector('[data-testid="intake-name"]')
    for (const index of [0, 1, 2]) await page.getByTestId(`income-profit-${index}`).fill(String(48_000 + index * 2_000))
    await page.waitForSelector('[data-testid="intake-complete"]')
    await expectSaved(page)
  }

  beforeAll(async () => {
    rendererDir = await buildRenderer()
    world = await startWorld(rendererDir)
    const { page } = await openPage(world)
    await page.waitForSelector('[data-testid="setup-passphrase"]')
    await page.getByTestId('setup-passphrase').fill(passphrase)
    await page.getByTestId('setup-confirm').fill(passphrase)
    await page.getByTestId('setup-name').fill('Anna de Adviseur')
    await page.getByTestId('setup-submit').click()
    await page.waitForSelector('[data-testid="welcome"]')
    await page.context().close()
  }, 120_000)

  afterAll(async () => {
    await world?.close()
    if (rendererDir) rmSync(rendererDir, { recursive: true, force: true })
  })

  it('keeps the advice motivation across a tab switch and a reload, and makes no version when nothing changed', async () => {
    const { page, problems } = await openPage(world)
    await page.waitForSelector('[data-testid="nav-clients"]')
    await newClient(page, 'Sanne Smit')
    await page.getByTestId('tab-advice').click()
    await page.getByTestId('choose-baz').check()
    await page.getByTestId('advice-text').fill('De Baz volstaat: de klant heeft een buffer van een jaar.')
    // Type → switch tab → back.
    await page.getByTestId('tab-intake').click()
    await page.waitForSelector('[data-testid="intake-name"]')
    await page.getByTestId('tab-advice').click()
    expect(await page.getByTestId('advice-text').inputValue()).toBe('De Baz volstaat: de klant heeft een buffer van een jaar.')
    expect(await page.getByTestId('choose-baz').isChecked()).toBe(true)
    // Type → reload: the motivation was saved within half a second, encrypted with the dossier.
    await page.getByTestId('advice-text').fill('De Baz volstaat; buffer van een jaar.')
    await expectSaved(page)
    await page.reload()
    await page.waitForSelector('[data-testid="advice-text"]')
    expect(await page.getByTestId('advice-text').inputValue()).toBe('De Baz volstaat; buffer van een jaar.')
    // Save twice without a change: one version, and a plain notice.
    await page.getByTestId('advice-save').click()
    await page.waitForSelector('[data-testid="version-1"]')
    await page.getByTestId('advice-save').click()
    await expect.poll(() => page.getByTestId('advice-notice').textContent()).toContain('niets gewijzigd')
    expect(await page.locator('[data-testid^="version-"]').count()).toBe(1)
    expect(await page.getByTestId('version-1').textContent()).toMatch(/\d{1,2} \w+ \d{4} om \d{2}:\d{2}/)
    expect(problems).toEqual([])
    await page.context().close()
  }, 90_000)

  it('keeps the motivation through an automatic lock and returns to the advice screen after unlocking', async () => {
    const context = await world.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })
    const page = await context.newPage()
    // A controllable clock: ten idle minutes pass in a moment.
    await page.clock.install()
    await page.goto(world.host.url)
    await page.waitForSelector('[data-testid="nav-clients"]')
    await newClient(page, 'Pieter Post')
    await page.getByTestId('tab-advice').click()
    await page.getByTestId('choose-baz').check()
    await page.getByTestId('advice-text').fill('Typt en loopt weg van de laptop.')
    const adviceUrl = page.url()
    await page.clock.fastForward('11:00')
    await page.waitForSelector('[data-testid="unlock-passphrase"]')
    expect(await page.locator('.lead').textContent()).toContain('bewaard')
    await unlock(page)
    await page.waitForSelector('[data-testid="advice-text"]')
    expect(page.url()).toBe(adviceUrl)
    expect(await page.getByTestId('advice-text').inputValue()).toBe('Typt en loopt weg van de laptop.')
    // Locking by hand also returns to the same screen.
    await page.getByTestId('lock').click()
    await unlock(page)
    await page.waitForSelector('[data-testid="advice-text"]')
    expect(page.url()).toBe(adviceUrl)
    await context.close()
  }, 90_000)

  it('saves the adviser profile and the app settings with one Opslaan', async () => {
    const { page, problems } = await openPage(world)
    await page.waitForSelector('[data-testid="nav-settings"]')
    await page.getByTestId('nav-settings').click()
    await page.getByTestId('adviser-name').fill('Anna de Adviseur-Visser')
    await page.getByTestId('autolock').fill('15')
    expect(await page.getByRole('button', { name: 'Opslaan' }).count()).toBe(1)
    await page.getByTestId('settings-save').click()
    await page.waitForSelector('[data-testid="settings-message"]')
    await page.reload()
    await page.waitForSelector('[data-testid="adviser-name"]')
    await expect.poll(() => page.getByTestId('adviser-name').inputValue()).toBe('Anna de Adviseur-Visser')
    expect(await page.getByTestId('autolock').inputValue()).toBe('15')
    await screenshot(page, 'screens-settings-1366')
    expect(problems).toEqual([])
    await page.context().close()
  }, 60_000)
})
