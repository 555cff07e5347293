/**
 * Crash safety: a child process writes clients in a loop and is killed with SIGKILL at a random
 * moment, 50 times over. After every kill the vault opens, integrity_check is ok and every client
 * whose commit the child acknowledged is there.
 */
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVault, openVault } from '../../src-main/store'
import { fastKdf, passphrase, removeTempDirs, tempDir } from './helpers'

const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url))
const kills = 50
const lanes = 2 // two vaults side by side: the machines have two cores

afterAll(removeTempDirs)

/**
 * How to start the writer. Through tsx each start costs ~0.8 s (mostly its hooks loading zod), so
 * the writer is bundled once with esbuild (installed with tsx), the native module left external.
 * Should esbuild be missing, the tsx loader still works, only slower.
 */
let writerCommand: string[] = ['--import', 'tsx', writer]
beforeAll(async () => {
  try {
    const esbuild = await import('esbuild')
    const sqliteEntry = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers')
    const bundle = join(tempDir(), 'crash-writer.mjs')
    await esbuild.build({
      entryPoints: [writer],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      outfile: bundle,
      logLevel: 'silent',
      plugins: [
        {
          name: 'native-sqlite-external',
          setup(build) {
            build.onResolve({ filter: /^better-sqlite3-multiple-ciphers$/ }, () => ({ path: sqliteEntry, external: true }))
          },
        },
      ],
    })
    writerCommand = [bundle]
  } catch {
    // keep the tsx loader
  }
})

/** Start the writer, let it write for a random while after it is ready, SIGKILL it; return acknowledged ids. */
function writeAndKill(path: string, prefix: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...writerCommand, path, prefix], {
      env: { ...process.env, VANGNET_PASSPHRASE: passphrase },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    let errors = ''
    let timer: NodeJS.Timeout | undefined
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      if (timer === undefined && output.startsWith('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), 5 + Math.random() * 120)
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk))
    const guard = setTimeout(() => child.kill('SIGKILL'), 15_000)
    child.on('error', reject)
    child.on('close', (_code, signal) => {
      clearTimeout(guard)
      if (signal !== 'SIGKILL' || !output.startsWith('ready\n')) {
        reject(new Error(`writer ended unexpectedly (${signal}): ${errors.slice(0, 500)}`))
        return
      }
      // A line cut off by the kill was not acknowledged: only whole lines count.
      const lines = output.split('\n').slice(1, -1)
      resolve(lines.map(Number))
    })
  })
}

async function lane(index: number, rounds: number): Promise<{ acknowledged: number; rounds: number }> {
  const path = join(tempDir(), `kluis-${index}.db`)
  ;(await createVault(path, passphrase, { kdf: fastKdf })).lock()
  const acknowledged = new Set<number>()
  for (let round = 0; round < rounds; round++) {
    for (const id of await writeAndKill(path, `ronde ${round}`)) acknowledged.add(id)
    const vault = await openVault(path, { passphrase }, { autoLockAfterMs: 0 })
    try {
      expect(vault.checkIntegrity(), `round ${round}`).toEqual([])
      const present = new Set(vault.clients.list().map((client) => client.id))
      const missing = [...acknowledged].filter((id) => !present.has(id))
      expect(missing, `acknowledged but missing after round ${round}`).toEqual([])
    } finally {
      vault.lock()
    }
  }
  return { acknowledged: acknowledged.size, rounds }
}

describe('crash safety', () => {
  it(`keeps every acknowledged commit through ${kills} SIGKILLs`, async () => {
    const results = await Promise.all(Array.from({ length: lanes }, (_, index) => lane(index, Math.ceil(kills / lanes))))
    expect(results.reduce((sum, result) => sum + result.rounds, 0)).toBeGreaterThanOrEqual(kills)
    // The kills landed while the writer was busy, not before it began.
    expect(results.every((result) => result.acknowledged > kills)).toBe(true)
  }, 120_000)
})
