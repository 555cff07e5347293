/**
 * `vangnet advise CASE.json [--scenario ID] [--json | --explain] [--db KLUIS]` — contract advise-v1.
 * Bad input: exit 2, one plain Dutch message per problem on stderr (field path: what is wrong),
 * nothing on stdout. `--json` prints exactly one JSON document on stdout and nothing else.
 * `--db` (an addition) applies the active parameter pack kept next to that vault, as `vangnet
 * portfolio` and the app do; without it the built-in parameters apply, exactly as before.
 */
import { existsSync, statSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { z } from 'zod'
import type { Language } from '../../shared/format'
import { formattersFor } from '../../shared/messages/format'
import { citeSource, isSourceKey } from '../../shared/parameters/sources'
import { advise } from '../../shared/rules/advise'
import { explanationLines } from '../../shared/rules/explain'
import type { AdviserDetails } from '../../shared/report'
import { defaultScenarioId, parseClientCase, scenarioIds, type ClientCase } from '../../shared/schema/case'
import { errorMapFor, problemsOf } from '../../shared/schema/messages'
import type { AdviceResult, OptionResult, SourceRef } from '../../shared/schema/result'
import { useVaultPacks } from './params'
import { keyFilePath } from '../store/keys'
import { exitCodes, UserError, type CliIo, type Subcommand } from './command'

const usage = `Gebruik: npm run -s vangnet -- advise CASE.json [opties]

Vergelijkt voor één klant de Baz, een private opt-out en het overgangsrecht.

Opties:
  --scenario ID   versie van het wetsvoorstel: ${scenarioIds.join(', ')}
                  (standaard: die uit CASE.json, anders ${defaultScenarioId})
  --json          precies één JSON-document op stdout (contract advise-v1)
  --explain       elke uitkomst met berekening en bron
  --lang nl|en    taal van de uitvoer en het rapport (standaard nl)
  --db KLUIS      gebruik het actieve parameterpakket van deze kluis (zie params);
                  --scenario kan dan ook een versie uit dat pakket zijn
  --pdf UIT.pdf   schrijf ook het adviesrapport (PDF); keuze, motivering en
                  vergoeding komen uit "advice" in CASE.json
  --adviser ADVISEUR.json
                  de adviseur: { "name", "firm", "afmNumber", "kifidNumber" }
  --sign CERT.p12 onderteken het rapport (wachtwoordzin: VANGNET_P12_PASSPHRASE);
                  alleen met --adviser en een gekozen oplossing (anders is het
                  rapport een CONCEPT en wordt het niet ondertekend)
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
  adviser?: string
  /** The language of the output and the report (contract advise-v1, Additions). */
  language: Language
  /** The vault whose active parameter pack applies (none: the built-in parameters). */
  db?: string
}

/** The command's messages about its arguments, in the language asked for with --lang. */
const argumentWords = {
  nl: {
    missingValue: (name: string) => `${name}: er ontbreekt een waarde`,
    unknownLanguage: (value: string) => `--lang: onbekende taal "${value}"; kies nl of en`,
    unknownOption: (arg: string) => `onbekende optie ${arg}`,
    noCase: 'CASE.json ontbreekt: geef het pad naar het klantbestand',
    oneCase: (count: number) => `één klantbestand tegelijk, niet ${count}`,
    jsonOrExplain: '--json en --explain gaan niet samen: kies er één',
    unknownScenario: (value: string, available: readonly string[]) => `--scenario: onbekende versie "${value}"; kies uit ${available.join(', ')}`,
    onlyWithPdf: (option: string) => `${option} werkt alleen samen met --pdf`,
    noVault: (db: string) => `--db: kluis "${db}" niet gevonden`,
    notVault: (db: string) => `--db: "${db}" is geen kluis van Vangnet (een kluisbestand met zijn .keys-bestand ernaast)`,
  },
  en: {
    missingValue: (name: string) => `${name}: a value is missing`,
    unknownLanguage: (value: string) => `--lang: unknown language "${value}"; choose nl or en`,
    unknownOption: (arg: string) => `unknown option ${arg}`,
    noCase: 'CASE.json is missing: give the path to the client file',
    oneCase: (count: number) => `one client file at a time, not ${count}`,
    jsonOrExplain: '--json and --explain do not go together: choose one',
    unknownScenario: (value: string, available: readonly string[]) => `--scenario: unknown version "${value}"; choose from ${available.join(', ')}`,
    onlyWithPdf: (option: string) => `${option} only works together with --pdf`,
    noVault: (db: string) => `--db: vault "${db}" not found`,
    notVault: (db: string) => `--db: "${db}" is not a Vangnet vault (a vault file with its .keys file next to it)`,
  },
} satisfies Record<Language, unknown>

export function parseAdviseArguments(args: string[]): AdviseArguments {
  const problems: string[] = []
  const parsed: AdviseArguments = { casePath: '', json: false, explain: false, language: 'nl' }
  // Problems with the other arguments are told in the language asked for.
  const w = argumentWords[args[args.indexOf('--lang') + 1] === 'en' ? 'en' : 'nl']
  const positional: string[] = []
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    const needsValue = (name: string): string | undefined => {
      const value = args[index + 1]
      if (value === undefined || value.startsWith('--')) {
        problems.push(w.missingValue(name))
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
    } else if (arg === '--lang') {
      const value = needsValue('--lang')
      if (value === 'nl' || value === 'en') parsed.language = value
      else if (value !== undefined) problems.push(w.unknownLanguage(value))
    } else if (arg === '--sign') {
      const value = needsValue('--sign')
      if (value !== undefined) parsed.sign = value
    } else if (arg === '--adviser') {
      const value = needsValue('--adviser')
      if (value !== undefined) parsed.adviser = value
    } else if (arg === '--db') {
      const value = needsValue('--db')
      if (value !== undefined) parsed.db = value
    } else if (arg.startsWith('--')) problems.push(w.unknownOption(arg))
    else positional.push(arg)
  }
  if (positional.length === 0) problems.push(w.noCase)
  if (positional.length > 1) problems.push(w.oneCase(positional.length))
  if (parsed.json && parsed.explain) problems.push(w.jsonOrExplain)
  // With --db the pack may add versions: checked once it is active (adviseCommand).
  if (parsed.db === undefined && parsed.scenario !== undefined && !scenarioIds.includes(parsed.scenario)) problems.push(w.unknownScenario(parsed.scenario, scenarioIds))
  if (parsed.sign !== undefined && parsed.pdf === undefined) problems.push(w.onlyWithPdf('--sign'))
  if (parsed.adviser !== undefined && parsed.pdf === undefined) problems.push(w.onlyWithPdf('--adviser'))
  if (problems.length) throw new UserError(problems.join('\n'))
  parsed.casePath = positional[0]!
  return parsed
}

/** The command's messages about the case file, in the language of the output. */
const fileWords = {
  nl: { notFound: 'bestand niet gevonden', folder: 'dit is een map, geen bestand', unreadable: 'kan het bestand niet lezen', notJson: 'geen geldige JSON' },
  en: { notFound: 'file not found', folder: 'this is a folder, not a file', unreadable: 'cannot read the file', notJson: 'not valid JSON' },
} satisfies Record<Language, Record<string, string>>

/** Read and validate a case file; every problem is a plain message naming the field, in `language`. */
export async function loadCase(path: string, cwd: string, scenario?: string, language: Language = 'nl') {
  const w = fileWords[language]
  let text: string
  try {
    text = await readFile(resolve(cwd, path), 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UserError(`${path}: ${code === 'ENOENT' ? w.notFound : code === 'EISDIR' ? w.folder : w.unreadable}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message.replace(/^JSON\.parse: /, '') : ''
    throw new UserError(`${path}: ${w.notJson} (${detail})`)
  }
  if (scenario !== undefined && typeof data === 'object' && data !== null && !Array.isArray(data)) {
    data = { ...data, scenario }
  }
  const parsed = parseClientCase(data, language)
  if (!parsed.ok) throw new UserError(parsed.problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n'))
  return parsed.value
}

