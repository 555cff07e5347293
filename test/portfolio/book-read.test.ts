/**
 * The triage's read of the vault (vault.portfolio): the role and the buffer come from each client's
 * intake draft as the form keeps them (the buffer as typed text), taken out of the draft's JSON by
 * the query. A buffer that is not text, a role that is not one of the roles, or a draft of another
 * shape gives "not recorded" for that client; it never fails the read of the whole book.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVault, type Vault } from '../../src-main/store'
import type { Db } from '../../src-main/store/connection'
import { triageClient } from '../../shared/portfolio/triage'
import { fastKdf, passphrase, removeTempDirs, samplePolicy, tempDir } from '../store/helpers'

let vault: Vault
beforeAll(async () => {
  vault = await createVault(join(tempDir(), 'kluis.db'), passphrase, { kdf: fastKdf, autoLockAfterMs: 0 })
})
afterAll(() => {
  vault.lock()
  removeTempDirs()
})

describe('the book read for the triage', () => {
  it('reads role and buffer from the drafts, and a draft it cannot use as not recorded', async () => {
    const typed = vault.clients.create({ name: 'Anna Typed', birthDate: '1980-02-02' })
    vault.drafts.save(typed.id, { client: { role: 'dga' }, profile: { financialBuffer: '€ 12.500,50' } })
    const numeric = vault.clients.create({ name: 'Bram Numeric', birthDate: '1981-03-03' })
    vault.drafts.save(numeric.id, { client: { role: 'meewerkende-partner' }, profile: { financialBuffer: 9000 } })
    const odd = vault.clients.create({ name: 'Cees Odd', birthDate: '1982-04-04' })
    vault.drafts.save(odd.id, { client: { role: 'directeur' }, profile: { financialBuffer: '-5' } })
    const shapeless = vault.clients.create({ name: 'Dirk Shapeless', birthDate: '1983-05-05' })
    vault.drafts.save(shapeless.id, { client: 'dga', profile: ['12000'] })
    const none = vault.clients.create({ name: 'Eva None', birthDate: '1984-06-06' })

    const book = new Map(vault.portfolio.load().map((client) => [client.id, client]))
    expect(book.get(typed.id)).toMatchObject({ role: 'dga', financialBuffer: 12500.5 })
    expect(book.get(numeric.id)).toMatchObject({ role: 'meewerkende-partner', financialBuffer: null })
    expect(book.get(odd.id)).toMatchObject({ role: null, financialBuffer: null })
    expect(book.get(shapeless.id)).toMatchObject({ role: null, financialBuffer: null })
    expect(book.get(none.id)).toMatchObject({ role: null, financialBuffer: null })
    expect(vault.portfolio.count()).toBe(5)
  })

  it('leaves a stored policy to the triage to check: one that no longer passes makes the client incomplete, not uninsured', () => {
    const income = [
      { year: 2025, profit: 60000, wiaWage: 0 },
      { year: 2026, profit: 62000, wiaWage: 0 },
    ]
    const sound = vault.clients.create({ name: 'Fleur Sound', birthDate: '1980-07-07' })
    vault.incomeYears.replace(sound.id, income)
    vault.policies.add(sound.id, 'existing', samplePolicy)
    const spoilt = vault.clients.create({ name: 'Gijs Spoilt', birthDate: '1980-08-08' })
    vault.incomeYears.replace(spoilt.id, income)
    const policy = vault.policies.add(spoilt.id, 'existing', samplePolicy)
    // Saved through the schema, changed afterwards (an older version's data, a repair by hand).
    ;(vault as unknown as { db(): Db }).db().prepare("UPDATE policies SET policy_json = json_set(policy_json, '$.insuredAmount', -5) WHERE id = ?").run(policy.id)

    const book = new Map(vault.portfolio.load().map((client) => [client.id, client]))
    const settings = { scenario: 'tweede-kamer-2026', today: '2030-02-01' }
    const soundHits = triageClient(book.get(sound.id)!, settings).hits
    expect(soundHits.map((hit) => hit.group)).not.toContain('incomplete')
    expect(soundHits.map((hit) => hit.group)).not.toContain('no-cover')
    const spoiltHits = triageClient(book.get(spoilt.id)!, settings).hits
    expect(spoiltHits).toEqual([{ group: 'incomplete', reason: expect.stringMatching(/^Kan niet doorrekenen: .*insuredAmount/) }])
  })
})
