/**
 * `npm run package:check`: everything about the installers that can be checked without the
 * Electron binary (which cannot be downloaded on the development and CI machines).
 *
 * - electron-builder.yml is valid against electron-builder's own JSON schema, and holds the
 *   settings the installers rely on (per-user NSIS, hardened runtime, no rebuild, no publishing);
 * - every asarUnpack pattern matches a file of the installed native SQLite module, and for every
 *   target platform and architecture the `files` patterns leave exactly that target's binary;
 * - the Electron fuses are exactly the required ones;
 * - every icon file exists in every size the targets need;
 * - the release workflow parses, triggers on tags, and runs `npm test` before any build.
 *
 * Patterns are matched with the same minimatch, and the same options, electron-builder uses.
 * Exits 1 with one line per problem.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Ajv } from 'ajv'
import { parse as parseYaml } from 'yaml'
import { icnsTypes, icoSizes, iconPaths, linuxPngSizes, pngSize, readIcns, readIco } from './icons'

export const builderConfigFile = 'electron-builder.yml'
export const workflowFile = '.github/workflows/release.yml'
export const nativeModule = 'node_modules/better-sqlite3-multiple-ciphers'

/** The fuses issue 7 asks for; nothing else may be set differently. */
export const requiredFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableCookieEncryption: true,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
} as const

/** electron-builder platform key -> Node's process.platform, which names the prebuilt binaries. */
const platforms = { win: 'win32', mac: 'darwin', linux: 'linux' } as const
type PlatformKey = keyof typeof platforms

export interface CheckResult {
  name: string
  problems: string[]
}

type Json = Record<string, unknown>

const requireFromHere = createRequire(import.meta.url)
/** app-builder-lib is electron-builder's engine: its schema and its minimatch are the real ones. */
const appBuilderLibDir = resolve(requireFromHere.resolve('app-builder-lib/package.json'), '..')

interface MinimatchPattern {
  match(path: string): boolean
  negate: boolean
}
const { Minimatch } = createRequire(join(appBuilderLibDir, 'package.json'))('minimatch') as {
  Minimatch: new (pattern: string, options: { dot: boolean }) => MinimatchPattern
}
/** electron-builder's fileMatcher.js matches with `{ dot: true }`. */
const matcher = (pattern: string): MinimatchPattern => new Minimatch(pattern, { dot: true })

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return []
  return Array.isArray(value) ? value : [value]
}

function get(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), object)
}

/** Files under `dir`, as posix paths relative to `root`. */
function listFiles(root: string, dir: string): string[] {
  const absolute = join(root, dir)
  if (!existsSync(absolute)) return []
  return readdirSync(absolute, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split('\\').join('/'))
}

export function loadBuilderConfig(root: string): Json {
  const config: unknown = parseYaml(readFileSync(join(root, builderConfigFile), 'utf8'))
  if (!isObject(config)) throw new Error(`${builderConfigFile} is not a mapping`)
  return config
}

export function checkSchema(config: Json): CheckResult {
  const schema = JSON.parse(readFileSync(join(appBuilderLibDir, 'scheme.json'), 'utf8')) as Json
  // The options electron-builder's own validator uses, except type coercion: a value that only
  // passes when coerced ("true" for true) is a mistake worth seeing.
  const ajv = new Ajv({ allErrors: true, strict: false })
  const validate = ajv.compile(schema)
  const problems = validate(config)
    ? []
    : (validate.errors ?? []).map((error) => `schema: ${error.instancePath || '/'} ${error.message ?? ''}`.trim())
  return { name: 'electron-builder.yml matches electron-builder\'s JSON schema', problems }
}

