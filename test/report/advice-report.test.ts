/**
 * The advice report as a client and an auditor read it, made by the headless command from the
 * sample cases: the decision page first, every page but the cover and the last at least a third
 * full, a table of contents with PDF bookmarks, the client outside the insured group, the English
 * report, and the CONCEPT draft that is never signed.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/index'
import { createSelfSignedCertificate } from '../../src-main/reports'
import { normaliseSpaces } from './helpers'
import { writeFileSync } from 'node:fs'

const root = join(import.meta.dirname, '../..')
const cases = join(root, 'resources/cases')
const adviserFile = join(root, 'resources/advisers/sample-adviser.json')
let dir = ''

async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (chunk) => (stdout += chunk), stderr: (chunk) => (stderr += chunk), env, cwd: root })
  return { code, stdout, stderr }
}

const tool = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
const pageCount = (pdf: string) => Number(tool('qpdf', ['--show-npages', pdf]).trim())
const pageText = (pdf: string, page: number) => normaliseSpaces(tool('pdftotext', ['-f', String(page), '-l', String(page), '-layout', '-enc', 'UTF-8', pdf, '-']))

/**
 * How full a page is: the lowest text line above the footer, as a share of the text area
 * (A4 is 842 pt high; the report's top margin is 48 pt and the footer starts at 786 pt).
 */
function fullness(pdf: string, page: number): number {
  const bbox = tool('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-'])
  const bottoms = [...bbox.matchAll(/yMax="([\d.]+)"/g)].map((match) => Number(match[1])).filter((y) => y < 786)
  return bottoms.length === 0 ? 0 : (Math.max(...bottoms) - 48) / (786 - 48)
}

const pdfOf = (name: string) => join(dir, `${name}.pdf`)

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vangnet-advice-'))
  for (const name of ['starter', 'existing-aov', 'dga']) {
    const { code, stderr } = await cli(['advise', join(cases, `${name}.json`), '--pdf', pdfOf(name), '--adviser', adviserFile])
    expect(stderr).not.toContain('CONCEPT')
    expect(code).toBe(0)
  }
  expect((await cli(['advise', join(cases, 'starter.json'), '--pdf', pdfOf('starter-en'), '--adviser', adviserFile, '--lang', 'en'])).code).toBe(0)
}, 60_000)

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the decision page', () => {
  it('comes right after the cover and names the chosen option, its reasons and the alternatives', () => {
    const page = pageText(pdfOf('starter'), 2).replace(/\s+/g, ' ')
    expect(page).toContain('Ons advies')
    expect(page).toContain('Wij adviseren: Opt-out met private AOV (offerte)')
    expect(page).toContain('Waarom deze keuze')
    expect(page).toContain('Als u arbeidsongeschikt wordt zoals in het voorbeeld, dekt deze keuze')
    expect(page).toContain('Waarom niet de andere mogelijkheden')
    expect(page).toContain('Baz (publieke verzekering): laat € 6.800,00 meer ongedekt tot de AOW-datum')
    expect(page).toContain('De belangrijkste risico’s in euro’s')
    expect(page).toContain('De offerte is geldig tot en met 15 februari 2030')
  })

  it('names the months without cover when the policy ends at 65', () => {
    const page = pageText(pdfOf('existing-aov'), 2).replace(/\s+/g, ' ')
    expect(page).toContain('Wij adviseren: Overgangsrecht met de lopende AOV')
    expect(page).toMatch(/Uw AOV stopt op 9 augustus 2040: 27 maanden zonder dekking tot de AOW-datum, samen € [\d.]+,\d\d tekort/)
  })
})

describe('layout', () => {
  for (const name of ['starter', 'existing-aov', 'dga']) {
    it(`${name}: every page but the cover and the last is at least a third full`, () => {
      const pages = pageCount(pdfOf(name))
      expect(pages).toBeGreaterThan(4)
      const thin = []
      for (let page = 2; page < pages; page++) if (fullness(pdfOf(name), page) < 1 / 3) thin.push(page)
      expect(thin).toEqual([])
    })
  }

  it('has a table of contents, PDF bookmarks for every chapter, and author and title metadata', () => {
    const json = JSON.parse(tool('qpdf', ['--json', '--json-key=outlines', pdfOf('starter')])) as { outlines: { title: string }[] }
    const titles = json.outlines.map((outline) => outline.title)
    expect(titles).toEqual(expect.arrayContaining(['Ons advies', 'Uw inkomen bij arbeidsongeschiktheid', 'Productinformatie', 'Ondertekening', 'Bijlage: berekeningen, aannames en bronnen', 'Bronnen']))
    expect(pageText(pdfOf('starter'), 1)).toContain('Inhoud')
    const info = tool('pdfinfo', [pdfOf('starter')])
    expect(info).toMatch(/Author:\s+M\. Jansen, Jansen Verzekeringsadvies/)
    expect(info).toMatch(/Title:\s+Adviesrapport arbeidsongeschiktheid – J\. de Vries/)
  })
})

