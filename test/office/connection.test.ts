import { describe, expect, it } from 'vitest'
import pg from 'pg'
import { readFileSync } from 'node:fs'
import { addAdviser, migrate, status } from '../../src-main/office/admin'
import { openOfficeBook } from '../../src-main/office/book'
import { connectPool } from '../../src-main/office/connection'
import { certAdviser } from './cluster'
import { cluster, emptyDatabase, ownerPassword, ownerRole, settingsFor } from './helpers'

describe('connecting to the office server', () => {
  it('connects with verified TLS and reports the server version and the schema state', async () => {
    const { owner } = await emptyDatabase('conn')
    expect(await migrate(owner)).toEqual([1, 2, 3, 4])
    const state = await status(owner)
    expect(state).toMatchObject({ tls: true, schemaVersion: 4, latestVersion: 4, pending: [], advisers: 0 })
    expect(state.serverVersion).toBeGreaterThanOrEqual(150000)
  })

  it('refuses a server whose certificate is not from the firm\'s CA, with a plain message', async () => {
    const { owner } = await emptyDatabase('conn')
    await expect(connectPool({ ...owner, caFile: cluster().otherCaFile })).rejects.toThrow(/niet veilig worden geverifieerd/)
  })

  it('refuses a host name the certificate does not name (verify-full)', async () => {
    const { owner } = await emptyDatabase('conn')
    // The certificate names localhost only; 127.0.0.1 is the same server under another name.
    await expect(connectPool({ ...owner, host: '127.0.0.1' })).rejects.toThrow(/niet veilig worden geverifieerd/)
  })

  it('a connection without TLS is refused by the server', async () => {
    const { name } = await emptyDatabase('conn')
    const plain = new pg.Client({ host: '127.0.0.1', port: cluster().port, database: name, user: ownerRole, password: ownerPassword, ssl: false })
    await expect(plain.connect()).rejects.toThrow(/no encryption/)
    await plain.end().catch(() => {})
  })

  it('a wrong password or an unreachable server gives one plain sentence', async () => {
    const { owner } = await emptyDatabase('conn')
    await expect(connectPool({ ...owner, password: 'fout-wachtwoord-123' })).rejects.toThrow(/weigert de aanmelding/)
    await expect(connectPool({ ...owner, port: 1 })).rejects.toThrow(/niet bereikbaar/)
    await expect(connectPool({ ...owner, caFile: '/bestaat/niet.crt' })).rejects.toThrow(/CA-bestand/)
    expect(readFileSync(cluster().caFile, 'utf8')).toContain('BEGIN CERTIFICATE')
  })

  it('an adviser logs in with a client certificate from the firm\'s CA, without a password', async () => {
    const { name, owner } = await emptyDatabase('conn')
    await migrate(owner)
    await addAdviser(owner, { roleName: certAdviser, name: 'Certificaat Adviseur' })
    const info = cluster()
    const settings = { ...settingsFor(name, certAdviser), clientCertificate: { certFile: info.clientCertFile, keyFile: info.clientKeyFile } }
    const book = await openOfficeBook(settings, { listen: false })
    try {
      expect(await book.adviser.get()).toMatchObject({ name: 'Certificaat Adviseur' })
    } finally {
      await book.close()
    }
    // Without the certificate (and without a password) the server refuses.
    await expect(openOfficeBook(settingsFor(name, certAdviser), { listen: false })).rejects.toThrow(/weigert de aanmelding/)
  })
})
