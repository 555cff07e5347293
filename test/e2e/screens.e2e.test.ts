/**
 * The screens as an adviser uses them in a client meeting, in Debian's Chromium against the browser
 * host: nothing typed is lost (advice motivation across a tab switch, a reload and an automatic
 * lock; the settings screen saved as one), unlocking returns to the screen the adviser was on, and
 * the comparison fits the window (1366×768 and 1920×1080) without sideways scrolling.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { parseClientCase } from '../../shared/schema/case'
import { draftFromCase, validateDraft, type IntakeDraft } from '../../shared/intake/draft'
import { advise } from '../../shared/rules/advise'
import { allViolations, buildRenderer, chromiumPath, openPage, screenshot, startWorld, type E2eWorld } from './support'
import { nl } from '../../src-renderer/src/i18n/nl'
import { en } from '../../src-renderer/src/i18n/en'

/**
 * A high earner with a running AOV: three options possible (Baz, transitional law, keeping both) and
 * two not, each with its reason: the widest comparison the sample cases give.
 */
function widestDraft(name: string): Record<string, unknown> {
  const raw = JSON.parse(readFileSync(resolve('resources/cases/high-earner.json'), 'utf8')) as Record<string, unknown>
  raw['existingPolicy'] = { insurer: 'Bestaande verzekeraar', insuredAmount: 40_000, waitingDays: 30, endAge: 'aow', disabilityThresholdPercent: 25, criterion: 'beroeps', medicalExclusions: false, annualPremium: 5_200, startDate: '2016-01-01' }
  // The household's need, so the comparison and the presentation show the income picture.
  raw['household'] = { netMonthlyNeed: 4_200, partnerNetMonthly: 1_100, otherNetMonthly: 0 }
  ;(raw['assumptions'] as Record<string, unknown>)['benefitTaxRate'] = 0.4
  const parsed = parseClientCase(raw)
  if (!parsed.ok) throw new Error('sample case invalid')
  const draft = draftFromCase({ ...parsed.value, client: { ...parsed.value.client, name } })
  return JSON.parse(JSON.stringify(draft)) as Record<string, unknown>
}

/** The options the rules find possible for a draft, in the order the screen shows them. */
function possibleOptions(draft: Record<string, unknown>): string[] {
  const validation = validateDraft(draft as unknown as IntakeDraft)
  if (!validation.ok) throw new Error('draft invalid')
  return advise(validation.value).options.filter((option) => option.available).map((option) => `option-${option.id}`)
}

/**
 * The screens' own Dutch texts that differ in English, as fragments between placeholders (at least
 * 12 characters, so names shared by both languages such as "Baz" do not count): none may show on
 * an English screen.
 */
function dutchOnlyTexts(): string[] {
  const out: string[] = []
  const walk = (a: unknown, b: unknown): void => {
    if (typeof a === 'string') {
      if (a === b) return
      for (const part of a.split(/\{[^}]*\}/)) if (part.trim().length >= 12) out.push(part.trim())
      return
    }
    if (a && typeof a === 'object') for (const [key, value] of Object.entries(a)) walk(value, (b as Record<string, unknown> | undefined)?.[key])
  }
  walk(nl, en)
  return out
}

/** Two advice versions for a client (the second with another chosen option), through the API. */
async function saveTwoVersions(page: Page, id: number, draft: Record<string, unknown>): Promise<void> {
  const validation = validateDraft(draft as unknown as IntakeDraft)
  if (!validation.ok) throw new Error('draft invalid')
  const clientCase = validation.value
  await page.evaluate(
    async ({ id, clientCase }) => {
      for (const [chosenOption, recommendation] of [
        ['baz', 'Eerste advies.'],
        ['transitional', 'Tweede advies.'],
      ] as const) {
        const saved = await window.vangnet.saveAdvice({ clientId: id, clientCase, chosenOption, recommendation })
        if (!saved.ok) throw new Error(saved.error.message)
      }
    },
    { id, clientCase: JSON.parse(JSON.stringify(clientCase)) as typeof clientCase },
  )
}

/**
 * Dutch on a screen that should be English: the screens' own Dutch texts, common Dutch words, Dutch
 * month names and Dutch amounts (€ 1.234,56). Everything in the page counts, also closed parts and
 * text for screen readers; what the adviser typed (the client's data) does not.
 */