/** The adviser file: the details the Wft requires on an advice (contract advise-v1, Additions). */
const adviserFileSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    firm: z.string().trim().min(1).max(200),
    afmNumber: z.string().trim().min(1).max(40),
    kifidNumber: z.string().trim().min(1).max(40),
    email: z.string().trim().max(200).optional(),
    phone: z.string().trim().max(60).optional(),
    address: z.string().trim().max(300).optional(),
  })
  .strict()

export async function loadAdviser(path: string, cwd: string, language: Language = 'nl'): Promise<AdviserDetails> {
  const w = fileWords[language]
  let data: unknown
  try {
    data = JSON.parse(await readFile(resolve(cwd, path), 'utf8'))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UserError(`${path}: ${code === 'ENOENT' ? w.notFound : error instanceof SyntaxError ? w.notJson : w.unreadable}`)
  }
  const parsed = adviserFileSchema.safeParse(data, { error: errorMapFor(language) })
  if (!parsed.success) throw new UserError(problemsOf(parsed.error, language).map((problem) => `${path}: ${problem.path}: ${problem.message}`).join('\n'))
  return parsed.data
}

/** A source reference as the terminal prints it, the document named in the language of the output. */
function sourceDescriber(language: Language): (ref: SourceRef) => string {
  return (ref) => (isSourceKey(ref.source) ? citeSource(ref.source, ref.locator, language) : ref.source)
}

