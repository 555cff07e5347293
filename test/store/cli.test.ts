/** `vangnet vault …` in-process: outputs, exit codes, and plain messages on bad passphrases or files. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/index'
import { removeTempDirs, tempDir } from './helpers'

afterAll(removeTempDirs)

async function vangnet(args: string[], env: Record<string, string> = {}, cwd = tempDir()) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, cwd })
  return { code, stdout, stderr }
}

const env = { VANGNET_PASSPHRASE: 'cli-wachtwoord-1' }

describe('vangnet vault', () => {
  it('runs the whole life of a vault from the command line', async () => {
    const dir = tempDir()
    const db = join(dir, 'kluis.db')
    expect((await vangnet(['vault', 'init', '--db', db], env)).code).toBe(0)
    expect((await vangnet(['vault', 'init', '--db', db], env)).code).toBe(2)

    const added = await vangnet(['vault', 'add-client', '--db', db, '--name', 'Sanne Smit', '--birth-date', '1983-03-03'], env)
    expect(added).toMatchObject({ code: 0, stderr: '' })
    expect(added.stdout).toMatch(/^\d+\n$/)
    const id = added.stdout.trim()
    await vangnet(['vault', 'add-client', '--db', db, '--name', 'Ahmed Bakr', '--birth-date', '1979-12-31', '--email', 'a@example.nl'], env)

    const listed = await vangnet(['vault', 'list', '--db', db, '--json'], env)
    expect(JSON.parse(listed.stdout).map((client: { name: string }) => client.name)).toEqual(['Ahmed Bakr', 'Sanne Smit'])
    expect((await vangnet(['vault', 'list', '--db', db, '--search', 'smit'], env)).stdout).toMatch(/1983-03-03 {2}Sanne Smit/)

    const exported = await vangnet(['vault', 'export-client', '--db', db, '--id', id], env)
    expect(JSON.parse(exported.stdout)).toMatchObject({ format: 'vangnet-client-export', client: { name: 'Sanne Smit' } })

    const backupFile = join(dir, 'kluis.vangnet')
    expect((await vangnet(['vault', 'backup', '--db', db, '--out', backupFile], env)).stdout).toMatch(/Back-up gemaakt/)

    const erased = await vangnet(['vault', 'erase-client', '--db', db, '--id', id], env)
    expect(erased.code).toBe(0)
    expect((await vangnet(['vault', 'export-client', '--db', db, '--id', id], env)).code).toBe(2)

    expect((await vangnet(['vault', 'restore', '--from', backupFile, '--db', db], env)).code).toBe(0)
    expect(JSON.parse((await vangnet(['vault', 'list', '--db', db, '--json'], env)).stdout)).toHaveLength(2)

    const changed = await vangnet(['vault', 'change-passphrase', '--db', db], { ...env, VANGNET_NEW_PASSPHRASE: 'cli-wachtwoord-2' })
    expect(changed.code).toBe(0)
    expect((await vangnet(['vault', 'list', '--db', db], env)).code).toBe(3)
    expect((await vangnet(['vault', 'list', '--db', db], { VANGNET_PASSPHRASE: 'cli-wachtwoord-2' })).code).toBe(0)
  })

  it('exits with 3 and a plain message on a wrong passphrase, a damaged file or a foreign backup', async () => {
    const dir = tempDir()
    const db = join(dir, 'kluis.db')
    await vangnet(['vault', 'init', '--db', db], env)
    const wrong = await vangnet(['vault', 'list', '--db', db], { VANGNET_PASSPHRASE: 'niet goed!!' })
    expect(wrong).toEqual({ code: 3, stdout: '', stderr: 'Onjuist wachtwoord.\n' })

    const other = join(dir, 'ander.db')
    await vangnet(['vault', 'init', '--db', other], env)
    await vangnet(['vault', 'backup', '--db', other, '--out', join(dir, 'ander.vangnet')], env)
    const before = readFileSync(db)
    const foreign = await vangnet(['vault', 'restore', '--from', join(dir, 'ander.vangnet'), '--db', db], env)
    expect(foreign.code).toBe(3)
    expect(foreign.stderr).toMatch(/andere kluis/)
    expect(readFileSync(db).equals(before)).toBe(true)

    writeFileSync(db, Buffer.alloc(8192, 7))
    const damaged = await vangnet(['vault', 'list', '--db', db], env)
    expect(damaged).toMatchObject({ code: 3, stderr: 'Het kluisbestand is beschadigd of geen Vangnet-kluis.\n' })
  })

  it('explains missing options and passphrases instead of guessing', async () => {
    expect((await vangnet(['vault', 'add-client', '--db', 'x.db', '--name', 'A'], env)).stderr).toMatch(/--birth-date ontbreekt/)
    expect((await vangnet(['vault', 'erase-client', '--db', 'x.db', '--id', 'abc'], env)).code).toBe(2)
    expect((await vangnet(['vault', 'verzin-iets'], env)).stderr).toMatch(/Onbekende actie/)
    expect((await vangnet(['vault', 'list', '--db', 'x.db', '--onbekend'], env)).code).toBe(2)
    expect((await vangnet(['vault', 'list', '--db', 'bestaat-niet.db'], env)).stderr).toBe('Er staat geen kluis op deze plek.\n')
    expect((await vangnet(['vault', '--help'])).stdout).toMatch(/change-passphrase/)
    if (!process.stdin.isTTY) expect((await vangnet(['vault', 'list', '--db', 'x.db'], {})).code).toBe(3)
  })
})
