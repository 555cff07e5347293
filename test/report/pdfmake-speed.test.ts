/**
 * The layout shortcuts in src-main/reports/pdfmake-speed.ts change the time, never the result:
 * each sample report (several of them need more than one layout for their page breaks) reads the
 * same, page by page and at the same places (pdftotext -layout), with pdfmake's own methods and
 * with the shortcuts; and the style lookup answers as pdfmake's own for named styles, `extends`
 * chains, override objects and the default style.
 */
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { advise } from '../../shared/rules/advise'
import { parseClientCase } from '../../shared/schema/case'
import { renderAdviceReport } from '../../src-main/reports'
import { setLayoutShortcuts } from '../../src-main/reports/render'
import { adviser } from './helpers'

const dir = mkdtempSync(join(tmpdir(), 'vangnet-layout-'))
afterAll(() => {
  setLayoutShortcuts(true)
  rmSync(dir, { recursive: true, force: true })
})

function pagesOf(pdf: Uint8Array, name: string): string[] {
  const file = join(dir, `${name}.pdf`)
  writeFileSync(file, pdf)
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f')
}

function sample(name: string) {
  const parsed = parseClientCase(JSON.parse(readFileSync(new URL(`../../resources/cases/${name}.json`, import.meta.url), 'utf8')))
  if (!parsed.ok) throw new Error(`${name} is not a valid case`)
  return { clientCase: parsed.value, result: advise(parsed.value) }
}

describe('layout shortcuts', () => {
  it.each([
    ['starter', 'nl'],
    ['dga', 'nl'],
    ['high-earner', 'en'],
  ] as const)('lay out the %s report (%s) exactly as pdfmake does on its own', async (name, language) => {
    const { clientCase, result } = sample(name)
    const request = { clientCase, result, adviser, language, reportDate: '2030-01-15' }
    setLayoutShortcuts(false)
    const own = pagesOf(await renderAdviceReport(request), `${name}-own`)
    setLayoutShortcuts(true)
    const fast = pagesOf(await renderAdviceReport(request), `${name}-fast`)
    expect(fast.length).toBeGreaterThan(3)
    expect(fast).toEqual(own)
  })

  it('answer style lookups as pdfmake does', () => {
    const require = createRequire(import.meta.url)
    const folder = dirname(require.resolve('pdfmake'))
    const StyleContextStack = (require(join(folder, 'StyleContextStack.js')) as { default: new (dictionary: object, defaultStyle: object) => { push(item: unknown): void; getProperty(name: string): unknown } & Record<string, unknown> }).default
    const dictionary = {
      base: { fontSize: 8, color: 'grey' },
      heading: { extends: 'base', bold: true },
      loop: { extends: ['heading', 'loop2'] },
      loop2: { extends: 'loop', italics: true },
      empty: {},
    }
    const stacks: unknown[][] = [[], ['heading'], ['loop'], [{ color: 'red' }, 'loop2'], ['missing', { bold: false }], ['empty', new String('base')]]
    const properties = ['fontSize', 'color', 'bold', 'italics', 'alignment', 'noWrap']
    const answers = () =>
      stacks.map((items) => {
        const stack = new StyleContextStack(dictionary, { alignment: 'left' })
        items.forEach((item) => stack.push(item))
        const cls = StyleContextStack as unknown as { getStyleProperty(item: object, stack: unknown, property: string, fallback: unknown): unknown }
        return properties.map((property) => [stack.getProperty(property), cls.getStyleProperty({ style: 'heading' }, stack, property, 'fallback'), cls.getStyleProperty({ noWrap: true }, stack, property, null)])
      })
    setLayoutShortcuts(false)
    const own = answers()
    setLayoutShortcuts(true)
    expect(answers()).toEqual(own)
  })
})
