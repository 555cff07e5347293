/**
 * Holes the trust audit found in the vault and the headless command, each with its own test:
 * scrypt costs read from a file, the one passphrase rule, an empty vault file on a refused open.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/index'
import { createVault, keyFilePath, openVault, restoreVault } from '../../src-main/store'
import { fastKdf, passphrase, removeTempDirs, tempDir, vaultFailure } from './helpers'

afterAll(removeTempDirs)

async function vangnet(args: string[], env: Record<string, string>, cwd = tempDir()) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, cwd })
  return { code, stdout, stderr }
}

/** Costs a crafted file could ask for; the first two were accepted before (and only cost time). */
const craftedCosts = [
  { N: 2 ** 18, r: 8, p: 1 },
  { N: 2 ** 12, r: 8, p: 2 },
  { N: 2 ** 12, r: 9, p: 1 },
  { N: 3000, r: 8, p: 1 },
  { N: 2 ** 22, r: 32, p: 1 },
]

describe('scrypt parameters from a file', () => {
  it('a key file asking for other scrypt costs is refused before anything is derived (exit 3, one sentence)', async () => {
    const dir = tempDir()
    const path = join(dir, 'kluis.db')
    ;(await createVault(path, passphrase, { kdf: fastKdf })).lock()
    const original = JSON.parse(readFileSync(keyFilePath(path), 'utf8'))
    for (const cost of craftedCosts) {
      writeFileSync(keyFilePath(path), JSON.stringify({ ...original, passphrase: { ...original.passphrase, ...cost } }))
      const error = await vaultFailure(openVault(path, { passphrase }))
      expect(error.code).toBe('damaged')
      const cli = await vangnet(['vault', 'list', '--db', path], { VANGNET_PASSPHRASE: passphrase })
      expect(cli).toEqual({ code: 3, stdout: '', stderr: 'Het sleutelbestand van de kluis is beschadigd of ontbreekt.\n' })
    }
  })

  it('a backup header asking for other scrypt costs is refused the same way, and nothing is written', async () => {
    const dir = tempDir()
    const path = join(dir, 'kluis.db')
    const vault = await createVault(path, passphrase, { kdf: fastKdf })
    const backupFile = join(dir, 'kluis.vangnet')
    await vault.backup(backupFile)
    vault.lock()
    const bytes = readFileSync(backupFile)
    const magicLength = 'VANGNET-BACKUP1\n'.length
    const headerLength = bytes.readUInt32BE(magicLength)
    const header = JSON.parse(bytes.subarray(magicLength + 4, magicLength + 4 + headerLength).toString('utf8'))
    for (const cost of craftedCosts) {
      const crafted = Buffer.from(JSON.stringify({ ...header, keys: { ...header.keys, passphrase: { ...header.keys.passphrase, ...cost } } }), 'utf8')
      const length = Buffer.alloc(4)
      length.writeUInt32BE(crafted.length)
      const craftedFile = join(dir, 'crafted.vangnet')
      writeFileSync(craftedFile, Buffer.concat([bytes.subarray(0, magicLength), length, crafted, bytes.subarray(magicLength + 4 + headerLength)]))
      const target = join(tempDir(), 'nieuw.db')
      expect((await vaultFailure(restoreVault(craftedFile, target, { passphrase }))).code).toBe('damaged')
      expect(existsSync(target)).toBe(false)
      const cli = await vangnet(['vault', 'restore', '--from', craftedFile, '--db', target], { VANGNET_PASSPHRASE: passphrase })
      expect(cli.code).toBe(3)
      expect(cli.stderr.trim().split('\n')).toHaveLength(1)
    }
  })
})

describe('one passphrase rule', () => {
  it('the headless command refuses a passphrase shorter than 12 characters, like the app', async () => {
    const dir = tempDir()
    const init = await vangnet(['vault', 'init', '--db', join(dir, 'kluis.db')], { VANGNET_PASSPHRASE: 'acht-tkn' })
    expect(init).toEqual({ code: 2, stdout: '', stderr: 'Het wachtwoord moet minstens 12 tekens lang zijn.\n' })
    expect(existsSync(join(dir, 'kluis.db'))).toBe(false)
    expect((await vangnet(['vault', 'init', '--db', join(dir, 'kluis.db')], { VANGNET_PASSPHRASE: 'twaalf-tekens' })).code).toBe(0)
    const change = await vangnet(['vault', 'change-passphrase', '--db', join(dir, 'kluis.db')], { VANGNET_PASSPHRASE: 'twaalf-tekens', VANGNET_NEW_PASSPHRASE: 'elf-tekens!' })
    expect(change.code).toBe(2)
    expect(change.stderr).toBe('Het wachtwoord moet minstens 12 tekens lang zijn.\n')
  })
})

describe('a refused open writes nothing', () => {
  it('an empty (0-byte) vault file stays empty and unchanged, with no -wal or -shm next to it', async () => {
    const dir = tempDir()
    const path = join(dir, 'kluis.db')
    ;(await createVault(path, passphrase, { kdf: fastKdf })).lock()
    writeFileSync(path, Buffer.alloc(0))
    const before = statSync(path).mtimeMs
    const error = await vaultFailure(openVault(path, { passphrase }))
    expect(error.code).toBe('damaged')
    expect(statSync(path).size).toBe(0)
    expect(statSync(path).mtimeMs).toBe(before)
    expect(existsSync(`${path}-wal`)).toBe(false)
    expect(existsSync(`${path}-shm`)).toBe(false)
  })
})

