/**
 * Builds the headless command into out/cli/: one ES module per command (split chunks, loaded when
 * the command runs). Small pure packages (zod, decimal.js, hashes) are bundled in: resolving their
 * hundreds of module files cost more at start than the rules themselves. The native SQLite module
 * cannot be bundled, and the report and spreadsheet libraries stay ordinary imports (they read
 * their own files and load only for the commands that need them). The chunks sit next to the entry
 * file on purpose: the report code finds resources/fonts two folders up from its own file.
 * Usage: node bin/build-cli.mjs
 */
import { rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

export async function buildCli() {
  const { build } = await import('esbuild')
  const outdir = join(root, 'out/cli')
  rmSync(outdir, { recursive: true, force: true })
  await build({
    absWorkingDir: root,
    // The triage worker is its own entry: large client books are evaluated on every core.
    entryPoints: { vangnet: 'src-main/cli/index.ts', 'portfolio-worker': 'src-main/portfolio/worker.ts' },
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    external: [
      'better-sqlite3-multiple-ciphers',
      'pdfmake',
      'echarts',
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
