/**
 * PDF/A-2b (ISO 19005-2), checked as far as the tools at hand allow: no PDF/A validator can be
 * installed here (veraPDF is neither in Debian nor on the npm registry, and no npm package ships
 * one). A signed report, read back with qpdf (its own parser, --json) and its embedded fonts
 * parsed with fontkit, must have:
 * - the XMP metadata claiming part 2, conformance B, unfiltered, well-formed XML in an xpacket
 *   without the forbidden bytes/encoding attributes, only properties of the schemas PDF/A
 *   predefines, and saying what the Info dictionary says (6.6.2);
 * - an sRGB output intent whose embedded ICC profile has a sound header: its stated size, the
 *   'acsp' signature, version 2 or 4, a display (mntr) RGB profile with N = 3 (6.2.3);
 * - every font embedded, none of the standard fourteen; for every CIDFontType2 the widths in /W
 *   (and /DW) agree with the advance widths of the embedded TrueType program, and a CIDSet, when
 *   present, names exactly the glyphs the program has (6.2.11.4, 6.2.11.5); no text showing the
 *   .notdef glyph (6.2.11.8);
 * - every annotation printable (Print flag, none hidden); no forbidden actions (Launch,
 *   JavaScript, ...); no external streams (/F); a file identifier; no encryption, embedded files
 *   or LZW; transparency only with the Normal blend mode and in an RGB group;
 * - the implementation limits of 6.1.13 on the objects (names, strings, integers, reals) and the
 *   q/Q nesting of the content streams.
 * What this does not check: every rule of ISO 19005-2 that veraPDF would (colour spaces used
 * inside content streams against the output intent, the fonts' cmap subtables, and so on).
 */
import { execFileSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SaxesParser } from 'saxes'
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

/** fontkit as pdfkit loads it (pdfmake -> pdfkit -> fontkit), to read the embedded font programs. */
interface FontProgram {
  unitsPerEm: number
  numGlyphs: number
  getGlyph(id: number): { advanceWidth: number }
}
function fontkit(): { create(bytes: Buffer): FontProgram } {
  const require = createRequire(import.meta.url)
  const pdfkit = createRequire(require.resolve('pdfmake')).resolve('pdfkit')
  return createRequire(pdfkit)('fontkit') as { create(bytes: Buffer): FontProgram }
}

/** The widths a CIDFont's /W array gives, CID by CID (both forms: `c [w1 w2 …]` and `c1 c2 w`). */
function widthsOf(array: Value[]): Map<number, number> {
  const widths = new Map<number, number>()
  for (let index = 0; index < array.length; ) {
    const first = array[index] as number
    const next = array[index + 1]
    if (Array.isArray(next)) {
      next.forEach((width, offset) => widths.set(first + offset, width as number))
      index += 2
    } else {
      for (let cid = first; cid <= (next as number); cid++) widths.set(cid, array[index + 2] as number)
      index += 3
    }
  }
  return widths
}

/** Every page's and form's content stream, decoded, with the fonts its resources name. */
function contentStreams(): { id: string; text: string; fonts: Record<string, Value> }[] {
  const streams: { id: string; text: string; fonts: Record<string, Value> }[] = []
  const fontsOf = (dict: Record<string, Value>) => {
    const resources = (typeof dict['/Resources'] === 'string' ? dictOf(resolve(dict['/Resources'])) : dict['/Resources']) as Record<string, Value> | undefined
    const fonts = resources?.['/Font']
    return (typeof fonts === 'string' ? dictOf(resolve(fonts)) : (fonts ?? {})) as Record<string, Value>
  }
  for (const [id, object] of Object.entries(objects)) {
    const dict = dictOf(object)
    if (dict['/Type'] === '/Page') {
      for (const reference of ([] as Value[]).concat(dict['/Contents'] ?? [])) streams.push({ id: String(reference), text: streamText(resolve(reference)).toString('latin1'), fonts: fontsOf(dict) })
    } else if (object.stream && dict['/Subtype'] === '/Form') {
      streams.push({ id, text: streamText(object).toString('latin1'), fonts: fontsOf(dict) })
    }
  }
  return streams
}

