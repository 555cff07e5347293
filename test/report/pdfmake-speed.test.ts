/**
 * The layout shortcuts in src-main/reports/pdfmake-speed.ts change the time, never the result:
 * each sample report (pdfmake on its own needs several layouts for their headings' page breaks)
 * reads the same, page by page and at the same places (pdftotext -layout), with pdfmake's own
 * methods and with the shortcuts, and the shortcuts lay each out once; a document whose headings
 * cannot all be foretold (in columns, an unbreakable block) or whose pageBreakBefore looks at other
 * nodes falls back to pdfmake's own layouts with the same pages; and the style lookup answers as
 * pdfmake's own for named styles, `extends` chains, override objects and the default style.
 */
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { advise } from '../../shared/rules/advise'
import { parseClientCase } from '../../shared/schema/case'
import type { DocumentDefinition } from '../../shared/report'
import { renderAdviceReport } from '../../src-main/reports'
import { renderPdf, setLayoutShortcuts } from '../../src-main/reports/render'
import { adviser, recommendation } from './helpers'

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

/** Counts pdfmake's layouts of the whole document (LayoutBuilder.tryLayoutDocument) while `work` runs. */
async function countingLayouts<T>(work: () => Promise<T>): Promise<{ value: T; layouts: number }> {
  const require = createRequire(import.meta.url)
  const builder = (require(join(dirname(require.resolve('pdfmake')), 'LayoutBuilder.js')) as { default: { prototype: { tryLayoutDocument: (...args: unknown[]) => unknown } } }).default.prototype
  const own = builder.tryLayoutDocument
  let layouts = 0
  builder.tryLayoutDocument = function (this: unknown, ...args: unknown[]) {
    layouts += 1
    return own.apply(this, args)
  }
  try {
    return { value: await work(), layouts }
  } finally {
    builder.tryLayoutDocument = own
  }
}

function sample(name: string) {
  const parsed = parseClientCase(JSON.parse(readFileSync(new URL(`../../resources/cases/${name}.json`, import.meta.url), 'utf8')))
  if (!parsed.ok) throw new Error(`${name} is not a valid case`)
  return { clientCase: parsed.value, result: advise(parsed.value) }
}

describe('layout shortcuts', () => {
  it.each([
    ['starter', 'nl', 'the case’s choice'],
    ['starter', 'en', 'a draft'],
    ['existing-aov', 'nl', 'another choice'],
    ['dga', 'nl', 'the case’s choice'],
    ['hybrid-worker', 'en', 'another choice'],
    ['high-earner', 'en', 'the case’s choice'],
  ] as const)('lay out the %s report (%s, %s) exactly as pdfmake does on its own, in one layout', async (name, language, kind) => {
    const { clientCase, result } = sample(name)
    const choice = kind === 'another choice' ? { recommendation: { ...recommendation, optionId: result.options[0]!.id } } : {}
    // A draft (no adviser's details) has the CONCEPT header and watermark on every page.
    const request = { clientCase, result, ...(kind === 'a draft' ? {} : { adviser }), language, reportDate: '2030-01-15', ...choice }
    setLayoutShortcuts(false)
    const own = await countingLayouts(async () => pagesOf(await renderAdviceReport(request), `${name}-own`))
    setLayoutShortcuts(true)
    const fast = await countingLayouts(async () => pagesOf(await renderAdviceReport(request), `${name}-fast`))
    expect(fast.value.length).toBeGreaterThan(3)
    expect(fast.value).toEqual(own.value)
    expect(own.layouts).toBeGreaterThan(1)
    expect(fast.layouts).toBe(1)
  })

  /** Filler paragraphs and headings: enough to push headings near the foot of several pages. */
  function headingsDocument(wrap: (heading: Record<string, unknown>, index: number) => Record<string, unknown>, pageBreakBefore: DocumentDefinition['pageBreakBefore']): DocumentDefinition {
    const paragraph = 'Een zelfstandige zonder verzekering heeft bij arbeidsongeschiktheid geen inkomen; de Baz keert na een wachttijd een uitkering uit. '.repeat(4)
    const content = Array.from({ length: 30 }, (_, index) => [
      wrap({ text: `Hoofdstuk ${index + 1}`, fontSize: 14, bold: true, headlineLevel: 1, margin: [0, 12, 0, 6] }, index),
      { text: paragraph.slice(0, 120 + ((index * 97) % 380)) },
    ]).flat()
    return { pageSize: 'A4', pageMargins: [40, 48, 40, 56], defaultStyle: { font: 'LiberationSans', fontSize: 10 }, content, pageBreakBefore } as unknown as DocumentDefinition
  }

  const lowHeading: DocumentDefinition['pageBreakBefore'] = (node) => node.headlineLevel !== undefined && (node.startPosition?.verticalRatio ?? 0) > 0.7

  it.each([
    ['plain headings (foretold, one layout)', (heading: Record<string, unknown>) => heading, lowHeading, 1],
    ['a heading in columns half-way (pdfmake decides from there on)', (heading: Record<string, unknown>, index: number) => (index === 12 ? { columns: [heading, { text: '' }] } : heading), lowHeading, undefined],
    ['a heading in an unbreakable block half-way', (heading: Record<string, unknown>, index: number) => (index === 12 ? { stack: [heading], unbreakable: true } : heading), lowHeading, undefined],
    [
      'a pageBreakBefore that looks at the page numbers (never asked early)',
      (heading: Record<string, unknown>) => heading,
      ((node) => (node.pageNumbers?.length ?? 0) > 0 && node.headlineLevel !== undefined && (node.startPosition?.verticalRatio ?? 0) > 0.7) as DocumentDefinition['pageBreakBefore'],
      undefined,
    ],
  ] as const)('lay out %s with the same pages as pdfmake', async (_name, wrap, pageBreakBefore, layoutsWithShortcuts) => {
    setLayoutShortcuts(false)
    const own = await countingLayouts(async () => pagesOf(await renderPdf(headingsDocument(wrap, pageBreakBefore)), 'headings-own'))
    setLayoutShortcuts(true)
    const fast = await countingLayouts(async () => pagesOf(await renderPdf(headingsDocument(wrap, pageBreakBefore)), 'headings-fast'))
    expect(own.layouts).toBeGreaterThan(2)
    expect(fast.value).toEqual(own.value)
    if (layoutsWithShortcuts !== undefined) expect(fast.layouts).toBe(layoutsWithShortcuts)
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
