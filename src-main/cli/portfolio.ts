/**
 * `vangnet portfolio --db VAULT [--scenario ID] [--json | --csv FILE | --xlsx FILE] [--lang en]`: the whole
 * client book under one bill version, in the groups of contract portfolio-v1, each client with
 * the reason in one line. Progress goes to stderr for large books; stdout holds only the answer.
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { formatNumber } from '../../shared/format'
import { defaultScenarioId, scenarioIds } from '../../shared/schema/case'
import type { PortfolioReport } from '../../shared/portfolio/triage'
import { useVaultPacks } from './params'
import { evaluatePortfolio, writeExport } from '../portfolio'
import { exitCodes, UserError, type CliIo, type Subcommand } from './command'
import { vaultBook } from '../store'
import { withVaultAt } from './vault'

const usage = `Gebruik: npm run -s vangnet -- portfolio --db KLUIS [opties]

Rekent elke klant in de kluis door onder één versie van het wetsvoorstel en deelt ze in groepen in:
geen dekking, AOV voldoet niet aan de opt-out, overgangsrecht, AOV stopt vóór de AOW, oververzekerd,
tekort groter dan de buffer, buiten de verzekerde groep, herziening nodig, gegevens onvolledig
(geen winst per jaar: niet door te rekenen), geen actie.

Opties:
  --scenario ID   versie van het wetsvoorstel: ${scenarioIds.join(', ')} (standaard ${defaultScenarioId}),
                  of een versie die het actieve parameterpakket van de kluis toevoegt
  --json          één JSON-document op stdout (contract portfolio-v1)
  --csv BESTAND   schrijf de lijst als CSV (puntkomma's, voor Excel)
  --xlsx BESTAND  schrijf de lijst als Excel-bestand
  --lang nl|en    taal van de redenen en groepsnamen (standaard nl)
  --threads N     rekenen op N threads (1 tot 64; standaard één per processorkern naast de
                  eerste voor kringen vanaf 2.000 klanten, op twee kernen dus één)
  --help          deze hulp

Wachtwoord van de kluis: VANGNET_PASSPHRASE, of een vraag als u in een terminal werkt.
`

const optionSpec = {
  db: { type: 'string' },
  scenario: { type: 'string' },
  json: { type: 'boolean' },
  csv: { type: 'string' },
  xlsx: { type: 'string' },
  lang: { type: 'string' },
  threads: { type: 'string' },
} as const

/** Books this large show progress on stderr. */
const progressFrom = 1000

/** The command's own sentences, in the language of --lang once it is known. */
const words = {
  nl: {
    threads: (value: string) => `--threads: een heel getal van 1 tot 64, niet "${value}".`,
    chooseOne: 'Kies één van --json, --csv en --xlsx.',
    unknownScenario: (value: string, available: readonly string[]) => `Onbekende versie van het wetsvoorstel "${value}". Kies uit: ${available.join(', ')}`,
    progress: (done: string, total: string) => `Doorrekenen: ${done} van ${total} klanten`,
    cannotWrite: (file: string) => `${file}: kan het bestand niet schrijven (bestaat de map, mag u er schrijven?).`,
    written: (clients: string, file: string) => `${clients} klanten doorgerekend; lijst geschreven: ${file}`,
    heading: (scenario: string, clients: string, hash: string) => `Klantenkring onder ${scenario}: ${clients} klanten (parameterset ${hash})`,
  },
  en: {
    threads: (value: string) => `--threads: a whole number from 1 to 64, not "${value}".`,
    chooseOne: 'Choose one of --json, --csv and --xlsx.',
    unknownScenario: (value: string, available: readonly string[]) => `Unknown bill version "${value}". Choose from: ${available.join(', ')}`,
    progress: (done: string, total: string) => `Evaluating: ${done} of ${total} clients`,
    cannotWrite: (file: string) => `${file}: cannot write the file (does the folder exist, may you write there?).`,
    written: (clients: string, file: string) => `${clients} clients evaluated; list written: ${file}`,
    heading: (scenario: string, clients: string, hash: string) => `Client book under ${scenario}: ${clients} clients (parameter set ${hash})`,
  },
}

function summary(report: PortfolioReport, language: 'nl' | 'en'): string {
  const lines = [words[language].heading(report.scenario, formatNumber(report.clients, 0, language), report.parameterHash.slice(0, 12)), '']
  for (const group of report.groups) {
    lines.push(`${group.label} (${group.id}): ${formatNumber(group.count, 0, language)}`)
    for (const client of group.clients) lines.push(`  ${String(client.id).padStart(6)}  ${client.name} — ${client.reason}`)
    lines.push('')
  }
  return lines.join('\n')
}

export const portfolioCommand: Subcommand = {
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    let values: { db?: string; scenario?: string; json?: boolean; csv?: string; xlsx?: string; lang?: string; threads?: string }
    try {
      values = parseArgs({ args, options: optionSpec, strict: true }).values
    } catch (error) {
      throw new UserError(`Ongeldige opties: ${(error as Error).message}. Zie: vangnet portfolio --help`)
    }
    if (!values.db) throw new UserError('Optie --db ontbreekt. Zie: vangnet portfolio --help')
    const scenario = values.scenario ?? defaultScenarioId
    const language = values.lang ?? 'nl'
    if (language !== 'nl' && language !== 'en') throw new UserError(`--lang: kies nl of en, niet "${language}".`)
    const w = words[language]
    const threads = values.threads === undefined ? undefined : Number(values.threads)
    if (threads !== undefined && !(/^\d+$/.test(values.threads!) && threads >= 1 && threads <= 64)) throw new UserError(w.threads(values.threads!))
    if ([values.json, values.csv, values.xlsx].filter((value) => value !== undefined && value !== false).length > 1) throw new UserError(w.chooseOne)
    // The vault's active parameter pack applies to the whole book; the version is checked after
    // it is active, as a pack may add one.
    const available = useVaultPacks(resolve(io.cwd, values.db), language)
    if (!available.includes(scenario)) throw new UserError(w.unknownScenario(scenario, available))
    let shown = -1
    const { report } = await withVaultAt(io, values.db, (vault) =>
      evaluatePortfolio(vaultBook(vault).portfolio, {
        scenario,
        language,
        ...(threads !== undefined ? { threads } : {}),
        onProgress: (done, total) => {
          if (total < progressFrom || done === shown) return
          shown = done
          io.stderr(`\r${w.progress(formatNumber(done, 0, language), formatNumber(total, 0, language))}${done === total ? '\n' : ''}`)
        },
      }),
    )
    const file = values.csv ?? values.xlsx
    if (file !== undefined) {
      try {
        await writeExport(resolve(io.cwd, file), report, values.xlsx !== undefined ? 'xlsx' : 'csv', language)
      } catch {
        throw new UserError(w.cannotWrite(file))
      }
      io.stdout(`${w.written(formatNumber(report.clients, 0, language), file)}\n`)
    } else if (values.json) {
      io.stdout(JSON.stringify(report) + '\n')
    } else {
      io.stdout(summary(report, language))
    }
    return exitCodes.ok
  },
}
