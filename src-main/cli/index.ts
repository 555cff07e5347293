/**
 * `vangnet`: the headless command over the same services as the desktop app.
 * Usage: npm run -s vangnet -- <subcommand> [options]
 */
import packageJson from '../../package.json' with { type: 'json' }
import { pathToFileURL } from 'node:url'
import { boundText, maxMessageLength, maxProblems } from '../../shared/schema/messages'
import { exitCodes, UserError, type CliIo } from './command'
import { subcommands } from './commands'

function usage(): string {
  const lines = [
    `vangnet ${packageJson.version} — Baz, opt-out en overgangsrecht, zonder venster`,
    '',
    'Gebruik: npm run -s vangnet -- <opdracht> [opties]',
    '',
    'Opdrachten:',
    ...subcommands.map((command) => `  ${command.name.padEnd(10)} ${command.summary}`),
    '',
    'Algemene opties:',
    '  --help       deze hulp, of de hulp van een opdracht (vangnet <opdracht> --help)',
    '  --version    het versienummer',
  ]
  return lines.join('\n') + '\n'
}

/** One plain message per problem, each line of readable length, never more than the first 50 problems. */
function boundLines(message: string): string {
  const lines = message.split('\n')
  const shown = lines.slice(0, maxProblems).map((line) => boundText(line, maxMessageLength))
  if (lines.length > shown.length) shown.push(`… en nog ${lines.length - shown.length} meldingen`)
  return shown.join('\n')
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage())
    return exitCodes.ok
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${packageJson.version}\n`)
    return exitCodes.ok
  }
  const entry = subcommands.find((candidate) => candidate.name === name)
  if (!entry) {
    io.stderr(`Onbekende opdracht "${name}". Zie: npm run -s vangnet -- --help\n`)
    return exitCodes.invalidInput
  }
  const command = await entry.load()
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.usage.endsWith('\n') ? command.usage : command.usage + '\n')
    return exitCodes.ok
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(`${boundLines(error.message)}\n`)
      return error.exitCode
    }
    // An internal fault: say so plainly, without a stack trace or the case's personal data.
    const reason = error instanceof Error ? error.message : String(error)
    io.stderr(`Interne fout in "${name}": ${boundText(reason.split('\n')[0] ?? '', maxMessageLength)}\n`)
    return exitCodes.internal
  }
}

/** Run with this process's arguments and streams; the exit code becomes the process's. */
export async function main(): Promise<void> {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    cwd: process.cwd(),
  }
  process.exitCode = await runCli(process.argv.slice(2), io)
}

// Run directly (tsx src-main/cli/index.ts) or from the built bundle through bin/vangnet.mjs.
const isEntryPoint = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (isEntryPoint) void main()