/** The command's own words around the rules' texts, in the language of the output. */
const words = {
  nl: {
    available: 'beschikbaar',
    unavailable: 'niet beschikbaar',
    premium: (annual: string, monthly: string, net: string) => `premie ${annual} per jaar (${monthly} per maand), netto ${net}`,
    benefit: (full: string, illustration: string, from: string | null) =>
      `uitkering bij volledige arbeidsongeschiktheid ${full} per jaar; in de illustratie ${illustration} per jaar${from ? ` vanaf ${from}` : ''}`,
    gap: (amount: string, months: string) => `inkomensgat tijdens de wachttijd ${amount} (${months} maanden)`,
    totals: (total: string, net: string) => `premie tot de AOW-leeftijd samen ${total} (netto ${net})`,
    heading: (label: string, scenario: string, year: number) => `${label} (${scenario}) — rekenjaar ${year}`,
    parameterSet: (label: string, hash: string) => `Parameterset: ${label}; kenmerk ${hash}`,
    wml: (year: number, annual: string, cap: string, projected: boolean) => `Minimumloon ${year}: ${annual} per jaar; maximale grondslag ${cap}${projected ? ' (geprojecteerd)' : ''}`,
    aow: (date: string, projected: boolean) => `AOW-datum: ${date}${projected ? ' (AOW-leeftijd geprojecteerd)' : ''}`,
    insured: 'Verzekerd voor de Baz.',
    notInsured: (reasons: string) => `Niet verzekerd voor de Baz: ${reasons}`,
    assumptionsHeading: 'Aannames en onzekerheden:',
    notFinal: 'Let op: de wet is nog niet definitief; de bedragen volgen de gekozen versie van het wetsvoorstel.',
    explanationHeading: (label: string, year: number) => `Toelichting — ${label}, rekenjaar ${year}`,
    assumptions: 'Aannames:',
    rate: (rate: string) => `Premiepercentage: ${rate}`,
    written: (path: string, signed: boolean, draft: boolean) => `Rapport geschreven: ${path}${signed ? ' (ondertekend)' : draft ? ' (CONCEPT)' : ''}`,
    draftNotSigned: (missing: string[]) => `--sign: een concept wordt niet ondertekend; er ontbreken ${missing.join(' en ')}`,
    missingAdviser: 'de gegevens van de adviseur (--adviser ADVISEUR.json)',
    missingChoice: 'de gekozen oplossing (advice.choice in het klantbestand)',
    noCertificatePassphrase: 'VANGNET_P12_PASSPHRASE ontbreekt: de wachtwoordzin van het certificaat',
    certificateUnreadable: (file: string) => `${file}: certificaat niet gevonden of niet leesbaar`,
    cannotWrite: (file: string, code: string | undefined) => `${file}: kan het rapport niet schrijven${code === 'ENOENT' ? ' (map bestaat niet)' : code === 'EACCES' ? ' (geen schrijfrechten)' : ''}`,
  },
  en: {
    available: 'available',
    unavailable: 'not available',
    premium: (annual: string, monthly: string, net: string) => `premium ${annual} a year (${monthly} a month), after tax ${net}`,
    benefit: (full: string, illustration: string, from: string | null) =>
      `benefit at full disability ${full} a year; in the illustration ${illustration} a year${from ? ` from ${from}` : ''}`,
    gap: (amount: string, months: string) => `income gap during the waiting period ${amount} (${months} months)`,
    totals: (total: string, net: string) => `premium until the AOW age in total ${total} (after tax ${net})`,
    heading: (label: string, scenario: string, year: number) => `${label} (${scenario}) — calculation year ${year}`,
    parameterSet: (label: string, hash: string) => `Parameter set: ${label}; reference ${hash}`,
    wml: (year: number, annual: string, cap: string, projected: boolean) => `Minimum wage ${year}: ${annual} a year; maximum base ${cap}${projected ? ' (projected)' : ''}`,
    aow: (date: string, projected: boolean) => `AOW date: ${date}${projected ? ' (AOW age projected)' : ''}`,
    insured: 'Insured under the Baz.',
    notInsured: (reasons: string) => `Not insured under the Baz: ${reasons}`,
    assumptionsHeading: 'Assumptions and uncertainties:',
    notFinal: 'Note: the law is not final; the amounts follow the chosen version of the bill.',
    explanationHeading: (label: string, year: number) => `Explanation — ${label}, calculation year ${year}`,
    assumptions: 'Assumptions:',
    rate: (rate: string) => `Premium rate: ${rate}`,
    written: (path: string, signed: boolean, draft: boolean) => `Report written: ${path}${signed ? ' (signed)' : draft ? ' (DRAFT)' : ''}`,
    draftNotSigned: (missing: string[]) => `--sign: a draft is not signed; missing: ${missing.join(' and ')}`,
    missingAdviser: "the adviser's details (--adviser ADVISER.json)",
    missingChoice: 'the chosen option (advice.choice in the case file)',
    noCertificatePassphrase: "VANGNET_P12_PASSPHRASE is missing: the certificate's passphrase",
    certificateUnreadable: (file: string) => `${file}: certificate not found or not readable`,
    cannotWrite: (file: string, code: string | undefined) => `${file}: cannot write the report${code === 'ENOENT' ? ' (the folder does not exist)' : code === 'EACCES' ? ' (no permission to write)' : ''}`,
  },
} satisfies Record<Language, unknown>

