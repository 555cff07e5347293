/**
 * Signed parameter packs: a pack signed with a throwaway key pair is verified, shows what it
 * changes, changes the rules' figures and the parameter hash, marks older advice for review, and
 * rolls back to the built-in parameters. Every refusal (unsigned, another key, changed after
 * signing, malformed, unsourced) changes nothing.
 */
import { createPrivateKey, sign } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/index'
import { generatePublisherKeys, PackError, PackStore, signPack, verifyPack } from '../../src-main/params'
import { evaluateClients } from '../../src-main/portfolio'
import { parameterHash } from '../../shared/parameters/resolve'
import { setParameterUpdate } from '../../shared/parameters/update'
import { advise } from '../../shared/rules/advise'
import { parseClientCase, type ClientCase } from '../../shared/schema/case'
import { removeTempDirs, tempDir } from '../store/helpers'

const keys = generatePublisherKeys()
const otherKeys = generatePublisherKeys()
let dir: string

/** A realistic pack: the premium rate set for 2030, a new minimum wage row with its own source. */
function content(overrides: Record<string, unknown> = {}) {
  return {
    format: 'vangnet-parameterpakket',
    version: 1,
    id: '2027-01',
    label: 'Parameters januari 2027',
    publishedAt: '2026-12-01',
    scenarios: {
      'raad-van-state-2025': {
        premiumRate: { value: '0.061', cite: { source: 'RB-2027', locator: 'artikel 2, premiepercentage Baz' }, effectiveFrom: '2030-01-01' },
      },
    },
    minimumWageMonthly: [{ from: '2027-01-01', value: '2350.20', cite: { source: 'WML-2027-01', locator: 'maandloon 21 jaar en ouder' } }],
    minimumWageVerifiedThrough: '2027-06-30',
    sources: [
      { key: 'WML-2027-01', short: 'Bedragen minimumloon 1 januari 2027', title: 'Bedragen wettelijk minimumloon per 1 januari 2027', date: '2026-09-15', kind: 'official-table' },
      { key: 'RB-2027', short: 'Regeling premie Baz 2030', title: 'Regeling vaststelling premiepercentage Baz', date: '2026-11-20', kind: 'primary' },
    ],
    ...overrides,
  }
}