async function dutchOnScreen(page: Page, drafts: Record<string, unknown>[]): Promise<string[]> {
  const typed = drafts.flatMap((draft) => {
    const out: string[] = []
    const walk = (value: unknown): void => {
      if (typeof value === 'string' && value.trim().length > 2) out.push(value.trim())
      else if (value && typeof value === 'object') Object.values(value).forEach(walk)
    }
    walk(draft)
    return out
  })
  const text = await page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement
    // The adviser's own words on the screen (the advice text typed in Dutch) are not the app's.
    copy.querySelectorAll('textarea, input, .recommendation').forEach((element) => element.remove())
    // A citation names a Dutch document and its place in it, as the document does.
    copy.querySelectorAll('cite').forEach((element) => element.remove())
    // Runs of white space as one (a non-breaking space too: "€ 1.234,56" then reads "€ 1.234,56").
    return (copy.textContent ?? '').replace(/\s+/g, ' ')
  })
  // A source quoted word for word ("de aard van …") is the law's own Dutch, named as a quotation.
  let shown = text.replace(/"[^"]{0,400}"|“[^”]{0,400}”/g, ' ')
  for (const value of [...typed, 'Anna de Adviseur', 'Anna de Adviseur-Visser', 'Eerste advies.', 'Tweede advies.']) shown = shown.split(value).join(' ')
  const found: string[] = []
  for (const fragment of dutchOnlyTexts()) if (shown.includes(fragment)) found.push(fragment)
  const words = /\b(de|het|een|van|niet|voor|jaar|maand|maanden|dagen|uitkering|premie|verzekerd|wachttijd|klant|klanten|gegevens|opslaan|geen|naar|wordt|tot|leeftijd|aanvulling|overgangsrecht|bestaande|offerte|januari|februari|maart|mei|juni|juli|augustus|oktober)\b/gi
  for (const match of shown.matchAll(words)) found.push(`word "${match[0]}" in "…${shown.slice(Math.max(0, match.index - 40), match.index + 40)}…"`)
  for (const match of shown.matchAll(/€\s?-?\d{1,3}(\.\d{3})*,\d{2}(?!\d)|€\s-?\d/g)) found.push(`amount "${match[0]}" in "…${shown.slice(Math.max(0, match.index - 40), match.index + 40)}…"`)
  return found.slice(0, 20)
}

