import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createVault, type Vault } from '../../src-main/store'
import { fastKdf, passphrase, removeTempDirs, sampleCase, samplePolicy, sampleResult, tempDir } from './helpers'

let vault: Vault
beforeEach(async () => {
  vault = await createVault(join(tempDir(), 'kluis.db'), passphrase, { kdf: fastKdf, now: () => new Date('2030-03-01T10:00:00Z') })
})
afterEach(() => {
  vault.lock()
  removeTempDirs()
})

describe('clients', () => {
  it('creates, reads, updates and lists clients sorted by name', () => {
    const b = vault.clients.create({ name: 'Bram Bakker', birthDate: '1975-05-05', email: 'bram@example.nl' })
    const a = vault.clients.create({ name: 'Anouk Abbas', birthDate: '1988-08-08' })
    expect(vault.clients.list().map((client) => client.id)).toEqual([a.id, b.id])
    const updated = vault.clients.update(b.id, { name: 'Bram Bakker-Smit', birthDate: '1975-05-05', phone: '0612345678' })
    expect(updated).toMatchObject({ name: 'Bram Bakker-Smit', phone: '0612345678', email: null })
    expect(vault.clients.get(999)).toBeNull()
    expect(() => vault.clients.update(999, { name: 'X', birthDate: '2000-01-01' })).toThrow(/niet \(meer\)/)
  })

  it('refuses invalid input with plain Dutch messages and stores nothing', () => {
    expect(() => vault.clients.create({ name: ' ', birthDate: '1980-01-01' })).toThrow(/name: mag niet leeg zijn/)
    expect(() => vault.clients.create({ name: 'Iemand', birthDate: '01-01-1980' })).toThrow(/birthDate: moet een datum zijn/)
    expect(() => vault.clients.create({ name: 'Iemand', birthDate: '1980-01-01', bsn: '123456789' } as never)).toThrow(/onbekend veld: bsn/)
    expect(() => vault.clients.createMany([{ name: 'Goed', birthDate: '1980-01-01' }, { name: '', birthDate: '1980-01-01' }])).toThrow(/klant 2/)
    expect(vault.clients.count()).toBe(0)
  })

  it('finds clients by any part of the name, ignoring case, accents and word order', () => {
    vault.clients.createMany([
      { name: 'Jan de Vries', birthDate: '1980-01-01' },
      { name: 'Élodie Müller-Özdemir', birthDate: '1981-01-01' },
      { name: 'de Jong, Jan', birthDate: '1982-01-01' },
      { name: 'Karin Jansen', birthDate: '1983-01-01' },
    ])
    expect(vault.clients.search('muller ozd').map((client) => client.name)).toEqual(['Élodie Müller-Özdemir'])
    expect(vault.clients.search('JAN DE').map((client) => client.name)).toEqual(['Jan de Vries', 'de Jong, Jan'])
    expect(vault.clients.search('jans').map((client) => client.name)).toEqual(['Karin Jansen'])
    expect(vault.clients.search("'; DROP TABLE clients; --")).toEqual([])
    expect(vault.clients.search('')).toHaveLength(4)
  })
})

describe('income years and policies', () => {
  it('replaces income years as a whole, in cents without float drift', () => {
    const client = vault.clients.create({ name: 'Ria Roos', birthDate: '1979-07-07' })
    vault.incomeYears.replace(client.id, [{ year: 2028, profit: 41234.57 }, { year: 2029, profit: -1500.1, wiaWage: 12000 }])
    expect(vault.incomeYears.list(client.id)).toEqual([
      { year: 2028, profit: 41234.57, wiaWage: 0 },
      { year: 2029, profit: -1500.1, wiaWage: 12000 },
    ])
    vault.incomeYears.replace(client.id, [{ year: 2030, profit: 0.07 }])
    expect(vault.incomeYears.list(client.id)).toEqual([{ year: 2030, profit: 0.07, wiaWage: 0 }])
    expect(() => vault.incomeYears.replace(client.id, [{ year: 2030, profit: 1.001 }])).toThrow(/centen/)
  })

  it('stores existing policies and quotes, validated by the case schema', () => {
    const client = vault.clients.create({ name: 'Ria Roos', birthDate: '1979-07-07' })
    const policy = samplePolicy
    const stored = vault.policies.add(client.id, 'existing', policy)
    vault.policies.add(client.id, 'quote', { ...policy, waitingDays: 90 })
    expect(vault.policies.list(client.id).map((row) => row.kind)).toEqual(['existing', 'quote'])
    expect(stored.policy).toMatchObject({ insuredAmount: 30000, premiumType: 'level' })
    vault.policies.remove(stored.id)
    expect(vault.policies.list(client.id)).toHaveLength(1)
    expect(() => vault.policies.add(12345, 'quote', policy)).toThrow(/niet \(meer\)/)
  })
})

