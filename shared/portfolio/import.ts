/**
 * Client import, the pure part: from a table of text cells (a CSV or XLSX sheet, already decoded
 * by src-main/import) to clients, income years and a running AOV, with every problem of every row
 * in plain Dutch. Nothing here reads files or touches the vault.
 *
 * Columns are recognised by their Dutch header (case, spaces, dashes and dots ignored), or by a
 * mapping the adviser gives (file header -> one of the headers below). Contract portfolio-v1.
 */
import type { ImportMapping } from './mapping'
import { Money, toEuros } from '../money'
import { clientRoles, incomeYearSchema, privatePolicySchema, type ClientRole, type IncomeYear, type PrivatePolicy } from '../schema/case'
import { dutchErrorMap } from '../schema/messages'

/** A field a column can fill. `profit` and `wiaWage` carry the year of their column. */
export type ImportField =
  | { field: 'name' | 'birthDate' | 'role' | 'email' | 'phone' | 'financialBuffer' }
  | { field: 'profit' | 'wiaWage'; year: number }
  | { field: 'insurer' | 'insuredAmount' | 'waitingDays' | 'endAge' | 'startDate' | 'annualPremium' | 'thresholdPercent' | 'criterion' | 'medicalExclusions' }

/** How the adviser would write each header (the first is the one printed), folded for matching. */
const headerWords: Record<string, string[]> = {
  name: ['naam', 'klantnaam', 'naam klant', 'volledige naam', 'relatie', 'klant'],
  birthDate: ['geboortedatum', 'geb datum', 'geboren', 'geboorte datum'],
  role: ['rol', 'rechtsvorm', 'hoedanigheid'],
  email: ['e-mail', 'email', 'e-mailadres', 'emailadres'],
  phone: ['telefoon', 'telefoonnummer', 'tel', 'mobiel'],
  financialBuffer: ['buffer', 'financiële buffer', 'reserve', 'spaargeld'],
  insurer: ['verzekeraar', 'maatschappij', 'aov verzekeraar'],
  insuredAmount: ['verzekerd bedrag', 'verzekerde rente', 'jaarrente', 'verzekerd jaarbedrag'],
  waitingDays: ['eigen risico', 'wachttijd', 'eigen-risicotermijn', 'eigenrisicotermijn'],
  endAge: ['eindleeftijd', 'einddatum leeftijd', 'eindleeftijd aov'],
  startDate: ['ingangsdatum', 'ingang', 'begindatum', 'ingangsdatum aov'],
  annualPremium: ['jaarpremie', 'premie per jaar', 'premie'],
  thresholdPercent: ['ao-drempel', 'drempel', 'arbeidsongeschiktheidsdrempel'],
  criterion: ['criterium', 'arbeidsongeschiktheidscriterium', 'ao-criterium', 'dekking'],
  medicalExclusions: ['medische uitsluitingen', 'uitsluitingen', 'uitsluiting'],
}

/** The standard header of a field, as the contract and the messages name it. */
export function headerOf(target: ImportField): string {
  if (target.field === 'profit') return `winst ${target.year}`
  if (target.field === 'wiaWage') return `wia-loon ${target.year}`
  return headerWords[target.field]![0]!
}

/** "Winst 2027", " WINST-2027 " and "winst_2027" all become "winst2027". */
export function foldHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
}

const byFoldedHeader = new Map<string, ImportField>()
for (const [field, words] of Object.entries(headerWords)) {
  for (const word of words) byFoldedHeader.set(foldHeader(word), { field } as ImportField)
}

/** A header (or a mapping's target) to its field, or null when Vangnet does not know it. */
export function fieldForHeader(header: string): ImportField | null {
  const folded = foldHeader(header)
  const yearColumn = /^(winst|winstuitonderneming|wialoon|loon)(\d{4})$/.exec(folded) ?? /^(\d{4})(winst|wialoon)$/.exec(folded)
  if (yearColumn) {
    const [kind, yearText] = /^\d/.test(yearColumn[1]!) ? [yearColumn[2]!, yearColumn[1]!] : [yearColumn[1]!, yearColumn[2]!]
    const year = Number(yearText)
    if (year >= 2000 && year <= 2100) return { field: kind === 'wialoon' || kind === 'loon' ? 'wiaWage' : 'profit', year }
  }
  return byFoldedHeader.get(folded) ?? null
}

