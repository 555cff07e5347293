/**
 * `vangnet advise --db KLUIS`: the headless advice uses the vault's active parameter pack as
 * `vangnet portfolio` and the app do, so `--scenario` takes a bill version the pack adds, and the
 * summary, the JSON and the PDF report name the parameter set. Without --db (or without a pack)
 * the built-in parameters apply and the output is what it always was; a version only a pack adds
 * is a plain exit-2 message.
 *
 * The pack is signed with a throwaway key pair that takes the place of the app's public key for
 * this test file only (the app's own key is never used by tests).
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../src-main/cli/index'
import { signPack } from '../../src-main/params'
import { publisherPublicKey } from '../../src-main/params/publisher-key'
import { createVault } from '../../src-main/store'
import { setParameterUpdate } from '../../shared/parameters/update'
import type { AdviceResult } from '../../shared/schema/result'
import { fastKdf, removeTempDirs, tempDir } from '../store/helpers'
import { throwawayKeys } from './throwaway-keys'

vi.mock('../../src-main/params/publisher-key', async () => ({ publisherPublicKey: (await import('./throwaway-keys')).throwawayKeys.publicKey }))

const starter = join(import.meta.dirname, '../../resources/cases/starter.json')
let dir: string

/** The bill as amended: a premium rate of 6,5 % instead of the version's own. */
const pack = {
  format: 'vangnet-parameterpakket',
  version: 1,
  id: '2026-12-amendement',
  label: 'Amendementen december 2026',
  publishedAt: '2026-12-12',
  versions: [
    {
      id: 'amendement-2026',
      extends: 'tweede-kamer-2026',
      label: { nl: 'Wetsvoorstel na amendement (december 2026)', en: 'Bill as amended (December 2026)' },
      shortLabel: { nl: 'Na amendement (dec. 2026)', en: 'As amended (Dec. 2026)' },
      verifiedThrough: '2026-12-10',
      values: { premiumRate: { value: '0.065', cite: { source: 'AM-2026', locator: 'amendement nr. 12, artikel 3.1' }, effectiveFrom: '2030-01-01' } },
    },
  ],
  sources: [{ key: 'AM-2026', short: 'Amendementen Baz december 2026', title: 'Aangenomen amendementen bij het wetsvoorstel Baz', date: '2026-12-10', kind: 'primary' }],
}

async function vangnet(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env: {}, cwd: dir })
  return { code, stdout, stderr }
}

beforeAll(async () => {
  dir = tempDir('vangnet-advise-pack-')
  const vault = await createVault(join(dir, 'kluis.db'), 'advies pakket wachtwoord', { kdf: fastKdf, autoLockAfterMs: 0 })
  vault.lock()
  writeFileSync(join(dir, 'pakket.json'), JSON.stringify(signPack(pack, throwawayKeys.privateKey)))
})

// A fresh command process starts with the built-in parameters; these runs share one process.
afterEach(() => setParameterUpdate(null))

afterAll(removeTempDirs)

