/**
 * Backup and restore, and every way a file can be wrong: wrong passphrase, truncated, random
 * bytes, a backup of another vault. Each gives a clear VaultError and leaves every file untouched.
 */
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, renameSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createVault, keyFilePath, latestSchemaVersion, openVault, readBackup, restoreVault, VaultError } from '../../src-main/store'
import { fastKdf, passphrase, removeTempDirs, tempDir, vaultFailure } from './helpers'

afterEach(removeTempDirs)

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')]))
}

async function vaultWithClients(dir: string, name = 'kluis.db', count = 3) {
  const path = join(dir, name)
  const vault = await createVault(path, passphrase, { kdf: fastKdf })
  vault.clients.createMany(Array.from({ length: count }, (_, index) => ({ name: `Klant ${index}`, birthDate: '1980-01-01' })))
  return { path, vault }
}

describe('backup and restore', () => {
  it('makes one encrypted backup while the vault is open and restores it over later changes', async () => {
    const dir = tempDir()
    const { path, vault } = await vaultWithClients(dir)
    const backupFile = join(dir, 'kluis-backup.vangnet')
    const info = await vault.backup(backupFile)
    expect(info).toMatchObject({ vaultId: vault.vaultId, schemaVersion: latestSchemaVersion })
    expect(readdirSync(dir).filter((name) => name.includes('.tmp') || name.includes('snapshot'))).toEqual([])
    vault.clients.create({ name: 'Na de back-up', birthDate: '1999-09-09' })
    vault.lock()

    const restored = await restoreVault(backupFile, path, { passphrase })
    expect(restored.vaultId).toBe(info.vaultId)
    const again = await openVault(path, { passphrase })
    expect(again.clients.count()).toBe(3)
    expect(again.checkIntegrity()).toEqual([])
    expect(again.audit.list({ limit: 1 })[0]?.action).toBe('vault.restored')
    again.lock()
  })

  it('restores onto a new machine (no vault there yet) with the passphrase of the backup', async () => {
    const { vault } = await vaultWithClients(tempDir())
    const backupFile = join(tempDir(), 'b.vangnet')
    await vault.backup(backupFile)
    vault.lock()
    const elsewhere = join(tempDir(), 'nieuw.db')
    await restoreVault(backupFile, elsewhere, { passphrase })
    expect(existsSync(keyFilePath(elsewhere))).toBe(true)
    const opened = await openVault(elsewhere, { passphrase })
    expect(opened.clients.count()).toBe(3)
    opened.lock()
  })

  it('keeps the current passphrase when restoring an older backup of the same vault', async () => {
    const dir = tempDir()
    const { path, vault } = await vaultWithClients(dir)
    await vault.backup(join(dir, 'oud.vangnet'))
    await vault.changePassphrase(passphrase, 'het nieuwe wachtwoord')
    vault.lock()
    expect((await vaultFailure(restoreVault(join(dir, 'oud.vangnet'), path, { passphrase }))).code).toBe('wrong-passphrase')
    // The key was renewed with the passphrase: the backup also needs the passphrase of its time.
    const withoutOld = await vaultFailure(restoreVault(join(dir, 'oud.vangnet'), path, { passphrase: 'het nieuwe wachtwoord' }))
    expect(withoutOld.message).toMatch(/wachtwoord dat gold toen de back-up werd gemaakt/)
    await restoreVault(join(dir, 'oud.vangnet'), path, { passphrase: 'het nieuwe wachtwoord' }, { backupPassphrase: passphrase })
    const restored = await openVault(path, { passphrase: 'het nieuwe wachtwoord' })
    expect(restored.clients.count()).toBe(3)
    restored.lock()
    expect((await vaultFailure(openVault(path, { passphrase }))).code).toBe('wrong-passphrase')
  })

  it('refuses to write a backup over the vault itself', async () => {
    const dir = tempDir()
    const { path, vault } = await vaultWithClients(dir)
    await expect(vault.backup(path)).rejects.toThrow(/over de kluis/)
    await expect(vault.backup(keyFilePath(path))).rejects.toThrow(/over de kluis/)
    await expect(vault.backup(join(dir, 'geen-map', 'b.vangnet'))).rejects.toThrow(/map voor de back-up/)
    await expect(restoreVault(join(dir, 'bestaat-niet.vangnet'), path, { passphrase })).rejects.toThrow(/niet gevonden/)
    vault.lock()
  })
})