export function checkInstallerSettings(root: string, config: Json): CheckResult {
  const problems: string[] = []
  const expect = (path: string, wanted: unknown, why: string) => {
    const actual = get(config, path)
    if (actual !== wanted) problems.push(`${path} is ${JSON.stringify(actual)}, expected ${JSON.stringify(wanted)}: ${why}`)
  }
  expect('productName', 'Vangnet', 'the product name advisers see, and the user-data folder name')
  if (typeof config['appId'] !== 'string' || !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(config['appId'])) {
    problems.push('appId must be a reverse-DNS id')
  }
  expect('asar', true, 'the fuses only load the app from app.asar')
  expect('npmRebuild', false, 'the N-API binary needs no rebuild, and a rebuild downloads Electron headers')
  expect('nodeGypRebuild', false, 'nothing is compiled at packaging time')
  expect('buildDependenciesFromSource', false, 'the prebuilt binaries are used as shipped')
  expect('publish', null, 'the release workflow publishes; the app has no auto-updater')
  expect('nsis.oneClick', true, 'per-user one-click install')
  expect('nsis.perMachine', false, 'per-user install needs no administrator rights')
  expect('nsis.allowElevation', false, 'the installer never asks for administrator rights')
  expect('nsis.deleteAppDataOnUninstall', false, 'uninstalling keeps the vault')
  expect('mac.hardenedRuntime', true, 'notarization requires the hardened runtime')

  const targetsOf = (key: PlatformKey) =>
    asArray(get(config, `${key}.target`)).map((target) => (isObject(target) ? target['target'] : target))
  const wantedTargets: Record<PlatformKey, string[]> = { win: ['nsis'], mac: ['dmg'], linux: ['AppImage', 'deb'] }
  for (const key of Object.keys(wantedTargets) as PlatformKey[]) {
    for (const target of wantedTargets[key]) {
      if (!targetsOf(key).includes(target)) problems.push(`${key}.target does not include ${target}`)
    }
  }

  for (const path of ['mac.entitlements', 'mac.entitlementsInherit', 'nsis.include', 'afterPack', 'afterSign']) {
    const file = get(config, path)
    if (typeof file !== 'string' || !existsSync(join(root, file))) problems.push(`${path}: file ${String(file)} not found`)
  }
  const entitlements = get(config, 'mac.entitlements')
  if (typeof entitlements === 'string' && existsSync(join(root, entitlements))) {
    const plist = readFileSync(join(root, entitlements), 'utf8')
    if (!plist.includes('<key>com.apple.security.cs.allow-jit</key>')) problems.push('entitlements lack allow-jit, which V8 needs')
    if (plist.includes('<key>com.apple.security.cs.disable-library-validation</key>')) problems.push('entitlements must not disable library validation')
  }
  // A platform's own `files` list replaces the top-level one for the app (not only adds to it):
  // seen in a real electron-builder run, where linux.files put the whole project into app.asar.
  for (const key of Object.keys(platforms) as PlatformKey[]) {
    if (get(config, `${key}.files`) !== undefined) problems.push(`${key}.files replaces the top-level files list; put patterns in files`)
  }
  const files = asArray(config['files'])
  for (const wanted of ['out/**', 'package.json']) {
    if (!files.includes(wanted)) problems.push(`files does not include ${wanted}`)
  }
  const associations = asArray(config['fileAssociations'])
  if (!associations.some((association) => isObject(association) && association['ext'] === 'vangnet-backup')) {
    problems.push('no file association for .vangnet-backup')
  }
  return { name: 'installer settings (per-user NSIS, hardened DMG, AppImage + deb, no rebuild)', problems }
}

/** The architectures a platform's targets are built for (electron-builder defaults to x64). */
function archesOf(config: Json, key: PlatformKey): string[] {
  const arches = asArray(get(config, `${key}.target`)).flatMap((target) =>
    isObject(target) && target['arch'] !== undefined ? asArray(target['arch']).map(String) : ['x64'],
  )
  return [...new Set(arches)]
}

/**
 * Whether electron-builder copies a node_modules file when packing one platform and arch on that
 * platform. For node_modules it keeps only the negated `files` patterns (fileMatcher.js
 * getNodeModuleFileMatcher), after an implicit `**\/*`; `${arch}` is the target arch and
 * `${platform}` the build machine's process.platform (util/macroExpander.js), which equals the
 * target's on a native build. A negated minimatch pattern's match() is false for the paths it
 * excludes, as in its filter.js.
 */
function shipsNodeModuleFile(config: Json, key: PlatformKey, arch: string, file: string): boolean {
  return [...asArray(config['files']), ...asArray(get(config, `${key}.files`))]
    .filter((pattern): pattern is string => typeof pattern === 'string' && pattern.startsWith('!'))
    .every((pattern) => matcher(pattern.replaceAll('${arch}', arch).replaceAll('${platform}', platforms[key])).match(file))
}