describe('renewing the key from the command line', () => {
  it('renew-key re-encrypts with the same passphrase and says so; an older backup then needs VANGNET_BACKUP_PASSPHRASE only after a passphrase change', async () => {
    const dir = tempDir()
    const db = join(dir, 'kluis.db')
    const env = { VANGNET_PASSPHRASE: 'eerste wachtwoord' }
    expect((await vangnet(['vault', 'init', '--db', db], env)).code).toBe(0)
    await vangnet(['vault', 'add-client', '--db', db, '--name', 'Eva Jansen', '--birth-date', '1970-07-07'], env)
    await vangnet(['vault', 'backup', '--db', db, '--out', join(dir, 'oud.vangnet')], env)
    const oldKeys = readFileSync(keyFilePath(db))
    const renewed = await vangnet(['vault', 'renew-key', '--db', db], env)
    expect(renewed.code).toBe(0)
    expect(renewed.stderr).toMatch(/opnieuw versleuteld \(\d+ pagina's\)/)
    expect(readFileSync(keyFilePath(db)).equals(oldKeys)).toBe(false)
    // Same passphrase: the older backup still restores with it.
    expect((await vangnet(['vault', 'restore', '--from', join(dir, 'oud.vangnet'), '--db', db], env)).code).toBe(0)

    const next = { VANGNET_PASSPHRASE: 'tweede wachtwoord', VANGNET_NEW_PASSPHRASE: 'tweede wachtwoord' }
    expect((await vangnet(['vault', 'change-passphrase', '--db', db], { ...env, VANGNET_NEW_PASSPHRASE: 'tweede wachtwoord' })).code).toBe(0)
    const refused = await vangnet(['vault', 'restore', '--from', join(dir, 'oud.vangnet'), '--db', db], next)
    expect(refused.code).toBe(3)
    expect(refused.stderr).toMatch(/wachtwoord dat gold toen de back-up werd gemaakt/)
    expect((await vangnet(['vault', 'restore', '--from', join(dir, 'oud.vangnet'), '--db', db], { ...next, VANGNET_BACKUP_PASSPHRASE: 'eerste wachtwoord' })).code).toBe(0)
    expect(JSON.parse((await vangnet(['vault', 'list', '--db', db, '--json'], next)).stdout)).toHaveLength(1)
  })
})

describe('leftovers of a crash', () => {
  it('temporary files next to the vault (a backup snapshot, a key file being written, a restore being checked) are removed at the next open; other files stay', async () => {
    const dir = tempDir()
    const path = join(dir, 'kluis.db')
    const vault = await createVault(path, passphrase, { kdf: fastKdf })
    vault.clients.create({ name: 'Gewist Later', birthDate: '1970-01-01' })
    await vault.backup(join(dir, 'echt.vangnet'))
    vault.lock()
    const snapshotCopy = readFileSync(path)
    const leftovers = ['kluis.db.1a2b3c4d.snapshot', 'kluis.db.1a2b3c4d.snapshot-wal', 'kluis.db.keys.0badcafe.tmp', 'kluis.db.deadbeef.restore', 'kluis.db.feedf00d.new']
    for (const name of leftovers) writeFileSync(join(dir, name), snapshotCopy)
    const kept = ['kluis.db.notities.txt', 'andere.db.1a2b3c4d.snapshot', 'echt.vangnet']
    writeFileSync(join(dir, kept[0]!), 'eigen bestand')
    writeFileSync(join(dir, kept[1]!), 'van een andere kluis')
    ;(await openVault(path, { passphrase })).lock()
    for (const name of leftovers) expect([name, existsSync(join(dir, name))]).toEqual([name, false])
    for (const name of kept) expect([name, existsSync(join(dir, name))]).toEqual([name, true])
  })
})

describe('erasing while another program reads the vault', () => {
  it('says the data is not yet gone from the file while a reader blocks the checkpoint, and removes it once the reader is gone', async () => {
    const dir = tempDir()
    const path = join(dir, 'kluis.db')
    const vault = await createVault(path, passphrase, { kdf: fastKdf })
    const client = vault.clients.create({ name: 'Wis Mij Helemaal', birthDate: '1970-01-01' })
    vault.clients.create({ name: 'Blijft Staan', birthDate: '1971-01-01' })
    // A second program (another Vangnet, a backup) with an open read transaction.
    const reader = await openVault(path, { passphrase }, { autoLockAfterMs: 0 })
    const connection = (reader as unknown as { connection: import('../../src-main/store/connection').Db }).connection
    connection.prepare('BEGIN').run()
    connection.prepare('SELECT count(*) FROM clients').pluck().get()
    expect(vault.privacy.eraseClient(client.id)).toEqual({ goneFromFile: false })
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0)
    connection.prepare('COMMIT').run()
    reader.lock()
    const second = vault.clients.create({ name: 'Nog Een', birthDate: '1972-01-01' })
    expect(vault.privacy.eraseClient(second.id)).toEqual({ goneFromFile: true })
    expect(statSync(`${path}-wal`).size).toBe(0)
    vault.lock()
  })

  it('the headless command tells the adviser plainly when the data is not yet gone from the file', async () => {
    const dir = tempDir()
    const path = join(dir, 'kluis.db')
    const env = { VANGNET_PASSPHRASE: passphrase }
    const vault = await createVault(path, passphrase, { kdf: fastKdf })
    const client = vault.clients.create({ name: 'Wis Mij', birthDate: '1970-01-01' })
    const connection = (vault as unknown as { connection: import('../../src-main/store/connection').Db }).connection
    connection.prepare('BEGIN').run()
    connection.prepare('SELECT count(*) FROM clients').pluck().get()
    const erased = await vangnet(['vault', 'erase-client', '--db', path, '--id', String(client.id)], env)
    expect(erased.code).toBe(0)
    expect(erased.stdout).toMatch(/Een ander programma houdt de kluis open/)
    expect(erased.stdout).not.toMatch(/ook uit het kluisbestand/)
    connection.prepare('COMMIT').run()
    vault.lock()
  })
})
