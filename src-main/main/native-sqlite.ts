/**
 * Where the packaged app finds the native SQLite binary (better-sqlite3-multiple-ciphers).
 *
 * The installers ship the module's prebuilt N-API binary for the target platform only, unpacked
 * from app.asar into app.asar.unpacked (electron-builder.yml: asarUnpack), because a .node file
 * must be a real file to be loaded. The module's own loader looks for every platform's binary
 * next to its JavaScript, inside the asar; giving it the unpacked path through better-sqlite3's
 * `nativeBinding` option makes the packaged app load the one file we ship, and fail with a clear
 * message if it is missing.
 *
 * Pure on purpose (no `electron` import): the caller passes `app.isPackaged` and
 * `process.resourcesPath`, so this runs under Node in the tests.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export interface NativeSqliteLocation {
  /** `app.isPackaged` */
  isPackaged: boolean
  /** `process.resourcesPath`: the folder that holds app.asar and app.asar.unpacked */
  resourcesPath: string
  /** `process.platform` */
  platform: string
  /** `process.arch` */
  arch: string
}

/** The prebuilt binary's name, as the module and the installers name it. */
export function prebuildFileName(platform: string, arch: string): string {
  return `${platform}-${arch}.node`
}

/** The path of the unpacked binary inside an installed app (it may not exist). */
export function unpackedBindingPath(resourcesPath: string, platform: string, arch: string): string {
  return join(
    resourcesPath,
    'app.asar.unpacked',
    'node_modules',
    'better-sqlite3-multiple-ciphers',
    'prebuilds',
    prebuildFileName(platform, arch),
  )
}

/**
 * The `nativeBinding` option for `new Database(file, { nativeBinding })`.
 * - Packaged app: the unpacked binary's path; throws when it is absent, because falling back to
 *   the module's search would only fail later with a less useful error.
 * - Development (`npm start`) and the Node CLI/tests: undefined, so the module picks
 *   `prebuilds/<platform>-<arch>.node` itself; N-API binaries load in Node and in Electron alike.
 */
export function nativeSqliteBinding(location: NativeSqliteLocation): string | undefined {
  if (!location.isPackaged) return undefined
  const path = unpackedBindingPath(location.resourcesPath, location.platform, location.arch)
  if (!existsSync(path)) {
    throw new Error(
      `De database-module ontbreekt in deze installatie (${prebuildFileName(location.platform, location.arch)}). ` +
        'Installeer Vangnet opnieuw; uw kluis blijft bewaard.',
    )
  }
  return path
}
