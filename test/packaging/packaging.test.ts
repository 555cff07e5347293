/**
 * Installer packaging, as far as it can be checked without the Electron binary:
 * - the packaging check catches the mistakes it exists for (it passes on the real files in
 *   `npm run package:check`; here it is shown failing on broken copies of them);
 * - the icon container formats round-trip;
 * - the native SQLite loader finds, and really loads, the unpacked binary;
 * - the electron-builder hooks decide as documented;
 * - a real electron-builder run on Linux, with a stand-in for the Electron binary, produces an
 *   app.asar with the right contents, one unpacked binary, and the fuses flipped.
 */
import { execFile } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml'
import untypedDatabase from 'better-sqlite3-multiple-ciphers'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { checkFuses, checkInstallerSettings, checkNativeModule, checkSchema, checkWorkflow, loadBuilderConfig, requiredFuses } from './check'
import { pngSize, readIcns, readIco, writeIcns, writeIco } from './icons'
import { nativeSqliteBinding, unpackedBindingPath } from '../../src-main/main/native-sqlite'
import afterPack, { expectedPrebuild, prebuildProblem, unpackedPrebuildsDir } from '../../scripts/electron-builder/after-pack.mjs'
import { notarizeCredentials } from '../../scripts/electron-builder/notarize.mjs'

const root = resolve(import.meta.dirname, '../..')

/** The few members used here (the module's own types do not resolve through its exports map). */
interface ProbeDatabase {
  pragma(source: string): unknown
  exec(source: string): void
  prepare(source: string): { run(...values: unknown[]): unknown }
  close(): void
}
const Database = untypedDatabase as unknown as new (file: string, options: { nativeBinding?: string }) => ProbeDatabase
const run = promisify(execFile)
const temporaryDirs: string[] = []
function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vangnet-packaging-'))
  temporaryDirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true })
})

const config = () => loadBuilderConfig(root)

describe('the packaging check catches broken settings', () => {
  it('rejects an option electron-builder does not know', () => {
    const result = checkSchema({ ...config(), nsis: { ...(config()['nsis'] as object), perUser: true } })
    expect(result.problems.join('\n')).toMatch(/nsis/)
  })

  it('rejects a fuse left at its unsafe default', () => {
    const fuses = { ...requiredFuses, runAsNode: true }
    expect(checkFuses({ ...config(), electronFuses: fuses }).problems).toEqual([
      'electronFuses.runAsNode is true, expected false',
    ])
    expect(checkFuses({ ...config(), electronFuses: undefined }).problems).toHaveLength(1)
  })

  it('rejects an asarUnpack pattern that matches nothing, and a target that would ship every binary', () => {
    const broken = {
      ...config(),
      asarUnpack: ['node_modules/better-sqlite3-multiple-ciphers/build/Release/*.node'],
      files: ['out/**', 'package.json'],
    }
    const problems = checkNativeModule(root, broken).problems.join('\n')
    expect(problems).toMatch(/asarUnpack pattern .* matches no file/)
    expect(problems).toMatch(/win x64: ships .*darwin-arm64\.node.*expected only win32-x64\.node/)
  })

  it('rejects per-platform files lists and a machine-wide NSIS install', () => {
    const broken = { ...config(), linux: { ...(config()['linux'] as object), files: ['!foo'] }, nsis: { ...(config()['nsis'] as object), perMachine: true } }
    const problems = checkInstallerSettings(root, broken).problems.join('\n')
    expect(problems).toMatch(/linux\.files replaces/)
    expect(problems).toMatch(/nsis\.perMachine/)
  })

  it('rejects a workflow that builds before testing', () => {
    const dir = temporaryDir()
    const workflow = parseYaml(readFileSync(join(root, '.github/workflows/release.yml'), 'utf8')) as {
      jobs: { installers: { needs?: string } }
    }
    delete workflow.jobs.installers.needs
    mkdirSync(join(dir, '.github/workflows'), { recursive: true })
    mkdirSync(join(dir, '.ci'))
    copyFileSync(join(root, '.ci/run'), join(dir, '.ci/run'))
    writeFileSync(join(dir, '.github/workflows/release.yml'), stringifyYaml(workflow))
    expect(checkWorkflow(dir).problems).toEqual(['job installers builds installers without running npm test first'])
  })
})