const viewports = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const

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

  it('keeps the transitional-law assumptions of a running AOV through a tab switch, a reload and a lock, and carries them into the case', async () => {
    const { page, problems } = await openPage(world)
    await page.waitForSelector('[data-testid="nav-clients"]')
    await newClient(page, 'Ria Overgang')
    await page.getByTestId('intake-has-existing').check()
    await page.getByTestId('existingPolicy-insured').fill('30.000')
    await page.getByTestId('existingPolicy-premium').fill('3.600')
    await page.getByTestId('existingPolicy-end-age').selectOption('65')
    await page.getByTestId('existingPolicy-start').fill('01-04-2015')
    await page.getByTestId('transitional-peildatum').fill('01-07-2026')
    await page.getByTestId('relax-end-age').check()
    await page.getByTestId('relax-medical-exclusions').check()
    await expectSaved(page)
    const expectKept = async () => {
      await page.waitForSelector('[data-testid="transitional-peildatum"]')
      expect(await page.getByTestId('transitional-peildatum').inputValue()).toBe('01-07-2026')
      expect(await page.getByTestId('relax-end-age').isChecked()).toBe(true)
      expect(await page.getByTestId('relax-medical-exclusions').isChecked()).toBe(true)
      expect(await page.getByTestId('relax-threshold').isChecked()).toBe(false)
    }
    // Carried into the case: the comparison marks the end age as relaxed under transitional law.
    await page.getByTestId('tab-compare').click()
    await page.waitForSelector('[data-testid="conditions-transitional"]')
    await page.getByTestId('conditions-transitional').locator('summary').click()
    const conditions = await page.getByTestId('conditions-transitional').innerText()
    expect(conditions).toContain('versoepeld (overgangsrecht)')
    expect(conditions).toContain('peildatum 1 juli 2026 (ingangsdatum 1 april 2015)')
    // Tab switch, reload, lock and unlock: still there.
    await page.getByTestId('tab-intake').click()
    await expectKept()
    await page.reload()
    await expectKept()
    await page.getByTestId('lock').click()
    await unlock(page)
    await expectKept()
    // And the vault's draft derives the same case in the main process.
    const relaxed = await page.evaluate(async () => {
      const id = Number(location.hash.match(/clients\/(\d+)/)?.[1])
      const record = await window.vangnet.getClient({ id })
      if (!record.ok) throw new Error(record.error.message)
      return (record.value.draft as { assumptions: { transitionalRelaxed: string[]; transitionalPeildatum: string } }).assumptions
    })
    expect(relaxed.transitionalRelaxed).toEqual(['end-age', 'medical-exclusions'])
    expect(relaxed.transitionalPeildatum).toBe('2026-07-01')
    expect(problems).toEqual([])
    await page.context().close()
  }, 90_000)

  it('every intake field comes back as typed after a reload', async () => {
    const { page, problems } = await openPage(world)
    await page.waitForSelector('[data-testid="nav-clients"]')
    await newClient(page, 'Alle Velden')
    // Tick every box (which opens the policies, the quotes and the broodfonds), then fill every
    // field that shows, until no new field appears; then read every field back by its label.
    const fill = () =>
      page.evaluate(async () => {
        const visible = () =>
          [...document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('.intake input, .intake select, .intake textarea')].filter(
            (element) => element.offsetParent !== null && element.type !== 'date' && !element.dataset['filled'],
          )
        let n = 0
        for (let pass = 0; pass < 6; pass++) {
          for (const details of document.querySelectorAll('.intake details')) (details as HTMLDetailsElement).open = true
          const fresh = visible()
          if (fresh.length === 0) break
          for (const element of fresh) {
            n += 1
            element.dataset['filled'] = 'yes'
            if (element instanceof HTMLInputElement && element.type === 'checkbox') {
              element.click()
            } else if (element instanceof HTMLSelectElement) {
              element.value = element.options[element.options.length - 1]!.value
              element.dispatchEvent(new Event('change', { bubbles: true }))
            } else {
              const numeric = element.getAttribute('inputmode') === 'numeric' || element.getAttribute('inputmode') === 'decimal'
              const date = element.getAttribute('placeholder') === 'dd-mm-jjjj'
              element.value = date ? `${String((n % 27) + 1).padStart(2, '0')}-06-2015` : numeric ? String(10 + n) : `Tekst ${n}`
              element.dispatchEvent(new Event('input', { bubbles: true }))
            }
            await new Promise((done) => setTimeout(done, 0))
          }
          await new Promise((done) => setTimeout(done, 50))
        }
        return n
      })
    const read = () =>
      page.evaluate(() => {
        for (const details of document.querySelectorAll('.intake details')) (details as HTMLDetailsElement).open = true
        const seen = new Map<string, number>()
        const out: Record<string, string> = {}
        for (const element of document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('.intake input, .intake select, .intake textarea')) {
          if (element.offsetParent === null || element.type === 'date') continue
          const label = (element.labels?.[0]?.textContent ?? element.getAttribute('aria-label') ?? '?').trim()
          const count = (seen.get(label) ?? 0) + 1
          seen.set(label, count)
          out[`${label} #${count}`] = element instanceof HTMLInputElement && element.type === 'checkbox' ? String(element.checked) : element.value
        }
        return out
      })
    const filled = await fill()
    expect(filled).toBeGreaterThan(60)
    await page.waitForSelector('[data-testid="save-state"][data-state="saved"]', { timeout: 5000 })
    const before = await read()
    await page.reload()
    await page.waitForSelector('[data-testid="intake-name"]')
    await page.waitForTimeout(300)
    const after = await read()
    expect(Object.keys(after).length).toBe(Object.keys(before).length)
    expect(after).toEqual(before)
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

  for (const viewport of viewports) {
    it(`fits every screen in ${viewport.width}×${viewport.height} without sideways scrolling, all options in view, no axe violation and no Dutch on the English screens`, async () => {
      const context = await world.browser.newContext({ viewport, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })
      const page = await context.newPage()
      const problems: string[] = []
      page.on('pageerror', (error) => problems.push(error.message))
      await page.goto(world.host.url)
      await page.waitForSelector('[data-testid="nav-clients"]')
      const draft = widestDraft(`Breed ${viewport.width}`)
      const id = await page.evaluate(
        async ({ draft }) => {
          const api = window.vangnet
          const created = await api.createClient({ name: (draft as { client: { name: string } }).client.name, birthDate: (draft as { client: { birthDate: string } }).client.birthDate })
          if (!created.ok) throw new Error(created.error.message)
          await api.saveDraft({ id: created.value.id, draft })
          return created.value.id
        },
        { draft },
      )
      // Two advice versions, so the list shows its change lines (old → new).
      await saveTwoVersions(page, id, draft)
      const size = `${viewport.width}`
      const axe: Record<string, string[]> = {}
      const dutch: Record<string, string[]> = {}
      const noSidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      let language: 'nl' | 'en' = 'nl'
      const visit = async (hash: string, ready: string, name: string, prepare?: () => Promise<void>) => {
        await page.goto(`${world.host.origin}/#${hash}`)
        try {
          await page.waitForSelector(ready, { timeout: 15_000 })
        } catch (error) {
          await screenshot(page, `screens-failed-${name}-${language}-${size}`)
          throw error
        }
        await page.waitForTimeout(300)
        if (prepare) await prepare()
        const label = language === 'nl' ? name : `${name}-en`
        expect(await noSidewaysScroll(), `${label} scrolls sideways`).toBeLessThanOrEqual(0)
        axe[label] = await allViolations(page)
        if (language === 'en') dutch[name] = await dutchOnScreen(page, [draft])
        await screenshot(page, `screens-${label}-${size}`)
      }
      const walk = async () => {
        await visit('/clients', '[data-testid="client-list"] a', 'clients')
        await visit(`/clients/${id}/intake`, '[data-testid="intake-name"]', 'intake', async () => {
          // The closed parts of the form open too, so their words are checked.
          await page.evaluate(() => document.querySelectorAll('.intake details').forEach((details) => ((details as HTMLDetailsElement).open = true)))
        })
        await visit(`/clients/${id}/compare`, '[data-testid="options-table"]', 'compare', async () => {
          await page.waitForSelector('[data-testid="chart-premium"] svg')
          await page.evaluate(() => document.querySelectorAll('.compare details').forEach((details) => ((details as HTMLDetailsElement).open = true)))
        })
        if (language === 'nl') {
          // Every possible option's heading inside the first screen width; the impossible one as a line.
          await page.evaluate(() => document.querySelectorAll('.compare details').forEach((details) => ((details as HTMLDetailsElement).open = false)))
          const heads = await page.locator('.options-table .option-head').evaluateAll((cells) => cells.map((cell) => ({ id: cell.getAttribute('data-testid'), right: cell.getBoundingClientRect().right, top: cell.getBoundingClientRect().top })))
          const possible = possibleOptions(draft)
          expect(possible.length).toBeGreaterThanOrEqual(3)
          expect(heads.map((head) => head.id)).toEqual(possible)
          for (const head of heads) {
            expect(head.right, `${head.id} right edge`).toBeLessThanOrEqual(viewport.width)
            expect(head.top, `${head.id} top`).toBeLessThan(viewport.height)
          }
          expect(await page.getByTestId('option-opt-out').textContent()).toMatch(/niet mogelijk: .*AOW-leeftijd/)
        }
        await visit(`/clients/${id}/compare`, '[data-testid="options-table"]', 'explain', async () => {
          await page.getByTestId('explain-premium-baz').click()
          await page.waitForSelector('dialog.drawer[open]')
        })
        await visit(`/clients/${id}/advice`, '[data-testid="version-2"]', 'advice')
        await visit(`/present/${id}`, '[data-testid="presentation"] .options-table', 'present')
        const shown = await page.locator('[data-testid="presentation"]').innerText()
        expect(shown).not.toMatch(/RADI-2024|KB-2025|MKB-2024/)
        expect(shown).not.toMatch(/niet mogelijk:|not possible:/)
        // The income picture against the need, per phase, for the client too.
        expect(await page.locator('[data-testid="presentation"] [data-testid="income-picture"] table.phases').count()).toBe(possibleOptions(draft).length)
        if (language === 'nl') {
          // Each benefit figure says for which degree it is, in the table and in the summary alike.
          const degree = `${Math.round(Number((draft as { disability: { degree: string } }).disability.degree))}\u00a0%`
          expect(shown).toContain(`Uitkering per jaar bij ${degree} arbeidsongeschiktheid`)
          expect(shown).toContain('Uitkering per jaar bij volledige arbeidsongeschiktheid')
          const baz = (await page.getByTestId('benefit-baz').innerText()).trim()
          const bazFull = (await page.getByTestId('benefit-full-baz').innerText()).trim()
          expect(shown).toMatch(new RegExp(`Baz[^\n]*volledige arbeidsongeschiktheid ${bazFull.replace(/[.$]/g, '\\$&')} per jaar, bij ${degree} arbeidsongeschiktheid ${baz.replace(/[.$]/g, '\\$&')} per jaar`))
        }
        await visit('/portfolio', '[data-testid="portfolio-run"]', 'portfolio')
        await visit('/settings', '[data-testid="settings-save"]', 'settings')
        await page.getByTestId('lock').click()
        await page.waitForSelector('[data-testid="unlock-passphrase"]')
        await visit('/unlock', '[data-testid="unlock-passphrase"]', 'unlock')
        await unlock(page)
        await page.waitForSelector('[data-testid="nav-clients"]')
      }
      await walk()
      if (viewport.width === 1366) {
        // Keyboard: Alt+2 opens the comparison tab, and focus lands on its heading.
        await page.goto(`${world.host.origin}/#/clients/${id}/intake`)
        await page.waitForSelector('[data-testid="intake-name"]')
        await page.keyboard.press('Alt+2')
        await page.waitForSelector('[data-testid="options-table"]')
        await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Vergelijken')
      }
      // The same screens in English: no violation either, and no Dutch words or Dutch formats.
      await page.evaluate(async () => {
        await window.vangnet.saveSettings({ autoLockMinutes: 10, language: 'en-GB' })
      })
      // Reloaded on the client list, so the app returns there (it reopens the last screen).
      await page.goto(`${world.host.origin}/#/clients`)
      await page.waitForSelector('[data-testid="client-list"] a')
      await page.reload()
      await page.waitForSelector('[data-testid="client-list"] a')
      language = 'en'
      try {
        await walk()
      } finally {
        await page.evaluate(async () => {
          await window.vangnet.saveSettings({ autoLockMinutes: 10, language: 'nl-NL' })
        })
      }
      expect.soft(dutch, 'Dutch on the English screens').toEqual(Object.fromEntries(Object.keys(dutch).map((name) => [name, []])))
      expect(axe).toEqual(Object.fromEntries(Object.keys(axe).map((name) => [name, []])))
      expect(problems).toEqual([])
      await context.close()
    }, 300_000)
  }

  it('the first-run setup has no axe violation and, in English, no Dutch', async () => {
    // A second, empty data folder: the setup screen shows only before a vault exists.
    const fresh = await startWorld(rendererDir)
    try {
      for (const language of ['nl-NL', 'en-GB'] as const) {
        const { page, problems } = await openPage(fresh)
        await page.waitForSelector('[data-testid="setup-passphrase"]')
        if (language === 'en-GB') {
          await page.evaluate(async () => {
            await window.vangnet.saveSettings({ autoLockMinutes: 10, language: 'en-GB' })
          })
          await page.reload()
          await page.waitForSelector('[data-testid="setup-passphrase"]')
          await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/Set up Vangnet/i)
        }
        // With a message showing too: a passphrase that is too short, and one that does not match.
        await page.getByTestId('setup-passphrase').fill('kort')
        await page.getByTestId('setup-confirm').fill('anders')
        await page.getByTestId('setup-submit').click()
        await page.waitForTimeout(200)
        expect(await allViolations(page), `setup ${language}`).toEqual([])
        if (language === 'en-GB') expect(await dutchOnScreen(page, []), 'Dutch on the English setup screen').toEqual([])
        await screenshot(page, `screens-setup-${language}-1366`)
        expect(problems).toEqual([])
        await page.context().close()
      }
    } finally {
      await fresh.close()
    }
  }, 90_000)

})
