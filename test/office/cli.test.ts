/** `vangnet office …` in-process, against the run's cluster: outputs, exit codes, plain messages. */
import { describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/index'
import { openOfficeBook } from '../../src-main/office/book'
import { cluster, emptyDatabase, ownerPassword, settingsFor } from './helpers'

async function vangnet(args: string[], env: Record<string, string> = {}) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, cwd: process.cwd() })
  return { code, stdout, stderr }
}

describe('vangnet office', () => {
  it('sets up a database, adds an adviser, reports the status and refuses a second init', async () => {
    const { name } = await emptyDatabase('cli')
    const info = cluster()
    const connection = ['--host', info.host, '--port', String(info.port), '--database', name, '--user', 'vangnet_owner', '--ca-file', info.caFile]
    const env = { VANGNET_OFFICE_PASSWORD: ownerPassword }

    const empty = await vangnet(['office', 'status', ...connection], env)
    expect(empty).toMatchObject({ code: 0, stderr: '' })
    expect(empty.stdout).toMatch(/PostgreSQL 1[5-9].*versleuteld[\s\S]*nog niet ingericht/)
    expect(await vangnet(['office', 'migrate', ...connection], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/vangnet office init/) })

    expect((await vangnet(['office', 'init', ...connection], env)).stdout).toMatch(/ingericht: migraties 1, 2, 3, 4/)
    expect(await vangnet(['office', 'init', ...connection], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/al ingericht/) })
    expect((await vangnet(['office', 'migrate', ...connection], env)).stdout).toMatch(/al bij/)

    const role = `cli_${name.slice(-8)}`
    const added = await vangnet(['office', 'add-adviser', ...connection, '--role', role, '--name', 'Sanne Smit', '--firm', 'Kantoor Zeker'], { ...env, VANGNET_ADVISER_PASSWORD: 'adviseur-wachtwoord-12' })
    expect(added).toMatchObject({ code: 0, stderr: '' })
    expect(added.stdout).toMatch(new RegExp(`inlogrol ${role}`))
    const book = await openOfficeBook(settingsFor(name, role, 'adviseur-wachtwoord-12'), { listen: false })
    expect(await book.adviser.get()).toMatchObject({ name: 'Sanne Smit', firm: 'Kantoor Zeker' })
    await book.close()

    const state = JSON.parse((await vangnet(['office', 'status', ...connection, '--json'], env)).stdout)
    expect(state).toMatchObject({ tls: true, schemaVersion: 4, pending: [], advisers: 1 })

    // The administrator disables, enables and removes advisers; the clients stay with a successor.
    const heir = `heir_${name.slice(-8)}`
    await vangnet(['office', 'add-adviser', ...connection, '--role', heir, '--name', 'Hans Erfgenaam'], { ...env, VANGNET_ADVISER_PASSWORD: 'adviseur-wachtwoord-12' })
    const sanne = await openOfficeBook(settingsFor(name, role, 'adviseur-wachtwoord-12'), { listen: false })
    await sanne.clients.create({ name: 'Klant Van Sanne', birthDate: '1980-01-01' })
    await sanne.close()
    expect((await vangnet(['office', 'advisers', ...connection], env)).stdout).toMatch(new RegExp(`${role}  Sanne Smit  1 klant`))
    expect(await vangnet(['office', 'disable-adviser', ...connection, '--role', role], env)).toMatchObject({ code: 0, stdout: expect.stringMatching(/uitgezet.*klanten blijven/) })
    await expect(openOfficeBook(settingsFor(name, role, 'adviseur-wachtwoord-12'), { listen: false })).rejects.toThrow(/toegang uitgezet/)
    expect((await vangnet(['office', 'advisers', ...connection], env)).stdout).toMatch(/UITGEZET/)
    expect(await vangnet(['office', 'enable-adviser', ...connection, '--role', role], env)).toMatchObject({ code: 0 })
    expect(await vangnet(['office', 'remove-adviser', ...connection, '--role', role], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/--successor ontbreekt/) })
    expect(await vangnet(['office', 'remove-adviser', ...connection, '--role', 'niemand_hier', '--successor', heir], env)).toMatchObject({ code: 2, stderr: 'Er is geen adviseur met deze gebruikersnaam.\n' })
    const removed = await vangnet(['office', 'remove-adviser', ...connection, '--role', role, '--successor', heir], env)
    expect(removed).toMatchObject({ code: 0, stdout: expect.stringMatching(/1 klant\(en\) nu onder verantwoordelijkheid van heir_/) })
    const listed = JSON.parse((await vangnet(['office', 'advisers', ...connection, '--json'], env)).stdout) as Array<{ roleName: string; clients: number }>
    expect(listed).toEqual([expect.objectContaining({ roleName: heir, clients: 1 })])
  })

  it('bad input and refused connections give one plain sentence and the right exit code', async () => {
    const { name } = await emptyDatabase('cli')
    const info = cluster()
    const connection = ['--host', info.host, '--port', String(info.port), '--database', name, '--user', 'vangnet_owner']
    const env = { VANGNET_OFFICE_PASSWORD: ownerPassword }
    expect(await vangnet(['office', 'status', ...connection], env)).toMatchObject({ code: 2, stderr: 'Optie --ca-file ontbreekt. Zie: vangnet office --help\n' })
    expect(await vangnet(['office', 'status', ...connection, '--ca-file', info.otherCaFile], env)).toMatchObject({ code: 3, stderr: expect.stringMatching(/^De kantoorserver kon niet veilig worden geverifieerd/) })
    expect(await vangnet(['office', 'status', ...connection, '--ca-file', info.caFile], { VANGNET_OFFICE_PASSWORD: 'fout-fout-fout' })).toMatchObject({ code: 3, stderr: expect.stringMatching(/weigert de aanmelding/) })
    expect(await vangnet(['office', 'status', '--host', 'localhost', '--port', '1', '--database', name, '--user', 'x', '--ca-file', info.caFile], env)).toMatchObject({ code: 3, stderr: expect.stringMatching(/niet bereikbaar/) })
    expect(await vangnet(['office', 'status', ...connection, '--ca-file', info.caFile, '--port', '99999'], env)).toMatchObject({ code: 2, stderr: expect.stringMatching(/poortnummer/) })
    await vangnet(['office', 'init', ...connection, '--ca-file', info.caFile], env)
    const bad = await vangnet(['office', 'add-adviser', ...connection, '--ca-file', info.caFile, '--role', 'Robert; DROP', '--name', 'X'], { ...env, VANGNET_ADVISER_PASSWORD: 'adviseur-wachtwoord-12' })
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringMatching(/^gebruikersnaam: alleen kleine letters/) })
    expect(await vangnet(['office', 'frobnicate'])).toMatchObject({ code: 2, stderr: expect.stringMatching(/Onbekende actie/) })
  })
})
