// electron-builder afterPack hook: fails the build unless the packed app carries exactly one
// native SQLite binary, the one for the platform and architecture being packed, unpacked from the
// asar. It guards the `files` and `asarUnpack` patterns in electron-builder.yml, which are easy to
// break silently (a wrong glob ships eight binaries, or none, and the app only fails at start).
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'

/** electron-builder's Arch enum (builder-util), by number. */
const archNames = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' }

/** The prebuilt binary of better-sqlite3-multiple-ciphers that a platform/arch needs. */
export function expectedPrebuild(platform, arch) {
  return `${platform}-${arch}.node`
}

/** The unpacked prebuilds folder inside a packed app's resources folder. */
export function unpackedPrebuildsDir(resourcesDir) {
  return join(resourcesDir, 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds')
}

/** Returns a problem description, or null when the folder holds exactly the expected binary. */
export function prebuildProblem(found, expected) {
  if (found.length === 1 && found[0] === expected) return null
  return `expected only ${expected} unpacked from the asar, found: ${found.length ? found.join(', ') : 'nothing'}`
}

export default async function afterPack(context) {
  const arch = archNames[context.arch] ?? String(context.arch)
  const expected = expectedPrebuild(context.electronPlatformName, arch)
  const dir = unpackedPrebuildsDir(context.packager.getResourcesDir(context.appOutDir))
  let found
  try {
    found = readdirSync(dir).filter((name) => name.endsWith('.node')).sort()
  } catch {
    found = []
  }
  const problem = prebuildProblem(found, expected)
  if (problem) throw new Error(`native SQLite module: ${problem} (in ${dir})`)
  process.stdout.write(`  • native SQLite module: ${expected} unpacked from the asar\n`)
}