export function checkNativeModule(root: string, config: Json): CheckResult {
  const problems: string[] = []
  const moduleFiles = listFiles(root, nativeModule)
  if (moduleFiles.length === 0) {
    return { name: 'native SQLite module packaging', problems: [`${nativeModule} is not installed (run npm install)`] }
  }

  const unpack = asArray(config['asarUnpack'])
  if (unpack.length === 0) problems.push('asarUnpack is empty: the native binary would stay inside the asar')
  const unpackMatchers = unpack.map((pattern) => {
    if (typeof pattern !== 'string') {
      problems.push(`asarUnpack entry ${JSON.stringify(pattern)} is not a string pattern`)
      return null
    }
    const m = matcher(pattern)
    const matched = moduleFiles.filter((file) => m.match(file))
    if (matched.length === 0) problems.push(`asarUnpack pattern ${pattern} matches no file of ${nativeModule}`)
    return m
  })

  const prebuilds = moduleFiles.filter((file) => file.startsWith(`${nativeModule}/prebuilds/`) && file.endsWith('.node'))
  for (const key of Object.keys(platforms) as PlatformKey[]) {
    for (const arch of archesOf(config, key)) {
      const wanted = `${nativeModule}/prebuilds/${platforms[key]}-${arch}.node`
      if (!prebuilds.includes(wanted)) {
        problems.push(`${key} ${arch}: ${wanted} is not in the installed module`)
        continue
      }
      const shipped = prebuilds.filter((file) => shipsNodeModuleFile(config, key, arch, file))
      if (shipped.length !== 1 || shipped[0] !== wanted) {
        problems.push(`${key} ${arch}: ships ${shipped.map((file) => file.split('/').pop()).join(', ') || 'no binary'}, expected only ${wanted.split('/').pop()}`)
      }
      for (const file of shipped) {
        if (!unpackMatchers.some((m) => m?.match(file))) problems.push(`${key} ${arch}: ${file} is not unpacked from the asar`)
      }
      // The exclusions must not take the module's JavaScript with them.
      for (const file of ['package.json', 'lib/index.js', 'lib/binding.js', 'lib/database.js']) {
        if (!shipsNodeModuleFile(config, key, arch, `${nativeModule}/${file}`)) problems.push(`${key} ${arch}: ${nativeModule}/${file} is excluded`)
      }
    }
  }
  // The loader in src-main/main/native-sqlite.ts resolves this exact layout.
  const lib = join(root, nativeModule, 'lib/binding.js')
  if (!existsSync(lib) || !readFileSync(lib, 'utf8').includes("'prebuilds'")) {
    problems.push(`${nativeModule}/lib/binding.js no longer loads prebuilds/<platform>-<arch>.node: re-check native-sqlite.ts`)
  }
  return { name: 'native SQLite module: asarUnpack matches, one binary per target', problems }
}

export function checkFuses(config: Json): CheckResult {
  const problems: string[] = []
  const fuses = config['electronFuses']
  if (!isObject(fuses)) return { name: 'Electron fuses', problems: ['electronFuses is not set'] }
  for (const [fuse, wanted] of Object.entries(requiredFuses)) {
    if (fuses[fuse] !== wanted) problems.push(`electronFuses.${fuse} is ${JSON.stringify(fuses[fuse])}, expected ${wanted}`)
  }
  return { name: 'Electron fuses: RunAsNode, NODE_OPTIONS, --inspect off; cookie encryption, asar integrity, asar-only on', problems }
}

export function checkIcons(root: string, config: Json): CheckResult {
  const problems: string[] = []
  const references: Array<[string, string]> = [
    ['win.icon', iconPaths.ico],
    ['nsis.installerIcon', iconPaths.ico],
    ['nsis.uninstallerIcon', iconPaths.ico],
    ['mac.icon', iconPaths.icns],
    ['linux.icon', iconPaths.pngDir],
  ]
  for (const [path, wanted] of references) {
    if (get(config, path) !== wanted) problems.push(`${path} should be ${wanted}`)
  }
  if (!existsSync(join(root, iconPaths.source))) problems.push(`source image ${iconPaths.source} is missing`)

  for (const size of linuxPngSizes) {
    const file = join(root, iconPaths.pngDir, `${size}x${size}.png`)
    if (!existsSync(file)) {
      problems.push(`${relative(root, file)} is missing`)
      continue
    }
    const actual = pngSize(readFileSync(file))
    if (!actual || actual.width !== size || actual.height !== size) {
      problems.push(`${relative(root, file)} is ${actual ? `${actual.width}x${actual.height}` : 'not a PNG'}`)
    }
  }

  try {
    const images = readIco(readFileSync(join(root, iconPaths.ico)))
    for (const size of icoSizes) {
      const image = images.find((candidate) => candidate.declared.width === size)
      if (!image) problems.push(`${iconPaths.ico} has no ${size}x${size} image`)
      else if (image.actual.width !== size || image.actual.height !== size || image.bitCount !== 32) {
        problems.push(`${iconPaths.ico} ${size}x${size} entry holds a ${image.actual.width}x${image.actual.height} ${image.bitCount}-bit image`)
      }
    }
  } catch (error) {
    problems.push(`${iconPaths.ico}: ${(error as Error).message}`)
  }

  try {
    const elements = readIcns(readFileSync(join(root, iconPaths.icns)))
    for (const [type, size] of Object.entries(icnsTypes)) {
      const element = elements.find((candidate) => candidate.type === type)
      if (!element) problems.push(`${iconPaths.icns} has no ${type} (${size}px) element`)
      else if (element.size?.width !== size || element.size.height !== size) {
        problems.push(`${iconPaths.icns} ${type} should be a ${size}px PNG`)
      }
    }
  } catch (error) {
    problems.push(`${iconPaths.icns}: ${(error as Error).message}`)
  }
  return { name: `icons: ${linuxPngSizes.length} PNG sizes, ICO ${icoSizes.join('/')}, ICNS ${Object.keys(icnsTypes).length} elements`, problems }
}

