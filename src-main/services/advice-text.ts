/**
 * The adviser's recommendation as stored in an immutable advice version: the chosen option and
 * the motivation, as one JSON text (so both are covered by the version's content hash), and the
 * short "what changed" lines shown in the list of earlier versions.
 */
import { z } from 'zod'
import { formatDate, formatEuro, formatPercent, type Language } from '../../shared/format'
import { optionName } from '../../shared/charts/option-names'
import { scenarioShortLabels } from '../../shared/parameters/scenarios'
import { optionIds, type AdviceResult, type OptionId } from '../../shared/schema/result'
import type { ClientCase, IncomeYear, PrivatePolicy } from '../../shared/schema/case'

const storedSchema = z.object({ optionId: z.enum(optionIds), motivation: z.string() }).strict()

export function writeRecommendation(optionId: OptionId, motivation: string): string {
  return JSON.stringify({ optionId, motivation })
}

export function readRecommendation(text: string): { optionId: OptionId; motivation: string } {
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data
  } catch {
    // Plain text from another writer (e.g. the headless command): no chosen option recorded.
  }
  return { optionId: 'baz', motivation: text }
}

export interface VersionContent {
  clientCase: ClientCase
  result: AdviceResult
  chosenOption: OptionId
  /** The motivation as stored (absent for content read from elsewhere). */
  motivation?: string
}

/** The words of the change lines, in the screen's language (the figures follow its conventions too). */
const words = {
  nl: {
    criteria: { beroeps: 'beroeps', passende: 'passende arbeid', gangbare: 'gangbare arbeid' } as Record<PrivatePolicy['criterion'], string>,
    added: (title: string, insured: string, premium: string) => `${title}: toegevoegd (${insured} per jaar verzekerd, premie ${premium} per jaar)`,
    removed: (title: string) => `${title}: verwijderd`,
    otherInsurer: (title: string) => `${title}: andere verzekeraar`,
    insured: 'verzekerd bedrag per jaar',
    premium: 'premie per jaar',
    waiting: 'eigen risico',
    days: (n: number) => `${n} dagen`,
    endAge: 'eindleeftijd',
    aowAge: 'AOW-leeftijd',
    years: (n: number) => `${n} jaar`,
    threshold: 'uitkeren vanaf',
    criterion: 'criterium',
    exclusions: 'medische uitsluitingen',
    yes: 'ja',
    no: 'nee',
    premiumType: 'premieverloop',
    level: 'gelijkblijvend',
    rising: 'stijgend',
    indexation: 'premie-indexatie',
    deductible: 'premie aftrekbaar',
    startDate: 'ingangsdatum',
    profit: 'Winst',
    wiaWage: 'WIA-loon',
    yearAdded: (label: string, year: number, amount: string) => `${label} ${year}: toegevoegd, ${amount}`,
    yearRemoved: (label: string, year: number, amount: string) => `${label} ${year}: verwijderd (was ${amount})`,
    first: 'Eerste adviesversie.',
    bill: 'Wetsvoorstel',
    calculationYear: 'Rekenjaar',
    chosen: 'Gekozen optie',
    birthDate: 'Geboortedatum',
    role: 'Rol',
    existing: 'Bestaande AOV',
    quote: 'Offerte private AOV',
    topUp: 'Offerte aanvulling op de Baz',
    rate: 'Premiepercentage',
    billRate: 'volgens wetsvoorstel',
    wml: 'Indexatie WML',
    growth: 'Winstgroei',
    tax: 'Marginaal belastingtarief',
    broodfonds: 'Broodfonds per maand',
    relaxed: 'Overgangsrecht, versoepelde voorwaarden',
    none: 'geen',
    age: 'Illustratie, arbeidsongeschikt vanaf leeftijd',
    degree: 'Illustratie, mate van arbeidsongeschiktheid',
    bazPremium: 'Baz-premie per jaar',
    motivation: 'Toelichting gewijzigd',
    nothing: 'Geen wijziging in de berekening.',
  },
  en: {
    criteria: { beroeps: 'own occupation', passende: 'suitable work', gangbare: 'any common work' } as Record<PrivatePolicy['criterion'], string>,
    added: (title: string, insured: string, premium: string) => `${title}: added (${insured} a year insured, premium ${premium} a year)`,
    removed: (title: string) => `${title}: removed`,
    otherInsurer: (title: string) => `${title}: another insurer`,
    insured: 'insured amount a year',
    premium: 'premium a year',
    waiting: 'waiting period',
    days: (n: number) => `${n} days`,
    endAge: 'end age',
    aowAge: 'state pension age',
    years: (n: number) => `${n} years`,
    threshold: 'benefit from',
    criterion: 'criterion',
    exclusions: 'medical exclusions',
    yes: 'yes',
    no: 'no',
    premiumType: 'premium type',
    level: 'level',
    rising: 'rising',
    indexation: 'premium indexation',
    deductible: 'premium deductible',
    startDate: 'start date',
    profit: 'Profit',
    wiaWage: 'WIA wage',
    yearAdded: (label: string, year: number, amount: string) => `${label} ${year}: added, ${amount}`,
    yearRemoved: (label: string, year: number, amount: string) => `${label} ${year}: removed (was ${amount})`,
    first: 'First advice version.',
    bill: 'Bill',
    calculationYear: 'Calculation year',
    chosen: 'Chosen option',
    birthDate: 'Date of birth',
    role: 'Role',
    existing: 'Existing AOV',
    quote: 'Quote for a private AOV',
    topUp: 'Quote for a top-up to the Baz',
    rate: 'Premium rate',
    billRate: 'per the bill',
    wml: 'Minimum wage indexation',
    growth: 'Profit growth',
    tax: 'Marginal tax rate',
    broodfonds: 'Broodfonds per month',
    relaxed: 'Transitional law, relaxed conditions',
    none: 'none',
    age: 'Illustration, disabled from age',
    degree: 'Illustration, degree of disability',
    bazPremium: 'Baz premium a year',
    motivation: 'Motivation changed',
    nothing: 'No change in the calculation.',
  },
}

