/**
 * Crash safety, without a timing assumption: each round runs one vault operation in a child
 * process under strace, which kills it with SIGKILL exactly at the N-th call of a chosen system
 * call (a page write, an fsync, a rename, a truncate): during open and its checkpoint, while writing
 * clients, while migrating a vault of an older Vangnet, while erasing a client (VACUUM), while
 * making a backup and while changing the passphrase (re-encrypting the vault). After every kill
 * the vault must open (with the old or, once acknowledged, the new passphrase), pass
 * integrity_check, hold every acknowledged client with its contents, and have no temporary files
 * left next to it. The writer's connection itself must run WAL with synchronous = FULL: a SIGKILL
 * cannot show that a commit reached the disk (the OS still has it), so the setting is asserted.
 */
import { spawn } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createVault, latestSchemaVersion, openVault, readBackup, VaultError, type Vault } from '../../src-main/store'
import { connect } from '../../src-main/store/connection'
import { newDatabaseKey, newKeyFile, newVaultId, writeKeyFile } from '../../src-main/store/keys'
import { migrate } from '../../src-main/store/migrations'
import { fastKdf, passphrase, removeTempDirs, tempDir } from './helpers'

const writer = fileURLToPath(new URL('./crash-writer.ts', import.meta.url))
const wantedKills = 50
const lanes = 3 // vaults side by side: most of a round is waiting for process start and fsync

afterAll(removeTempDirs)

/** The writer bundled once with esbuild (installed with tsx), the native module left external: a start costs ~0.1 s instead of ~0.8 s. */
let writerCommand: string[] = ['--import', 'tsx', writer]
beforeAll(async () => {
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
    plugins: [{ name: 'native-sqlite-external', setup: (build) => build.onResolve({ filter: /^better-sqlite3-multiple-ciphers$/ }, () => ({ path: sqliteEntry, external: true })) }],
  })
  writerCommand = [bundle]
})

interface Run {
  killed: boolean
  lines: string[]
}

/** One operation under strace, killed at the `when`-th call of one of `syscalls` (if it gets that far). */
function runUntilKilled(args: string[], syscalls: string, when: number, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve, reject) => {
    // `?name`: a system call this architecture does not have is skipped, not an error.
    const inject = `--inject=${syscalls}:signal=KILL:when=${when}`
    const child = spawn('strace', ['-f', '-qq', '-o', '/dev/null', inject, process.execPath, ...writerCommand, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    let errors = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk))
    child.on('error', reject)
    child.on('close', (code, signal) => {
      const killed = signal === 'SIGKILL' || code === 137
      if (!killed && code !== 0) {
        reject(new Error(`writer failed (${code}): ${errors.slice(0, 800)}`))
        return
      }
      // A line cut off by the kill was not acknowledged: only whole lines count.
      resolve({ killed, lines: output.split('\n').slice(0, -1) })
    })
  })
}

const temporaryFile = /\.[0-9a-f]{8}\.(tmp|snapshot|restore|new)(-wal|-shm|-journal)?$/

interface Lane {
  dir: string
  path: string
  passphrase: string
  clients: Map<number, { name: string; profit: number }>
  kills: number
  rounds: number
  scenarios: Set<string>
}

async function openEither(lane: Lane, candidates: string[]): Promise<Vault> {
  for (const [index, candidate] of candidates.entries()) {
    try {
      const vault = await openVault(lane.path, { passphrase: candidate }, { autoLockAfterMs: 0 })
      lane.passphrase = candidate
      return vault
    } catch (error) {
      if (!(error instanceof VaultError && error.code === 'wrong-passphrase') || index === candidates.length - 1) throw error
    }
  }
  throw new Error('unreachable')
}