interface WorkflowStep {
  run?: unknown
  uses?: unknown
}

/** Whether a step runs the test suite: `npm test` itself, or the CI script that ends in it. */
function runsTests(root: string, step: WorkflowStep): boolean {
  const run = typeof step.run === 'string' ? step.run : ''
  if (/\bnpm (run )?test\b(?!:)/.test(run)) return true
  const ciScript = join(root, '.ci/run')
  return /\.ci\/run\b/.test(run) && existsSync(ciScript) && /^\s*npm test(\s|$)/m.test(readFileSync(ciScript, 'utf8'))
}

function buildsInstallers(step: WorkflowStep): boolean {
  const run = typeof step.run === 'string' ? step.run : ''
  return /\belectron-builder\b|\bnpm run package\b(?!:)/.test(run)
}

export function checkWorkflow(root: string): CheckResult {
  const problems: string[] = []
  const name = 'release workflow: parses, runs on tags, npm test before building on Windows, macOS and Linux'
  let workflow: unknown
  try {
    workflow = parseYaml(readFileSync(join(root, workflowFile), 'utf8'))
  } catch (error) {
    return { name, problems: [`${workflowFile}: ${(error as Error).message}`] }
  }
  if (!isObject(workflow)) return { name, problems: [`${workflowFile} is not a mapping`] }
  if (asArray(get(workflow, 'on.push.tags')).length === 0) problems.push('the workflow does not run on pushed tags')

  const jobs = isObject(workflow['jobs']) ? workflow['jobs'] : {}
  const stepsOf = (job: unknown): WorkflowStep[] => asArray(get(job, 'steps')).filter(isObject)
  const testJobs = new Set(Object.keys(jobs).filter((id) => stepsOf(jobs[id]).some((step) => runsTests(root, step))))
  /** Whether `id` transitively needs a job that runs the tests. */
  const testedBefore = (id: string, seen = new Set<string>()): boolean =>
    asArray(get(jobs[id], 'needs')).some((need) => {
      const needId = String(need)
      if (seen.has(needId)) return false
      seen.add(needId)
      return testJobs.has(needId) || testedBefore(needId, seen)
    })

  const buildJobs = Object.keys(jobs).filter((id) => stepsOf(jobs[id]).some(buildsInstallers))
  if (buildJobs.length === 0) problems.push('no job builds installers (electron-builder / npm run package)')
  const operatingSystems = new Set<string>()
  for (const id of buildJobs) {
    const steps = stepsOf(jobs[id])
    const firstBuild = steps.findIndex(buildsInstallers)
    const testedInJob = steps.slice(0, firstBuild).some((step) => runsTests(root, step))
    if (!testedInJob && !testedBefore(id)) problems.push(`job ${id} builds installers without running npm test first`)
    const matrix = get(jobs[id], 'strategy.matrix')
    const runsOn = [
      get(jobs[id], 'runs-on'),
      ...asArray(get(matrix, 'os')),
      ...asArray(get(matrix, 'include')).map((entry) => get(entry, 'os')),
    ].map(String).join(' ')
    for (const os of ['windows', 'macos', 'ubuntu']) if (runsOn.includes(os)) operatingSystems.add(os)
  }
  for (const os of ['windows', 'macos', 'ubuntu']) {
    if (!operatingSystems.has(os)) problems.push(`no installer build runs on a ${os} runner`)
  }
  return { name, problems }
}

export function runPackagingChecks(root: string): CheckResult[] {
  const config = loadBuilderConfig(root)
  return [
    checkSchema(config),
    checkInstallerSettings(root, config),
    checkNativeModule(root, config),
    checkFuses(config),
    checkIcons(root, config),
    checkWorkflow(root),
  ]
}

function main(): void {
  const root = resolve(import.meta.dirname, '../..')
  let results: CheckResult[]
  try {
    results = runPackagingChecks(root)
  } catch (error) {
    process.stderr.write(`package:check: ${(error as Error).message}\n`)
    process.exit(1)
  }
  for (const result of results) {
    process.stdout.write(`${result.problems.length === 0 ? 'ok  ' : 'FAIL'} ${result.name}\n`)
    for (const problem of result.problems) process.stdout.write(`       - ${problem}\n`)
  }
  const failed = results.filter((result) => result.problems.length > 0).length
  process.stdout.write(failed === 0 ? 'package:check: all checks passed\n' : `package:check: ${failed} check(s) failed\n`)
  process.exitCode = failed === 0 ? 0 : 1
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main()