/** Old → new for each field of a policy that differs (insurer names are left out: not needed to see what changed). */
function policyChanges(language: Language, title: string, a: PrivatePolicy | null, b: PrivatePolicy | null): string[] {
  const w = words[language]
  const euro = (value: number) => formatEuro(value, language)
  if (!a && !b) return []
  if (!a) return [w.added(title, euro(b!.insuredAmount), euro(b!.annualPremium))]
  if (!b) return [w.removed(title)]
  const fields: [string, (p: PrivatePolicy) => string][] = [
    [w.insured, (p) => euro(p.insuredAmount)],
    [w.premium, (p) => euro(p.annualPremium)],
    [w.waiting, (p) => w.days(p.waitingDays)],
    [w.endAge, (p) => (p.endAge === 'aow' ? w.aowAge : w.years(p.endAge))],
    [w.threshold, (p) => formatPercent(p.disabilityThresholdPercent / 100, 2, language)],
    [w.criterion, (p) => w.criteria[p.criterion]],
    [w.exclusions, (p) => (p.medicalExclusions ? w.yes : w.no)],
    [w.premiumType, (p) => (p.premiumType === 'level' ? w.level : w.rising)],
    [w.indexation, (p) => formatPercent(p.premiumIndexation, 2, language)],
    [w.deductible, (p) => (p.taxDeductible ? w.yes : w.no)],
    [w.startDate, (p) => formatDate(p.startDate, language)],
  ]
  const out: string[] = []
  for (const [label, show] of fields) if (show(a) !== show(b)) out.push(`${title}, ${label}: ${show(a)} → ${show(b)}`)
  if ((a.insurer ?? '') !== (b.insurer ?? '')) out.push(w.otherInsurer(title))
  return out
}

function incomeChanges(language: Language, a: IncomeYear[], b: IncomeYear[]): string[] {
  const w = words[language]
  const euro = (value: number) => formatEuro(value, language)
  const out: string[] = []
  const years = [...new Set([...a, ...b].map((row) => row.year))].sort((x, y) => x - y)
  for (const year of years) {
    const before = a.find((row) => row.year === year)
    const after = b.find((row) => row.year === year)
    if (!before) out.push(w.yearAdded(w.profit, year, euro(after!.profit)))
    else if (!after) out.push(w.yearRemoved(w.profit, year, euro(before.profit)))
    else {
      if (before.profit !== after.profit) out.push(`${w.profit} ${year}: ${euro(before.profit)} → ${euro(after.profit)}`)
      if (before.wiaWage !== after.wiaWage) out.push(`${w.wiaWage} ${year}: ${euro(before.wiaWage)} → ${euro(after.wiaWage)}`)
    }
  }
  return out
}