function summaryLine(option: OptionResult, language: Language): string {
  const w = words[language]
  const f = formattersFor(language)
  const status = option.available ? w.available : w.unavailable
  // An option that cannot be computed for lack of input shows only why.
  const hasFigures = option.available || (option.conditions?.length ?? 0) > 0
  if (!hasFigures) return [`${option.label} — ${status}`, ...option.reasons.map((reason) => `  • ${reason}`)].join('\n')
  return [
    `${option.label} — ${status}`,
    `  ${w.premium(f.euro(option.premium.annual), f.euro(option.premium.monthly), f.euro(option.premium.netAnnual))}`,
    `  ${w.benefit(f.euro(option.benefit.annualAtFullDisability), f.euro(option.benefit.annualForIllustration), option.illustration.benefitFrom ? f.date(option.illustration.benefitFrom) : null)}`,
    `  ${w.gap(f.euro(option.illustration.gapAmount), f.number(option.illustration.gapMonths, 1))}`,
    `  ${w.totals(f.euro(option.totals.premium), f.euro(option.totals.netPremium))}`,
    ...(option.conditions ?? []).map((condition) => `  ${condition.passed ? '✓' : '✗'} ${condition.explanation}`),
    ...option.reasons.map((reason) => `  • ${reason}`),
    ...option.warnings.map((warning) => `  ! ${warning}`),
  ].join('\n')
}

export function formatSummary(result: AdviceResult, language: Language = 'nl'): string {
  const w = words[language]
  const f = formattersFor(language)
  const lines = [
    w.heading(result.scenarioLabel, result.scenario, result.calculationYear),
    // Only a published parameter pack is named: with the built-in set the output is as it always was.
    ...(result.parameterSet ? [w.parameterSet(result.parameterSet, result.parameterHash)] : []),
    w.wml(result.calculationYear, f.euro(result.wml.annual), f.euro(result.wml.cap), result.wml.projected),
    w.aow(f.date(result.client.aowDate), result.client.aowAge.projected),
    result.client.insured ? w.insured : w.notInsured(result.client.insuredReasons.join(' ')),
    '',
    ...result.options.map((option) => summaryLine(option, language)),
    '',
    w.assumptionsHeading,
    ...result.assumptions.map((note) => `  - ${note.text}`),
    '',
    w.notFinal,
  ]
  return lines.join('\n') + '\n'
}

