/**
 * The adviser's recommendation as stored in an immutable advice version: the chosen option and
 * the motivation, as one JSON text (so both are covered by the version's content hash), and the
 * short "what changed" lines shown in the list of earlier versions.
 */
import { z } from 'zod'
import { formatDate, formatEuro, formatNumber, formatPercent } from '../../shared/format'
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

const criterionNames: Record<PrivatePolicy['criterion'], string> = { beroeps: 'beroeps', passende: 'passende arbeid', gangbare: 'gangbare arbeid' }

/** Old → new for each field of a policy that differs (insurer names are left out: not needed to see what changed). */
function policyChanges(title: string, a: PrivatePolicy | null, b: PrivatePolicy | null): string[] {
  if (!a && !b) return []
  if (!a) return [`${title}: toegevoegd (${formatEuro(b!.insuredAmount)} per jaar verzekerd, premie ${formatEuro(b!.annualPremium)} per jaar)`]
  if (!b) return [`${title}: verwijderd`]
  const fields: [string, (p: PrivatePolicy) => string][] = [
    ['verzekerd bedrag per jaar', (p) => formatEuro(p.insuredAmount)],
    ['premie per jaar', (p) => formatEuro(p.annualPremium)],
    ['eigen risico', (p) => `${p.waitingDays} dagen`],
    ['eindleeftijd', (p) => (p.endAge === 'aow' ? 'AOW-leeftijd' : `${p.endAge} jaar`)],
    ['uitkeren vanaf', (p) => `${formatNumber(p.disabilityThresholdPercent)} %`],
    ['criterium', (p) => criterionNames[p.criterion]],
    ['medische uitsluitingen', (p) => (p.medicalExclusions ? 'ja' : 'nee')],
    ['premieverloop', (p) => (p.premiumType === 'level' ? 'gelijkblijvend' : 'stijgend')],
    ['premie-indexatie', (p) => formatPercent(p.premiumIndexation)],
    ['premie aftrekbaar', (p) => (p.taxDeductible ? 'ja' : 'nee')],
    ['ingangsdatum', (p) => formatDate(p.startDate)],
  ]
  const out: string[] = []
  for (const [label, show] of fields) if (show(a) !== show(b)) out.push(`${title}, ${label}: ${show(a)} → ${show(b)}`)
  if ((a.insurer ?? '') !== (b.insurer ?? '')) out.push(`${title}: andere verzekeraar`)
  return out
}

function incomeChanges(a: IncomeYear[], b: IncomeYear[]): string[] {
  const out: string[] = []
  const years = [...new Set([...a, ...b].map((row) => row.year))].sort((x, y) => x - y)
  for (const year of years) {
    const before = a.find((row) => row.year === year)
    const after = b.find((row) => row.year === year)
    if (!before) out.push(`Winst ${year}: toegevoegd, ${formatEuro(after!.profit)}`)
    else if (!after) out.push(`Winst ${year}: verwijderd (was ${formatEuro(before.profit)})`)
    else {
      if (before.profit !== after.profit) out.push(`Winst ${year}: ${formatEuro(before.profit)} → ${formatEuro(after.profit)}`)
      if (before.wiaWage !== after.wiaWage) out.push(`WIA-loon ${year}: ${formatEuro(before.wiaWage)} → ${formatEuro(after.wiaWage)}`)
    }
  }
  return out
}

/** Plain Dutch lines: what differs from the previous version, old → new (no names, only figures and choices). */
export function describeChanges(previous: VersionContent | null, current: VersionContent): string[] {
  if (!previous) return ['Eerste adviesversie.']
  const lines: string[] = []
  const a = previous.clientCase
  const b = current.clientCase
  if (a.scenario !== b.scenario) lines.push(`Wetsvoorstel: ${previous.result.scenarioLabel} → ${current.result.scenarioLabel}`)
  if (a.calculationYear !== b.calculationYear) lines.push(`Rekenjaar: ${a.calculationYear} → ${b.calculationYear}`)
  if (previous.chosenOption !== current.chosenOption) {
    const label = (r: AdviceResult, id: OptionId) => r.options.find((o) => o.id === id)?.label ?? id
    lines.push(`Gekozen optie: ${label(previous.result, previous.chosenOption)} → ${label(current.result, current.chosenOption)}`)
  }
  if (a.client.birthDate !== b.client.birthDate) lines.push(`Geboortedatum: ${formatDate(a.client.birthDate)} → ${formatDate(b.client.birthDate)}`)
  if (a.client.role !== b.client.role) lines.push(`Rol: ${a.client.role} → ${b.client.role}`)
  lines.push(...incomeChanges(a.income, b.income))
  lines.push(...policyChanges('Bestaande AOV', a.existingPolicy ?? null, b.existingPolicy ?? null))
  lines.push(...policyChanges('Offerte private AOV', a.privateQuote ?? null, b.privateQuote ?? null))
  const pa = a.assumptions
  const pb = b.assumptions
  if (pa.premiumRate !== pb.premiumRate) lines.push(`Premiepercentage: ${pa.premiumRate === null ? 'volgens wetsvoorstel' : formatPercent(pa.premiumRate)} → ${pb.premiumRate === null ? 'volgens wetsvoorstel' : formatPercent(pb.premiumRate)}`)
  if (pa.wmlIndexation !== pb.wmlIndexation) lines.push(`Indexatie WML: ${formatPercent(pa.wmlIndexation)} → ${formatPercent(pb.wmlIndexation)}`)
  if (pa.profitGrowth !== pb.profitGrowth) lines.push(`Winstgroei: ${formatPercent(pa.profitGrowth)} → ${formatPercent(pb.profitGrowth)}`)
  if (pa.marginalTaxRate !== pb.marginalTaxRate) lines.push(`Marginaal belastingtarief: ${formatPercent(pa.marginalTaxRate)} → ${formatPercent(pb.marginalTaxRate)}`)
  if (pa.broodfondsMonthly !== pb.broodfondsMonthly) lines.push(`Broodfonds per maand: ${formatEuro(pa.broodfondsMonthly)} → ${formatEuro(pb.broodfondsMonthly)}`)
  if (a.disability.age !== b.disability.age) lines.push(`Illustratie, arbeidsongeschikt vanaf leeftijd: ${a.disability.age} → ${b.disability.age}`)
  if (a.disability.degree !== b.disability.degree) lines.push(`Illustratie, mate van arbeidsongeschiktheid: ${formatPercent(a.disability.degree)} → ${formatPercent(b.disability.degree)}`)
  const baz = (r: AdviceResult) => r.options.find((o) => o.id === 'baz')?.premium.annual
  const before = baz(previous.result)
  const after = baz(current.result)
  if (before !== undefined && after !== undefined && before !== after) lines.push(`Baz-premie per jaar: ${formatEuro(before)} → ${formatEuro(after)}`)
  const known = lines.length
  if (previous.motivation !== undefined && current.motivation !== undefined && previous.motivation !== current.motivation) lines.push('Toelichting gewijzigd')
  if (known === 0 && lines.length === 0) lines.push('Geen wijziging in de berekening.')
  return lines
}
