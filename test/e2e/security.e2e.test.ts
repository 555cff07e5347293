/**
 * Instellingen → Beveiliging in a real browser (Debian's Chromium against the browser host and
 * the real services over a temporary encrypted vault): change the passphrase (plain messages for
 * a short or repeated-wrong new one and a wrong current one), lock, the old passphrase refused
 * and the new one opening; renew the database key with its confirmation, the data still there;
 * and the erase result saying the data left the vault file. Screenshots in test-results/screenshots/.
 */
import { existsSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildRenderer, chromiumPath, openPage, screenshot, seriousViolations, startWorld, type E2eWorld } from './support'

const first = 'eerste lange wachtwoord 2030'
const second = 'tweede nieuwe wachtwoord 2031'
const runIt = existsSync(chromiumPath) ? describe : describe.skip

runIt('the security panel in a real browser', () => {
  let world: E2eWorld
  let rendererDir: string

  beforeAll(async () => {
    rendererDir = await buildRenderer()
    world = await startWorld(rendererDir)
  }, 120_000)

  afterAll(async () => {
    await world?.close()
    if (rendererDir) rmSync(rendererDir, { recursive: true, force: true })
  })

  it('changes the passphrase (the old one no longer opens), renews the key (the data stays), and says where erased data is', async () => {
    const { page, problems } = await openPage(world, { width: 1366, height: 768 })
    await page.waitForSelector('[data-testid="setup-passphrase"]')
    await page.getByTestId('setup-passphrase').fill(first)
    await page.getByTestId('setup-confirm').fill(first)
    await page.getByTestId('setup-name').fill('Bea Beveiliging')
    await page.getByTestId('setup-submit').click()
    await page.waitForSelector('[data-testid="welcome"]')
    await page.getByTestId('to-clients').click()
    await page.getByTestId('new-client-name').fill('Klaas Blijft')
    await page.getByTestId('new-client-birth').fill('1975-04-03')
    await page.getByTestId('new-client-submit').click()
    await page.waitForSelector('[data-testid="intake-name"]')
    await page.getByTestId('nav-settings').click()
    await page.waitForSelector('[data-testid="security"]')

    // Plain messages, nothing changed.
    await page.getByTestId('passphrase-next').fill('kort')
    await page.getByTestId('passphrase-confirm').fill('anders')
    await page.getByTestId('passphrase-change').click()
    await expect.poll(() => page.getByTestId('security').textContent()).toContain('Huidig wachtwoord mag niet leeg zijn')
    expect(await page.getByTestId('security').textContent()).toContain('Nieuw wachtwoord moet minstens 12 tekens lang zijn')
    expect(await page.getByTestId('security').textContent()).toContain('is niet gelijk aan het nieuwe wachtwoord')
    await page.getByTestId('passphrase-current').fill('dit is het niet, helaas')
    await page.getByTestId('passphrase-next').fill(second)
    await page.getByTestId('passphrase-confirm').fill(second)
    await page.getByTestId('passphrase-change').click()
    await expect.poll(() => page.getByTestId('passphrase-error').textContent()).toContain('Het huidige wachtwoord klopt niet')
    await page.getByTestId('security').scrollIntoViewIfNeeded()
    await screenshot(page, 'security-01-wrong-current')

    await page.getByTestId('passphrase-current').fill(first)
    await page.getByTestId('passphrase-change').click()
    await expect.poll(() => page.getByTestId('security-result').textContent(), { timeout: 20_000 }).toMatch(/gewijzigd.*nieuwe sleutel.*MB opnieuw versleuteld.*oude wachtwoord opent de kluis niet meer/)
    await screenshot(page, 'security-02-changed')

    // Lock: the old passphrase is refused, the new one opens.
    await page.getByTestId('lock').click()
    await page.waitForSelector('[data-testid="unlock-passphrase"]')
    await page.getByTestId('unlock-passphrase').fill(first)
    await page.getByTestId('unlock-submit').click()
    await expect.poll(() => page.getByTestId('unlock-error').textContent()).toContain('Onjuist wachtwoord')
    await page.getByTestId('unlock-passphrase').fill(second)
    await page.getByTestId('unlock-submit').click()
    await page.waitForSelector('[data-testid="security"]')

    // Renew the key: a confirmation first, then the result; the client is still there.
    await page.getByTestId('renew-key').click()
    await page.waitForSelector('dialog[open] [data-testid="renew-passphrase"]')
    await screenshot(page, 'security-03-renew-confirm')
    expect(await seriousViolations(page)).toEqual([])
    await page.getByTestId('renew-passphrase').fill(first)
    await page.getByTestId('renew-confirm').click()
    await expect.poll(() => page.getByTestId('renew-error').textContent()).toContain('Het huidige wachtwoord klopt niet')
    await page.getByTestId('renew-passphrase').fill(second)
    await page.getByTestId('renew-confirm').click()
    await expect.poll(() => page.getByTestId('security-result').textContent(), { timeout: 20_000 }).toMatch(/nieuwe databasesleutel.*Oude back-ups openen nog met de oude sleutel/)
    await screenshot(page, 'security-04-renewed')
    expect(await seriousViolations(page)).toEqual([])

    await page.getByTestId('nav-clients').click()
    await expect.poll(() => page.getByTestId('client-list').textContent()).toContain('Klaas Blijft')

    // Erase: the result says the data left the vault file too.
    await page.getByRole('button', { name: 'Klaas Blijft wissen' }).click()
    await page.waitForSelector('dialog[open] [data-testid="erase-confirm"]')
    await page.getByTestId('erase-confirm').fill('Klaas Blijft')
    await page.getByTestId('erase-submit').click()
    await expect.poll(() => page.getByTestId('erase-result').textContent()).toContain('Klaas Blijft is gewist, ook uit het kluisbestand')
    await screenshot(page, 'security-05-erased')

    expect(problems).toEqual([])
    expect(world.internalErrors).toEqual([])
  }, 240_000)
})
