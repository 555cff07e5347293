#!/usr/bin/env node
/**
 * `vangnet`: starts the built headless command (out/cli/vangnet.js). When the bundle is missing
 * or older than a source file, it is built first (esbuild, a fraction of a second), so
 * `npm run -s vangnet` always runs the current code without a TypeScript runner at every start.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bundle = join(root, 'out/cli/vangnet.js')
/** What the bundle is made of: a newer file here means the bundle is stale. */
const sources = ['src-main', 'shared', 'package.json']

function newestChange(path) {
  const stat = statSync(path, { throwIfNoEntry: false })
  if (!stat) return 0
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestChange(join(path, entry)))
  return newest
}

function isStale() {
  if (!existsSync(bundle)) return true
  // An installed copy without sources simply runs its bundle.
  if (!existsSync(join(root, 'src-main'))) return false
  const built = statSync(bundle).mtimeMs
  return sources.some((source) => newestChange(join(root, source)) > built)
}

if (isStale()) {
  const { buildCli } = await import('./build-cli.mjs')
  await buildCli()
}
const { main } = await import(pathToFileURL(bundle).href)
await main()
