import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const root = join(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: root })

async function lintAs(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) })
  return (result?.messages ?? []).filter((message) => message.ruleId?.startsWith('no-restricted'))
}

function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, pattern))
    else if (pattern.test(entry)) out.push(path)
  }
  return out
}

const importSpecifier = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g

function importsOf(source: string): string[] {
  return [...source.matchAll(importSpecifier)].map((match) => match[1] ?? match[2] ?? match[3] ?? '')
}

describe('runtime boundaries (docs/architecture.md)', () => {
  it('the lint rule rejects a shared/ file that imports node:fs', async () => {
    const problems = await lintAs('shared/rules/example.ts', "import { readFileSync } from 'node:fs'\nexport const x = readFileSync\n")
    expect(problems.map((problem) => problem.ruleId)).toContain('no-restricted-imports')
  })

  it('the lint rule rejects electron, native modules and DOM globals in shared/', async () => {
    expect(await lintAs('shared/a.ts', "import { app } from 'electron'\nexport const a = app\n")).not.toHaveLength(0)
    expect(await lintAs('shared/b.ts', "import D from 'better-sqlite3-multiple-ciphers'\nexport const d = D\n")).not.toHaveLength(0)
    expect(await lintAs('shared/c.ts', 'export const title = document.title\n')).not.toHaveLength(0)
    expect(await lintAs('shared/d.ts', 'export const home = process.env.HOME\n')).not.toHaveLength(0)
  })

  it('the lint rule allows pure imports in shared/', async () => {
    expect(await lintAs('shared/e.ts', "import Decimal from 'decimal.js'\nexport const one = new Decimal(1)\n")).toHaveLength(0)
  })

  it('the lint rule rejects electron outside src-main/main and the preload', async () => {
    expect(await lintAs('src-main/store/x.ts', "import { app } from 'electron'\nexport const a = app\n")).not.toHaveLength(0)
    expect(await lintAs('src-renderer/src/x.ts', "import { ipcRenderer } from 'electron'\nexport const i = ipcRenderer\n")).not.toHaveLength(0)
    expect(await lintAs('src-main/main/x.ts', "import { app } from 'electron'\nexport const a = app\n")).toHaveLength(0)
  })

  it('no file in shared/ imports anything but relative modules and pure packages', () => {
    const pure = new Set(['decimal.js', 'zod', '@noble/hashes/sha2.js', '@noble/hashes/utils.js'])
    const offenders: string[] = []
    for (const file of filesUnder(join(root, 'shared'), /\.ts$/)) {
      for (const specifier of importsOf(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.') && !pure.has(specifier)) offenders.push(`${relative(root, file)}: ${specifier}`)
      }
    }
    expect(offenders).toEqual([])
  })

  it('only src-main/main and src-main/preload import electron', () => {
    const offenders: string[] = []
    for (const dir of ['shared', 'src-main', 'src-renderer', 'test']) {
      for (const file of filesUnder(join(root, dir), /\.(ts|vue)$/)) {
        const rel = relative(root, file).replace(/\\/g, '/')
        // The preload needs contextBridge; this test file names electron only inside sample code.
        if (rel.startsWith('src-main/main/') || rel.startsWith('src-main/preload/') || rel.startsWith('test/boundaries/')) continue
        if (importsOf(readFileSync(file, 'utf8')).some((s) => s === 'electron' || s.startsWith('electron/'))) offenders.push(rel)
      }
    }
    expect(offenders).toEqual([])
  })
})
