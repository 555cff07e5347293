/**
 * Builds the headless command into out/cli/: one ES module per command (split chunks, loaded when
 * the command runs). Small pure packages (zod, decimal.js, hashes) are bundled in: resolving their
 * hundreds of module files cost more at start than the rules themselves. So is ECharts (the parts
 * the report's charts use): loaded as several hundred modules it was about half a second of the
 * first report. The native SQLite module cannot be bundled, and the PDF and spreadsheet libraries
 * stay ordinary imports (they read their own files and load only for the commands that need them). The chunks sit next to the entry
 * file on purpose: the report code finds resources/fonts two folders up from its own file.
 * Usage: node bin/build-cli.mjs
 */
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The command's entries; the triage worker is its own: large client books are evaluated on every core. */
const commandEntries = { vangnet: 'src-main/cli/index.ts', 'portfolio-worker': 'src-main/portfolio/worker.ts' }

/**
 * Builds the given entries (default: the command) into a folder two levels under the root
 * (default: out/cli). The benchmark builds its fresh-process report and the report worker the
 * same way, into out/bench/, so it measures what a built program loads.
 */
export async function buildCli({ folder = 'out/cli', entryPoints = commandEntries } = {}) {
  const { build } = await import('esbuild')
  const outdir = join(root, folder)
  rmSync(outdir, { recursive: true, force: true })
  await build({
    absWorkingDir: root,
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: [
      'better-sqlite3-multiple-ciphers',
      'pdfmake',
      'node-forge',
      '@signpdf/*',
      'exceljs',
      'iconv-lite',
      // node-postgres is CommonJS that requires Node's own modules: bundled into ESM it fails to load.
      'pg',
    ],
    chunkNames: '[name]-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
  })
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) await buildCli()