describe('advice versions', () => {
  it('stores an immutable version with bill version, parameter hash, content hash and report hash', () => {
    const client = vault.clients.create({ name: 'Fatima el Amrani', birthDate: '1984-06-15' })
    const pdf = Buffer.from('%PDF-1.7 voorbeeldrapport')
    const first = vault.adviceVersions.create({ clientId: client.id, case: sampleCase(), result: sampleResult(), recommendation: 'Kies de Baz.', reportPdf: pdf })
    const second = vault.adviceVersions.create({ clientId: client.id, case: sampleCase(), result: sampleResult(), recommendation: 'Toch opt-out.' })
    expect(first).toMatchObject({ versionNo: 1, billVersion: 'raad-van-state-2025', parametersHash: sampleResult().parameterHash, recommendation: 'Kies de Baz.' })
    expect(first.reportSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(first.case.client.name).toBe('Fatima el Amrani')
    expect(vault.adviceVersions.reportPdf(first.id)?.equals(pdf)).toBe(true)
    expect(vault.adviceVersions.list(client.id).map((version) => version.versionNo)).toEqual([2, 1])
    expect(vault.adviceVersions.verify(first.id)).toEqual({ contentOk: true, reportOk: true })

    // The report can be attached once to a version without one, never replaced.
    vault.adviceVersions.attachReport(second.id, pdf)
    expect(() => vault.adviceVersions.attachReport(second.id, Buffer.from('ander'))).toThrow(/onveranderlijk/)
  })

  it('is protected by the database itself against updates and deletes', () => {
    const client = vault.clients.create({ name: 'Fatima el Amrani', birthDate: '1984-06-15' })
    const version = vault.adviceVersions.create({ clientId: client.id, case: sampleCase(), result: sampleResult(), recommendation: 'Kies de Baz.' })
    // Reach past the repository, as a bug or a tool would.
    const db = (vault as unknown as { db(): import('../../src-main/store/connection').Db }).db()
    expect(() => db.prepare("UPDATE advice_versions SET recommendation = 'anders' WHERE id = ?").run(version.id)).toThrow(/onveranderlijk/)
    expect(() => db.prepare('DELETE FROM advice_versions WHERE id = ?').run(version.id)).toThrow(/onveranderlijk/)
    expect(() => db.prepare('DELETE FROM clients WHERE id = ?').run(client.id)).toThrow(/onveranderlijk/)
    expect(vault.adviceVersions.verify(version.id).contentOk).toBe(true)
  })

  it('refuses a result of another bill version than the case, and an invalid case', () => {
    const client = vault.clients.create({ name: 'Fatima el Amrani', birthDate: '1984-06-15' })
    expect(() => vault.adviceVersions.create({ clientId: client.id, case: sampleCase(), result: { ...sampleResult(), scenario: 'mkb-toets-2024' }, recommendation: '' })).toThrow(/regelingsversie/)
    expect(() => vault.adviceVersions.create({ clientId: client.id, case: { ...sampleCase(), income: [] }, result: sampleResult(), recommendation: '' })).toThrow(/income/)
  })
})

describe('adviser and audit log', () => {
  it('keeps one adviser profile and the signing certificate inside the vault', () => {
    expect(vault.adviser.get()).toBeNull()
    vault.adviser.save({ name: 'M. Adviseur', firm: 'Adviesbureau Zeker', afmNumber: '12345678', kifidNumber: '300.012345' })
    vault.adviser.storeSigningCertificate(Buffer.from([1, 2, 3]), 'adviseur.p12')
    expect(vault.adviser.get()).toMatchObject({ firm: 'Adviesbureau Zeker', signingCertificateRef: 'adviseur.p12', hasStoredCertificate: true })
    expect(vault.adviser.signingCertificate()).toEqual(Buffer.from([1, 2, 3]))
  })

  it('logs who did what when, without personal data, and cannot be changed', () => {
    const client = vault.clients.create({ name: 'Geheime Naam', birthDate: '1966-06-06', email: 'geheim@example.nl' })
    vault.incomeYears.replace(client.id, [{ year: 2029, profit: 77777 }])
    vault.adviceVersions.create({ clientId: client.id, case: sampleCase('Geheime Naam'), result: sampleResult(), recommendation: 'Geheim advies' })
    vault.privacy.exportClient(client.id)
    const entries = vault.audit.list()
    expect(entries.map((entry) => entry.action)).toEqual(['client.exported', 'advice.created', 'client.income-updated', 'client.created', 'vault.created'])
    expect(entries[0]).toMatchObject({ actor: 'adviseur', at: '2030-03-01T10:00:00.000Z', subjectType: 'client', subjectId: client.id })
    const text = JSON.stringify(entries)
    for (const personal of ['Geheime', 'geheim@', '1966', '77777', 'advies Geheim']) expect(text).not.toContain(personal)
    const db = (vault as unknown as { db(): import('../../src-main/store/connection').Db }).db()
    expect(() => db.prepare("UPDATE audit_log SET detail = 'x'").run()).toThrow(/aangevuld/)
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/aangevuld/)
  })

  it('rolls back the whole operation when any part fails', () => {
    const client = vault.clients.create({ name: 'Ria Roos', birthDate: '1979-07-07' })
    vault.incomeYears.replace(client.id, [{ year: 2028, profit: 1000 }])
    expect(() => vault.incomeYears.replace(client.id, [{ year: 2029, profit: 1 }, { year: 2029, profit: 2 }])).toThrow()
    expect(vault.incomeYears.list(client.id)).toEqual([{ year: 2028, profit: 1000, wiaWage: 0 }])
    expect(vault.audit.list().filter((entry) => entry.action === 'client.income-updated')).toHaveLength(1)
  })
})