describe('bad files change nothing', () => {
  it('a wrong passphrase on restore', async () => {
    const dir = tempDir()
    const { path, vault } = await vaultWithClients(dir)
    await vault.backup(join(dir, 'b.vangnet'))
    vault.lock()
    const before = snapshot(dir)
    expect((await vaultFailure(restoreVault(join(dir, 'b.vangnet'), path, { passphrase: 'fout fout fout' }))).message).toBe('Onjuist wachtwoord.')
    expect(snapshot(dir)).toEqual(before)
  })

  it('a backup from another vault', async () => {
    const dir = tempDir()
    const { path, vault } = await vaultWithClients(dir, 'a.db')
    vault.lock()
    const other = await vaultWithClients(dir, 'b.db', 1)
    await other.vault.backup(join(dir, 'b.vangnet'))
    other.vault.lock()
    const before = snapshot(dir)
    const error = await vaultFailure(restoreVault(join(dir, 'b.vangnet'), path, { passphrase }))
    expect(error.code).toBe('other-vault')
    expect(error.message).toMatch(/andere kluis.*niets veranderd/)
    expect(snapshot(dir)).toEqual(before)

    // Even with the header doctored to name this vault, the pages do not open with its key.
    const bytes = readFileSync(join(dir, 'b.vangnet'))
    const ownId = JSON.parse(readFileSync(keyFilePath(path), 'utf8')).vaultId as string
    const otherId = other.vault.vaultId
    writeFileSync(join(dir, 'b-doctored.vangnet'), Buffer.from(bytes.toString('latin1').replaceAll(otherId, ownId), 'latin1'))
    const doctored = await vaultFailure(restoreVault(join(dir, 'b-doctored.vangnet'), path, { passphrase }))
    expect(['damaged', 'other-vault', 'wrong-passphrase']).toContain(doctored.code)
    expect(readFileSync(path).toString('base64')).toBe(before['a.db'])
  })

  it('a truncated or bit-flipped backup', async () => {
    const dir = tempDir()
    const { path, vault } = await vaultWithClients(dir, 'kluis.db', 500)
    await vault.backup(join(dir, 'b.vangnet'))
    vault.lock()
    const bytes = readFileSync(join(dir, 'b.vangnet'))
    writeFileSync(join(dir, 'kort.vangnet'), bytes.subarray(0, Math.floor(bytes.length / 2)))
    const flipped = Buffer.from(bytes)
    flipped[flipped.length - 5000]! ^= 0x01
    writeFileSync(join(dir, 'flip.vangnet'), flipped)
    writeFileSync(join(dir, 'ruis.vangnet'), randomBytes(64 * 1024))
    const before = snapshot(dir)
    for (const name of ['kort.vangnet', 'flip.vangnet', 'ruis.vangnet', 'kluis.db']) {
      const error = await vaultFailure(restoreVault(join(dir, name), path, { passphrase }))
      expect(error.code, name).toBe('damaged')
      expect(error.message).toMatch(/back-upbestand is beschadigd/)
    }
    expect(snapshot(dir)).toEqual(before)
    await expect(readBackup(join(dir, 'b.vangnet'))).resolves.toBeTruthy()
  })
})

describe('a vault whose key file is lost', () => {
  it('is not replaced blindly: the adviser is asked to set it aside first', async () => {
    const dir = tempDir()
    const { path, vault } = await vaultWithClients(dir)
    await vault.backup(join(dir, 'b.vangnet'))
    vault.lock()
    rmSync(keyFilePath(path))
    const before = snapshot(dir)
    expect((await vaultFailure(restoreVault(join(dir, 'b.vangnet'), path, { passphrase }))).message).toMatch(/opzij/)
    expect(snapshot(dir)).toEqual(before)
    renameSync(path, `${path}.oud`)
    await restoreVault(join(dir, 'b.vangnet'), path, { passphrase })
    const restored = await openVault(path, { passphrase })
    expect(restored.clients.count()).toBe(3)
    restored.lock()
  })
})

describe('a damaged vault file', () => {
  it('random bytes: clear error, file untouched', async () => {
    const dir = tempDir()
    const { path, vault } = await vaultWithClients(dir)
    vault.lock()
    writeFileSync(path, randomBytes(64 * 1024))
    const before = snapshot(dir)
    const error = await vaultFailure(openVault(path, { passphrase }))
    expect(error.code).toBe('damaged')
    expect(error.message).toBe('Het kluisbestand is beschadigd of geen Vangnet-kluis.')
    expect(snapshot(dir)).toEqual(before)
  })

  it('a truncated file: clear error on open or on first use, file untouched', async () => {
    for (const keep of [100, 4096 + 10, 3 * 4096]) {
      const dir = tempDir()
      const { path, vault } = await vaultWithClients(dir, 'kluis.db', 2000)
      vault.lock()
      truncateSync(path, keep)
      const before = snapshot(dir)
      const outcome = await openVault(path, { passphrase }).then(
        (opened) => {
          try {
            opened.clients.list()
            return opened.checkIntegrity().length > 0 ? 'damaged' : 'ok'
          } catch (error) {
            return (error as { code?: string }).code
          } finally {
            opened.lock()
          }
        },
        (error: VaultError) => error.code,
      )
      expect(outcome, `truncated to ${keep} bytes`).toBe('damaged')
      expect(snapshot(dir)).toEqual(before)
    }
  })

  it('a plain (unencrypted) SQLite file is never opened as a vault', async () => {
    const dir = tempDir()
    const { path, vault } = await vaultWithClients(dir)
    vault.lock()
    writeFileSync(path, Buffer.concat([Buffer.from('SQLite format 3\0', 'latin1'), Buffer.alloc(4080)]))
    expect((await vaultFailure(openVault(path, { passphrase }))).code).toBe('damaged')
  })
})
