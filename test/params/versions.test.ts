/**
 * A parameter pack that adds a whole bill version: an overlay extending a built-in version, every
 * value sourced and dated, named in Dutch and English. Once the pack is active the version is a
 * choice like the built-in ones (the case schema, the Klantenkring screen's request, the triage,
 * the rules and the report's name for it); rolling back removes it. A pack that builds on an unknown
 * version, lacks a name in either language, carries an unsourced value or takes a built-in name
 * is refused, and nothing changes.
 */
import { createPrivateKey, sign } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { generatePublisherKeys, PackError, PackStore, signPack, verifyPack } from '../../src-main/params'
import { evaluateClients } from '../../src-main/portfolio'
import { ipcChannels } from '../../shared/ipc'
import { triageClient } from '../../shared/portfolio/triage'
import { portfolioClients } from '../../src-main/store/repositories/portfolio'
import { parameterHash, scenarioIdsAvailable } from '../../shared/parameters/resolve'
import { setParameterUpdate } from '../../shared/parameters/update'
import { advise } from '../../shared/rules/advise'
import { parseClientCase, type ClientCase } from '../../shared/schema/case'
import { removeTempDirs, tempDir } from '../store/helpers'

const keys = generatePublisherKeys()
let dir: string

/** The bill as amended in the Tweede Kamer: a premium rate of 6,5 % and a waiting period of one year. */
function amended(overrides: Record<string, unknown> = {}) {
  return {
    id: 'amendement-2026',
    extends: 'tweede-kamer-2026',
    label: { nl: 'Wetsvoorstel na amendement (december 2026)', en: 'Bill as amended (December 2026)' },
    shortLabel: { nl: 'Na amendement (dec. 2026)', en: 'As amended (Dec. 2026)' },
    verifiedThrough: '2026-12-10',
    values: {
      premiumRate: { value: '0.065', cite: { source: 'AM-2026', locator: 'amendement nr. 12, artikel 3.1' }, effectiveFrom: '2030-01-01' },
      waitingDays: {
        value: 365,
        cite: { source: 'AM-2026', locator: 'amendement nr. 14' },
        effectiveFrom: '2030-01-01',
        uncertain: { nl: 'Aangenomen amendement; de Eerste Kamer moet nog stemmen.', en: 'Amendment adopted; the Senate has yet to vote.' },
      },
    },
    ...overrides,
  }
}

function content(versions: unknown[] = [amended()], overrides: Record<string, unknown> = {}) {
  return {
    format: 'vangnet-parameterpakket',
    version: 1,
    id: '2026-12-amendement',
    label: 'Amendementen december 2026',
    publishedAt: '2026-12-12',
    versions,
    sources: [{ key: 'AM-2026', short: 'Amendementen Baz december 2026', title: 'Aangenomen amendementen bij het wetsvoorstel Baz', date: '2026-12-10', kind: 'primary' }],
    ...overrides,
  }
}

