/**
 * Limits the trust audit asked for at the doors: a deeply nested IPC payload is refused inside the
 * error envelope (before validation, whose recursion it could overflow), and no message echoes
 * a huge field name whole, neither over IPC nor from the headless command.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src-main/cli/index'
import { dispatch, maxPayloadDepth, nestingExceeds, type ServiceHandlers } from '../../src-main/services/dispatch'
import { removeTempDirs, tempDir } from '../store/helpers'

afterAll(removeTempDirs)

// Only validation is exercised: no handler may be reached.
const handlers = new Proxy({} as ServiceHandlers, {
  get: () => () => {
    throw new Error('handler reached')
  },
})

function nested(depth: number): unknown {
  let value: unknown = 'kern'
  for (let level = 0; level < depth; level++) value = level % 2 ? [value] : { a: value }
  return value
}

describe('IPC payload limits', () => {
  it('a payload nested 100,000 deep gets the invalid-input envelope, not an exception', async () => {
    const response = await dispatch(handlers, 'clients:saveDraft', { id: 1, draft: nested(100_000), caseInput: {} })
    expect(response).toEqual({ ok: false, error: { code: 'invalid-input', message: `De invoer is te diep genest (meer dan ${maxPayloadDepth} niveaus).` } })
  })

  it('measures depth without recursion and lets ordinary payloads through', () => {
    expect(nestingExceeds(nested(maxPayloadDepth - 1), maxPayloadDepth)).toBe(false)
    expect(nestingExceeds(nested(maxPayloadDepth + 1), maxPayloadDepth)).toBe(true)
    expect(nestingExceeds({ income: [{ year: 2029, profit: 1 }], client: { name: 'A' } }, maxPayloadDepth)).toBe(false)
  })

  it('a 10 MB unknown field name is not echoed whole', async () => {
    const huge = 'x'.repeat(10 * 1024 * 1024)
    const response = await dispatch(handlers, 'vault:unlock', { passphrase: 'correct paard batterij', remember: false, [huge]: 1 })
    expect(response.ok).toBe(false)
    const text = JSON.stringify(response)
    expect(text.length).toBeLessThan(2000)
    expect(text).toContain('onbekend veld: xxxx')
  })
})

describe('headless command messages', () => {
  it('a case file with a 10 MB unknown field name gives a short message (exit 2)', async () => {
    const dir = tempDir()
    const huge = 'y'.repeat(10 * 1024 * 1024)
    writeFileSync(join(dir, 'case.json'), JSON.stringify({ schemaVersion: 1, [huge]: true }))
    let stderr = ''
    const code = await runCli(['advise', 'case.json'], { stdout: () => {}, stderr: (text) => (stderr += text), env: {}, cwd: dir })
    expect(code).toBe(2)
    expect(stderr.length).toBeLessThan(5000)
    expect(stderr).toContain('onbekend veld: yyyy')
    for (const line of stderr.trim().split('\n')) expect(line.length).toBeLessThanOrEqual(300)
  })
})