export { importMappingSchema, type ImportMapping } from './mapping'

export interface ColumnPlan {
  /** Column index -> field, for the columns that are used. */
  columns: Map<number, ImportField>
  /** File headers nothing was found for (left out, printed so the adviser can map them). */
  unknown: string[]
  /** Problems with the header row or the mapping as a whole (then nothing can be imported). */
  problems: string[]
}

/** Recognise the header row, with the mapping's corrections first. */
export function planColumns(headers: string[], mapping?: ImportMapping): ColumnPlan {
  const columns = new Map<number, ImportField>()
  const unknown: string[] = []
  const problems: string[] = []
  const mapped = new Map<string, string | null>()
  for (const [from, to] of Object.entries(mapping?.columns ?? {})) mapped.set(foldHeader(from), to)
  for (const [from, to] of mapped) {
    if (to !== null && !fieldForHeader(to)) problems.push(`koppeling: "${to}" is geen kolom die Vangnet kent (bijvoorbeeld naam, geboortedatum, winst 2027, verzekerd bedrag)`)
    if (!headers.some((header) => foldHeader(header) === from)) problems.push(`koppeling: de kolom "${[...Object.keys(mapping!.columns)].find((key) => foldHeader(key) === from)}" staat niet in het bestand`)
  }
  const seen = new Map<string, string>()
  headers.forEach((header, index) => {
    const folded = foldHeader(header)
    if (folded === '') return
    const target = mapped.has(folded) ? mapped.get(folded)! : header
    if (target === null) return
    const field = fieldForHeader(target)
    if (!field) {
      unknown.push(header)
      return
    }
    const key = headerOf(field)
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      problems.push(`de kolommen "${earlier}" en "${header}" zijn allebei "${key}": laat er één weg met een koppelbestand`)
      return
    }
    seen.set(key, header)
    columns.set(index, field)
  })
  const has = (field: string) => [...columns.values()].some((target) => target.field === field)
  if (!has('name')) problems.push('geen kolom "naam" gevonden')
  if (!has('birthDate')) problems.push('geen kolom "geboortedatum" gevonden')
  return { columns, unknown, problems }
}

// -------------------------------------------------------------------------------------------
// Cells

/**
 * A Dutch or plain amount to euros: "€ 1.234,56", "1234,56", "1,234.56", "1234.56", "-500".
 * With both separators the last one is the decimal point; a lone "." followed by exactly three
 * digits ("1.234") is a Dutch thousands separator, as offices write whole euros. Null: not a number.
 */
export function parseAmount(text: string): number | null {
  let value = text.replace(/[€\s\u00a0]/g, '').replace(/^EUR/i, '')
  let negative = false
  if (/^\(.*\)$/.test(value)) {
    negative = true
    value = value.slice(1, -1)
  }
  if (value.startsWith('-')) {
    negative = !negative
    value = value.slice(1)
  }
  if (value.endsWith(',-')) value = value.slice(0, -2)
  if (!/^[0-9.,]+$/.test(value) || !/[0-9]/.test(value)) return null
  const lastComma = value.lastIndexOf(',')
  const lastDot = value.lastIndexOf('.')
  let normal: string
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.'
    const thousands = decimal === ',' ? '.' : ','
    normal = value.split(thousands).join('').replace(decimal, '.')
  } else if (lastComma >= 0) {
    if (value.indexOf(',') !== lastComma) normal = value.split(',').join('') // 1,234,567
    else normal = value.replace(',', '.')
  } else if (lastDot >= 0) {
    normal = /^\d{1,3}(\.\d{3})+$/.test(value) ? value.split('.').join('') : value
  } else {
    normal = value
  }
  if (!/^\d+(\.\d+)?$/.test(normal)) return null
  const amount = new Money(normal)
  if (amount.decimalPlaces() > 2) return null
  return toEuros(negative ? amount.negated() : amount)
}

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** dd-mm-jjjj, d-m-jjjj, dd/mm/jjjj, dd.mm.jjjj or jjjj-mm-dd to JJJJ-MM-DD; null when not a real date. */
export function parseDutchDate(text: string): string | null {
  const value = text.trim()
  let parts: [number, number, number] | null = null
  const dutch = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value)
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value)
  if (dutch) parts = [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])]
  else if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  if (!parts || !isRealDate(...parts)) return null
  const [year, month, day] = parts
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function dateProblem(text: string): string {
  return /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$|^\d{4}-\d{1,2}-\d{1,2}$/.test(text.trim()) ? 'is geen bestaande datum' : 'is geen datum als dd-mm-jjjj'
}

