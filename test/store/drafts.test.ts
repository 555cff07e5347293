/** vault.drafts: the intake as typed, one encrypted draft per client. */
import { longTextMaxLength } from '../../shared/ipc'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createVault, openVault, type Vault } from '../../src-main/store'
import type { Db } from '../../src-main/store/connection'
import { fastKdf, filesIn, passphrase, removeTempDirs, tempDir } from './helpers'

let clock = new Date('2030-03-01T10:00:00Z')
let dir: string
let path: string
let vault: Vault
beforeEach(async () => {
  clock = new Date('2030-03-01T10:00:00Z')
  dir = tempDir()
  path = join(dir, 'kluis.db')
  vault = await createVault(path, passphrase, { kdf: fastKdf, now: () => clock })
})
afterEach(() => {
  vault.lock()
  removeTempDirs()
})

function later(minutes: number): void {
  clock = new Date(clock.getTime() + minutes * 60_000)
}

/** A draft as the intake form sends it: invalid text and all. */
function intake(notes: string) {
  return {
    client: { name: 'Fatima el Amrani', birthDate: '1984-06-15', role: 'ib-ondernemer' },
    profile: { goals: 'Inkomen beschermen', buffer: 'zes maanden', riskAppetite: 'laag', knowledge: 'basis' },
    income: [{ year: '2029', profit: 'veertig', wiaWage: '' }],
    assumptions: { premiumRate: '8,5' },
    disability: { age: '50', degree: '80' },
    adviserNotes: notes,
    existingPolicy: null,
    flags: [true, false, 3],
  }
}

function auditActions(clientId: number): string[] {
  return vault.audit.list({ clientId }).map((entry) => entry.action)
}

