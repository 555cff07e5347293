/**
 * Nothing leaks: a unique marker written into every kind of record is absent from every file the
 * vault, its backups, the CLI and SQLite's temp directory produce, and readable again after unlock.
 */
import { mkdirSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createVault, openVault } from '../../src-main/store'
import { runCli } from '../../src-main/cli/index'
import { fastKdf, filesIn, passphrase, removeTempDirs, sampleCase, sampleResult, tempDir } from './helpers'

afterEach(removeTempDirs)

function expectAbsent(files: Array<[string, Buffer]>, marker: string): void {
  expect(files.length).toBeGreaterThan(0)
  for (const [file, bytes] of files) {
    for (const encoding of ['utf8', 'utf16le', 'latin1'] as const) {
      expect(bytes.includes(Buffer.from(marker, encoding)), `${marker} found in ${file} (${encoding})`).toBe(false)
    }
  }
}

describe('plaintext leak', () => {
  it('keeps the marker out of the db, -wal, -shm, backups, logs and temp files', async () => {
    const marker = `LEAK${Date.now().toString(36)}MARKER`
    const dir = tempDir()
    const sqliteTemp = join(dir, 'sqlite-tmp')
    mkdirSync(sqliteTemp)
    const previousTemp = process.env['SQLITE_TMPDIR']
    process.env['SQLITE_TMPDIR'] = sqliteTemp
    try {
      const path = join(dir, 'kluis.db')
      const vault = await createVault(path, passphrase, { kdf: fastKdf })
      vault.clients.createMany(Array.from({ length: 300 }, (_, index) => ({ name: `Vulklant ${index}`, birthDate: '1970-01-01' })))
      const client = vault.clients.create({ name: `Klant ${marker}`, birthDate: '1981-11-11', email: `${marker}@example.nl`, phone: marker })
      vault.adviceVersions.create({ clientId: client.id, case: sampleCase(`Klant ${marker}`), result: sampleResult(), recommendation: marker, reportPdf: Buffer.from(marker) })
      vault.adviser.save({ name: `Adviseur ${marker}`, firm: marker })
      vault.drafts.save(client.id, { client: { name: `Klant ${marker}` }, adviserNotes: marker })
      // Work that may spill to temp files: big sorts, a search, a backup, a vacuum.
      vault.clients.list()
      vault.clients.search(marker)
      await vault.backup(join(dir, 'backup.vangnet'))
      const erasable = vault.clients.create({ name: `Weg ${marker}`, birthDate: '1990-01-01' })
      vault.privacy.eraseClient(erasable.id)

      // While the vault is open, with a WAL and shared-memory file in place:
      const openFiles = filesIn(dir)
      expect(openFiles.map(([file]) => file.slice(dir.length + 1))).toEqual(expect.arrayContaining(['kluis.db', 'kluis.db-wal', 'kluis.db-shm', 'kluis.db.keys', 'backup.vangnet']))
      expectAbsent(openFiles, marker)
      vault.lock()

      // The CLI's own output for routine commands (its "logs") names no client data.
      const output: string[] = []
      const io = { stdout: (text: string) => output.push(text), stderr: (text: string) => output.push(text), env: { VANGNET_PASSPHRASE: passphrase }, cwd: dir }
      expect(await runCli(['vault', 'backup', '--db', path, '--out', join(dir, 'cli-backup.vangnet')], io)).toBe(0)
      expect(await runCli(['vault', 'erase-client', '--db', path, '--id', '100000'], io)).toBe(2)
      expect(output.join('')).not.toContain(marker)

      expectAbsent(filesIn(dir), marker)
      expect(readdirSync(sqliteTemp)).toEqual([])

      // ... and the data is all there after unlocking.
      const again = await openVault(path, { passphrase })
      expect(again.clients.search(marker).map((found) => found.email)).toEqual([`${marker}@example.nl`])
      expect(again.adviser.get()?.firm).toBe(marker)
      expect(again.drafts.get(client.id)?.draft['adviserNotes']).toBe(marker)
      again.lock()
    } finally {
      if (previousTemp === undefined) delete process.env['SQLITE_TMPDIR']
      else process.env['SQLITE_TMPDIR'] = previousTemp
    }
  })
})