/**
 * Eigen risico to days: "90", "90 dagen", "2 weken", "3 maanden", "1 jaar". A month counts as 30
 * days and a year as 365, as AOV policies state their waiting periods (30, 90, 180, 365, 730 days);
 * 12 or 24 months are a whole year or two.
 */
export function parseWaitingDays(text: string): number | null {
  const match = /^(\d+)\s*(d|dag|dagen|w|wk|week|weken|m|mnd|maand|maanden|j|jr|jaar|jaren)?$/.exec(text.trim().toLowerCase())
  if (!match) return null
  const count = Number(match[1])
  const unit = match[2] ?? 'dagen'
  if (unit.startsWith('d')) return count
  if (unit.startsWith('w')) return count * 7
  if (unit.startsWith('m')) return count % 12 === 0 ? (count / 12) * 365 : count * 30
  return count * 365
}

const roleWords: Record<string, ClientRole> = {
  ibondernemer: 'ib-ondernemer',
  ondernemer: 'ib-ondernemer',
  zzp: 'ib-ondernemer',
  zzper: 'ib-ondernemer',
  zelfstandige: 'ib-ondernemer',
  eenmanszaak: 'ib-ondernemer',
  vof: 'ib-ondernemer',
  meewerkendepartner: 'meewerkende-partner',
  partner: 'meewerkende-partner',
  dga: 'dga',
  directeurgrootaandeelhouder: 'dga',
  bv: 'dga',
  resultaatgenieter: 'resultaatgenieter',
  roz: 'resultaatgenieter',
  werknemer: 'werknemer',
  loondienst: 'werknemer',
}
for (const role of clientRoles) roleWords[foldHeader(role)] = role

const yesWords = new Set(['ja', 'j', 'yes', 'y', 'true', '1', 'x'])
const noWords = new Set(['nee', 'n', 'no', 'false', '0', '', 'geen'])

// -------------------------------------------------------------------------------------------
// Rows

/** One valid row: a client with its income years and, when the row has one, a running AOV. */
export interface ImportedClient {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number
  name: string
  birthDate: string
  role: ClientRole | null
  email: string | null
  phone: string | null
  financialBuffer: number | null
  income: IncomeYear[]
  existingPolicy: PrivatePolicy | null
}

export interface RowProblem {
  row: number
  /** Plain Dutch, naming the column as the adviser wrote it. */
  message: string
}

/**
 * Policy terms a CRM export seldom holds. When the file has no column for them, the import uses
 * these and says so once, so the adviser checks them in the dossier: a threshold of 25 % and the
 * own-occupation criterion are what most running AOVs have; no exclusions unless stated.
 */
export const policyDefaults = { thresholdPercent: 25, criterion: 'beroeps', medicalExclusions: false } as const

export type RowOutcome = { ok: true; client: ImportedClient } | { ok: false; problems: RowProblem[] }

