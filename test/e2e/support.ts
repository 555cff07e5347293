/**
 * End-to-end support: build the renderer into a private folder (so parallel builds of out/ by
 * others never interfere), start the browser host with the real services over a temporary
 * encrypted vault, launch Debian's Chromium through playwright-core, save screenshots, run axe.
 */
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import vue from '@vitejs/plugin-vue'
import { chromium, type Browser, type Page } from 'playwright-core'
import AxeBuilder from '@axe-core/playwright'
import { startVangnetHost, type VangnetHost } from '../../src-main/browser-host'
import { parseClientCase } from '../../shared/schema/case'
import { draftFromCase } from '../../shared/intake/draft'

export const chromiumPath = process.env['VANGNET_CHROMIUM'] ?? '/usr/bin/chromium'
export const screenshotDir = resolve('test-results/screenshots')

/** Fast scrypt for throwaway test vaults only (the app uses the vault's default cost). */
export const testKdf = { algorithm: 'scrypt' as const, N: 2 ** 12, r: 8, p: 1 }

export async function buildRenderer(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'vangnet-renderer-'))
  // A production build, as shipped, also under vitest (which sets NODE_ENV=test: Vue's dev build).
  const nodeEnv = process.env['NODE_ENV']
  process.env['NODE_ENV'] = 'production'
  try {
    await buildProduction(outDir)
  } finally {
    process.env['NODE_ENV'] = nodeEnv
  }
  return outDir
}

async function buildProduction(outDir: string): Promise<void> {
  await build({
    mode: 'production',
    root: resolve('src-renderer'),
    base: './',
    plugins: [vue()],
    logLevel: 'warn',
    // As electron-vite builds the shipped renderer: not minified, no modulepreload polyfill.
    build: { outDir, emptyOutDir: true, minify: false, modulePreload: { polyfill: false }, chunkSizeWarningLimit: 4096, rollupOptions: { input: resolve('src-renderer/index.html') } },
  })
}

export interface E2eWorld {
  browser: Browser
  host: VangnetHost
  rendererDir: string
  dataDir: string
  internalErrors: string[]
  close(): Promise<void>
}

export async function startWorld(rendererDir: string, options: { packPublicKey?: string } = {}): Promise<E2eWorld> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vangnet-e2e-'))
  const internalErrors: string[] = []
  const host = await startVangnetHost({
    dataDir,
    rendererDir,
    kdf: testKdf,
    ...options,
    onInternalError: (channel, error) => internalErrors.push(`${channel}: ${error instanceof Error ? error.stack : String(error)}`),
  })
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--lang=nl-NL'],
  })
  return {
    browser,
    host,
    rendererDir,
    dataDir,
    internalErrors,
    async close() {
      await browser.close()
      await host.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** A page in a fresh context, with console errors and CSP violations collected. */
export async function openPage(world: E2eWorld, viewport = { width: 1366, height: 900 }): Promise<{ page: Page; problems: string[] }> {
  const context = await world.browser.newContext({ viewport, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' })
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`))
  // Nothing may leave the loopback origin (no network at run time).
  await context.route('**/*', (route) => {
    const url = route.request().url()
    if (url.startsWith(world.host.origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue()
    problems.push(`network: ${url}`)
    return route.abort()
  })
  await page.goto(world.host.url)
  return { page, problems }
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true })
  const path = join(screenshotDir, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/** axe-core: violations of impact serious or critical (the suite requires none). */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`)
}

/** axe-core: violations of any impact (minor and moderate too), as "rule (impact): help — nodes". */
export async function allViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze()
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(' | ')}`)
}

/**
 * Keystroke-to-screen latency of the comparison. For each value: set the field, fire the input
 * event, then (a) wait one microtask turn, by which Vue has run the rules and patched the DOM
 * (its scheduler flush was queued during the event), and (b) wait for the next animation frame.
 */
export async function measureRecalc(page: Page, testid: string, values: string[]): Promise<{ domMs: number[]; frameMs: number[] }> {
  return page.evaluate(
    async ({ testid, values }) => {
      const input = document.querySelector<HTMLInputElement>(`[data-testid="${testid}"]`)
      if (!input) throw new Error(`no input ${testid}`)
      const domMs: number[] = []
      const frameMs: number[] = []
      for (const value of values) {
        await new Promise<void>((done) => setTimeout(done, 30))
        const started = performance.now()
        input.value = value
        input.dispatchEvent(new Event('input', { bubbles: true }))
        await Promise.resolve()
        domMs.push(performance.now() - started)
        await new Promise<void>((done) => requestAnimationFrame(() => done()))
        frameMs.push(performance.now() - started)
      }
      return { domMs, frameMs }
    },
    { testid, values },
  )
}

/** The median of any User Timing measures of advise() in the page; null when the page records none. */
export async function rulesMedianInPage(page: Page): Promise<number | null> {
  const durations = await page.evaluate(() => performance.getEntriesByName('vangnet:advise', 'measure').map((entry) => entry.duration))
  return durations.length ? median(durations) : null
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * The initial renderer bundle: what index.html loads before the first screen (its module script,
 * modulepreloads and stylesheets), gzipped at level 9, in bytes. Lazy routes are not counted.
 */
export function initialBundleGzipBytes(rendererDir: string): { bytes: number; files: string[] } {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  const files = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((match) => match[1]!)
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(rendererDir, file)), { level: 9 }).length, 0)
  return { bytes, files }
}

/** A complete client case for the benchmark and quick set-ups: a sample from resources/cases. */
export function sampleDraft(name: string): Record<string, unknown> {
  const parsed = parseClientCase(JSON.parse(readFileSync(resolve('resources/cases/starter.json'), 'utf8')))
  if (!parsed.ok) throw new Error('sample case invalid')
  const draft = draftFromCase({ ...parsed.value, client: { ...parsed.value.client, name } })
  return JSON.parse(JSON.stringify(draft)) as Record<string, unknown>
}
