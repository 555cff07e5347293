/**
 * The finished PDF, read back by independent tools (poppler's pdftotext and pdfsig, qpdf): every
 * amount as the rules computed it, every section, Dutch diacritics intact, a valid PAdES
 * signature over the whole file, and a broken one after one changed byte.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatEuro } from '../../shared/format'
import { advise } from '../../shared/rules/advise'
import { runCli } from '../../src-main/cli/index'
import { createSelfSignedCertificate, renderAdviceReport, reportHash, verifyPdf } from '../../src-main/reports'
import { adviser, drawnSignatureDataUrl, euroPattern, fee, fixture, normaliseSpaces, numbersIn, recommendation, stringsIn } from './helpers'

const { clientCase, result } = fixture()
const passphrase = 'test-wachtwoordzin'
let dir: string
let signedPath: string
let signed: Uint8Array
let text: string

function run(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** pdfsig exits 0 whether or not the signature is valid: its text is the verdict. */
function pdfsig(path: string): string {
  return run('pdfsig', [path])
}

async function cli(args: string[]): Promise<{ code: number; stdout: string }> {
  let stdout = ''
  const code = await runCli(args, { stdout: (chunk) => (stdout += chunk), stderr: () => {}, env: {}, cwd: dir })
  return { code, stdout }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vangnet-report-'))
  const p12 = createSelfSignedCertificate({ name: adviser.name, organisation: adviser.firm, passphrase })
  signed = await renderAdviceReport({
    clientCase,
    result,
    adviser,
    recommendation,
    fee,
    reportDate: '2030-01-15',
    clientSignature: { imageDataUrl: await drawnSignatureDataUrl(), signedOn: '2030-01-16' },
    signing: { p12, passphrase, location: 'Utrecht' },
  })
  signedPath = join(dir, 'signed.pdf')
  writeFileSync(signedPath, signed)
  text = normaliseSpaces(run('pdftotext', ['-layout', '-enc', 'UTF-8', signedPath, '-']))
})

afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('the advice report PDF', () => {
  it('has at least six pages and embeds its fonts', () => {
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [signedPath]))?.[1])).toBeGreaterThanOrEqual(6)
    const fonts = run('pdffonts', [signedPath])
    expect(fonts).toContain('LiberationSans')
    // Every font line says "yes" for embedded (column emb).
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/\s+yes\s+yes\s+yes\s+/)
  })

  it('has every section', () => {
    for (const heading of [
      'Adviesrapport arbeidsongeschiktheid',
      'Let op: de wet is nog niet definitief',
      'Inhoud',
      'Ons advies',
      'Uw inkomen bij arbeidsongeschiktheid',
      'Uw situatie',
      'De mogelijkheden naast elkaar',
      'Premie per jaar tot de AOW-leeftijd',
      'Productinformatie',
      'Overstapmomenten en termijnen',
      'Dienstverlening, kosten en klachten',
      'Ondertekening',
      'Gelezen en begrepen',
      'Bijlage: berekeningen, aannames en bronnen',
      'Aannames en onzekerheden',
      'Toelichting bij de bedragen',
      'Bronnen',
      'AFM-registratie',
      'Kifid-aansluiting',
      'Vingerafdruk certificaat (SHA-256)',
    ]) {
      expect(text).toContain(heading)
    }
  })

  it('keeps Dutch diacritics intact', () => {
    for (const word of ['Jeroen de Vries-Çelik', 'Bakker & Ünal Adviseurs', 'Financiële buffer', 'één jaar eigen risico', 'geïndexeerd', 'wél']) {
      expect(text.replace(/\s+/g, ' ')).toContain(word)
    }
  })

  it('prints every amount exactly as in the --json results, formatted € 1.234,56', () => {
    // The decision page's risk at half disability restates the rules' figures for that degree.
    const atHalf = advise({ ...clientCase, disability: { ...clientCase.disability, degree: 0.5 } })
    const known = new Set([...numbersIn(result), ...numbersIn(atHalf), ...numbersIn(clientCase), fee.amount].map((value) => normaliseSpaces(formatEuro(value))))
    for (const amount of stringsIn(result).flatMap((line) => normaliseSpaces(line).match(euroPattern) ?? [])) known.add(amount)
    const printed = text.match(euroPattern) ?? []
    expect(printed.length).toBeGreaterThan(50)
    expect(printed.filter((amount) => !known.has(amount))).toEqual([])
    for (const option of result.options.filter((candidate) => candidate.available)) {
      for (const amount of [option.premium.monthly, option.premium.annual, option.premium.netAnnual, option.benefit.annualAtFullDisability, option.illustration.gapAmount]) {
        expect(text).toContain(normaliseSpaces(formatEuro(amount)))
      }
    }
  })

  it('declares PDF/A-2b in its XMP metadata, with an output intent, and stays validly signed', () => {
    const raw = Buffer.from(signed).toString('latin1')
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>')
    expect(raw).toContain('<pdfaid:conformance>B</pdfaid:conformance>')
    expect(raw).toContain('/OutputIntents')
    expect(verifyPdf(signed).valid).toBe(true)
  })

  it('passes qpdf --check', () => {
    expect(run('qpdf', ['--check', signedPath])).toContain('No syntax or stream encoding errors found')
  })

  it('carries a PAdES signature that pdfsig finds valid over the whole document', () => {
    const report = pdfsig(signedPath)
    expect(report).toContain('Signature Type: ETSI.CAdES.detached')
    expect(report).toContain('Total document signed')
    expect(report).toContain('Signature is Valid')
    // The adviser's name keeps its diacritics in the certificate (UTF8String), and pdfsig still validates.
    expect(report).toContain('Signer Certificate Common Name: Mr. Ö. Bakker-Ünal (zelfondertekend)')
  })

  it('is verified by vangnet verify, with signer and time (exit 0)', async () => {
    const check = verifyPdf(signed)
    expect(check.valid).toBe(true)
    expect(check.signatures[0]?.signer?.commonName).toBe('Mr. Ö. Bakker-Ünal (zelfondertekend)')
    expect(check.signatures[0]?.signer?.organisation).toBe('Bakker & Ünal Adviseurs')
    expect(check.signatures[0]?.signer?.selfSigned).toBe(true)
    const { code, stdout } = await cli(['verify', 'signed.pdf'])
    expect(code).toBe(0)
    expect(stdout).toContain('hele document gedekt: ja')
    expect(stdout).toContain('ongewijzigd:          ja')
    expect(stdout).toContain(reportHash(signed))
  })

  it('after one changed byte in the signed range: pdfsig says Digest Mismatch, vangnet verify exits 4', async () => {
    const tampered = Buffer.from(signed)
    // Change one digit of an amount in the document info or content: a byte well inside the first signed range.
    const at = Buffer.from(tampered).indexOf('/Producer')
    expect(at).toBeGreaterThan(0)
    tampered[at + 12] = tampered[at + 12] === 0x58 ? 0x59 : 0x58
    const tamperedPath = join(dir, 'tampered.pdf')
    writeFileSync(tamperedPath, tampered)
    expect(pdfsig(tamperedPath)).toContain('Digest Mismatch')
    expect(verifyPdf(tampered).valid).toBe(false)
    expect((await cli(['verify', 'tampered.pdf'])).code).toBe(4)
  })

  it('an appended update after signing is not covered: exit 4', async () => {
    const appended = Buffer.concat([Buffer.from(signed), Buffer.from('\n% appended after signing\n')])
    writeFileSync(join(dir, 'appended.pdf'), appended)
    const check = verifyPdf(appended)
    expect(check.signatures[0]?.coversWholeDocument).toBe(false)
    expect(check.valid).toBe(false)
    expect((await cli(['verify', 'appended.pdf'])).code).toBe(4)
  })

  it('an unsigned report is not valid (exit 4); a missing file is invalid input (exit 2)', async () => {
    const unsigned = await renderAdviceReport({ clientCase, result, language: 'en', reportDate: '2030-01-15' })
    writeFileSync(join(dir, 'unsigned.pdf'), unsigned)
    expect(normaliseSpaces(run('pdftotext', [join(dir, 'unsigned.pdf'), '-']))).toContain('Disability insurance advice report')
    expect(verifyPdf(unsigned).valid).toBe(false)
    expect((await cli(['verify', 'unsigned.pdf'])).code).toBe(4)
    expect((await cli(['verify', 'does-not-exist.pdf'])).code).toBe(2)
  })

  it('refuses a wrong certificate passphrase with a plain message', async () => {
    const p12 = createSelfSignedCertificate({ name: 'X', passphrase: 'goed' })
    await expect(renderAdviceReport({ clientCase, result, signing: { p12, passphrase: 'fout' } })).rejects.toThrow(/wachtwoordzin/)
  })
})

