/**
 * `npm run bench`: performance figures, not timed tests. Each section lives in its own module
 * and returns named figures; `npm run -s bench -- --json` prints one JSON object keyed by section,
 * e.g. {"rules":{"caseMedianMs":…,"batch10kSeconds":…}}. `--only rules,vault` runs some sections.
 */
import { sections } from './sections'

const args = process.argv.slice(2)
const asJson = args.includes('--json')
const onlyArg = args.find((arg) => arg.startsWith('--only='))
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null

const figures: Record<string, Record<string, number | string>> = {}
for (const section of sections) {
  if (only && !only.has(section.name)) continue
  if (!asJson) process.stderr.write(`bench ${section.name} …\n`)
  figures[section.name] = await section.run()
}

if (asJson) {
  process.stdout.write(JSON.stringify(figures) + '\n')
} else {
  for (const [name, values] of Object.entries(figures)) {
    process.stdout.write(`\n${name}\n`)
    for (const [key, value] of Object.entries(values)) process.stdout.write(`  ${key.padEnd(24)} ${value}\n`)
  }
}
