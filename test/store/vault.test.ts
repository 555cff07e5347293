import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createVault, keyFilePath, openVault, VaultError } from '../../src-main/store'
import { fakeKeychain, fastKdf, passphrase, removeTempDirs, tempDir } from './helpers'

afterEach(removeTempDirs)

async function rejection(promise: Promise<unknown>): Promise<VaultError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  )
  expect(error).toBeInstanceOf(VaultError)
  return error as VaultError
}

describe('create and unlock', () => {
  it('creates an encrypted vault plus key file and opens it again with the passphrase', async () => {
    const path = join(tempDir(), 'kluis.db')
    const vault = await createVault(path, passphrase, { kdf: fastKdf })
    const client = vault.clients.create({ name: 'Jan de Vries', birthDate: '1980-02-03' })
    vault.lock()

    expect(readFileSync(path).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
    const keyFile = JSON.parse(readFileSync(keyFilePath(path), 'utf8'))
    expect(keyFile.cipher).toEqual({ name: 'sqlcipher', legacy: 4 })
    expect(keyFile.passphrase).toMatchObject({ kdf: 'scrypt', N: fastKdf.N, r: 8, p: 1 })

    const again = await openVault(path, { passphrase })
    expect(again.clients.get(client.id)?.name).toBe('Jan de Vries')
    expect(again.checkIntegrity()).toEqual([])
    again.lock()
  })

  it('refuses to create over an existing file', async () => {
    const path = join(tempDir(), 'kluis.db')
    ;(await createVault(path, passphrase, { kdf: fastKdf })).lock()
    expect((await rejection(createVault(path, passphrase, { kdf: fastKdf }))).code).toBe('already-exists')
  })

  it('refuses a passphrase shorter than 8 characters', async () => {
    const error = await rejection(createVault(join(tempDir(), 'kluis.db'), 'kort', { kdf: fastKdf }))
    expect(error.code).toBe('invalid-input')
  })

  it('says "Onjuist wachtwoord" on a wrong passphrase and leaves every file as it was', async () => {
    const dir = tempDir()
    const path = join(dir, 'kluis.db')
    const vault = await createVault(path, passphrase, { kdf: fastKdf })
    vault.clients.create({ name: 'Piet Jansen', birthDate: '1970-01-01' })
    vault.lock()
    const before = readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')])

    const error = await rejection(openVault(path, { passphrase: 'dit is fout' }))
    expect(error.code).toBe('wrong-passphrase')
    expect(error.message).toBe('Onjuist wachtwoord.')

    const after = readdirSync(dir).map((name) => [name, readFileSync(join(dir, name)).toString('base64')])
    expect(after).toEqual(before)
  })

  it('tells a missing vault apart from a missing key file', async () => {
    const dir = tempDir()
    expect((await rejection(openVault(join(dir, 'geen.db'), { passphrase }))).code).toBe('not-found')
    const path = join(dir, 'kluis.db')
    ;(await createVault(path, passphrase, { kdf: fastKdf })).lock()
    const { rmSync } = await import('node:fs')
    rmSync(keyFilePath(path))
    const error = await rejection(openVault(path, { passphrase }))
    expect(error.code).toBe('damaged')
    expect(error.message).toMatch(/sleutelbestand/)
  })

  it('unlocks again with the default key derivation after a lock (its time is measured by npm run bench)', async () => {
    const path = join(tempDir(), 'kluis.db')
    const created = await createVault(path, passphrase)
    const id = created.clients.create({ name: 'Na het slot', birthDate: '1980-01-01' }).id
    created.lock()
    const vault = await openVault(path, { passphrase })
    expect(vault.clients.get(id)?.name).toBe('Na het slot')
    vault.lock()
  })
})

describe('lock', () => {
  it('refuses every call after lock() and wipes the key', async () => {
    const locks: string[] = []
    const vault = await createVault(join(tempDir(), 'kluis.db'), passphrase, { kdf: fastKdf, onLock: (reason) => locks.push(reason) })
    vault.lock()
    expect(vault.isLocked).toBe(true)
    expect(() => vault.clients.list()).toThrow(/vergrendeld/)
    await expect(vault.backup(join(tempDir(), 'b.bak'))).rejects.toThrow(/vergrendeld/)
    vault.lock()
    expect(locks).toEqual(['manual'])
  })

  it('locks itself after the idle time, and activity postpones it', async () => {
    const locks: string[] = []
    const vault = await createVault(join(tempDir(), 'kluis.db'), passphrase, { kdf: fastKdf, autoLockAfterMs: 150, onLock: (reason) => locks.push(reason) })
    for (let step = 0; step < 4; step++) {
      await new Promise((resolve) => setTimeout(resolve, 60))
      vault.clients.count()
    }
    expect(vault.isLocked).toBe(false)
    await new Promise((resolve) => setTimeout(resolve, 400))
    expect(vault.isLocked).toBe(true)
    expect(locks).toEqual(['idle'])
  })
})

describe('passphrase change and device key', () => {
  it('changing the passphrase renews the database key: every page re-encrypted, the old key file and passphrase open nothing new', async () => {
    const path = join(tempDir(), 'kluis.db')
    const vault = await createVault(path, passphrase, { kdf: fastKdf })
    vault.clients.createMany(Array.from({ length: 2000 }, (_, index) => ({ name: `Klant ${index}`, birthDate: '1990-09-09' })))
    vault.lock()
    const vaultBytes = readFileSync(path)
    const oldKeyFile = readFileSync(keyFilePath(path))

    const open = await openVault(path, { passphrase }, { kdf: fastKdf })
    await expect(open.changePassphrase('niet het oude', 'nieuw wachtwoord 2')).rejects.toThrow('Onjuist wachtwoord.')
    const progress: Array<{ step: string; pages: number }> = []
    await open.changePassphrase(passphrase, 'nieuw wachtwoord 2', { onProgress: (step) => progress.push(step) })
    // Written after the renewal: the old key must not open it.
    open.clients.create({ name: 'Na de wijziging', birthDate: '2000-01-01' })
    open.lock()

    const after = readFileSync(path)
    const pages = Math.ceil(vaultBytes.length / 4096)
    let changed = 0
    for (let page = 0; page < pages; page++) {
      if (!after.subarray(page * 4096, (page + 1) * 4096).equals(vaultBytes.subarray(page * 4096, (page + 1) * 4096))) changed++
    }
    expect(pages).toBeGreaterThan(20)
    expect(changed).toBe(pages)
    expect(progress.map((step) => step.step)).toEqual(['re-encrypting', 'done'])
    expect(progress[0]!.pages).toBeGreaterThanOrEqual(pages)
    expect(JSON.parse(readFileSync(keyFilePath(path), 'utf8'))).not.toHaveProperty('pending')
    expect((await rejection(openVault(path, { passphrase }))).code).toBe('wrong-passphrase')
    const reopened = await openVault(path, { passphrase: 'nieuw wachtwoord 2' })
    expect(reopened.clients.count()).toBe(2001)
    expect(reopened.audit.list().map((entry) => entry.action)).toContain('vault.passphrase-changed')
    reopened.lock()

    // The old key file put back, with the old passphrase: the data written since stays shut.
    const newKeyFile = readFileSync(keyFilePath(path))
    writeFileSync(keyFilePath(path), oldKeyFile)
    expect((await rejection(openVault(path, { passphrase }))).code).toBe('damaged')
    writeFileSync(keyFilePath(path), newKeyFile)
  })

  it('a renewal cut off before the re-encryption: the old passphrase undoes it, the new one finishes it', async () => {
    for (const unlockWith of [passphrase, 'nieuw wachtwoord 3']) {
      const path = join(tempDir(), 'kluis.db')
      const vault = await createVault(path, passphrase, { kdf: fastKdf })
      vault.clients.create({ name: 'Eva Jansen', birthDate: '1970-07-07' })
      const interrupted = vault.changePassphrase(passphrase, 'nieuw wachtwoord 3', {
        onProgress: ({ step }) => {
          if (step === 're-encrypting') throw new Error('stroom uitgevallen')
        },
      })
      await expect(interrupted).rejects.toThrow('stroom uitgevallen')
      vault.lock()
      expect(JSON.parse(readFileSync(keyFilePath(path), 'utf8'))).toHaveProperty('pending')
      const reopened = await openVault(path, { passphrase: unlockWith })
      expect(reopened.clients.count()).toBe(1)
      reopened.lock()
      expect(JSON.parse(readFileSync(keyFilePath(path), 'utf8'))).not.toHaveProperty('pending')
      const other = unlockWith === passphrase ? 'nieuw wachtwoord 3' : passphrase
      expect((await rejection(openVault(path, { passphrase: other }))).code).toBe('wrong-passphrase')
      ;(await openVault(path, { passphrase: unlockWith })).lock()
    }
  })

  it('a renewal cut off after the re-encryption: the new passphrase opens and finishes it, the old one is told what to do', async () => {
    const path = join(tempDir(), 'kluis.db')
    const vault = await createVault(path, passphrase, { kdf: fastKdf })
    vault.clients.create({ name: 'Eva Jansen', birthDate: '1970-07-07' })
    const interrupted = vault.changePassphrase(passphrase, 'nieuw wachtwoord 4', {
      onProgress: ({ step }) => {
        if (step === 'done') throw new Error('stroom uitgevallen')
      },
    })
    await expect(interrupted).rejects.toThrow('stroom uitgevallen')
    vault.lock()
    const old = await rejection(openVault(path, { passphrase }))
    expect(old.code).toBe('wrong-passphrase')
    expect(old.message).toMatch(/onderbroken.*nieuwe wachtwoord/)
    const reopened = await openVault(path, { passphrase: 'nieuw wachtwoord 4' })
    expect(reopened.clients.count()).toBe(1)
    reopened.lock()
    expect(JSON.parse(readFileSync(keyFilePath(path), 'utf8'))).not.toHaveProperty('pending')
    expect((await rejection(openVault(path, { passphrase }))).message).toBe('Onjuist wachtwoord.')
  })

  it('renews the key on its own, with the same passphrase', async () => {
    const path = join(tempDir(), 'kluis.db')
    const vault = await createVault(path, passphrase, { kdf: fastKdf })
    vault.clients.create({ name: 'Eva Jansen', birthDate: '1970-07-07' })
    const oldKeyFile = readFileSync(keyFilePath(path))
    await vault.renewKey(passphrase)
    vault.lock()
    const reopened = await openVault(path, { passphrase })
    expect(reopened.clients.count()).toBe(1)
    expect(reopened.audit.list().map((entry) => entry.action)).toContain('vault.key-renewed')
    reopened.lock()
    writeFileSync(keyFilePath(path), oldKeyFile)
    expect((await rejection(openVault(path, { passphrase }))).code).toBe('damaged')
  })

  it('remembers the key on this device and unlocks with it; forgetting removes the wrap', async () => {
    const path = join(tempDir(), 'kluis.db')
    const keychain = fakeKeychain()
    const vault = await createVault(path, passphrase, { kdf: fastKdf })
    await vault.rememberOnDevice(keychain)
    vault.lock()
    expect(readFileSync(keyFilePath(path), 'utf8')).toContain('test-keychain')

    const viaDevice = await openVault(path, { device: keychain })
    expect(viaDevice.rememberedOnDevice).toBe(true)
    await viaDevice.forgetOnDevice()
    viaDevice.lock()

    expect((await rejection(openVault(path, { device: keychain }))).code).toBe('device-key-unavailable')
    ;(await openVault(path, { passphrase })).lock()
  })

  it('refuses to remember the key when the keychain offers no protection (no silent fallback)', async () => {
    const path = join(tempDir(), 'kluis.db')
    const vault = await createVault(path, passphrase, { kdf: fastKdf })
    await expect(vault.rememberOnDevice(fakeKeychain({ available: false }))).rejects.toThrow(/niet beschikbaar/)
    vault.lock()
    expect(JSON.parse(readFileSync(keyFilePath(path), 'utf8')).device).toBeNull()
  })

  it('does not accept another keychain or a device wrap moved from another vault', async () => {
    const dir = tempDir()
    const keychain = fakeKeychain()
    const a = await createVault(join(dir, 'a.db'), passphrase, { kdf: fastKdf })
    const b = await createVault(join(dir, 'b.db'), passphrase, { kdf: fastKdf })
    await a.rememberOnDevice(keychain)
    await b.rememberOnDevice(keychain)
    a.lock()
    b.lock()
    expect((await rejection(openVault(join(dir, 'a.db'), { device: fakeKeychain() }))).code).toBe('device-key-unavailable')

    const { writeFileSync } = await import('node:fs')
    const keysA = JSON.parse(readFileSync(keyFilePath(join(dir, 'a.db')), 'utf8'))
    const keysB = JSON.parse(readFileSync(keyFilePath(join(dir, 'b.db')), 'utf8'))
    writeFileSync(keyFilePath(join(dir, 'a.db')), JSON.stringify({ ...keysA, device: keysB.device }))
    expect((await rejection(openVault(join(dir, 'a.db'), { device: keychain }))).code).toBe('device-key-unavailable')
    expect(existsSync(join(dir, 'a.db'))).toBe(true)
  })
})
