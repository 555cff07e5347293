/**
 * The signature attacks of test/report/attacks.ts in the suite: every one refused by
 * `vangnet verify` (exit 4), the untouched report accepted, and poppler's pdfsig read alongside.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyPdf } from '../../src-main/reports'
import { attacks, pdfsigVerdict, signedSample, vangnetVerify, type SignedSample } from './attacks'

let dir: string
let sample: SignedSample

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vangnet-attacks-'))
  sample = await signedSample()
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('signature attacks', () => {
  it('the untouched report verifies (exit 0) and shows the signer certificate fingerprint', async () => {
    const file = join(dir, 'original.pdf')
    writeFileSync(file, sample.pdf)
    const { code, stdout } = await vangnetVerify(file, dir)
    expect(code).toBe(0)
    expect(stdout).toContain('ondertekenaar:        Test Adviseur (zelfondertekend)')
    expect(stdout).toMatch(/vingerafdruk:\s+SHA-256 ([0-9A-F]{2}:){31}[0-9A-F]{2}/)
    expect(pdfsigVerdict(file)).toBe('Signature is Valid.')
  })

  for (const [index, attack] of attacks.entries()) {
    it(`refuses: ${attack.name}`, async () => {
      const tampered = attack.apply(sample)
      expect(tampered.length).toBe(sample.pdf.length)
      expect(tampered.equals(sample.pdf)).toBe(false)
      const check = verifyPdf(tampered)
      expect(check.valid).toBe(false)
      expect(check.signatures[0]?.problems.length).toBeGreaterThan(0)
      const file = join(dir, `attack-${index + 1}.pdf`)
      writeFileSync(file, tampered)
      const { code, stdout } = await vangnetVerify(file, dir)
      expect(code).toBe(4)
      expect(stdout).not.toContain('Fake Adviseur')
      expect(stdout).toContain('Handtekening NIET geldig.')
    })
  }

  it('pdfsig, read independently, no longer calls a certificate with a swapped name valid', () => {
    const file = join(dir, 'swapped-name.pdf')
    writeFileSync(file, attacks[0]!.apply(sample))
    expect(pdfsigVerdict(file)).not.toBe('Signature is Valid.')
  })
})
