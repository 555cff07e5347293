/**
 * The adviser's recommendation as stored in an immutable advice version: the chosen option and
 * the motivation, as one JSON text (so both are covered by the version's content hash), and the
 * short "what changed" lines shown in the list of earlier versions.
 */
import { z } from 'zod'
import { formatEuro, formatPercent } from '../../shared/format'
import { optionIds, type AdviceResult, type OptionId } from '../../shared/schema/result'
import type { ClientCase } from '../../shared/schema/case'

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
}

/** Plain Dutch lines: what differs from the previous version (no names, only figures and choices). */
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
  if (JSON.stringify(a.income) !== JSON.stringify(b.income)) lines.push('Inkomensgegevens gewijzigd')
  if (JSON.stringify(a.existingPolicy) !== JSON.stringify(b.existingPolicy)) lines.push('Bestaande AOV gewijzigd')
  if (JSON.stringify(a.privateQuote) !== JSON.stringify(b.privateQuote)) lines.push('Offerte private AOV gewijzigd')
  const pa = a.assumptions
  const pb = b.assumptions
  if (pa.premiumRate !== pb.premiumRate) lines.push(`Premiepercentage: ${pa.premiumRate === null ? 'volgens wetsvoorstel' : formatPercent(pa.premiumRate)} → ${pb.premiumRate === null ? 'volgens wetsvoorstel' : formatPercent(pb.premiumRate)}`)
  if (pa.wmlIndexation !== pb.wmlIndexation) lines.push(`Indexatie WML: ${formatPercent(pa.wmlIndexation)} → ${formatPercent(pb.wmlIndexation)}`)
  if (pa.profitGrowth !== pb.profitGrowth) lines.push(`Winstgroei: ${formatPercent(pa.profitGrowth)} → ${formatPercent(pb.profitGrowth)}`)
  if (pa.marginalTaxRate !== pb.marginalTaxRate) lines.push(`Marginaal belastingtarief: ${formatPercent(pa.marginalTaxRate)} → ${formatPercent(pb.marginalTaxRate)}`)
  if (JSON.stringify(a.disability) !== JSON.stringify(b.disability)) lines.push('Illustratie arbeidsongeschiktheid gewijzigd')
  const baz = (r: AdviceResult) => r.options.find((o) => o.id === 'baz')?.premium.annual
  const before = baz(previous.result)
  const after = baz(current.result)
  if (before !== undefined && after !== undefined && before !== after) lines.push(`Baz-premie per jaar: ${formatEuro(before)} → ${formatEuro(after)}`)
  return lines.length ? lines : ['Geen inhoudelijke wijziging; alleen de toelichting.']
}