describe('vangnet advise with a parameter pack', () => {
  it('runs with the throwaway key in place of the app key', () => {
    expect(publisherPublicKey).toBe(throwawayKeys.publicKey)
  })

  it('refuses a version only a pack adds, plainly, while no pack is active', async () => {
    for (const args of [[], ['--db', 'kluis.db']]) {
      const run = await vangnet(['advise', starter, '--scenario', 'amendement-2026', ...args])
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toMatch(/^--scenario: onbekende versie "amendement-2026"; kies uit mkb-toets-2024, consultatie-2024, raad-van-state-2025, tweede-kamer-2026\n$/)
    }
    const missing = await vangnet(['advise', starter, '--db', 'elders.db'])
    expect(missing).toEqual({ code: 2, stdout: '', stderr: '--db: kluis "elders.db" niet gevonden\n' })
    // A folder or a file that is not a vault would otherwise quietly mean the built-in parameters.
    writeFileSync(join(dir, 'notities.txt'), 'geen kluis')
    expect(await vangnet(['advise', starter, '--db', '.'])).toEqual({ code: 2, stdout: '', stderr: '--db: "." is geen kluis van Vangnet (een kluisbestand met zijn .keys-bestand ernaast)\n' })
    expect(await vangnet(['advise', starter, '--db', 'notities.txt', '--lang', 'en'])).toEqual({ code: 2, stdout: '', stderr: '--db: "notities.txt" is not a Vangnet vault (a vault file with its .keys file next to it)\n' })
  })

  it("uses the vault's active pack: the version it adds, its premium rate and the parameter set named", async () => {
    const before = await vangnet(['advise', starter])
    const beforeJson = JSON.parse((await vangnet(['advise', starter, '--json'])).stdout) as AdviceResult
    const imported = await vangnet(['params', 'import', 'pakket.json', '--db', 'kluis.db'])
    expect(imported.code, imported.stderr).toBe(0)

    const summary = await vangnet(['advise', starter, '--db', 'kluis.db', '--scenario', 'amendement-2026'])
    expect(summary.code, summary.stderr).toBe(0)
    const lines = summary.stdout.split('\n')
    expect(lines[0]).toMatch(/^Wetsvoorstel na amendement \(december 2026\) \(amendement-2026\) — rekenjaar \d{4}$/)
    expect(lines[1]).toMatch(/^Parameterset: Amendementen december 2026 \(parameterpakket 2026-12-amendement, 2026-12-12\); kenmerk [0-9a-f]{64}$/)

    const result = JSON.parse((await vangnet(['advise', starter, '--db', 'kluis.db', '--scenario', 'amendement-2026', '--json'])).stdout) as AdviceResult
    expect(result).toMatchObject({ scenario: 'amendement-2026', parameterSet: expect.stringMatching(/^Amendementen december 2026/) })
    expect(result.parameterHash).not.toBe(beforeJson.parameterHash)
    expect(result.options.find((option) => option.id === 'baz')!.premium.rate).toBe(0.065)
    expect(lines[1]).toContain(result.parameterHash)

    // English too.
    const english = await vangnet(['advise', starter, '--db', 'kluis.db', '--scenario', 'amendement-2026', '--lang', 'en'])
    expect(english.stdout.split('\n').slice(0, 2)).toEqual([expect.stringMatching(/^Bill as amended \(December 2026\) \(amendement-2026\) — calculation year \d{4}$/), expect.stringMatching(new RegExp(`^Parameter set: Amendementen december 2026 \\(parameter pack 2026-12-amendement, 2026-12-12\\); reference ${result.parameterHash}$`))])

    // The report names the parameter set and the pack's source.
    const report = await vangnet(['advise', starter, '--db', 'kluis.db', '--scenario', 'amendement-2026', '--pdf', 'rapport.pdf'])
    expect(report.code, report.stderr).toBe(0)
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'rapport.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
    expect(text).toContain('Amendementen december 2026')
    expect(text).toContain('Wetsvoorstel na amendement (december 2026)')
    expect(text).toContain('Aangenomen amendementen bij het wetsvoorstel Baz')

    // Without --db (a fresh process: the built-in parameters) the output is exactly what it was.
    setParameterUpdate(null)
    expect(await vangnet(['advise', starter])).toEqual(before)
    expect(JSON.parse((await vangnet(['advise', starter, '--json'])).stdout)).toEqual(beforeJson)
  })

  it('refuses a pack file changed after signing, and prints nothing', async () => {
    const store = join(dir, 'kluis.db.parameters.json')
    expect(existsSync(store)).toBe(true)
    const kept = readFileSync(store, 'utf8')
    try {
      const file = JSON.parse(kept) as { packs: { envelope: { payload: string } }[] }
      const payload = JSON.parse(Buffer.from(file.packs[0]!.envelope.payload, 'base64').toString('utf8')) as typeof pack
      payload.versions[0]!.values.premiumRate.value = '0.01'
      file.packs[0]!.envelope.payload = Buffer.from(JSON.stringify(payload)).toString('base64')
      writeFileSync(store, JSON.stringify(file))
      const run = await vangnet(['advise', starter, '--db', 'kluis.db', '--scenario', 'amendement-2026'])
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toMatch(/handtekening van dit parameterpakket klopt niet/)
      // In the language asked for: no Dutch sentence in an English run.
      const english = await vangnet(['advise', starter, '--db', 'kluis.db', '--lang', 'en'])
      expect(english.code).toBe(2)
      expect(english.stdout).toBe('')
      expect(english.stderr).toMatch(/signature of this parameter pack does not match/)
      expect(english.stderr).not.toMatch(/handtekening|pakket|kluis/)
      // A store file that is not one: a plain message in either language.
      writeFileSync(store, '{"format": "iets anders"')
      const damaged = await vangnet(['advise', starter, '--db', 'kluis.db', '--lang', 'en'])
      expect([damaged.code, damaged.stdout, damaged.stderr.trim()]).toEqual([2, '', expect.stringMatching(/^[^\n]*file of parameter packs next to the vault is damaged/)])
    } finally {
      writeFileSync(store, kept)
    }
  })
})