/**
 * The glyphs shown with each CIDFont (by its object id), read from the text objects (BT … ET) of
 * every content stream: the font set by Tf, then the hex strings shown with it. Every font here is
 * Type0 with Identity-H: two bytes a glyph.
 */
function shownGlyphs(): Map<string, number[]> {
  const shown = new Map<string, number[]>()
  for (const { id, text, fonts } of contentStreams()) {
    let current = `${id} (no font)`
    for (const block of text.match(/\bBT\b[\s\S]*?\bET\b/g) ?? []) {
      for (const [, name, hex] of block.matchAll(/\/([^\s/[\]<>()]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F\s]*)>/g)) {
        if (name !== undefined) {
          const type0 = dictOf(resolve(fonts[`/${name}`]!))
          current = String((type0['/DescendantFonts'] as Value[] | undefined)?.[0] ?? `${id} /${name}`)
          continue
        }
        const glyphs = (hex!.replace(/\s/g, '').match(/.{4}/g) ?? []).map((glyph) => parseInt(glyph, 16))
        const list = shown.get(current) ?? []
        for (const glyph of glyphs) list.push(glyph)
        shown.set(current, list)
      }
    }
  }
  return shown
}

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
    // The Info dictionary's text, as XML character data in the XMP.
    const xml = (value: string) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
    const info = Object.fromEntries(Object.entries(dictOf(resolve(trailer['/Info']!))).map(([key, reference]) => [key, xml(text(resolve(reference)?.value))]))
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${info['/Title']}</rdf:li>`)
    expect(xmp).toContain(`<rdf:li>${info['/Author']}</rdf:li>`)
    expect(xmp).toContain(`<pdf:Producer>${info['/Producer']}</pdf:Producer>`)
    expect(xmp).toContain(`<xmp:CreatorTool>${info['/Creator']}</xmp:CreatorTool>`)
    // D:20301115093000Z in Info is 2030-11-15T09:30:00Z in XMP.
    const created = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(info['/CreationDate'] ?? '')
    expect(created).not.toBeNull()
    expect(xmp).toContain(`<xmp:CreateDate>${created![1]}-${created![2]}-${created![3]}T${created![4]}:${created![5]}:${created![6]}Z</xmp:CreateDate>`)
  })

  it('has well-formed XMP in a plain xpacket, with only the properties of schemas PDF/A predefines', () => {
    const catalog = dictOf(resolve(trailer['/Root']!))
    const xmp = streamText(resolve(catalog['/Metadata']!)).toString('utf8')
    // 6.6.2.1: the packet header carries neither the bytes nor the encoding attribute.
    const header = /^<\?xpacket ([^?]*)\?>/.exec(xmp.trimStart())
    expect(header).not.toBeNull()
    expect(header![1]).toMatch(/id=["']W5M0MpCehiHzreSzNTczkc9d["']/)
    expect(header![1]).not.toMatch(/\b(bytes|encoding)=/)
    expect(xmp.trimEnd()).toMatch(/<\?xpacket end=["'][rw]["']\?>$/)
    // Well-formed, namespace-aware; every property from the schemas of ISO 19005-2, 6.6.2.3.1
    // (XMP Dublin Core, XMP basic, Adobe PDF, PDF/A identification, XMP media management).
    const predefined = new Set([
      'http://purl.org/dc/elements/1.1/',
      'http://ns.adobe.com/xap/1.0/',
      'http://ns.adobe.com/pdf/1.3/',
      'http://www.aiim.org/pdfa/ns/id/',
      'http://ns.adobe.com/xap/1.0/mm/',
    ])
    const structural = new Set(['adobe:ns:meta/', 'http://www.w3.org/1999/02/22-rdf-syntax-ns#', 'http://www.w3.org/XML/1998/namespace'])
    const parser = new SaxesParser({ xmlns: true })
    const problems: string[] = []
    const used = new Set<string>()
    let depthInDescription = -1
    let depth = 0
    parser.on('error', (error) => problems.push(error.message))
    parser.on('opentag', (tag) => {
      depth += 1
      if (tag.uri === 'http://www.w3.org/1999/02/22-rdf-syntax-ns#' && tag.local === 'Description') depthInDescription = depth
      else if (depth === depthInDescription + 1 && depthInDescription > 0) used.add(tag.uri)
      for (const attribute of Object.values(tag.attributes)) if (typeof attribute !== 'string' && attribute.uri && !attribute.prefix.startsWith('xmlns') && attribute.prefix !== 'xmlns') used.add(attribute.uri)
    })
    parser.on('closetag', () => {
      if (depth === depthInDescription) depthInDescription = -1
      depth -= 1
    })
    parser.write(xmp).close()
    expect(problems).toEqual([])
    expect(used.size).toBeGreaterThan(2)
    for (const uri of used) if (!structural.has(uri)) expect(predefined, uri).toContain(uri)
  })

  it('has an sRGB output intent with an embedded ICC profile', () => {
    const catalog = dictOf(resolve(trailer['/Root']!))
    const intents = (catalog['/OutputIntents'] as Value[]).map((reference) => dictOf(resolve(reference)))
    expect(intents.map((intent) => intent['/S'])).toEqual(['/GTS_PDFA1'])
    const profile = resolve(intents[0]!['/DestOutputProfile']!)
    expect(profile?.stream?.dict['/N']).toBe(3)
    // The ICC profile header (ICC.1:2004-10, 7.2): its size at byte 0, major version at 8, device
    // class at 12, colour space at 16, connection space at 20, signature 'acsp' at 36.
    const bytes = streamText(profile)
    expect(bytes.readUInt32BE(0)).toBe(bytes.length)
    expect([2, 4]).toContain(bytes[8])
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('mntr')
    expect(bytes.subarray(16, 20).toString('latin1')).toBe('RGB ')
    expect(['XYZ ', 'Lab ']).toContain(bytes.subarray(20, 24).toString('latin1'))
    expect(bytes.subarray(36, 40).toString('latin1')).toBe('acsp')
    // Its tag table lies inside the profile, and names the sRGB description.
    const tags = bytes.readUInt32BE(128)
    expect(tags).toBeGreaterThan(0)
    for (let tag = 0; tag < tags; tag++) {
      const offset = bytes.readUInt32BE(132 + tag * 12 + 4)
      const size = bytes.readUInt32BE(132 + tag * 12 + 8)
      expect(offset + size).toBeLessThanOrEqual(bytes.length)
    }
    expect(intents[0]!['/OutputConditionIdentifier']).toBeDefined()
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

  it('gives each embedded font the widths its font program has, for every glyph shown, and never shows .notdef', () => {
    const { create } = fontkit()
    const shown = shownGlyphs()
    const cidFonts = Object.entries(objects).filter(([, object]) => dictOf(object)['/Subtype'] === '/CIDFontType2')
    expect(cidFonts.length).toBeGreaterThan(1)
    // Every font is Type0 over one of these (no simple font whose /Widths would go unchecked).
    const subtypes = Object.values(objects).map(dictOf).filter((dict) => dict['/Type'] === '/Font').map((dict) => dict['/Subtype'])
    expect(new Set(subtypes)).toEqual(new Set(['/Type0', '/CIDFontType2']))
    expect([...shown.keys()].sort()).toEqual(cidFonts.map(([id]) => id.replace(/^obj:/, '')).sort())
    for (const [id, object] of cidFonts) {
      const font = dictOf(object)
      const name = String(font['/BaseFont'])
      const descriptor = dictOf(resolve(font['/FontDescriptor']!))
      const program = create(streamText(resolve(descriptor['/FontFile2']!)))
      const scale = 1000 / program.unitsPerEm
      const widths = widthsOf((font['/W'] as Value[] | undefined) ?? [])
      // With CIDToGIDMap /Identity the CID is the glyph id in the program. 6.2.11.5: every width
      // stated agrees with the program (veraPDF allows one unit in a thousand), and every glyph
      // shown has one (the subset's composite-glyph parts, never shown, need none).
      for (const [glyph, stated] of widths) {
        expect(glyph, name).toBeLessThan(program.numGlyphs)
        expect(Math.abs(stated - program.getGlyph(glyph).advanceWidth * scale), `${name} glyph ${glyph}`).toBeLessThanOrEqual(1)
      }
      const used = shown.get(id.replace(/^obj:/, '')) ?? []
      expect(used.length, name).toBeGreaterThan(0)
      for (const glyph of new Set(used)) expect(widths.has(glyph), `${name} glyph ${glyph} shown without a width`).toBe(true)
      // 6.2.11.8: no text shows the .notdef glyph.
      expect(used, name).not.toContain(0)
      // 6.2.11.4.2: a CIDSet, if there is one, names exactly the glyphs of the program.
      const cidSet = descriptor['/CIDSet']
      if (cidSet !== undefined) {
        const bits = streamText(resolve(cidSet))
        for (let glyph = 0; glyph < bits.length * 8; glyph++) {
          const present = ((bits[glyph >> 3]! >> (7 - (glyph & 7))) & 1) === 1
          expect(present, `${name} CIDSet bit ${glyph}`).toBe(glyph < program.numGlyphs)
        }
      }
    }
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

  it('has no forbidden actions and no external streams', () => {
    // ISO 19005-2, 6.5.1: these action types are not allowed; 6.1.7.1: no stream refers to an external file.
    const forbidden = ['/Launch', '/Sound', '/Movie', '/ResetForm', '/ImportData', '/JavaScript', '/Hide', '/SetOCGState', '/Rendition', '/Trans', '/GoTo3DView']
    for (const [id, object] of Object.entries(objects)) {
      const dict = dictOf(object)
      if (dict['/S'] !== undefined && (dict['/Type'] === '/Action' || dict['/D'] !== undefined || dict['/URI'] !== undefined || forbidden.includes(String(dict['/S'])))) expect(forbidden, id).not.toContain(dict['/S'])
      if (object.stream) {
        for (const key of ['/F', '/FFilter', '/FDecodeParms']) expect(object.stream.dict[key], `${id} ${key}`).toBeUndefined()
      }
    }
    const catalog = dictOf(resolve(trailer['/Root']!))
    expect(catalog['/AA']).toBeUndefined()
  })

  it('keeps within the implementation limits of ISO 19005-2, 6.1.13', () => {
    const check = (value: Value, where: string): void => {
      if (typeof value === 'number') {
        if (Number.isInteger(value)) expect(Math.abs(value), where).toBeLessThanOrEqual(2 ** 31 - 1)
        else expect(Math.abs(value), where).toBeLessThanOrEqual(3.403e38)
      } else if (typeof value === 'string') {
        if (value.startsWith('/')) expect(Buffer.byteLength(value.slice(1), 'utf8'), where).toBeLessThanOrEqual(127)
        // Strings are 'u:' (text) or 'b:' (hex bytes) in qpdf's JSON; at most 32 767 bytes.
        else if (value.startsWith('b:')) expect((value.length - 2) / 2, where).toBeLessThanOrEqual(32_767)
        else if (value.startsWith('u:')) expect(Buffer.byteLength(value.slice(2), 'utf16le'), where).toBeLessThanOrEqual(32_767)
      } else if (Array.isArray(value)) value.forEach((item) => check(item, where))
      else if (value && typeof value === 'object') Object.entries(value).forEach(([key, item]) => (check(key, where), check(item, where)))
    }
    for (const [id, object] of Object.entries(objects)) {
      if (id === 'trailer') continue
      check(object.value ?? null, id)
      if (object.stream) check(object.stream.dict, id)
    }
    // q/Q nesting at most 28 deep, and balanced.
    for (const { id, text } of contentStreams()) {
      let depth = 0
      let deepest = 0
      const withoutText = text.replace(/<[0-9a-fA-F\s]*>/g, ' ').replace(/\((?:\\.|[^\\)])*\)/g, ' ')
      for (const token of withoutText.split(/\s+/)) {
        if (token === 'q') deepest = Math.max(deepest, ++depth)
        else if (token === 'Q') depth -= 1
      }
      expect(deepest, id).toBeLessThanOrEqual(28)
      expect(depth, id).toBe(0)
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
