/**
 * PDF/A-2b, checked as far as the tools at hand allow (no veraPDF: it is neither in Debian nor on
 * the npm registry). A signed report, read back with qpdf (its own parser, --json), must have:
 * the XMP metadata claiming part 2, conformance B, unfiltered, and saying what the Info
 * dictionary says; an sRGB output intent with an embedded ICC profile; every font embedded, none
 * of the fourteen standard fonts; every annotation printable (Print flag, none hidden); a file
 * identifier; no encryption, JavaScript, embedded files or LZW; transparency only with the Normal
 * blend mode and in an RGB group. What this does not check: the ICC profile's contents, glyph
 * widths against the embedded fonts, or every rule of ISO 19005-2 that veraPDF would.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { advise } from '../../shared/rules/advise'
import { parseClientCase } from '../../shared/schema/case'
import { createSelfSignedCertificate, renderAdviceReport } from '../../src-main/reports'
import { adviser } from './helpers'

type Value = string | number | boolean | null | Value[] | { [key: string]: Value }
interface PdfObject {
  value?: Value
  stream?: { dict: Record<string, Value>; data?: string }
}

let dir: string
let file: string
let objects: Record<string, PdfObject>
let trailer: Record<string, Value>

const dictOf = (object: PdfObject | undefined): Record<string, Value> => (object?.stream?.dict ?? (object?.value as Record<string, Value>) ?? {}) as Record<string, Value>
const resolve = (reference: Value): PdfObject | undefined => (typeof reference === 'string' && reference.endsWith(' R') ? objects[`obj:${reference}`] : undefined)
const text = (value: Value | undefined): string => (typeof value === 'string' ? value.replace(/^u:/, '') : '')
const streamText = (object: PdfObject | undefined) => Buffer.from(object?.stream?.data ?? '', 'base64')

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vangnet-pdfa-'))
  const parsed = parseClientCase(JSON.parse(readFileSync(new URL('../../resources/cases/existing-aov.json', import.meta.url), 'utf8')))
  if (!parsed.ok) throw new Error('existing-aov is not a valid case')
  const passphrase = 'pdfa-test'
  const p12 = createSelfSignedCertificate({ name: adviser.name, passphrase })
  const pdf = await renderAdviceReport({ clientCase: parsed.value, result: advise(parsed.value), adviser, reportDate: '2030-01-15', signing: { p12, passphrase } })
  file = join(dir, 'signed.pdf')
  writeFileSync(file, pdf)
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', file], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 })) as { qpdf: [unknown, Record<string, PdfObject>] }
  objects = json.qpdf[1]
  trailer = dictOf(objects.trailer)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('PDF/A-2b as far as it can be checked here', () => {
  it('passes qpdf --check and has a file identifier, no encryption', () => {
    expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors')
    expect(Array.isArray(trailer['/ID'])).toBe(true)
    expect(trailer['/Encrypt']).toBeUndefined()
  })

  it('claims PDF/A-2b in unfiltered XMP metadata that agrees with the Info dictionary', () => {
    const catalog = dictOf(resolve(trailer['/Root']!))
    const metadata = resolve(catalog['/Metadata']!)
    expect(metadata?.stream?.dict['/Filter']).toBeUndefined()
    const xmp = streamText(metadata).toString('utf8')
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/)
    expect(xmp).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/)
    const info = Object.fromEntries(Object.entries(dictOf(resolve(trailer['/Info']!))).map(([key, reference]) => [key, text(resolve(reference)?.value)]))
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${info['/Title']}</rdf:li>`)
    expect(xmp).toContain(`<rdf:li>${info['/Author']}</rdf:li>`)
    expect(xmp).toContain(`<pdf:Producer>${info['/Producer']}</pdf:Producer>`)
    expect(xmp).toContain(`<xmp:CreatorTool>${info['/Creator']}</xmp:CreatorTool>`)
    // D:20301115093000Z in Info is 2030-11-15T09:30:00Z in XMP.
    const created = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(info['/CreationDate'] ?? '')
    expect(created).not.toBeNull()
    expect(xmp).toContain(`<xmp:CreateDate>${created![1]}-${created![2]}-${created![3]}T${created![4]}:${created![5]}:${created![6]}Z</xmp:CreateDate>`)
  })

  it('has an sRGB output intent with an embedded ICC profile', () => {
    const catalog = dictOf(resolve(trailer['/Root']!))
    const intents = (catalog['/OutputIntents'] as Value[]).map((reference) => dictOf(resolve(reference)))
    expect(intents.map((intent) => intent['/S'])).toEqual(['/GTS_PDFA1'])
    const profile = resolve(intents[0]!['/DestOutputProfile']!)
    expect(profile?.stream?.dict['/N']).toBe(3)
    // An ICC profile carries its signature 'acsp' at byte 36, and 'RGB ' as its colour space.
    const bytes = streamText(profile)
    expect(bytes.subarray(36, 40).toString('latin1')).toBe('acsp')
    expect(bytes.subarray(16, 20).toString('latin1')).toBe('RGB ')
  })

  it('embeds every font and uses none of the standard fourteen', () => {
    const fonts = Object.values(objects).map(dictOf).filter((dict) => dict['/Type'] === '/Font')
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) {
      expect(font['/Subtype'], JSON.stringify(font)).not.toBe('/Type1')
      if (font['/Subtype'] === '/CIDFontType2') {
        const descriptor = dictOf(resolve(font['/FontDescriptor']!))
        expect(descriptor['/FontFile2'], String(font['/BaseFont'])).toBeDefined()
        expect(font['/CIDToGIDMap']).toBe('/Identity')
      }
    }
    expect(execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((line) => line.trim() && !/ yes /.test(line))).toEqual([])
  })

  it('makes every annotation printable, the signature widget included', () => {
    const annotations = Object.values(objects).map(dictOf).filter((dict) => dict['/Type'] === '/Annot' || dict['/Subtype'] === '/Widget' || dict['/Subtype'] === '/Link')
    expect(annotations.some((annotation) => annotation['/Subtype'] === '/Widget')).toBe(true)
    for (const annotation of annotations) {
      const flags = annotation['/F']
      expect(typeof flags, JSON.stringify(annotation).slice(0, 200)).toBe('number')
      // Print set; Invisible, Hidden, NoView and ToggleNoView clear.
      expect((flags as number) & 4).toBe(4)
      expect((flags as number) & (1 | 2 | 32 | 256)).toBe(0)
    }
  })

  it('has no JavaScript, embedded files or LZW, and only Normal blending in RGB groups', () => {
    for (const [id, object] of Object.entries(objects)) {
      const dict = dictOf(object)
      const filters = ([] as Value[]).concat(dict['/Filter'] ?? [])
      expect(filters, id).not.toContain('/LZWDecode')
      expect(dict['/S'], id).not.toBe('/JavaScript')
      expect(dict['/JS'], id).toBeUndefined()
      expect(dict['/EmbeddedFiles'], id).toBeUndefined()
      if (dict['/BM'] !== undefined) expect(dict['/BM'], id).toBe('/Normal')
      const group = dict['/Group'] as Record<string, Value> | undefined
      if (group?.['/S'] === '/Transparency') expect(group['/CS'], id).toBe('/DeviceRGB')
    }
  })
})
