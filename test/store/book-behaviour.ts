/**
 * The behaviour every client book must show, the local vault and the office server alike:
 * clients, drafts, income, policies, immutable advice versions, the audit log, AVG export and
 * erase, search. test/store/book.test.ts runs it over the vault, test/office/book.test.ts over
 * PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ClientBook } from '../../src-main/store'
import { sampleCase, samplePolicy, sampleResult } from './helpers'

export interface BookFixture {
  book: ClientBook
  close(): Promise<void>
}

export function describeClientBook(label: string, open: () => Promise<BookFixture>): void {
  describe(`client book behaviour: ${label}`, () => {
    let fixture: BookFixture
    let book: ClientBook
    beforeEach(async () => {
      fixture = await open()
      book = fixture.book
    })
    afterEach(async () => {
      await fixture.close()
    })

    it('creates, reads, updates and lists clients sorted by name', async () => {
      const b = await book.clients.create({ name: 'Bram Bakker', birthDate: '1975-05-05', email: 'bram@example.nl' })
      const a = await book.clients.create({ name: 'Anouk Abbas', birthDate: '1988-08-08' })
      expect((await book.clients.list()).map((client) => client.id)).toEqual([a.id, b.id])
      expect(await book.clients.count()).toBe(2)
      const updated = await book.clients.update(b.id, { name: 'Bram Bakker-Smit', birthDate: '1975-05-05', phone: '0612345678' })
      expect(updated).toMatchObject({ name: 'Bram Bakker-Smit', birthDate: '1975-05-05', phone: '0612345678', email: null })
      expect(await book.clients.get(b.id)).toEqual(updated)
      expect(await book.clients.get(999_999)).toBeNull()
      await expect(book.clients.update(999_999, { name: 'X', birthDate: '2000-01-01' })).rejects.toThrow(/niet \(meer\)/)
    })

    it('refuses invalid input with plain Dutch messages and stores nothing', async () => {
      await expect(book.clients.create({ name: ' ', birthDate: '1980-01-01' })).rejects.toThrow(/name: mag niet leeg zijn/)
      await expect(book.clients.create({ name: 'Iemand', birthDate: '01-01-1980' })).rejects.toThrow(/birthDate: moet een datum zijn/)
      await expect(book.clients.create({ name: 'Iemand', birthDate: '1980-01-01', bsn: '123456789' } as never)).rejects.toThrow(/onbekend veld: bsn/)
      await expect(book.clients.createMany([{ name: 'Goed', birthDate: '1980-01-01' }, { name: '', birthDate: '1980-01-01' }])).rejects.toThrow(/klant 2/)
      expect(await book.clients.count()).toBe(0)
    })

    it('finds clients by any part of the name, ignoring case, accents and word order', async () => {
      await book.clients.createMany([
        { name: 'Jan de Vries', birthDate: '1980-01-01' },
        { name: 'Élodie Müller-Özdemir', birthDate: '1981-01-01' },
        { name: 'de Jong, Jan', birthDate: '1982-01-01' },
        { name: 'Karin Jansen', birthDate: '1983-01-01' },
      ])
      expect((await book.clients.search('muller ozd')).map((client) => client.name)).toEqual(['Élodie Müller-Özdemir'])
      expect((await book.clients.search('JAN DE')).map((client) => client.name)).toEqual(['Jan de Vries', 'de Jong, Jan'])
      expect((await book.clients.search('jans')).map((client) => client.name)).toEqual(['Karin Jansen'])
      expect(await book.clients.search("'; DROP TABLE clients; --")).toEqual([])
      expect(await book.clients.search('')).toHaveLength(4)
      expect(await book.clients.search('', { limit: 2 })).toHaveLength(2)
    })

    it('replaces income years as a whole, in cents without float drift, and rolls back a failed replace', async () => {
      const client = await book.clients.create({ name: 'Ria Roos', birthDate: '1979-07-07' })
      await book.incomeYears.replace(client.id, [{ year: 2028, profit: 41234.57 }, { year: 2029, profit: -1500.1, wiaWage: 12000 }])
      expect(await book.incomeYears.list(client.id)).toEqual([
        { year: 2028, profit: 41234.57, wiaWage: 0 },
        { year: 2029, profit: -1500.1, wiaWage: 12000 },
      ])
      await expect(book.incomeYears.replace(client.id, [{ year: 2030, profit: 1.001 }])).rejects.toThrow(/centen/)
      await expect(book.incomeYears.replace(client.id, [{ year: 2030, profit: 1 }, { year: 2030, profit: 2 }])).rejects.toThrow()
      expect(await book.incomeYears.list(client.id)).toHaveLength(2)
      await expect(book.incomeYears.replace(999_999, [])).rejects.toThrow(/niet \(meer\)/)
      const other = await book.clients.create({ name: 'Zonder Inkomen', birthDate: '1980-01-01' })
      const many = await book.incomeYears.listForClients([client.id, other.id, 999_999])
      expect([...many.entries()]).toEqual([
        [client.id, await book.incomeYears.list(client.id)],
        [other.id, []],
        [999_999, []],
      ])
    })

    it('stores existing policies and quotes, validated by the case schema', async () => {
      const client = await book.clients.create({ name: 'Ria Roos', birthDate: '1979-07-07' })
      const stored = await book.policies.add(client.id, 'existing', samplePolicy)
      await book.policies.add(client.id, 'quote', { ...samplePolicy, waitingDays: 90 })
      expect((await book.policies.list(client.id)).map((row) => row.kind)).toEqual(['existing', 'quote'])
      expect(stored.policy).toMatchObject({ insuredAmount: 30000, premiumType: 'level' })
      await book.policies.remove(stored.id)
      expect(await book.policies.list(client.id)).toHaveLength(1)
      await expect(book.policies.add(999_999, 'quote', samplePolicy)).rejects.toThrow(/niet \(meer\)/)
      await expect(book.policies.add(client.id, 'quote', { ...samplePolicy, waitingDays: -1 })).rejects.toThrow(/waitingDays/)
    })

    it('keeps immutable advice versions with content and report hashes; a report is attached once', async () => {
      const client = await book.clients.create({ name: 'Fatima el Amrani', birthDate: '1984-06-15' })
      const pdf = Buffer.from('%PDF-1.7 voorbeeldrapport')
      const first = await book.adviceVersions.create({ clientId: client.id, case: sampleCase(), result: sampleResult(), recommendation: 'Kies de Baz.', reportPdf: pdf })
      const second = await book.adviceVersions.create({ clientId: client.id, case: sampleCase(), result: sampleResult(), recommendation: 'Toch opt-out.' })
      expect(first).toMatchObject({ versionNo: 1, billVersion: 'raad-van-state-2025', parametersHash: sampleResult().parameterHash, recommendation: 'Kies de Baz.' })
      expect(first.case.client.name).toBe('Fatima el Amrani')
      expect((await book.adviceVersions.reportPdf(first.id))?.equals(pdf)).toBe(true)
      expect((await book.adviceVersions.list(client.id)).map((version) => version.versionNo)).toEqual([2, 1])
      expect(await book.adviceVersions.verify(first.id)).toEqual({ contentOk: true, reportOk: true })
      expect(await book.adviceVersions.verify(second.id)).toEqual({ contentOk: true, reportOk: null })
      await book.adviceVersions.attachReport(second.id, pdf)
      await expect(book.adviceVersions.attachReport(second.id, Buffer.from('ander'))).rejects.toThrow(/onveranderlijk/)
      expect(await book.adviceVersions.get(999_999)).toBeNull()
      await expect(
        book.adviceVersions.create({ clientId: client.id, case: sampleCase(), result: { ...sampleResult(), scenario: 'mkb-toets-2024' }, recommendation: '' }),
      ).rejects.toThrow(/regelingsversie/)
      await expect(book.adviceVersions.create({ clientId: 999_999, case: sampleCase(), result: sampleResult(), recommendation: '' })).rejects.toThrow(/niet \(meer\)/)
    })

    it('keeps the intake as typed, with a row version that changes on every save', async () => {
      const client = await book.clients.create({ name: 'Ria Roos', birthDate: '1979-07-07' })
      expect(await book.drafts.get(client.id)).toBeNull()
      const draft = { client: { name: 'Ria Roos', birthDate: '1979-07-07' }, notes: 'nog navragen: 12.345,6' }
      const saved = await book.drafts.save(client.id, draft)
      expect(await book.drafts.get(client.id)).toMatchObject({ clientId: client.id, draft, complete: false, version: saved.version })
      await new Promise((resolve) => setTimeout(resolve, 5))
      const again = await book.drafts.save(client.id, { ...draft, notes: 'anders' }, { complete: true, baseVersion: saved.version })
      expect(again.version).not.toBe(saved.version)
      expect(await book.drafts.get(client.id)).toMatchObject({ draft: { notes: 'anders' }, complete: true })
      await expect(book.drafts.save(999_999, draft)).rejects.toThrow(/niet \(meer\)/)
    })

    it('keeps the signed-in adviser\'s profile and signing certificate', async () => {
      await book.adviser.save({ name: 'M. Adviseur', firm: 'Adviesbureau Zeker', afmNumber: '12345678', kifidNumber: '300.012345' })
      await book.adviser.storeSigningCertificate(Buffer.from([1, 2, 3]), 'adviseur.p12')
      expect(await book.adviser.get()).toMatchObject({ name: 'M. Adviseur', firm: 'Adviesbureau Zeker', signingCertificateRef: 'adviseur.p12', hasStoredCertificate: true })
      expect(await book.adviser.signingCertificate()).toEqual(Buffer.from([1, 2, 3]))
      await expect(book.adviser.save({ name: '' })).rejects.toThrow(/name/)
    })

    it('logs who did what, codes and ids only', async () => {
      const client = await book.clients.create({ name: 'Geheime Naam', birthDate: '1966-06-06', email: 'geheim@example.nl' })
      await book.incomeYears.replace(client.id, [{ year: 2029, profit: 77777 }])
      await book.adviceVersions.create({ clientId: client.id, case: sampleCase('Geheime Naam'), result: sampleResult(), recommendation: 'Geheim advies' })
      await book.privacy.exportClient(client.id)
      const entries = await book.audit.list({ clientId: client.id })
      expect(entries.map((entry) => entry.action)).toEqual(['client.exported', 'advice.created', 'client.income-updated', 'client.created'])
      expect(entries[0]).toMatchObject({ subjectType: 'client', subjectId: client.id })
      const text = JSON.stringify(await book.audit.list())
      for (const personal of ['Geheime', 'geheim@', '1966', '77777', 'Geheim advies']) expect(text).not.toContain(personal)
    })

    it('exports everything about one client and erases it with everything attached (AVG), audited', async () => {
      const client = await book.clients.create({ name: 'Ria Roos', birthDate: '1979-07-07' })
      const other = await book.clients.create({ name: 'Blijft Staan', birthDate: '1970-01-01' })
      await book.incomeYears.replace(client.id, [{ year: 2029, profit: 50000 }])
      await book.policies.add(client.id, 'existing', samplePolicy)
      const version = await book.adviceVersions.create({ clientId: client.id, case: sampleCase('Ria Roos'), result: sampleResult(), recommendation: 'Baz', reportPdf: Buffer.from('%PDF') })
      await book.drafts.save(client.id, { notes: 'concept' })
      const exported = await book.privacy.exportClient(client.id)
      expect(exported).toMatchObject({ format: 'vangnet-client-export', version: 1, client: { name: 'Ria Roos' }, incomeYears: [{ year: 2029, profit: 50000, wiaWage: 0 }], draft: { draft: { notes: 'concept' } } })
      expect(exported.policies).toHaveLength(1)
      expect(exported.adviceVersions.map((v) => [v.id, v.reportPdfBase64])).toEqual([[version.id, Buffer.from('%PDF').toString('base64')]])
      expect(exported.processing.map((entry) => entry.action)).toContain('client.exported')

      await book.privacy.eraseClient(client.id)
      expect(await book.clients.get(client.id)).toBeNull()
      expect(await book.incomeYears.list(client.id)).toEqual([])
      expect(await book.policies.list(client.id)).toEqual([])
      expect(await book.adviceVersions.list(client.id)).toEqual([])
      expect(await book.adviceVersions.get(version.id)).toBeNull()
      expect(await book.drafts.get(client.id)).toBeNull()
      expect(await book.clients.get(other.id)).not.toBeNull()
      const erased = (await book.audit.list()).find((entry) => entry.action === 'client.erased')
      expect(erased).toMatchObject({ subjectType: 'client', subjectId: client.id })
      await expect(book.privacy.eraseClient(client.id)).rejects.toThrow(/niet \(meer\)/)
      await expect(book.privacy.exportClient(client.id)).rejects.toThrow(/niet \(meer\)/)
    })
  })
}
