/**
 * Attacks on a signed advice report, from the trust audit: each changes bytes that the PDF
 * signature's byte range does not cover (the CMS in /Contents) and leaves a file of the same
 * length. `vangnet verify` must refuse every one (exit 4); poppler's pdfsig is shown beside it as
 * an independent reader. Rerun by anyone:
 *
 *   npx tsx test/report/attacks.ts          # prints one line per attack: verify's exit code, pdfsig's verdict
 *
 * test/report/attacks.test.ts runs the same attacks in the suite.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { runCli } from '../../src-main/cli/index'
import { createSelfSignedCertificate, readSigningIdentity, renderAdviceReport } from '../../src-main/reports'
import { certificateDer } from '../../src-main/reports/sign'
import { fixture } from './helpers'

export interface SignedSample {
  pdf: Buffer
  /** The signer's certificate as embedded in the signature. */
  certificate: Buffer
}

export const signerName = 'Test Adviseur'
export const passphrase = 'aanval-test-wachtwoord'

/** A report signed with a fresh self-signed certificate for `name`. */
export async function signedSample(name = signerName): Promise<SignedSample> {
  const { clientCase, result } = fixture()
  const p12 = createSelfSignedCertificate({ name, organisation: 'Adviesbureau Test', passphrase })
  const pdf = Buffer.from(await renderAdviceReport({ clientCase, result, reportDate: '2030-01-15', signing: { p12, passphrase, signingTime: new Date('2030-01-15T10:00:00Z') } }))
  return { pdf, certificate: certificateDer(readSigningIdentity(p12, passphrase).certificate) }
}

/** The /Contents hex string of the (last) signature: where it starts in the file and its bytes. */
function contentsOf(pdf: Buffer): { at: number; bytes: Buffer; upper: boolean } {
  const text = pdf.toString('latin1')
  const match = [...text.matchAll(/\/Contents\s*<([0-9a-fA-F]+)>/g)].at(-1)
  if (!match?.[1] || match.index === undefined) throw new Error('no signature in this PDF')
  return { at: match.index + match[0].indexOf('<') + 1, bytes: Buffer.from(match[1], 'hex'), upper: /[A-F]/.test(match[1]) }
}

/** A copy of the PDF with /Contents rewritten by `change` (same length, so the byte range still fits). */
function withContents(pdf: Buffer, change: (contents: Buffer) => void): Buffer {
  const { at, bytes, upper } = contentsOf(pdf)
  change(bytes)
  const hex = bytes.toString('hex')
  const copy = Buffer.from(pdf)
  copy.write(upper ? hex.toUpperCase() : hex, at, 'latin1')
  return copy
}

/** Where the embedded signer certificate sits inside /Contents. */
function certificateRange(contents: Buffer, certificate: Buffer): [number, number] {
  const start = contents.indexOf(certificate)
  if (start < 0) throw new Error('signer certificate not found in the signature')
  return [start, start + certificate.length]
}

function replaceAll(bytes: Buffer, from: Buffer, to: Buffer, start: number, end: number): number {
  let count = 0
  for (let at = bytes.indexOf(from, start); at >= 0 && at + from.length <= end; at = bytes.indexOf(from, at + 1)) {
    to.copy(bytes, at)
    count++
  }
  return count
}

export interface Attack {
  name: string
  apply(sample: SignedSample): Buffer
}

export const attacks: Attack[] = [
  {
    // "Test Adviseur" -> "Fake Adviseur" in the subject (and issuer) of the embedded certificate.
    name: 'signer name swapped inside the embedded certificate',
    apply: ({ pdf, certificate }) =>
      withContents(pdf, (contents) => {
        const [start, end] = certificateRange(contents, certificate)
        if (replaceAll(contents, Buffer.from('Test Adviseur'), Buffer.from('Fake Adviseur'), start, end) === 0) throw new Error('name not found')
      }),
  },
  {
    name: 'signer name swapped everywhere in the signature (certificate, signer id, signed attributes)',
    apply: ({ pdf }) =>
      withContents(pdf, (contents) => {
        if (replaceAll(contents, Buffer.from('Test Adviseur'), Buffer.from('Fake Adviseur'), 0, contents.length) === 0) throw new Error('name not found')
      }),
  },
  {
    name: 'one byte of the certificate serial number flipped',
    apply: ({ pdf, certificate }) =>
      withContents(pdf, (contents) => {
        const [start] = certificateRange(contents, certificate)
        // Certificate > TBSCertificate > [0] version (5 bytes) > INTEGER serial: tag, length, then its bytes.
        const tbs = start + headerLength(contents, start)
        const serial = tbs + headerLength(contents, tbs) + 5
        if (contents[serial] !== 0x02) throw new Error('serial number not where expected')
        contents[serial + 6] = contents[serial + 6]! ^ 0x01
      }),
  },
  {
    name: 'padding after the signature in /Contents changed',
    apply: ({ pdf }) =>
      withContents(pdf, (contents) => {
        contents[contents.length - 16] = 0x41
      }),
  },
  {
    name: 'text hidden in the padding after the signature',
    apply: ({ pdf }) =>
      withContents(pdf, (contents) => {
        contents.write('Ondertekend door Fake Adviseur', contents.length - 64, 'latin1')
      }),
  },
]

/** Length of a DER element's tag and length octets. */
function headerLength(bytes: Buffer, at: number): number {
  const first = bytes[at + 1]!
  return first < 0x80 ? 2 : 2 + (first & 0x7f)
}

/** pdfsig's verdict line (it exits 0 whatever it finds). */
export function pdfsigVerdict(file: string): string {
  try {
    const output = execFileSync('pdfsig', [file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    return /Signature Validation: (.*)/.exec(output)?.[1]?.trim() ?? 'no signature found'
  } catch (error) {
    return `pdfsig failed: ${(error as Error).message.split('\n')[0]}`
  }
}

/** `vangnet verify` on a file, in-process: its exit code and output. */
export async function vangnetVerify(file: string, cwd: string): Promise<{ code: number; stdout: string }> {
  let stdout = ''
  const code = await runCli(['verify', file], { stdout: (chunk) => (stdout += chunk), stderr: (chunk) => (stdout += chunk), env: {}, cwd })
  return { code, stdout }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'vangnet-attacks-'))
  try {
    const sample = await signedSample()
    const originalPath = join(dir, 'original.pdf')
    writeFileSync(originalPath, sample.pdf)
    console.log(`original: vangnet verify exit ${(await vangnetVerify(originalPath, dir)).code}; pdfsig: ${pdfsigVerdict(originalPath)}`)
    let refused = 0
    for (const [index, attack] of attacks.entries()) {
      const file = join(dir, `attack-${index + 1}.pdf`)
      writeFileSync(file, attack.apply(sample))
      const { code, stdout } = await vangnetVerify(file, dir)
      if (code === 4) refused++
      const reason = /probleem:\s+(.*)/.exec(stdout)?.[1] ?? ''
      console.log(`${attack.name}: vangnet verify exit ${code}${reason ? ` (${reason})` : ''}; pdfsig: ${pdfsigVerdict(file)}`)
    }
    console.log(`${refused} of ${attacks.length} attacks refused by vangnet verify`)
    process.exitCode = refused === attacks.length ? 0 : 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