describe('icon containers', () => {
  const png = readFileSync(join(root, 'resources/icons/png/256x256.png'))

  it('reads back the ICO it writes, small sizes as BMP and 256 as PNG', () => {
    const rgba = new Uint8Array(16 * 16 * 4).fill(200)
    const images = readIco(writeIco([{ size: 256, rgba: new Uint8Array(), png }, { size: 16, rgba, png: new Uint8Array() }]))
    expect(images).toEqual([
      { declared: { width: 16, height: 16 }, actual: { width: 16, height: 16 }, bitCount: 32, format: 'bmp' },
      { declared: { width: 256, height: 256 }, actual: { width: 256, height: 256 }, bitCount: 32, format: 'png' },
    ])
  })

  it('reads back the ICNS it writes', () => {
    expect(readIcns(writeIcns([{ type: 'ic08', png }]))).toEqual([{ type: 'ic08', size: { width: 256, height: 256 } }])
    expect(() => readIcns(Buffer.from('icns\0\0\0\x09x'))).toThrow()
    expect(pngSize(Buffer.from('not a png at all, clearly'))).toBeNull()
  })
})

describe('native SQLite loader (src-main/main/native-sqlite.ts)', () => {
  const prebuild = join(root, 'node_modules/better-sqlite3-multiple-ciphers/prebuilds', `${process.platform}-${process.arch}.node`)

  it('leaves development and the CLI to the module’s own loader', () => {
    expect(nativeSqliteBinding({ isPackaged: false, resourcesPath: '/nowhere', platform: 'win32', arch: 'x64' })).toBeUndefined()
  })

  it('says plainly when the installed app lacks its binary', () => {
    expect(() => nativeSqliteBinding({ isPackaged: true, resourcesPath: temporaryDir(), platform: 'win32', arch: 'x64' })).toThrow(
      /win32-x64\.node.*uw kluis blijft bewaard/,
    )
  })

  it.runIf(existsSync(prebuild))('loads the unpacked binary of an installed app and opens an encrypted database with it', () => {
    const resourcesPath = temporaryDir()
    const target = unpackedBindingPath(resourcesPath, process.platform, process.arch)
    mkdirSync(resolve(target, '..'), { recursive: true })
    copyFileSync(prebuild, target)
    const nativeBinding = nativeSqliteBinding({ isPackaged: true, resourcesPath, platform: process.platform, arch: process.arch })
    expect(nativeBinding).toBe(target)
    const file = join(resourcesPath, 'probe.db')
    const db = new Database(file, { nativeBinding })
    db.pragma("cipher='sqlcipher'")
    db.pragma('legacy=4')
    db.pragma("key='probe'")
    db.exec('create table t (x text)')
    db.prepare('insert into t values (?)').run('geheim')
    db.close()
    expect(readFileSync(file).includes('geheim')).toBe(false)
  })
})

describe('electron-builder hooks', () => {
  it('notarizes only with a complete set of Apple credentials', () => {
    expect(notarizeCredentials({})).toBeNull()
    expect(notarizeCredentials({ APPLE_ID: '', APPLE_TEAM_ID: '' })).toBeNull() // empty CI secrets
    expect(notarizeCredentials({ APPLE_ID: 'a@b.nl', APPLE_APP_SPECIFIC_PASSWORD: 'pw', APPLE_TEAM_ID: 'T' })).toEqual({
      appleId: 'a@b.nl',
      appleIdPassword: 'pw',
      teamId: 'T',
    })
    expect(() => notarizeCredentials({ APPLE_ID: 'a@b.nl' })).toThrow(/APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID missing/)
  })

  it('accepts exactly the target’s binary after packing', async () => {
    expect(prebuildProblem(['win32-x64.node'], expectedPrebuild('win32', 'x64'))).toBeNull()
    expect(prebuildProblem(['darwin-x64.node', 'win32-x64.node'], 'win32-x64.node')).toMatch(/found: darwin-x64\.node, win32-x64\.node/)
    const resources = temporaryDir()
    const context = { appOutDir: resources, electronPlatformName: 'win32', arch: 3, packager: { getResourcesDir: (dir: string) => dir } }
    await expect(afterPack(context)).rejects.toThrow(/expected only win32-arm64\.node.*found: nothing/)
    mkdirSync(unpackedPrebuildsDir(resources), { recursive: true })
    writeFileSync(join(unpackedPrebuildsDir(resources), 'win32-arm64.node'), '')
    await expect(afterPack(context)).resolves.toBeUndefined()
  })
})