describe('a client outside the insured group (DGA)', () => {
  const all = () => normaliseSpaces(tool('pdftotext', ['-layout', '-enc', 'UTF-8', pdfOf('dga'), '-'])).replace(/\s+/g, ' ')

  it('says why once, and analyses the private quote on its own with its income picture', () => {
    const text = all()
    expect(text.split('Een directeur-grootaandeelhouder (DGA) heeft geen winst uit onderneming').length - 1).toBe(1)
    expect(text).toContain('Wij adviseren: Private AOV (offerte)')
    expect(text).toContain('De private AOV op zichzelf')
    expect(text).toContain('Per fase: Private AOV (offerte)')
    expect(text).not.toContain('Opt-out met')
  })

  it('prints no empty table or chart and no € 0 Baz figure', () => {
    const text = all()
    expect(text).not.toContain('Premie per jaar tot de AOW-leeftijd')
    expect(text).not.toContain('De mogelijkheden naast elkaar')
    expect(text).not.toContain('Overstapmomenten en termijnen')
    expect(text).not.toContain('Baz-uitkering per jaar bij volledige arbeidsongeschiktheid')
    expect(text).not.toContain('Winst uit onderneming')
  })
})

describe('the English report', () => {
  it('writes the advice pages in English', () => {
    const page = pageText(pdfOf('starter-en'), 2).replace(/\s+/g, ' ')
    expect(page).toContain('We advise: Opt-out with a private AOV')
    expect(page).toContain('Why not the other options')
    expect(page).toContain('The main risks in euros')
    expect(page).not.toContain('Waarom')
  })
})

describe('a draft (CONCEPT)', () => {
  it('without an adviser file says CONCEPT on every page', async () => {
    const draft = join(dir, 'draft.pdf')
    expect((await cli(['advise', join(cases, 'starter.json'), '--pdf', draft])).code).toBe(0)
    const pages = pageCount(draft)
    for (let page = 1; page <= pages; page++) expect(pageText(draft, page)).toContain('CONCEPT')
  })

  it('is refused for signing with exit 2 and a plain message, and no file is written', async () => {
    const p12Path = join(dir, 'adviseur.p12')
    writeFileSync(p12Path, createSelfSignedCertificate({ name: 'M. Jansen', passphrase: 'geheim' }))
    const target = join(dir, 'signed-draft.pdf')
    const { code, stderr, stdout } = await cli(['advise', join(cases, 'starter.json'), '--pdf', target, '--sign', p12Path], { VANGNET_P12_PASSPHRASE: 'geheim' })
    expect(code).toBe(2)
    expect(stderr).toContain('--sign: een concept wordt niet ondertekend; er ontbreken de gegevens van de adviseur (--adviser ADVISEUR.json)')
    expect(stderr).not.toMatch(/\n\s+at /)
    expect(stdout).not.toContain('Rapport geschreven')
    expect(existsSync(target)).toBe(false)
    // With --lang en the refusal, and the other report messages, are English.
    const english = await cli(['advise', join(cases, 'starter.json'), '--lang', 'en', '--pdf', target, '--sign', p12Path], { VANGNET_P12_PASSPHRASE: 'geheim' })
    expect(english.code).toBe(2)
    expect(english.stderr).toContain("--sign: a draft is not signed; missing: the adviser's details (--adviser ADVISER.json)")
    const unwritable = await cli(['advise', join(cases, 'starter.json'), '--lang', 'en', '--pdf', join(dir, 'no-such-folder', 'x.pdf')])
    expect(unwritable.code).toBe(2)
    expect(unwritable.stderr).toContain('cannot write the report (the folder does not exist)')
    expect(existsSync(target)).toBe(false)
  })

  it('an adviser file with a missing field is a plain message naming the field', async () => {
    const bad = join(dir, 'adviser-bad.json')
    writeFileSync(bad, JSON.stringify({ name: 'M. Jansen', firm: 'Jansen' }))
    const { code, stderr } = await cli(['advise', join(cases, 'starter.json'), '--pdf', join(dir, 'x.pdf'), '--adviser', bad])
    expect(code).toBe(2)
    expect(stderr).toContain('afmNumber: ontbreekt')
    expect(stderr).toContain('kifidNumber: ontbreekt')
  })
})