/**
 * Plain lines in the screen's language: what differs from the previous version, old → new (no
 * names, only figures and choices).
 */
export function describeChanges(previous: VersionContent | null, current: VersionContent, language: Language = 'nl'): string[] {
  const w = words[language]
  const euro = (value: number) => formatEuro(value, language)
  const percent = (value: number) => formatPercent(value, 2, language)
  if (!previous) return [w.first]
  const lines: string[] = []
  const a = previous.clientCase
  const b = current.clientCase
  const bills = scenarioShortLabels(language)
  if (a.scenario !== b.scenario) lines.push(`${w.bill}: ${bills[a.scenario] ?? a.scenario} → ${bills[b.scenario] ?? b.scenario}`)
  if (a.calculationYear !== b.calculationYear) lines.push(`${w.calculationYear}: ${a.calculationYear} → ${b.calculationYear}`)
  if (previous.chosenOption !== current.chosenOption) {
    const label = (r: AdviceResult, id: OptionId) => optionName(r.options.find((o) => o.id === id) ?? { id, label: id }, language)
    lines.push(`${w.chosen}: ${label(previous.result, previous.chosenOption)} → ${label(current.result, current.chosenOption)}`)
  }
  if (a.client.birthDate !== b.client.birthDate) lines.push(`${w.birthDate}: ${formatDate(a.client.birthDate, language)} → ${formatDate(b.client.birthDate, language)}`)
  if (a.client.role !== b.client.role) lines.push(`${w.role}: ${a.client.role} → ${b.client.role}`)
  lines.push(...incomeChanges(language, a.income, b.income))
  lines.push(...policyChanges(language, w.existing, a.existingPolicy ?? null, b.existingPolicy ?? null))
  lines.push(...policyChanges(language, w.quote, a.privateQuote ?? null, b.privateQuote ?? null))
  lines.push(...policyChanges(language, w.topUp, a.topUpQuote ?? null, b.topUpQuote ?? null))
  const pa = a.assumptions
  const pb = b.assumptions
  if (pa.premiumRate !== pb.premiumRate) lines.push(`${w.rate}: ${pa.premiumRate === null ? w.billRate : percent(pa.premiumRate)} → ${pb.premiumRate === null ? w.billRate : percent(pb.premiumRate)}`)
  if (pa.wmlIndexation !== pb.wmlIndexation) lines.push(`${w.wml}: ${percent(pa.wmlIndexation)} → ${percent(pb.wmlIndexation)}`)
  if (pa.profitGrowth !== pb.profitGrowth) lines.push(`${w.growth}: ${percent(pa.profitGrowth)} → ${percent(pb.profitGrowth)}`)
  if (pa.marginalTaxRate !== pb.marginalTaxRate) lines.push(`${w.tax}: ${percent(pa.marginalTaxRate)} → ${percent(pb.marginalTaxRate)}`)
  if (pa.broodfondsMonthly !== pb.broodfondsMonthly) lines.push(`${w.broodfonds}: ${euro(pa.broodfondsMonthly)} → ${euro(pb.broodfondsMonthly)}`)
  const relaxed = (list: readonly string[]) => (list.length ? list.join(', ') : w.none)
  if (relaxed(pa.transitionalRelaxed ?? []) !== relaxed(pb.transitionalRelaxed ?? [])) lines.push(`${w.relaxed}: ${relaxed(pa.transitionalRelaxed ?? [])} → ${relaxed(pb.transitionalRelaxed ?? [])}`)
  if (a.disability.age !== b.disability.age) lines.push(`${w.age}: ${a.disability.age} → ${b.disability.age}`)
  if (a.disability.degree !== b.disability.degree) lines.push(`${w.degree}: ${percent(a.disability.degree)} → ${percent(b.disability.degree)}`)
  const baz = (r: AdviceResult) => r.options.find((o) => o.id === 'baz')?.premium.annual
  const before = baz(previous.result)
  const after = baz(current.result)
  if (before !== undefined && after !== undefined && before !== after) lines.push(`${w.bazPremium}: ${euro(before)} → ${euro(after)}`)
  const known = lines.length
  if (previous.motivation !== undefined && current.motivation !== undefined && previous.motivation !== current.motivation) lines.push(w.motivation)
  if (known === 0 && lines.length === 0) lines.push(w.nothing)
  return lines
}
