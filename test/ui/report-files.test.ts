/**
 * Report files hold client data: written owner-only (0600), and the copies opened for viewing are
 * removed when the vault locks and when the app quits.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/index'
import { dispatch } from '../../src-main/services/dispatch'
import { testServices } from '../store/helpers'

const dirs: string[] = []
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'vangnet-report-files-'))
  dirs.push(dir)
  return dir
}
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

describe('report files', () => {
  it('vangnet advise --pdf writes the report owner-only (0600), whatever the umask', async () => {
    const dir = temp()
    const previous = process.umask(0o022)
    try {
      const code = await runCli(['advise', join(process.cwd(), 'resources/cases/starter.json'), '--pdf', 'advies.pdf'], { stdout: () => {}, stderr: () => {}, env: {}, cwd: dir })
      expect(code).toBe(0)
    } finally {
      process.umask(previous)
    }
    expect(readFileSync(join(dir, 'advies.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(statSync(join(dir, 'advies.pdf')).mode & 0o777).toBe(0o600)
  })

  it('the copies opened for viewing are discarded when the vault locks and when the services are disposed (quit)', async () => {
    const dir = temp()
    let discarded = 0
    const services = testServices(dir, {
      desktop: { openPdf: async () => true, savePdfAs: async () => null, discardOpenedCopies: () => void discarded++ },
    })
    const create = await dispatch(services.handlers, 'vault:create', { passphrase: 'een lange zin als wachtwoord', adviser: { name: 'A' }, remember: false })
    expect(create.ok).toBe(true)
    await dispatch(services.handlers, 'vault:lock', {})
    expect(discarded).toBe(1)
    services.dispose()
    expect(discarded).toBe(2)
    expect(existsSync(join(dir, 'v.vault'))).toBe(true)
  })
})
