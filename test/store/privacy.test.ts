import { statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createVault, type Vault } from '../../src-main/store'
import type { Db } from '../../src-main/store/connection'
import { fastKdf, passphrase, removeTempDirs, sampleCase, sampleResult, tempDir } from './helpers'

afterEach(removeTempDirs)

/** The vault's pages as SQLite sees them (decrypted), including free pages. */
function decryptedImage(vault: Vault): Buffer {
  return (vault as unknown as { db(): Db }).db().serialize()
}

async function vaultWithClient(marker: string) {
  const path = join(tempDir(), 'kluis.db')
  const vault = await createVault(path, passphrase, { kdf: fastKdf })
  const other = vault.clients.create({ name: 'Blijft Bestaan', birthDate: '1970-01-01' })
  const client = vault.clients.create({ name: `Naam ${marker}`, birthDate: '1985-01-01', email: `${marker}@example.nl` })
  vault.incomeYears.replace(client.id, [{ year: 2029, profit: 48000 }])
  vault.policies.add(client.id, 'existing', {
    insurer: `Verzekeraar ${marker}`,
    insuredAmount: 24000,
    waitingDays: 30,
    endAge: 'aow',
    disabilityThresholdPercent: 25,
    criterion: 'beroeps',
    medicalExclusions: true,
    annualPremium: 2400,
    startDate: '2019-01-01',
  })
  vault.drafts.save(client.id, { client: { name: `Naam ${marker}`, role: 'ib-ondernemer' }, adviserNotes: `Notitie ${marker}`, income: [{ year: '2029', profit: 'nog navragen' }] })
  vault.adviceVersions.create({
    clientId: client.id,
    case: sampleCase(`Naam ${marker}`),
    result: sampleResult(),
    recommendation: `Advies voor ${marker}`,
    reportPdf: Buffer.from(`%PDF rapport ${marker}`),
  })
  return { path, vault, client, other }
}

describe('AVG export', () => {
  it('exports everything about one client as JSON, and logs that it did', async () => {
    const { vault, client, other } = await vaultWithClient('EXPORTMARKER')
    const data = vault.privacy.exportClient(client.id)
    const json = JSON.parse(JSON.stringify(data))
    expect(json.format).toBe('vangnet-client-export')
    expect(json.client.email).toBe('EXPORTMARKER@example.nl')
    expect(json.incomeYears).toEqual([{ year: 2029, profit: 48000, wiaWage: 0 }])
    expect(json.policies[0].policy.insurer).toBe('Verzekeraar EXPORTMARKER')
    expect(json.adviceVersions[0].recommendation).toBe('Advies voor EXPORTMARKER')
    expect(Buffer.from(json.adviceVersions[0].reportPdfBase64, 'base64').toString()).toBe('%PDF rapport EXPORTMARKER')
    expect(json.draft).toMatchObject({ complete: false, draft: { adviserNotes: 'Notitie EXPORTMARKER', income: [{ profit: 'nog navragen' }] } })
    expect(json.processing.map((entry: { action: string }) => entry.action)).toEqual(expect.arrayContaining(['advice.created', 'client.draft-saved']))
    expect(JSON.stringify(json)).not.toContain('Blijft Bestaan')
    expect(vault.audit.list({ limit: 1 })[0]).toMatchObject({ action: 'client.exported', subjectId: client.id })
    expect(() => vault.privacy.exportClient(other.id + 100)).toThrow(/niet \(meer\)/)
    vault.lock()
  })
})

describe('AVG erasure', () => {
  it('removes the client and all attached data from the file, keeping an audit entry without personal data', async () => {
    const marker = 'ERASEMARKER7f3a'
    const { path, vault, client, other } = await vaultWithClient(marker)
    expect(decryptedImage(vault).includes(marker)).toBe(true) // the check below can see the data

    vault.privacy.eraseClient(client.id)

    expect(vault.clients.get(client.id)).toBeNull()
    expect(vault.clients.get(other.id)?.name).toBe('Blijft Bestaan')
    expect(vault.adviceVersions.list(client.id)).toEqual([])
    expect(vault.policies.list(client.id)).toEqual([])
    expect(vault.incomeYears.list(client.id)).toEqual([])
    expect(vault.drafts.get(client.id)).toBeNull()
    // Not in any page, free pages included, and the WAL is emptied.
    expect(decryptedImage(vault).includes(marker)).toBe(false)
    expect(statSync(`${path}-wal`).size).toBe(0)
    const erased = vault.audit.list({ limit: 1 })[0]!
    expect(erased).toMatchObject({ action: 'client.erased', subjectType: 'client', subjectId: client.id })
    expect(JSON.stringify(vault.audit.list())).not.toContain(marker)
    expect(vault.checkIntegrity()).toEqual([])
    expect(() => vault.privacy.eraseClient(client.id)).toThrow(/niet \(meer\)/)
    vault.lock()
  })

  it('does not reuse an erased client\u2019s number', async () => {
    const { vault, client } = await vaultWithClient('REUSE')
    vault.privacy.eraseClient(client.id)
    expect(vault.clients.create({ name: 'Nieuw', birthDate: '2000-01-01' }).id).toBeGreaterThan(client.id)
    vault.lock()
  })
})