/** Read one data row with the plan. Every problem of the row is returned, not just the first. */
export function readRow(cells: string[], rowNumber: number, plan: ColumnPlan, headers: string[]): RowOutcome {
  const problems: string[] = []
  const text: Partial<Record<string, { value: string; header: string }>> = {}
  const profits = new Map<number, string>()
  const wiaWages = new Map<number, string>()
  for (const [index, target] of plan.columns) {
    const value = (cells[index] ?? '').trim()
    const header = headers[index] ?? headerOf(target)
    if (target.field === 'profit') {
      if (value !== '') profits.set(target.year, value)
    } else if (target.field === 'wiaWage') {
      if (value !== '') wiaWages.set(target.year, value)
    } else {
      text[target.field] = { value, header }
    }
  }
  const headerFor = (field: string, fallback: string) => text[field]?.header ?? fallback

  const name = text['name']?.value ?? ''
  if (name === '') problems.push(`${headerFor('name', 'naam')} is leeg`)
  else if (name.length > 200) problems.push(`${headerFor('name', 'naam')} is langer dan 200 tekens`)
  const birthText = text['birthDate']?.value ?? ''
  const birthDate = parseDutchDate(birthText)
  if (birthText === '') problems.push(`${headerFor('birthDate', 'geboortedatum')} is leeg`)
  else if (!birthDate) problems.push(`${headerFor('birthDate', 'geboortedatum')} "${birthText}" ${dateProblem(birthText)}`)

  let role: ClientRole | null = null
  const roleText = text['role']?.value ?? ''
  if (roleText !== '') {
    role = roleWords[foldHeader(roleText)] ?? null
    if (!role) problems.push(`${headerFor('role', 'rol')} "${roleText}" is onbekend (IB-ondernemer, meewerkende partner, DGA, resultaatgenieter of werknemer)`)
  }

  const amountOf = (field: string): number | null => {
    const cell = text[field]
    if (!cell || cell.value === '') return null
    const amount = parseAmount(cell.value)
    if (amount === null) problems.push(`${cell.header} "${cell.value}" is geen bedrag`)
    return amount ?? null
  }

  const financialBuffer = amountOf('financialBuffer')
  if (financialBuffer !== null && financialBuffer < 0) problems.push(`${headerFor('financialBuffer', 'buffer')} mag niet negatief zijn`)

  const income: IncomeYear[] = []
  const years = [...new Set([...profits.keys(), ...wiaWages.keys()])].sort((a, b) => a - b)
  for (const year of years) {
    const profitText = profits.get(year)
    const wiaText = wiaWages.get(year)
    const profit = profitText === undefined ? 0 : parseAmount(profitText)
    const wiaWage = wiaText === undefined ? 0 : parseAmount(wiaText)
    if (profit === null) problems.push(`winst ${year} "${profitText}" is geen bedrag`)
    if (wiaWage === null) problems.push(`wia-loon ${year} "${wiaText}" is geen bedrag`)
    if (profit === null || wiaWage === null) continue
    const parsed = incomeYearSchema.safeParse({ year, profit, wiaWage }, { error: dutchErrorMap })
    if (parsed.success) income.push(parsed.data)
    else for (const issue of parsed.error.issues) problems.push(`${issue.path[0] === 'wiaWage' ? 'wia-loon' : 'winst'} ${year} ${issue.message}`)
  }

  const policyFields = ['insurer', 'insuredAmount', 'waitingDays', 'endAge', 'startDate', 'annualPremium']
  const hasPolicy = policyFields.some((field) => (text[field]?.value ?? '') !== '')
  let existingPolicy: PrivatePolicy | null = null
  if (hasPolicy) existingPolicy = readPolicy(text, problems)

  if (problems.length > 0) return { ok: false, problems: problems.map((message) => ({ row: rowNumber, message })) }
  return {
    ok: true,
    client: {
      row: rowNumber,
      name,
      birthDate: birthDate!,
      role,
      email: text['email']?.value || null,
      phone: text['phone']?.value || null,
      financialBuffer,
      income,
      existingPolicy,
    },
  }
}