describe('drafts', () => {
  it('saves, reads and overwrites the draft of a client, exactly as typed', () => {
    const client = vault.clients.create({ name: 'Fatima el Amrani', birthDate: '1984-06-15' })
    const other = vault.clients.create({ name: 'Bram Bakker', birthDate: '1975-05-05' })
    expect(vault.drafts.get(client.id)).toBeNull()

    const saved = vault.drafts.save(client.id, intake('eerste notitie'))
    expect(saved).toEqual({ clientId: client.id, draft: intake('eerste notitie'), complete: false, updatedAt: '2030-03-01T10:00:00.000Z' })
    expect(vault.drafts.get(client.id)).toEqual(saved)

    later(1)
    vault.drafts.save(client.id, { ...intake('tweede notitie'), income: [] }, { complete: true })
    expect(vault.drafts.get(client.id)).toEqual({ clientId: client.id, draft: { ...intake('tweede notitie'), income: [] }, complete: true, updatedAt: '2030-03-01T10:01:00.000Z' })
    expect(vault.drafts.get(other.id)).toBeNull()
    const rows = (vault as unknown as { db(): Db }).db().prepare('SELECT count(*) FROM client_drafts').pluck().get()
    expect(rows).toBe(1)
  })

  it('writes nothing when the draft did not change', () => {
    const client = vault.clients.create({ name: 'Ria Roos', birthDate: '1979-07-07' })
    vault.drafts.save(client.id, intake('zelfde'))
    later(5)
    expect(vault.drafts.save(client.id, intake('zelfde')).updatedAt).toBe('2030-03-01T10:00:00.000Z')
    expect(auditActions(client.id).filter((action) => action === 'client.draft-saved')).toHaveLength(1)
  })

  it('refuses an unknown client and a draft that is not a bounded JSON object, in plain Dutch', () => {
    expect(() => vault.drafts.save(999, intake('x'))).toThrow(/niet \(meer\)/)
    const client = vault.clients.create({ name: 'Iemand', birthDate: '1980-01-01' })
    expect(() => vault.drafts.save(client.id, { notes: 'x'.repeat(longTextMaxLength + 1) })).toThrow(expect.objectContaining({ code: 'invalid-input' }))
    expect(() => vault.drafts.save(client.id, { big: Array.from({ length: 60 }, () => 'x'.repeat(3999)) })).toThrow(/te groot/)
    expect(() => vault.drafts.save(client.id, { when: new Date() } as never)).toThrow(expect.objectContaining({ code: 'invalid-input' }))
    expect(vault.drafts.get(client.id)).toBeNull()
  })

  it('logs one entry per editing session, with codes only and no content', () => {
    const marker = 'AUDITDRAFTMARKER'
    const client = vault.clients.create({ name: 'Jan de Vries', birthDate: '1985-03-14' })
    for (let minute = 0; minute < 10; minute++) {
      vault.drafts.save(client.id, intake(`${marker} ${minute}`))
      later(1)
    }
    later(30)
    vault.drafts.save(client.id, intake(`${marker} later`))
    const entries = vault.audit.list({ clientId: client.id }).filter((entry) => entry.action === 'client.draft-saved')
    expect(entries.map((entry) => entry.detail)).toEqual(['bijgewerkt', 'nieuw'])
    expect(entries.every((entry) => entry.subjectType === 'client' && entry.subjectId === client.id)).toBe(true)
    expect(JSON.stringify(vault.audit.list({ limit: 10_000 }))).not.toContain(marker)
    expect(JSON.stringify(vault.audit.list({ limit: 10_000 }))).not.toContain('Jan de Vries')
  })

  it('is part of the AVG export and goes with the client on erasure', () => {
    const client = vault.clients.create({ name: 'Sanne Smit', birthDate: '1990-02-02' })
    const other = vault.clients.create({ name: 'Blijft Bestaan', birthDate: '1970-01-01' })
    vault.drafts.save(client.id, intake('EXPORTNOTITIE'), { complete: true })
    vault.drafts.save(other.id, intake('andere klant'))

    const exported = JSON.parse(JSON.stringify(vault.privacy.exportClient(client.id)))
    expect(exported.draft).toEqual({ draft: intake('EXPORTNOTITIE'), complete: true, updatedAt: '2030-03-01T10:00:00.000Z' })
    expect(JSON.stringify(exported)).not.toContain('andere klant')
    const empty = vault.clients.create({ name: 'Zonder Concept', birthDate: '1999-09-09' })
    expect(vault.privacy.exportClient(empty.id).draft).toBeNull()

    vault.privacy.eraseClient(client.id)
    expect(vault.drafts.get(client.id)).toBeNull()
    expect(vault.drafts.get(other.id)?.draft['adviserNotes']).toBe('andere klant')
    expect((vault as unknown as { db(): Db }).db().serialize().includes('EXPORTNOTITIE')).toBe(false)
    expect(() => vault.drafts.save(client.id, intake('na wissen'))).toThrow(/niet \(meer\)/)
  })

  it('keeps the draft encrypted on disk and readable after unlocking again', async () => {
    const marker = `DRAFT${Date.now().toString(36)}MARKER`
    const client = vault.clients.create({ name: 'Klant Versleuteld', birthDate: '1981-11-11' })
    vault.drafts.save(client.id, intake(marker))
    const expectAbsent = () => {
      const files = filesIn(dir)
      expect(files.length).toBeGreaterThan(0)
      for (const [file, bytes] of files) {
        for (const encoding of ['utf8', 'utf16le', 'latin1'] as const) {
          expect(bytes.includes(Buffer.from(marker, encoding)), `${marker} found in ${file} (${encoding})`).toBe(false)
        }
      }
    }
    expect(filesIn(dir).map(([file]) => file.slice(dir.length + 1))).toEqual(expect.arrayContaining(['kluis.db', 'kluis.db-wal', 'kluis.db.keys']))
    expectAbsent()
    vault.lock()
    expectAbsent()
    expect(() => vault.drafts.get(client.id)).toThrow(/vergrendeld/)

    vault = await openVault(path, { passphrase }, { now: () => clock })
    expect(vault.drafts.get(client.id)?.draft['adviserNotes']).toBe(marker)
  })
})
