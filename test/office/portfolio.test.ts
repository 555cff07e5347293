/**
 * The client book's import and triage in office mode, against a real PostgreSQL server: the same
 * file gives the same clients and the same triage as in the local vault; an import is one
 * transaction (a failing row leaves nothing behind); row-level security keeps one adviser's book
 * out of another's import and triage; and advice saved on the server is marked for review.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addAdviser, migrate } from '../../src-main/office/admin'
import { openOfficeBook, type OfficeBook } from '../../src-main/office/book'
import { importClients } from '../../src-main/import'
import { evaluatePortfolio } from '../../src-main/portfolio'
import { createVault, vaultBook, type Vault } from '../../src-main/store'
import { advise } from '../../shared/rules/advise'
import { parseClientCase } from '../../shared/schema/case'
import type { ImportedClient } from '../../shared/portfolio/import'
import { fastKdf, removeTempDirs, tempDir } from '../store/helpers'
import { bookCsv } from '../portfolio/book'
import { adviserPassword, emptyDatabase, settingsFor, uniqueRole } from './helpers'

const today = '2026-11-30'
const file = (count: number) => {
  const lines = bookCsv(count).trimEnd().split('\r\n')
  // A bad row and a duplicate of row 3 (the file's second client).
  lines.push('Piet Fout;31-02-1975;zzp;€ 40.000,00;€ 41.000,00;;;;;;;', lines[2]!)
  return Buffer.from(lines.join('\r\n'), 'utf8')
}

let anna: OfficeBook
let bert: OfficeBook
let vault: Vault

beforeAll(async () => {
  const { name, owner } = await emptyDatabase('portfolio')
  await migrate(owner)
  const roles = [uniqueRole('anna'), uniqueRole('bert')]
  for (const role of roles) await addAdviser(owner, { roleName: role, name: `Adviseur ${role}`, password: adviserPassword })
  anna = await openOfficeBook(settingsFor(name, roles[0]!, adviserPassword), { listen: false })
  bert = await openOfficeBook(settingsFor(name, roles[1]!, adviserPassword), { listen: false })
  vault = await createVault(join(tempDir('vangnet-office-portfolio-'), 'kluis.db'), 'office-portfolio-wachtwoord', { kdf: fastKdf, autoLockAfterMs: 0 })
}, 60_000)
afterAll(async () => {
  await anna?.close()
  await bert?.close()
  vault?.lock()
  removeTempDirs()
})

describe('office mode: import and triage through the book interface', () => {
  it('imports the same file as the vault does, and triages it the same', async () => {
    const request = { fileName: 'crm.csv', bytes: file(120), duplicates: 'skip' as const, dryRun: false }
    const onServer = await importClients(anna.clientImport, request)
    const inVault = await importClients(vaultBook(vault).clientImport, request)
    expect(onServer).toMatchObject({ created: 120, merged: 0, skipped: 2, written: true })
    expect({ ...onServer, sample: [] }).toEqual({ ...inVault, sample: [] })
    expect(await anna.clients.count()).toBe(120)

    const server = await evaluatePortfolio(anna.portfolio, { scenario: 'tweede-kamer-2026', today, threads: 1 })
    const local = await evaluatePortfolio(vaultBook(vault).portfolio, { scenario: 'tweede-kamer-2026', today, threads: 1 })
    const shape = (triaged: typeof server.triaged) => triaged.map((client) => ({ name: client.name, hits: client.hits }))
    expect(shape(server.triaged)).toEqual(shape(local.triaged))
    expect(server.report.groups.map((group) => [group.id, group.count])).toEqual(local.report.groups.map((group) => [group.id, group.count]))
    // The role and buffer reached the intake draft, as in the vault.
    const first = (await anna.clients.list({ limit: 1 }))[0]!
    expect((await anna.drafts.get(first.id))?.draft).toMatchObject({ client: { name: first.name } })
  }, 120_000)

  it('merges a duplicate into the client on the server when asked, in one transaction', async () => {
    const target = (await anna.clients.list()).find((client) => client.name.startsWith('Jan de Vries 1'))!
    const row = `"${target.name}";${target.birthDate.split('-').reverse().join('-')};zzp;€ 10.000,00;€ 11.000,00;€ 2.500,00;;;;;;`
    const merged = await importClients(anna.clientImport, {
      fileName: 'aanvulling.csv',
      bytes: Buffer.from(`Naam;Geboortedatum;Rol;Winst 2025;Winst 2026;Buffer;Verzekeraar;Verzekerd bedrag;Eigen risico;Eindleeftijd;Ingangsdatum;Jaarpremie\r\n${row}\r\n`, 'utf8'),
      duplicates: 'merge',
      dryRun: false,
    })
    expect(merged).toMatchObject({ created: 0, merged: 1 })
    expect(await anna.incomeYears.list(target.id)).toEqual([
      { year: 2025, profit: 10000, wiaWage: 0 },
      { year: 2026, profit: 11000, wiaWage: 0 },
    ])
    expect((await anna.drafts.get(target.id))?.draft).toMatchObject({ profile: { financialBuffer: '2500' } })
    expect(await anna.clients.count()).toBe(120)
    expect((await anna.audit.list({ limit: 1 }))[0]).toMatchObject({ action: 'client.imported', detail: '0 nieuw, 1 samengevoegd' })
  }, 60_000)

  it('leaves nothing behind when the server refuses one row', async () => {
    const good: ImportedClient = { row: 2, name: 'Goed Klant', birthDate: '1980-01-01', role: 'ib-ondernemer', email: null, phone: null, financialBuffer: null, income: [{ year: 2026, profit: 50000, wiaWage: 0 }], existingPolicy: null }
    // The server allows income years 2000–2100 only: the second client fails after the first was written.
    const bad: ImportedClient = { ...good, row: 3, name: 'Fout Jaar', income: [{ year: 1999, profit: 50000, wiaWage: 0 }] }
    await expect(anna.clientImport.apply({ create: [good, bad], merge: [] })).rejects.toThrow()
    expect(await anna.clients.count()).toBe(120)
    expect(await anna.clients.search('Goed Klant')).toEqual([])
  }, 60_000)

  it("keeps one adviser's book out of another's import and triage (row-level security)", async () => {
    expect((await bert.clientImport.existingKeys()).size).toBe(0)
    expect(await bert.portfolio.load()).toEqual([])
    const own = await importClients(bert.clientImport, { fileName: 'crm.csv', bytes: file(5), duplicates: 'merge', dryRun: false })
    // The same people as in Anna's book are new clients for Bert: he cannot see hers, let alone
    // merge into them. (The one merge is the file's own repeated row, merged into its first.)
    expect(own).toMatchObject({ created: 5, merged: 1 })
    expect(own.duplicates).toEqual([expect.objectContaining({ existingClientId: null, sameAsRow: 3 })])
    expect((await bert.portfolio.load()).map((client) => client.name)).toHaveLength(5)
    expect(await anna.clients.count()).toBe(120)
  }, 60_000)

  it('marks advice saved on the server for review under another bill version', async () => {
    const client = (await bert.clients.list())[0]!
    const parsed = parseClientCase({
      schemaVersion: 1,
      scenario: 'mkb-toets-2024',
      calculationYear: 2030,
      client: { name: client.name, birthDate: client.birthDate, role: 'ib-ondernemer' },
      income: await bert.incomeYears.list(client.id),
      disability: { age: 50, degree: 1 },
    })
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
    const result = advise(parsed.value)
    await bert.adviceVersions.create({ clientId: client.id, case: parsed.value, result, recommendation: JSON.stringify({ optionId: 'baz', motivation: 'Baz' }) })
    const loaded = (await bert.portfolio.load()).find((entry) => entry.id === client.id)!
    expect(loaded.lastAdvice).toMatchObject({ versionNo: 1, scenario: 'mkb-toets-2024', chosenOption: 'baz', suggestedOption: result.suggestion?.optionId ?? null })
    expect(loaded.lastAdvice!.options.find((option) => option.id === 'baz')).toEqual({ id: 'baz', available: true, premium: result.options[0]!.premium.annual, benefit: result.options[0]!.benefit.annualAtFullDisability })
    const { report } = await evaluatePortfolio(bert.portfolio, { scenario: 'raad-van-state-2025', today, threads: 1 })
    const outdated = report.groups.find((group) => group.id === 'advice-outdated')!
    expect(outdated.clients.map((entry) => entry.id)).toEqual([client.id])
    expect(outdated.clients[0]!.reason).toMatch(/^Herziening nodig: advies versie 1 van .*; wetsvoorstel mkb-toets-2024 → raad-van-state-2025/)
  }, 60_000)
})