function readPolicy(text: Partial<Record<string, { value: string; header: string }>>, problems: string[]): PrivatePolicy | null {
  const missing = (field: string, header: string) => {
    if ((text[field]?.value ?? '') === '') {
      problems.push(`AOV: ${text[field]?.header ?? header} ontbreekt`)
      return true
    }
    return false
  }
  const amount = (field: string, header: string): number | undefined => {
    if (missing(field, header)) return undefined
    const value = parseAmount(text[field]!.value)
    if (value === null) problems.push(`${text[field]!.header} "${text[field]!.value}" is geen bedrag`)
    return value ?? undefined
  }
  const insuredAmount = amount('insuredAmount', 'verzekerd bedrag')
  const annualPremium = amount('annualPremium', 'jaarpremie')
  let waitingDays: number | undefined
  if (!missing('waitingDays', 'eigen risico')) {
    waitingDays = parseWaitingDays(text['waitingDays']!.value) ?? undefined
    if (waitingDays === undefined) problems.push(`${text['waitingDays']!.header} "${text['waitingDays']!.value}" is geen termijn (bijvoorbeeld 30 dagen, 3 maanden, 1 jaar)`)
  }
  let endAge: number | 'aow' | undefined
  if (!missing('endAge', 'eindleeftijd')) {
    const value = text['endAge']!.value.toLowerCase().replace(/\s*jaar$/, '')
    endAge = value === 'aow' || value === 'aow-leeftijd' ? 'aow' : /^\d{2}$/.test(value) ? Number(value) : undefined
    if (endAge === undefined) problems.push(`${text['endAge']!.header} "${text['endAge']!.value}" is geen leeftijd of "AOW"`)
  }
  let startDate: string | undefined
  if (!missing('startDate', 'ingangsdatum')) {
    startDate = parseDutchDate(text['startDate']!.value) ?? undefined
    if (!startDate) problems.push(`${text['startDate']!.header} "${text['startDate']!.value}" ${dateProblem(text['startDate']!.value)}`)
  }
  let thresholdPercent: number = policyDefaults.thresholdPercent
  if ((text['thresholdPercent']?.value ?? '') !== '') {
    const value = parseAmount(text['thresholdPercent']!.value.replace('%', ''))
    if (value === null) problems.push(`${text['thresholdPercent']!.header} "${text['thresholdPercent']!.value}" is geen percentage`)
    else thresholdPercent = value
  }
  let criterion: PrivatePolicy['criterion'] = policyDefaults.criterion
  if ((text['criterion']?.value ?? '') !== '') {
    const folded = foldHeader(text['criterion']!.value)
    const found = (['beroeps', 'passende', 'gangbare'] as const).find((word) => folded.startsWith(word))
    if (!found) problems.push(`${text['criterion']!.header} "${text['criterion']!.value}" is geen criterium (beroeps, passende of gangbare arbeid)`)
    else criterion = found
  }
  let medicalExclusions: boolean = policyDefaults.medicalExclusions
  if (text['medicalExclusions']) {
    const folded = text['medicalExclusions'].value.trim().toLowerCase()
    if (yesWords.has(folded)) medicalExclusions = true
    else if (!noWords.has(folded)) problems.push(`${text['medicalExclusions'].header} "${text['medicalExclusions'].value}" is geen ja of nee`)
  }
  const input = {
    ...(text['insurer']?.value ? { insurer: text['insurer'].value } : {}),
    insuredAmount,
    waitingDays,
    endAge,
    disabilityThresholdPercent: thresholdPercent,
    criterion,
    medicalExclusions,
    annualPremium,
    startDate,
  }
  if ([insuredAmount, waitingDays, endAge, annualPremium, startDate].includes(undefined)) return null
  const parsed = privatePolicySchema.safeParse(input, { error: dutchErrorMap })
  if (parsed.success) return parsed.data
  const labels: Record<string, string> = {
    insurer: 'verzekeraar',
    insuredAmount: 'verzekerd bedrag',
    waitingDays: 'eigen risico',
    endAge: 'eindleeftijd',
    annualPremium: 'jaarpremie',
    startDate: 'ingangsdatum',
    disabilityThresholdPercent: 'ao-drempel',
  }
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '')
    problems.push(`${text[key]?.header ?? labels[key] ?? key} ${issue.message}`)
  }
  return null
}

/** Same person: folded name and birth date. */
/** duplicateKey(name, birth date) -> client id, the first (lowest id) of each, for either engine's rows. */
export function duplicateKeys(rows: readonly { id: number; name: string; birth_date: string }[]): Map<string, number> {
  const keys = new Map<string, number>()
  for (const row of rows) {
    const key = duplicateKey(row.name, row.birth_date)
    if (!keys.has(key)) keys.set(key, row.id)
  }
  return keys
}

