/**
 * The built headless command (bin/vangnet.mjs over out/cli/) gives the same answers as the
 * sources: the version, and the same advise-v1 document for a sample case. Speed is judged by
 * `npm run bench` (section cli), not here.
 */
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import packageJson from '../../package.json' with { type: 'json' }
import { runCli } from '../../src-main/cli/index'

const root = join(import.meta.dirname, '../..')
const run = promisify(execFile)

describe('built vangnet command', () => {
  it('prints the version and the same advice as the sources', async () => {
    const version = await run(process.execPath, ['bin/vangnet.mjs', '--version'], { cwd: root })
    expect(version.stdout).toBe(`${packageJson.version}\n`)
    const built = await run(process.execPath, ['bin/vangnet.mjs', 'advise', 'resources/cases/existing-aov.json', '--json'], { cwd: root })
    let inProcess = ''
    await runCli(['advise', 'resources/cases/existing-aov.json', '--json'], { stdout: (text) => (inProcess += text), stderr: () => {}, env: {}, cwd: root })
    expect(built.stdout).toBe(inProcess)
  }, 60_000)

  it('exits 2 with a plain message for an unknown command', async () => {
    const failed = await run(process.execPath, ['bin/vangnet.mjs', 'bestaat-niet'], { cwd: root }).catch((error: { code: number; stderr: string }) => error)
    expect('code' in failed && failed.code).toBe(2)
    expect((failed as { stderr: string }).stderr).toContain('Onbekende opdracht "bestaat-niet"')
  }, 60_000)

  it('loads the office command (node-postgres stays outside the bundle) and answers bad options plainly', async () => {
    const failed = await run(process.execPath, ['bin/vangnet.mjs', 'office', 'status', '--bestaat-niet'], { cwd: root }).catch((error: { code: number; stderr: string }) => error)
    expect('code' in failed && failed.code).toBe(2)
    expect((failed as { stderr: string }).stderr).toContain('Ongeldige opties')
    expect((failed as { stderr: string }).stderr).not.toContain('Dynamic require')
  }, 60_000)
})
