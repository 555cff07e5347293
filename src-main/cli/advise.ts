/**
 * `vangnet advise CASE.json [--scenario ID] [--json | --explain]` — contract advise-v1.
 * Bad input: exit 2, one plain Dutch message per problem on stderr (field path: what is wrong),
 * nothing on stdout. `--json` prints exactly one JSON document on stdout and nothing else.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { formatDate, formatEuro, formatNumber, formatPercent } from '../../shared/format'
import { citeSource, isSourceKey } from '../../shared/parameters/sources'
import { advise } from '../../shared/rules/advise'
import { explanationLines } from '../../shared/rules/explain'
import { defaultScenarioId, parseClientCase, scenarioIds, type ClientCase } from '../../shared/schema/case'
import type { AdviceResult, OptionResult, SourceRef } from '../../shared/schema/result'
import { exitCodes, UserError, type CliIo, type Subcommand } from './command'

const usage = `Gebruik: npm run -s vangnet -- advise CASE.json [opties]

Vergelijkt voor één klant de Baz, een private opt-out en het overgangsrecht.

Opties:
  --scenario ID   versie van het wetsvoorstel: ${scenarioIds.join(', ')}
                  (standaard: die uit CASE.json, anders ${defaultScenarioId})
  --json          precies één JSON-document op stdout (contract advise-v1)
  --explain       elke uitkomst met berekening en bron, in het Nederlands
  --pdf UIT.pdf   schrijf ook het adviesrapport (PDF)
  --sign CERT.p12 onderteken het rapport (wachtwoordzin: VANGNET_P12_PASSPHRASE)
  --help          deze hulp

Afsluitcodes: 0 gelukt, 2 ongeldige invoer (één melding per probleem op stderr),
3 certificaat of wachtwoordzin onjuist.
`

export interface AdviseArguments {
  casePath: string
  scenario?: string
  json: boolean
  explain: boolean
  pdf?: string
  sign?: string
}

export function parseAdviseArguments(args: string[]): AdviseArguments {
  const problems: string[] = []
  const parsed: AdviseArguments = { casePath: '', json: false, explain: false }
  const positional: string[] = []
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    const needsValue = (name: string): string | undefined => {
      const value = args[index + 1]
      if (value === undefined || value.startsWith('--')) {
        problems.push(`${name}: er ontbreekt een waarde`)
        return undefined
      }
      index++
      return value
    }
    if (arg === '--json') parsed.json = true
    else if (arg === '--explain') parsed.explain = true
    else if (arg === '--scenario') {
      const value = needsValue('--scenario')
      if (value !== undefined) parsed.scenario = value
    } else if (arg === '--pdf') {
      const value = needsValue('--pdf')
      if (value !== undefined) parsed.pdf = value
    } else if (arg === '--sign') {
      const value = needsValue('--sign')
      if (value !== undefined) parsed.sign = value
    } else if (arg.startsWith('--')) problems.push(`onbekende optie ${arg}`)
    else positional.push(arg)
  }
  if (positional.length === 0) problems.push('CASE.json ontbreekt: geef het pad naar het klantbestand')
  if (positional.length > 1) problems.push(`één klantbestand tegelijk, niet ${positional.length}`)
  if (parsed.json && parsed.explain) problems.push('--json en --explain gaan niet samen: kies er één')
  if (parsed.scenario !== undefined && !(scenarioIds as readonly string[]).includes(parsed.scenario)) {
    problems.push(`--scenario: onbekende versie "${parsed.scenario}"; kies uit ${scenarioIds.join(', ')}`)
  }
  if (parsed.sign !== undefined && parsed.pdf === undefined) problems.push('--sign werkt alleen samen met --pdf')
  if (problems.length) throw new UserError(problems.join('\n'))
  parsed.casePath = positional[0]!
  return parsed
}

/** Read and validate a case file; every problem is a plain message naming the field. */
export async function loadCase(path: string, cwd: string, scenario?: string) {
  let text: string
  try {
    text = await readFile(resolve(cwd, path), 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UserError(code === 'ENOENT' ? `${path}: bestand niet gevonden` : code === 'EISDIR' ? `${path}: dit is een map, geen bestand` : `${path}: kan het bestand niet lezen`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message.replace(/^JSON\.parse: /, '') : ''
    throw new UserError(`${path}: geen geldige JSON (${detail})`)
  }
  if (scenario !== undefined && typeof data === 'object' && data !== null && !Array.isArray(data)) {
    data = { ...data, scenario }
  }
  const parsed = parseClientCase(data)
  if (!parsed.ok) throw new UserError(parsed.problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n'))
  return parsed.value
}

function describeSource(ref: SourceRef): string {
  return isSourceKey(ref.source) ? citeSource(ref.source, ref.locator) : ref.source
}

function summaryLine(option: OptionResult): string {
  const status = option.available ? 'beschikbaar' : 'niet beschikbaar'
  // An option that cannot be computed for lack of input shows only why.
  const hasFigures = option.available || (option.conditions?.length ?? 0) > 0
  if (!hasFigures) return [`${option.label} — ${status}`, ...option.reasons.map((reason) => `  • ${reason}`)].join('\n')
  return [
    `${option.label} — ${status}`,
    `  premie ${formatEuro(option.premium.annual)} per jaar (${formatEuro(option.premium.monthly)} per maand), netto ${formatEuro(option.premium.netAnnual)}`,
    `  uitkering bij volledige arbeidsongeschiktheid ${formatEuro(option.benefit.annualAtFullDisability)} per jaar; in de illustratie ${formatEuro(option.benefit.annualForIllustration)} per jaar${option.illustration.benefitFrom ? ` vanaf ${formatDate(option.illustration.benefitFrom)}` : ''}`,
    `  inkomensgat tijdens de wachttijd ${formatEuro(option.illustration.gapAmount)} (${formatNumber(option.illustration.gapMonths, 1)} maanden)`,
    `  premie tot de AOW-leeftijd samen ${formatEuro(option.totals.premium)} (netto ${formatEuro(option.totals.netPremium)})`,
    ...(option.conditions ?? []).map((condition) => `  ${condition.passed ? '✓' : '✗'} ${condition.explanation}`),
    ...option.reasons.map((reason) => `  • ${reason}`),
    ...option.warnings.map((warning) => `  ! ${warning}`),
  ].join('\n')
}

export function formatSummary(result: AdviceResult): string {
  const lines = [
    `${result.scenarioLabel} (${result.scenario}) — rekenjaar ${result.calculationYear}`,
    `Minimumloon ${result.calculationYear}: ${formatEuro(result.wml.annual)} per jaar; maximale grondslag ${formatEuro(result.wml.cap)}${result.wml.projected ? ' (geprojecteerd)' : ''}`,
    `AOW-datum: ${formatDate(result.client.aowDate)}${result.client.aowAge.projected ? ' (AOW-leeftijd geprojecteerd)' : ''}`,
    result.client.insured ? 'Verzekerd voor de Baz.' : `Niet verzekerd voor de Baz: ${result.client.insuredReasons.join(' ')}`,
    '',
    ...result.options.map(summaryLine),
    '',
    'Aannames en onzekerheden:',
    ...result.assumptions.map((note) => `  - ${note.text}`),
    '',
    'Let op: de wet is nog niet definitief; de bedragen volgen de gekozen versie van het wetsvoorstel.',
  ]
  return lines.join('\n') + '\n'
}

export function formatExplanation(result: AdviceResult): string {
  const lines: string[] = [`Toelichting — ${result.scenarioLabel}, rekenjaar ${result.calculationYear}`, '']
  const shown = new Set(result.options.filter((option) => option.available || (option.conditions?.length ?? 0) > 0).map((option) => `option.${option.id}.`))
  const order = Object.values(result.explanations).filter(
    (explanation) => [...shown].some((prefix) => explanation.id.startsWith(prefix)) || explanation.id === 'baz.benefitAtFull' || explanation.id.startsWith('baz.netPremium'),
  )
  const seen = new Set<string>()
  for (const explanation of order) {
    lines.push(...explanationLines(explanation, describeSource, 0, seen), '')
  }
  lines.push('Aannames:', ...result.assumptions.map((note) => `  - ${note.text}`))
  lines.push('', `Premiepercentage: ${formatPercent(result.options[0]?.premium.rate ?? 0)}`)
  return lines.join('\n') + '\n'
}

/**
 * `--pdf OUT.pdf [--sign CERT.p12]`: the advice report, signed when a certificate is given
 * (passphrase from VANGNET_P12_PASSPHRASE). The file is written to a temporary name first and
 * then renamed, so a failure never leaves a half-written report behind.
 */
async function writeReport(clientCase: ClientCase, result: AdviceResult, options: AdviseArguments, io: CliIo): Promise<{ signed: boolean }> {
  const target = resolve(io.cwd, options.pdf!)
  let signing: { p12: Uint8Array; passphrase: string } | undefined
  if (options.sign !== undefined) {
    const passphrase = io.env['VANGNET_P12_PASSPHRASE']
    if (!passphrase) throw new UserError('VANGNET_P12_PASSPHRASE ontbreekt: de wachtwoordzin van het certificaat')
    try {
      signing = { p12: await readFile(resolve(io.cwd, options.sign)), passphrase }
    } catch {
      throw new UserError(`${options.sign}: certificaat niet gevonden of niet leesbaar`)
    }
  }
  // The report stack (pdfmake, charts, signing) loads only when a report is asked for, so a plain
  // comparison starts fast.
  const { CertificateError, renderAdviceReport } = await import('../reports')
  const pdf = await renderAdviceReport({ clientCase, result, ...(signing ? { signing } : {}) }).catch((error: unknown) => {
    if (error instanceof CertificateError) throw new UserError(`${options.sign}: ${error.message}`, exitCodes.vault)
    throw error
  })
  const temporary = `${target}.${process.pid}.tmp`
  try {
    // Owner-only (0600): the report holds client data.
    await writeFile(temporary, pdf, { mode: 0o600 })
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, { force: true })
    const code = (error as NodeJS.ErrnoException).code
    throw new UserError(`${options.pdf}: kan het rapport niet schrijven${code === 'ENOENT' ? ' (map bestaat niet)' : code === 'EACCES' ? ' (geen schrijfrechten)' : ''}`)
  }
  return { signed: signing !== undefined }
}

export const adviseCommand: Subcommand = {
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const options = parseAdviseArguments(args)
    const clientCase = await loadCase(options.casePath, io.cwd, options.scenario)
    const result = advise(clientCase)
    if (options.json) io.stdout(JSON.stringify(result) + '\n')
    else if (options.explain) io.stdout(formatExplanation(result))
    else io.stdout(formatSummary(result))
    if (options.pdf !== undefined) {
      const written = await writeReport(clientCase, result, options, io)
      if (!options.json) io.stderr(`Rapport geschreven: ${options.pdf}${written.signed ? ' (ondertekend)' : ''}\n`)
    }
    return exitCodes.ok
  },
}
