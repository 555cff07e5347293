/**
 * The client list asks for the office status every few seconds (to follow colleagues' changes).
 * That question must not count as work in the vault: the idle lock still comes.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { type Services } from '../../src-main/services'
import { dispatch } from '../../src-main/services/dispatch'
import { fastKdf, removeTempDirs, tempDir, testServices } from './helpers'

const running: Services[] = []
afterEach(() => {
  for (const services of running.splice(0)) services.dispose()
  removeTempDirs()
})

describe('office status and the idle lock', () => {
  it('asking for the office status over and over does not keep the vault from locking itself', async () => {
    const dir = tempDir()
    let lockedBy: string | null = null
    const services = testServices(dir, {
      vaultOptions: { kdf: fastKdf, autoLockAfterMs: 600 },
      onLocked: (reason) => (lockedBy = reason),
    })
    running.push(services)
    const created = await dispatch(services.handlers, 'vault:create', { passphrase: 'een lange zin als wachtwoord', adviser: { name: 'A', firm: '' }, remember: false })
    expect(created.ok).toBe(true)
    const started = Date.now()
    while (Date.now() - started < 10_000 && lockedBy === null) {
      const status = await dispatch(services.handlers, 'office:status', {})
      if (lockedBy === null) expect(status).toMatchObject({ ok: true, value: { linked: false, unsent: 0 } })
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(lockedBy).toBe('idle')
    expect(await dispatch(services.handlers, 'office:status', {})).toMatchObject({ ok: false, error: { code: 'locked' } })
  })
})