/**
 * The real electron-builder, packing the real project for Linux into a folder, with a stand-in
 * for the Electron binary (electronDist): a small file holding the fuse sentinel and a fuse wire
 * at Electron's defaults, which @electron/fuses finds and flips exactly as in the real binary.
 * Everything electron-builder does up to the installer formats runs for real: the files patterns,
 * node_modules collection, asar and asarUnpack, the afterPack hook, the fuses.
 */
describe.runIf(process.platform === 'linux' && process.arch === 'x64')('electron-builder --dir with a stand-in Electron', () => {
  it('packs app.asar with one unpacked SQLite binary and flips the fuses', async () => {
    if (!existsSync(join(root, 'out/main/index.js'))) await run('npx', ['electron-vite', 'build'], { cwd: root })
    const work = temporaryDir()
    const electronDist = join(work, 'electron')
    mkdirSync(electronDist)
    const sentinel = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX')
    // Wire version 1, nine fuses as Electron 45 ships them ('1' enabled, '0' disabled).
    const wire = Buffer.concat([Buffer.from([1, 9]), Buffer.from('101100011')])
    writeFileSync(join(electronDist, 'electron'), Buffer.concat([Buffer.from('stand-in\n'), sentinel, wire]))
    chmodSync(join(electronDist, 'electron'), 0o755)
    for (const name of ['chrome-sandbox', 'chrome_crashpad_handler', 'libffmpeg.so', 'LICENSE', 'LICENSES.chromium.html']) {
      writeFileSync(join(electronDist, name), '')
    }
    const output = join(work, 'release')
    await run('npx', ['electron-builder', '--linux', 'dir', '--x64', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`], {
      cwd: root,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    })

    const resources = join(output, 'linux-unpacked/resources')
    const requireHere = createRequire(import.meta.url)
    const asar = requireHere('@electron/asar') as { listPackage(path: string): string[] }
    const entries = asar.listPackage(join(resources, 'app.asar')).map((entry) => entry.split('\\').join('/'))
    expect(new Set(entries.map((entry) => entry.split('/')[1]))).toEqual(new Set(['node_modules', 'out', 'package.json', 'resources']))
    expect(entries).toContain('/out/main/index.js')
    expect(entries.filter((entry) => entry.endsWith('.node'))).toEqual(['/node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node'])
    expect(entries.some((entry) => entry.startsWith('/resources/icons'))).toBe(false)
    expect(entries.some((entry) => entry.includes('better-sqlite3-multiple-ciphers/deps'))).toBe(false)
    expect(existsSync(unpackedBindingPath(resources, 'linux', 'x64'))).toBe(true)

    const flipped = await getCurrentFuseWire(join(output, 'linux-unpacked/vangnet'))
    const on = '1'.charCodeAt(0) // a fuse is one ASCII byte in the wire
    const off = '0'.charCodeAt(0)
    expect(flipped[FuseV1Options.RunAsNode]).toBe(off)
    expect(flipped[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off)
    expect(flipped[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off)
    expect(flipped[FuseV1Options.EnableCookieEncryption]).toBe(on)
    expect(flipped[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on)
    expect(flipped[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on)
  }, 120_000)
})