/** After a round: opens, is sound and durable, holds every acknowledged client as written, and has no leftovers. */
async function check(lane: Lane, label: string, candidates = [lane.passphrase]): Promise<void> {
  const vault = await openEither(lane, candidates)
  try {
    expect(vault.checkIntegrity(), label).toEqual([])
    expect(vault.durability(), label).toEqual({ journalMode: 'wal', synchronous: 'FULL' })
    for (const [id, expected] of lane.clients) {
      const client = vault.clients.get(id)
      expect(client?.name, `${label}: client ${id}`).toBe(expected.name)
      expect(vault.incomeYears.list(id).map((row) => row.profit), `${label}: income of client ${id}`).toEqual([expected.profit])
    }
  } finally {
    vault.lock()
  }
  expect(readdirSync(lane.dir).filter((name) => temporaryFile.test(name)), `${label}: temporary files`).toEqual([])
}

function acknowledgedClients(run: Run): Array<{ id: number; name: string; profit: number }> {
  return run.lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as { id: number; name: string; profit: number })
}

function assertDurableWriter(run: Run, label: string): void {
  const ready = run.lines.find((line) => line.startsWith('ready '))
  if (ready) expect(JSON.parse(ready.slice(6)), label).toEqual({ journalMode: 'wal', synchronous: 'FULL' })
}

const pageWrites = 'pwrite64'
const syncs = 'fdatasync,fsync'
const renames = '?rename,?renameat,?renameat2'
const truncates = 'ftruncate'

type Scenario = (lane: Lane, round: number) => Promise<void>

const scenarios: Record<string, Scenario> = {
  async write(lane, round) {
    const syscalls = round % 2 === 0 ? pageWrites : syncs
    const run = await runUntilKilled(['write', lane.path, `ronde ${round}`], syscalls, 3 + ((round * 17) % 80), { VANGNET_PASSPHRASE: lane.passphrase })
    assertDurableWriter(run, `write ${round}`)
    for (const client of acknowledgedClients(run)) lane.clients.set(client.id, { name: client.name, profit: client.profit })
    if (run.killed) lane.kills++
    await check(lane, `write round ${round}`)
  },

  async open(lane, round) {
    const syscalls = [pageWrites, syncs, truncates][round % 3]!
    const run = await runUntilKilled(['open', lane.path], syscalls, 1 + (round % 4), { VANGNET_PASSPHRASE: lane.passphrase })
    if (run.killed) lane.kills++
    await check(lane, `open round ${round}`)
  },

  async erase(lane, round) {
    const [id] = lane.clients.keys()
    if (id === undefined) return
    const syscalls = [pageWrites, syncs, truncates][round % 3]!
    const run = await runUntilKilled(['erase', lane.path, String(id)], syscalls, 1 + ((round * 7) % 30), { VANGNET_PASSPHRASE: lane.passphrase })
    if (run.killed) lane.kills++
    const expected = lane.clients.get(id)!
    lane.clients.delete(id)
    await check(lane, `erase round ${round}`)
    const vault = await openVault(lane.path, { passphrase: lane.passphrase }, { autoLockAfterMs: 0 })
    try {
      const client = vault.clients.get(id)
      // Acknowledged: gone. Not acknowledged: gone, or still there whole (then it stays expected).
      if (run.lines.includes('erased')) expect(client, `erase round ${round}`).toBeNull()
      else if (client) {
        expect(client.name).toBe(expected.name)
        lane.clients.set(id, expected)
      }
    } finally {
      vault.lock()
    }
  },

  async backup(lane, round) {
    const out = join(lane.dir, `backup-${round}.vangnet`)
    const syscalls = [pageWrites, syncs, renames][round % 3]!
    const run = await runUntilKilled(['backup', lane.path, out], syscalls, 1 + ((round * 5) % 12), { VANGNET_PASSPHRASE: lane.passphrase })
    if (run.killed) lane.kills++
    if (run.lines.includes('backup')) expect((await readBackup(out)).header.vaultId).toMatch(/-/)
    // A backup file, when there is one, is whole: the temporary copy is renamed into place last.
    else if (existsSync(out)) await readBackup(out)
    await check(lane, `backup round ${round}`)
  },

  async passphrase(lane, round) {
    const next = `nieuw wachtwoord ${round}`
    const syscalls = [pageWrites, syncs, renames][round % 3]!
    const run = await runUntilKilled(['passphrase', lane.path], syscalls, 1 + ((round * 3) % 10), { VANGNET_PASSPHRASE: lane.passphrase, VANGNET_NEW_PASSPHRASE: next })
    if (run.killed) lane.kills++
    const old = lane.passphrase
    if (run.lines.includes('changed')) {
      // Acknowledged: the new passphrase opens, the old one no longer does.
      await check(lane, `passphrase round ${round}`, [next])
      await expect(openVault(lane.path, { passphrase: old }, { autoLockAfterMs: 0 })).rejects.toBeInstanceOf(VaultError)
    } else {
      // Cut off: the new passphrase finishes the change when it reached the key file, else the old one opens.
      await check(lane, `passphrase round ${round}`, [next, old])
    }
  },

  async migrate(lane, round) {
    // A vault of an older Vangnet (schema 3) with one client, opened (backed up, then migrated) and killed.
    const old: Lane = { dir: tempDir(), path: '', passphrase, clients: new Map(), kills: 0, rounds: 0, scenarios: new Set() }
    old.path = join(old.dir, 'oud.db')
    const key = newDatabaseKey()
    const vaultId = newVaultId()
    const db = connect(old.path, key, { create: true })
    migrate(db, 3)
    const now = new Date().toISOString()
    db.prepare("INSERT INTO vault_meta (key, value) VALUES ('vault_id', ?)").run(vaultId)
    const id = Number(db.prepare('INSERT INTO clients (name, birth_date, created_at, updated_at) VALUES (?, ?, ?, ?)').run('Émile Oud', '1960-01-01', now, now).lastInsertRowid)
    db.prepare('INSERT INTO income_years (client_id, year, profit_cents, wia_wage_cents) VALUES (?, 2029, ?, 0)').run(id, 432_100)
    db.close()
    await writeKeyFile(old.path, await newKeyFile(vaultId, key, passphrase, fastKdf))
    old.clients.set(id, { name: 'Émile Oud', profit: 4321 })
    const syscalls = [pageWrites, syncs, renames][round % 3]!
    const run = await runUntilKilled(['open', old.path], syscalls, 1 + ((round * 11) % 25), { VANGNET_PASSPHRASE: passphrase })
    if (run.killed) lane.kills++
    await check(old, `migrate round ${round}`)
    const vault = await openVault(old.path, { passphrase }, { autoLockAfterMs: 0 })
    expect(vault.schemaVersion).toBe(latestSchemaVersion)
    vault.lock()
  },
}