function sampleCase(): ClientCase {
  const parsed = parseClientCase(JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/cases/starter.json'), 'utf8')))
  if (!parsed.ok) throw new Error('sample case invalid')
  return { ...parsed.value, scenario: 'raad-van-state-2025' }
}

beforeAll(() => {
  dir = tempDir('vangnet-params-')
})
afterEach(() => setParameterUpdate(null))
afterAll(removeTempDirs)

describe('parameter packs: refusals change nothing', () => {
  function expectRefused(file: string, message: RegExp, publicKey = keys.publicKey): void {
    expect(() => verifyPack(file, publicKey)).toThrow(PackError)
    expect(() => verifyPack(file, publicKey)).toThrow(message)
  }

  it('refuses an unsigned pack', () => {
    expectRefused(JSON.stringify(content()), /niet ondertekend/)
  })

  it('refuses a pack signed with another key', () => {
    expectRefused(JSON.stringify(signPack(content(), otherKeys.privateKey)), /door een andere sleutel ondertekend of na ondertekening gewijzigd/)
  })

  it('refuses a pack changed after signing', () => {
    const envelope = signPack(content(), keys.privateKey)
    const changed = Buffer.from(Buffer.from(envelope.payload, 'base64').toString('utf8').replace('2350.20', '9350.20')).toString('base64')
    expectRefused(JSON.stringify({ ...envelope, payload: changed }), /door een andere sleutel ondertekend of na ondertekening gewijzigd/)
  })

  it('refuses malformed files and content, even when signed', () => {
    expectRefused('{ dit is geen json', /geen geldige JSON/)
    expectRefused(JSON.stringify({ format: 'vangnet-parameterpakket-ondertekend', payload: 'abc', signature: 'kapot' }), /geen geldig ondertekend parameterpakket/)
    // Signed by the right key, but content the app cannot use: sign it bypassing the tool's own check.
    const badContent = Buffer.from(JSON.stringify(content({ scenarios: { 'raad-van-state-2025': { bestaatNiet: { value: 1, cite: { source: 'RB-2027', locator: 'x' }, effectiveFrom: '2030-01-01' } } } })))
    const signed = { format: 'vangnet-parameterpakket-ondertekend', payload: badContent.toString('base64'), signature: sign(null, badContent, createPrivateKey(keys.privateKey)).toString('base64') }
    expectRefused(JSON.stringify(signed), /bestaatNiet: geen parameter die Vangnet kent/)
  })

  it('refuses unsourced values: the signing tool too', () => {
    const unsourced = content({ minimumWageMonthly: [{ from: '2027-01-01', value: '2350.20' }] })
    expect(() => signPack(unsourced, keys.privateKey)).toThrow(/minimumWageMonthly\[0\]\.cite: ontbreekt/)
    const unknownSource = content({ sources: [] })
    expect(() => signPack(unknownSource, keys.privateKey)).toThrow(/bron "WML-2027-01" is onbekend/)
    const undated = content({ scenarios: { 'raad-van-state-2025': { premiumRate: { value: '0.061', cite: { source: 'KB-2025', locator: 'x' } } } } })
    expect(() => signPack(undated, keys.privateKey)).toThrow(/effectiveFrom: ontbreekt/)
  })

  it('keeps nothing when an import is refused', async () => {
    const store = new PackStore(join(dir, 'geweigerd.db.parameters.json'), keys.publicKey)
    await expect(store.import(JSON.stringify(signPack(content(), otherKeys.privateKey)), { dryRun: false, now: new Date() })).rejects.toThrow(PackError)
    expect(existsSync(store.path)).toBe(false)
    expect(store.list()).toEqual([])
  })
})

describe('parameter packs: import, effect, rollback', () => {
  it('shows what a pack changes, applies it, and rolls back', async () => {
    const before = advise(sampleCase())
    const builtInHash = parameterHash('raad-van-state-2025')
    const store = new PackStore(join(dir, 'kluis.db.parameters.json'), keys.publicKey)
    const file = JSON.stringify(signPack(content(), keys.privateKey))

    const dry = await store.import(file, { dryRun: true, now: new Date('2026-12-02T10:00:00Z') })
    expect(dry.changes).toContain('raad-van-state-2025: premiumRate "0.054" → "0.061" (vanaf 2030-01-01; RB-2027, artikel 2, premiepercentage Baz)')
    expect(dry.changes).toContain('minimumloon per 2027-01-01: nieuw: €\u00a02.350,20 per maand (WML-2027-01)')
    expect(existsSync(store.path)).toBe(false)
    expect(parameterHash('raad-van-state-2025')).toBe(builtInHash)

    await store.import(file, { dryRun: false, now: new Date('2026-12-02T10:00:00Z') })
    expect(store.list()).toEqual([{ index: 0, id: '2027-01', label: 'Parameters januari 2027', publishedAt: '2026-12-01', importedAt: '2026-12-02T10:00:00.000Z', active: true }])
    const after = advise(sampleCase())
    expect(after.parameterHash).not.toBe(before.parameterHash)
    expect(after.parameterSet).toBe('Parameters januari 2027 (parameterpakket 2027-01, 2026-12-01)')
    const baz = (result: typeof before) => result.options.find((option) => option.id === 'baz')!.premium
    expect(baz(after).rate).toBe(0.061)
    expect(baz(after).annual).toBeGreaterThan(baz(before).annual)

    // The triage sees it: advice made under the built-in parameters needs review.
    const stored = { versionNo: 1, createdAt: '2026-11-01T09:00:00Z', scenario: 'raad-van-state-2025', parameterHash: before.parameterHash, clientCase: sampleCase(), chosenOption: 'baz' as const, suggestedOption: before.suggestion?.optionId ?? null, options: before.options.map((option) => ({ id: option.id, available: option.available, premium: option.premium.annual, benefit: option.benefit.annualAtFullDisability })) }
    const client = { id: 1, name: 'Starter', birthDate: sampleCase().client.birthDate, role: null, income: sampleCase().income, existingPolicy: null, financialBuffer: null, lastAdvice: stored }
    const [triaged] = await evaluateClients([client], { scenario: 'raad-van-state-2025', today: '2026-12-02' })
    expect(triaged!.hits.find((hit) => hit.group === 'advice-outdated')?.reason).toMatch(/andere parameters .*; premie €\s[\d.]+,\d\d → €\s[\d.]+,\d\d per jaar/)

    // A store changed on disk afterwards is refused, not used.
    const onDisk = readFileSync(store.path, 'utf8')
    writeFileSync(store.path, onDisk.replace(/"payload": "([A-Za-z0-9+/]{10})/, '"payload": "AAAAAAAAAA'))
    expect(() => store.activate()).toThrow(PackError)
    writeFileSync(store.path, onDisk)

    expect(await store.rollback()).toBeNull()
    expect(parameterHash('raad-van-state-2025')).toBe(builtInHash)
    expect(advise(sampleCase()).options.find((option) => option.id === 'baz')!.premium).toEqual(baz(before))
    await expect(store.rollback()).rejects.toThrow(/niets terug te draaien/)
  })
})

describe('vangnet params', () => {
  async function vangnet(args: string[], env: Record<string, string> = {}) {
    let stdout = ''
    let stderr = ''
    const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, cwd: dir })
    return { code, stdout, stderr }
  }

  it('signs with the key from the environment, and refuses a pack not signed by the publisher', async () => {
    writeFileSync(join(dir, 'inhoud.json'), JSON.stringify(content()))
    const signed = await vangnet(['params', 'sign', '--in', 'inhoud.json', '--out', 'pakket.json'], { VANGNET_PACK_PRIVATE_KEY: otherKeys.privateKey })
    expect(signed).toMatchObject({ code: 0, stdout: 'Ondertekend pakket geschreven: pakket.json\n' })
    // The app carries the publisher's key; a throwaway key's signature is refused with exit 4.
    const refused = await vangnet(['params', 'import', 'pakket.json', '--db', 'cli.db'])
    expect(refused.code).toBe(4)
    expect(refused.stderr).toMatch(/handtekening van dit parameterpakket klopt niet/)
    expect(existsSync(join(dir, 'cli.db.parameters.json'))).toBe(false)
    const unsigned = await vangnet(['params', 'import', 'inhoud.json', '--db', 'cli.db'])
    expect(unsigned.code).toBe(2)
    expect(unsigned.stderr).toMatch(/niet ondertekend/)
    expect((await vangnet(['params', 'list', '--db', 'cli.db'])).stdout).toBe('Geen parameterpakketten: de ingebouwde parameters zijn actief.\n')
    expect((await vangnet(['params', 'sign', '--in', 'inhoud.json', '--out', 'x.json'])).stderr).toMatch(/VANGNET_PACK_PRIVATE_KEY ontbreekt/)
  })
})