function sampleCase(scenario: string): ClientCase {
  const parsed = parseClientCase({ ...JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/cases/starter.json'), 'utf8')), scenario })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return parsed.value
}

/** Signed with the publisher's key, bypassing the signing tool's own check (to test the app's). */
function signedAnyway(body: unknown): string {
  const payload = Buffer.from(JSON.stringify(body))
  return JSON.stringify({ format: 'vangnet-parameterpakket-ondertekend', payload: payload.toString('base64'), signature: sign(null, payload, createPrivateKey(keys.privateKey)).toString('base64') })
}

beforeAll(() => {
  dir = tempDir('vangnet-versions-')
})
afterEach(() => setParameterUpdate(null))
afterAll(removeTempDirs)

describe('a pack that adds a bill version', () => {
  it('makes it a choice for the rules, the triage and the report, and rollback removes it', async () => {
    const builtIn = scenarioIdsAvailable()
    expect(parseClientCase({ ...sampleCase('tweede-kamer-2026'), scenario: 'amendement-2026' }).ok).toBe(false)
    const store = new PackStore(join(dir, 'kluis.db.parameters.json'), keys.publicKey)
    const file = JSON.stringify(signPack(content(), keys.privateKey))

    const dry = await store.import(file, { dryRun: true, now: new Date('2026-12-13T09:00:00Z') })
    expect(dry.changes).toEqual([
      'nieuwe versie van het wetsvoorstel "Wetsvoorstel na amendement (december 2026)" (amendement-2026), gebaseerd op tweede-kamer-2026: premiumRate "0.065" (AM-2026, amendement nr. 12, artikel 3.1); waitingDays 365 (AM-2026, amendement nr. 14)',
    ])
    expect(scenarioIdsAvailable()).toEqual(builtIn)

    await store.import(file, { dryRun: false, now: new Date('2026-12-13T09:00:00Z') })
    expect(scenarioIdsAvailable()).toEqual([...builtIn, 'amendement-2026'])
    const base = advise(sampleCase('tweede-kamer-2026'))
    const result = advise(sampleCase('amendement-2026'), { language: 'en' })
    expect(result.scenarioLabel).toBe('Bill as amended (December 2026)')
    const baz = (of: typeof result) => of.options.find((option) => option.id === 'baz')!
    expect(baz(result).premium.rate).toBe(0.065)
    expect(baz(result).benefit.startsAfterDays).toBe(365)
    expect(baz(base).premium.rate).not.toBe(0.065)
    // The amendment's uncertainty is printed as an assumption, in the result's language.
    expect(result.assumptions.filter((assumption) => assumption.text.includes('Amendment adopted; the Senate has yet to vote.'))).toHaveLength(1)
    expect(parameterHash('amendement-2026')).toMatch(/^[0-9a-f]{64}$/)

    // The triage: the whole book under the new version.
    const client = { id: 1, name: 'Starter', birthDate: sampleCase('tweede-kamer-2026').client.birthDate, role: null, income: sampleCase('tweede-kamer-2026').income, existingPolicy: null, financialBuffer: null, lastAdvice: null }
    const [triaged] = await evaluateClients([client], { scenario: 'amendement-2026', today: '2026-12-13', threads: 1 })
    expect(triaged!.hits).toEqual([{ group: 'no-cover', reason: expect.stringMatching(/^Geen AOV: wordt verzekerd via de Baz; 365 dagen wachttijd zonder uitkering/) }])

    // Advice saved under the pack's version, as the vault stores it.
    const saved = sampleCase('amendement-2026')
    const savedResult = advise(saved)
    const adviceRow = {
      client_id: 1,
      version_no: 1,
      created_at: '2026-12-14T10:00:00.000Z',
      bill_version: 'amendement-2026',
      parameters_hash: savedResult.parameterHash,
      case_json: JSON.stringify(saved),
      recommendation: JSON.stringify({ optionId: 'baz', motivation: 'Baz' }),
      suggested: savedResult.suggestion?.optionId ?? null,
      options: JSON.stringify(savedResult.options.map((option) => ({ id: option.id, available: option.available, premium: option.premium.annual, benefit: option.benefit.annualAtFullDisability }))),
    }

    await store.rollback()
    expect(scenarioIdsAvailable()).toEqual(builtIn)
    expect(parseClientCase({ ...sampleCase('tweede-kamer-2026'), scenario: 'amendement-2026' }).ok).toBe(false)

    // That advice is not lost from the triage when its version is gone: it needs review.
    const [book] = portfolioClients({ clients: [{ id: 1, name: 'Starter', birth_date: saved.client.birthDate }], income: [], policies: [], drafts: [], advice: [adviceRow] })
    expect(book!.lastAdvice).toMatchObject({ scenario: 'amendement-2026', chosenOption: 'baz' })
    const review = triageClient({ ...book!, income: saved.income }, { scenario: 'tweede-kamer-2026', today: '2026-12-15' }).hits.find((hit) => hit.group === 'advice-outdated')
    expect(review?.reason).toMatch(/^Herziening nodig: advies versie 1 van 14 december 2026; wetsvoorstel amendement-2026 → tweede-kamer-2026; /)
  })

  it('is refused when it builds on an unknown version, lacks a name, is unsourced or takes a built-in name; nothing is kept', async () => {
    const cases: [unknown, RegExp][] = [
      [content([amended({ extends: 'wet-2099' })]), /nieuwe versie "amendement-2026": bouwt voort op een onbekende versie "wet-2099"/],
      [content([amended({ label: { nl: 'Alleen Nederlands' } })]), /versions\[0\]\.label\.en: ontbreekt/],
      [content([amended({ shortLabel: { nl: 'Kort', en: ' ' } })]), /versions\[0\]\.shortLabel\.en/],
      [content([amended({ values: { premiumRate: { value: '0.065', effectiveFrom: '2030-01-01' } } })]), /versions\[0\]\.values\.premiumRate\.cite: ontbreekt/],
      [content([amended({ values: { premiumRate: { value: '0.065', cite: { source: 'ONBEKEND-1', locator: 'x' }, effectiveFrom: '2030-01-01' } } })]), /bron "ONBEKEND-1" is onbekend/],
      [content([amended({ values: { premiumRate: { value: 0.065, cite: { source: 'AM-2026', locator: 'x' }, effectiveFrom: '2030-01-01' } } })]), /amendement-2026\.premiumRate: waarde is number, verwacht string/],
      [content([amended({ id: 'raad-van-state-2025' })]), /die versie is al ingebouwd/],
      [content([amended({ values: {} })]), /geeft geen enkele waarde/],
    ]
    const store = new PackStore(join(dir, 'geweigerd.db.parameters.json'), keys.publicKey)
    for (const [body, message] of cases) {
      expect(() => signPack(body, keys.privateKey)).toThrow(message)
      expect(() => verifyPack(signedAnyway(body), keys.publicKey)).toThrow(PackError)
      await expect(store.import(signedAnyway(body), { dryRun: false, now: new Date() })).rejects.toThrow(message)
    }
    expect(existsSync(store.path)).toBe(false)
    expect(scenarioIdsAvailable()).not.toContain('amendement-2026')
  })

  it('the Klantenkring screen may ask for it once the pack is active', async () => {
    const start = ipcChannels['portfolio:start'].request
    expect(start.safeParse({ scenario: 'amendement-2026' }).success).toBe(false)
    await new PackStore(join(dir, 'scherm.db.parameters.json'), keys.publicKey).import(JSON.stringify(signPack(content(), keys.privateKey)), { dryRun: false, now: new Date() })
    expect(start.safeParse({ scenario: 'amendement-2026' }).success).toBe(true)
    expect(start.safeParse({ scenario: 'wet-2099' }).success).toBe(false)
  })
})