const order = ['write', 'open', 'erase', 'write', 'backup', 'passphrase', 'migrate']

async function runLane(index: number): Promise<Lane> {
  const dir = tempDir()
  const lane: Lane = { dir, path: join(dir, 'kluis.db'), passphrase, clients: new Map(), kills: 0, rounds: 0, scenarios: new Set() }
  ;(await createVault(lane.path, passphrase, { kdf: fastKdf })).lock()
  for (let round = 0; lane.kills < Math.ceil(wantedKills / lanes) && round < 120; round++) {
    const name = order[(round + index) % order.length]!
    const before = lane.kills
    await scenarios[name]!(lane, round)
    if (lane.kills > before) lane.scenarios.add(name)
    lane.rounds++
  }
  return lane
}

describe('crash safety', () => {
  it(`keeps every acknowledged write, erase, backup and passphrase change through ${wantedKills} SIGKILLs at chosen system calls`, async () => {
    const results = await Promise.all(Array.from({ length: lanes }, (_, index) => runLane(index)))
    const kills = results.reduce((sum, lane) => sum + lane.kills, 0)
    expect(kills).toBeGreaterThanOrEqual(wantedKills)
    const killedIn = new Set(results.flatMap((lane) => [...lane.scenarios]))
    expect([...killedIn].sort()).toEqual(Object.keys(scenarios).sort())
    // Writes were acknowledged, so the checks had contents to compare.
    expect(results.every((lane) => lane.clients.size > 0)).toBe(true)
  }, 180_000)
})
