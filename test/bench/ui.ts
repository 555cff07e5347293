/**
 * `npm run bench` section "ui": the comparison's keystroke latency measured in Debian's Chromium
 * against the browser host (same method as the end-to-end test), and the initial renderer bundle
 * size. {"ui":{"recalcMedianMs":…,"frameMedianMs":…,"rulesMedianMs":…,"initialBundleKbGzip":…}}
 */
import { existsSync, rmSync } from 'node:fs'
import type { BenchSection } from './section'
import { buildRenderer, rulesMedianInPage, chromiumPath, initialBundleGzipBytes, measureRecalc, median, openPage, sampleDraft, startWorld } from '../e2e/support'

const round = (value: number) => Math.round(value * 100) / 100

export const uiBench: BenchSection = {
  name: 'ui',
  async run() {
    const rendererDir = await buildRenderer()
    const bundle = initialBundleGzipBytes(rendererDir)
    const figures: Record<string, number | string> = { initialBundleKbGzip: round(bundle.bytes / 1024) }
    if (!existsSync(chromiumPath)) {
      rmSync(rendererDir, { recursive: true, force: true })
      return { ...figures, recalcMedianMs: 'no chromium' }
    }
    const world = await startWorld(rendererDir)
    try {
      const { page } = await openPage(world)
      await page.waitForSelector('[data-testid="setup-passphrase"]')
      const draft = sampleDraft('Bench Klant')
      const id = await page.evaluate(
        async ({ draft }) => {
          const api = window.vangnet
          await api.createVault({ passphrase: 'benchmark wachtwoord 2030', adviser: { name: 'Bench', firm: '', afmNumber: '', kifidNumber: '' }, remember: false })
          const created = await api.createClient({ name: 'Bench Klant', birthDate: (draft as { client: { birthDate: string } }).client.birthDate })
          if (!created.ok) throw new Error(created.error.message)
          await api.saveDraft({ id: created.value.id, draft })
          return created.value.id
        },
        { draft },
      )
      await page.goto(`${world.host.origin}/#/clients/${id}/compare`)
      await page.waitForSelector('[data-testid="option-baz"]')
      const values = Array.from({ length: 60 }, (_, index) => String((index % 7) * 0.5).replace('.', ','))
      const timings = await measureRecalc(page, 'assume-growth', values)
      const rules = await rulesMedianInPage(page)
      return {
        recalcMedianMs: round(median(timings.domMs)),
        frameMedianMs: round(median(timings.frameMs)),
        rulesMedianMs: rules === null ? 'n/a' : round(rules),
        ...figures,
      }
    } finally {
      await world.close()
      rmSync(rendererDir, { recursive: true, force: true })
    }
  },
}