export function duplicateKey(name: string, birthDate: string): string {
  return `${foldHeader(name)}|${birthDate}`
}

export interface ImportDuplicate {
  row: number
  name: string
  birthDate: string
  existingClientId: number | null
  sameAsRow: number | null
  client: ImportedClient
}

export interface ImportPlan {
  plan: ColumnPlan
  clients: ImportedClient[]
  problems: RowProblem[]
  /**
   * Rows that are the same person (folded name and birth date) as an earlier row of the file or a
   * client already in the vault. They are not in `clients`: the adviser skips or merges them.
   */
  duplicates: ImportDuplicate[]
  /** Plain Dutch notes about the file as a whole (defaults used, columns left out). */
  notes: string[]
}

/**
 * The whole preview: every row read, duplicates found (within the file, and against the vault's
 * clients given as duplicateKey -> client id). Rows with problems or duplicates are not in `clients`.
 */
export function planImport(table: string[][], existing: Map<string, number>, mapping?: ImportMapping): ImportPlan {
  const [headers = [], ...rows] = table
  const plan = planColumns(headers, mapping)
  const result: ImportPlan = { plan, clients: [], problems: [], duplicates: [], notes: [] }
  if (plan.problems.length > 0) return result
  if (plan.unknown.length > 0) result.notes.push(`Kolommen niet gebruikt: ${plan.unknown.map((header) => `"${header}"`).join(', ')} (koppel ze met --mapping als ze iets betekenen).`)
  const used = new Set([...plan.columns.values()].map((target) => target.field))
  const seen = new Map<string, number>()
  let policies = 0
  rows.forEach((cells, index) => {
    const rowNumber = index + 2
    if (cells.every((cell) => cell.trim() === '')) return
    const outcome = readRow(cells, rowNumber, plan, headers)
    if (!outcome.ok) {
      result.problems.push(...outcome.problems)
      return
    }
    const client = outcome.client
    const key = duplicateKey(client.name, client.birthDate)
    const sameAsRow = seen.get(key) ?? null
    const existingClientId = existing.get(key) ?? null
    if (sameAsRow !== null || existingClientId !== null) {
      result.duplicates.push({ row: rowNumber, name: client.name, birthDate: client.birthDate, existingClientId, sameAsRow, client })
      // A later row of the same person refers to this first row in the file.
      if (sameAsRow === null) seen.set(key, rowNumber)
      return
    }
    seen.set(key, rowNumber)
    if (client.existingPolicy) policies++
    result.clients.push(client)
  })
  if (policies > 0) {
    const assumed = [
      !used.has('thresholdPercent') && `ao-drempel ${policyDefaults.thresholdPercent} %`,
      !used.has('criterion') && 'beroepsarbeidsongeschiktheid',
      !used.has('medicalExclusions') && 'geen medische uitsluitingen',
    ].filter(Boolean)
    if (assumed.length > 0) result.notes.push(`Het bestand noemt niet alle polisvoorwaarden; voor de AOV's is aangenomen: ${assumed.join(', ')}. Controleer dit in het dossier.`)
  }
  return result
}

/**
 * A later row's data laid over an earlier record of the same person: its income years replace
 * those years, its AOV, role, contact details and buffer replace what it states; nothing it leaves
 * empty is lost.
 */
export function mergeImported(earlier: ImportedClient, later: ImportedClient): ImportedClient {
  const income = new Map(earlier.income.map((row) => [row.year, row]))
  for (const row of later.income) income.set(row.year, row)
  return {
    ...earlier,
    role: later.role ?? earlier.role,
    email: later.email ?? earlier.email,
    phone: later.phone ?? earlier.phone,
    financialBuffer: later.financialBuffer ?? earlier.financialBuffer,
    income: [...income.values()].sort((a, b) => a.year - b.year),
    existingPolicy: later.existingPolicy ?? earlier.existingPolicy,
  }
}