export function formatExplanation(result: AdviceResult, language: Language = 'nl'): string {
  const w = words[language]
  const lines: string[] = [w.explanationHeading(result.scenarioLabel, result.calculationYear), ...(result.parameterSet ? [w.parameterSet(result.parameterSet, result.parameterHash)] : []), '']
  const shown = new Set(result.options.filter((option) => option.available || (option.conditions?.length ?? 0) > 0).map((option) => `option.${option.id}.`))
  const order = Object.values(result.explanations).filter(
    (explanation) => [...shown].some((prefix) => explanation.id.startsWith(prefix)) || explanation.id === 'baz.benefitAtFull' || explanation.id.startsWith('baz.netPremium'),
  )
  const seen = new Set<string>()
  for (const explanation of order) {
    lines.push(...explanationLines(explanation, sourceDescriber(language), language, 0, seen), '')
  }
  lines.push(w.assumptions, ...result.assumptions.map((note) => `  - ${note.text}`))
  lines.push('', w.rate(formattersFor(language).percent(result.options[0]?.premium.rate ?? 0)))
  return lines.join('\n') + '\n'
}

/**
 * `--pdf OUT.pdf [--sign CERT.p12]`: the advice report, signed when a certificate is given
 * (passphrase from VANGNET_P12_PASSPHRASE). The file is written to a temporary name first and
 * then renamed, so a failure never leaves a half-written report behind.
 */
async function writeReport(clientCase: ClientCase, result: AdviceResult, options: AdviseArguments, io: CliIo): Promise<{ signed: boolean; draft: boolean }> {
  const target = resolve(io.cwd, options.pdf!)
  const w = words[options.language]
  const adviser = options.adviser !== undefined ? await loadAdviser(options.adviser, io.cwd, options.language) : undefined
  // The report stack (pdfmake, charts, signing) loads only when a report is asked for, so a plain
  // comparison starts fast.
  const { CertificateError, isDraftReport, renderAdviceReport } = await import('../reports')
  const draft = isDraftReport({ clientCase, result, ...(adviser ? { adviser } : {}) })
  if (draft && options.sign !== undefined) {
    const missing = [!adviser ? w.missingAdviser : null, !clientCase.advice?.choice ? w.missingChoice : null].filter((part): part is string => part !== null)
    throw new UserError(w.draftNotSigned(missing))
  }
  let signing: { p12: Uint8Array; passphrase: string } | undefined
  if (options.sign !== undefined) {
    const passphrase = io.env['VANGNET_P12_PASSPHRASE']
    if (!passphrase) throw new UserError(w.noCertificatePassphrase)
    try {
      signing = { p12: await readFile(resolve(io.cwd, options.sign)), passphrase }
    } catch {
      throw new UserError(w.certificateUnreadable(options.sign))
    }
  }
  const pdf = await renderAdviceReport({ clientCase, result, language: options.language, ...(adviser ? { adviser } : {}), ...(signing ? { signing } : {}) }).catch((error: unknown) => {
    if (error instanceof CertificateError) throw new UserError(`${options.sign}: ${error.in(options.language)}`, exitCodes.vault)
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
    throw new UserError(w.cannotWrite(options.pdf!, code))
  }
  return { signed: signing !== undefined, draft }
}

/**
 * `--db KLUIS`: lay the vault's active parameter pack (verified again) over the built-in
 * parameters for this run, as `vangnet portfolio` does; then --scenario may name a version the
 * pack adds. The vault itself stays locked: the packs beside it hold no personal data.
 */
function useVaultParameters(options: AdviseArguments, io: CliIo): void {
  const w = argumentWords[options.language]
  const vault = resolve(io.cwd, options.db!)
  if (!existsSync(vault)) throw new UserError(w.noVault(options.db!))
  // Any other path would silently mean the built-in parameters: only a vault (with its key file) is accepted.
  if (!statSync(vault).isFile() || !existsSync(keyFilePath(vault))) throw new UserError(w.notVault(options.db!))
  const available = useVaultPacks(vault, options.language)
  if (options.scenario !== undefined && !available.includes(options.scenario)) throw new UserError(w.unknownScenario(options.scenario, available))
}

export const adviseCommand: Subcommand = {
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const options = parseAdviseArguments(args)
    const language = options.language
    if (options.db !== undefined) useVaultParameters(options, io)
    const clientCase = await loadCase(options.casePath, io.cwd, options.scenario, language)
    const result = advise(clientCase, { language })
    if (options.json) io.stdout(JSON.stringify(result) + '\n')
    else if (options.explain) io.stdout(formatExplanation(result, language))
    else io.stdout(formatSummary(result, language))
    if (options.pdf !== undefined) {
      const written = await writeReport(clientCase, result, options, io)
      if (!options.json) io.stderr(`${words[language].written(options.pdf, written.signed, written.draft)}\n`)
    }
    return exitCodes.ok
  },
}
