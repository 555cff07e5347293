/**
 * Office mode on the screens, in Debian's Chromium against the browser host and the run's real
 * PostgreSQL: link the laptop (password, then a client certificate), the office administrator's
 * adviser list (access off and on), share a client from its screen, and the draft copy a lost
 * save leaves, taken over from the client's screen. Screenshots in test-results/screenshots/.
 */
import { existsSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAdviser, migrate } from '../../src-main/office/admin'
import { openOfficeBook, type OfficeBook } from '../../src-main/office/book'
import { buildRenderer, chromiumPath, openPage, screenshot, seriousViolations, startWorld, type E2eWorld } from '../e2e/support'
import { certAdviser } from './cluster'
import { adviserPassword, cluster, emptyDatabase, settingsFor, uniqueRole } from './helpers'

const runIt = existsSync(chromiumPath) ? describe : describe.skip
const passphrase = 'kantoor laptop wachtwoord 2030'

runIt('office mode in a real browser', () => {
  let world: E2eWorld
  let rendererDir: string
  let database = ''
  let colleague: OfficeBook
  const boss = uniqueRole('boss')
  const other = uniqueRole('colleague')

  beforeAll(async () => {
    const made = await emptyDatabase('screens')
    database = made.name
    await migrate(made.owner)
    await addAdviser(made.owner, { roleName: boss, name: 'Bea Beheerder', password: adviserPassword, officeAdmin: true })
    await addAdviser(made.owner, { roleName: other, name: 'Cor Collega', password: adviserPassword })
    await addAdviser(made.owner, { roleName: certAdviser, name: 'Cato Certificaat' })
    colleague = await openOfficeBook(settingsFor(database, other, adviserPassword), { listen: false })
    rendererDir = await buildRenderer()
    world = await startWorld(rendererDir)
  }, 180_000)

  afterAll(async () => {
    await colleague?.close()
    await world?.close()
    if (rendererDir) rmSync(rendererDir, { recursive: true, force: true })
  })

  it('links, manages advisers, shares a client and takes over a draft copy', async () => {
    const { page, problems } = await openPage(world, { width: 1366, height: 768 })
    await page.waitForSelector('[data-testid="setup-passphrase"]')
    await page.getByTestId('setup-passphrase').fill(passphrase)
    await page.getByTestId('setup-confirm').fill(passphrase)
    await page.getByTestId('setup-name').fill('Bea Beheerder')
    await page.getByTestId('setup-submit').click()
    await page.waitForSelector('[data-testid="office"]')

    // Link with a password; the administrator's list of advisers appears.
    await page.getByTestId('office-host').fill('localhost')
    await page.getByTestId('office-port').fill(String(cluster().port))
    await page.getByTestId('office-database').fill(database)
    await page.getByTestId('office-user').fill(boss)
    await page.getByTestId('office-ca').setInputFiles(cluster().caFile)
    await page.getByTestId('office-password').fill(adviserPassword)
    await page.getByTestId('office-connect').click()
    await expect.poll(() => page.getByTestId('office-status').textContent(), { timeout: 15_000 }).toContain(`als ${boss}`)
    await page.waitForSelector(`[data-testid="adviser-${other}"]`)
    await page.getByTestId(`adviser-access-${other}`).click()
    await expect.poll(() => page.getByTestId('advisers-message').textContent()).toContain('De toegang van Cor Collega is uitgezet')
    await expect.poll(() => page.getByTestId(`adviser-${other}`).textContent()).toContain('uitgezet')
    await page.getByTestId('office-advisers').scrollIntoViewIfNeeded()
    await screenshot(page, 'office-01-advisers')
    expect(await seriousViolations(page)).toEqual([])
    await page.getByTestId(`adviser-access-${other}`).click()
    await expect.poll(() => page.getByTestId(`adviser-${other}`).textContent()).toContain('aan')

    // A client on the server, shared from its screen.
    await page.getByTestId('nav-clients').click()
    await page.getByTestId('new-client-name').fill('Dirk Gedeeld')
    await page.getByTestId('new-client-birth').fill('1978-06-01')
    await page.getByTestId('new-client-submit').click()
    await page.waitForSelector('[data-testid="office-client"]')
    expect(await page.getByTestId('office-client').textContent()).toMatch(/U bent de verantwoordelijke adviseur\.\s+Niet gedeeld/)
    await page.getByTestId('office-share').click()
    await expect.poll(() => page.getByTestId('office-shared').textContent()).toContain('Gedeeld met het kantoor')
    const clientId = Number(/clients\/(\d+)/.exec(page.url())?.[1])
    expect(clientId).toBeGreaterThan(0)
    await page.getByTestId('intake-name').fill('Dirk Gedeelde')
    await expect.poll(async () => (await colleague.drafts.get(clientId))?.draft, { timeout: 10_000 }).toMatchObject({ client: { name: 'Dirk Gedeelde' } })

    // The colleague saves in between; this adviser's next save loses and is kept as a copy.
    const current = await colleague.drafts.get(clientId)
    await colleague.drafts.save(clientId, { ...(current?.draft ?? {}), adviserNotes: 'notitie van Cor' }, { baseVersion: current?.version ?? null })
    await page.getByTestId('intake-name').fill('Dirk Gedeeld-Jansen')
    await page.waitForSelector('[data-testid="draft-copy"]', { timeout: 10_000 })
    await page.locator('[data-testid="draft-copy"] summary').click()
    await expect.poll(() => page.getByTestId('draft-copy').textContent()).toContain('Dirk Gedeeld-Jansen')
    await screenshot(page, 'office-02-draft-copy')
    expect(await seriousViolations(page)).toEqual([])
    await page.getByTestId('copy-take-over').click()
    await expect.poll(() => page.getByTestId('office-client-message').textContent()).toContain('Uw kopie is nu het dossier')
    expect(await page.locator('[data-testid="draft-copy"]').count()).toBe(0)
    expect(await page.getByTestId('intake-name').inputValue()).toBe('Dirk Gedeeld-Jansen')
    expect((await colleague.drafts.get(clientId))?.draft).toMatchObject({ client: { name: 'Dirk Gedeeld-Jansen' } })
    await screenshot(page, 'office-03-taken-over')

    // Relink with the client certificate instead of a password.
    await page.getByTestId('nav-settings').click()
    await page.waitForSelector('[data-testid="office"]')
    await page.getByTestId('office-host').fill('localhost')
    await page.getByTestId('office-port').fill(String(cluster().port))
    await page.getByTestId('office-database').fill(database)
    await page.getByTestId('office-user').fill(certAdviser)
    await page.getByTestId('office-ca').setInputFiles(cluster().caFile)
    await page.getByTestId('office-login-certificate').check()
    await page.getByTestId('office-connect').click()
    await expect.poll(() => page.getByTestId('office-error').textContent()).toContain('Kies uw clientcertificaat en de sleutel ervan')
    await page.getByTestId('office-cert').setInputFiles(cluster().clientCertFile)
    await page.getByTestId('office-key').setInputFiles(cluster().clientKeyFile)
    await page.getByTestId('office-connect').click()
    await expect.poll(() => page.getByTestId('office-status').textContent(), { timeout: 15_000 }).toContain('U meldt zich aan met een clientcertificaat')
    await page.getByTestId('office').scrollIntoViewIfNeeded()
    await screenshot(page, 'office-04-certificate')
    // Not an administrator: no adviser list.
    expect(await page.locator('[data-testid="office-advisers"]').count()).toBe(0)

    expect(problems).toEqual([])
    expect(world.internalErrors).toEqual([])
  }, 240_000)
})