describe('an unsigned report', () => {
  it('loads no signing library (node-forge, @signpdf): they load when a report is signed', () => {
    // A fresh process, as the headless command's `advise --pdf` without --sign runs.
    const script = `
      import { createRequire } from 'node:module'
      import { advise } from './shared/rules/advise'
      import { renderAdviceReport } from './src-main/reports'
      import { fixtureCase } from './test/report/helpers'
      const clientCase = fixtureCase()
      const require = createRequire(import.meta.url)
      const loaded = () => Object.keys(require.cache).filter((file) => /node-forge|@signpdf/.test(file)).length
      const pdf = await renderAdviceReport({ clientCase, result: advise(clientCase), reportDate: '2030-01-15' })
      const before = loaded()
      const { readSigningIdentity, createSelfSignedCertificate } = await import('./src-main/reports')
      readSigningIdentity(createSelfSignedCertificate({ name: 'Test', passphrase: 'x' }), 'x')
      console.log(JSON.stringify({ pdf: pdf.length, before, after: loaded() }))
    `
    const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') })) as { pdf: number; before: number; after: number }
    expect(out.pdf).toBeGreaterThan(10_000)
    expect(out.before).toBe(0)
    expect(out.after).toBeGreaterThan(0)
  })
})

describe('modules a report never calls', () => {
  it('are loaded only when used: pdfkit’s encryption and fontkit’s WOFF2 decoder, which still work', () => {
    const script = `
      import { createRequire } from 'node:module'
      import { brotliCompressSync } from 'node:zlib'
      import { renderPdf } from './src-main/reports/render'
      const require = createRequire(import.meta.url)
      const loaded = () => Object.keys(require.cache).filter((file) => /node_modules\\/(brotli\\/dec\\/|@noble\\/ciphers\\/(?!aes\\.js)|@noble\\/hashes\\/(?!utils\\.js|sha2\\.js))/.test(file)).length
      const definition = { content: [{ text: 'Vangnet' }], defaultStyle: { font: 'LiberationSans' } }
      const plain = (await renderPdf(definition)).toString('latin1')
      const before = loaded()
      // An encrypted PDF (never a report: PDF/A forbids it) needs the encryption modules.
      const encrypted = (await renderPdf({ ...definition, userPassword: 'geheim' })).toString('latin1')
      const pdfkit = createRequire(require.resolve('pdfmake')).resolve('pdfkit')
      const brotli = createRequire(createRequire(pdfkit).resolve('fontkit'))('brotli/decompress.js')
      const text = Buffer.from(brotli(brotliCompressSync(Buffer.from('Vangnet')), 7)).toString('latin1')
      console.log(JSON.stringify({ plain: plain.includes('/Encrypt'), encrypted: encrypted.includes('/Encrypt'), before, after: loaded(), text }))
    `
    const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', cwd: join(import.meta.dirname, '../..') })) as Record<string, unknown>
    expect(out).toMatchObject({ plain: false, encrypted: true, before: 0, text: 'Vangnet' })
    expect(out.after).toBeGreaterThan(0)
  })
})
