/**
 * Vangnet's suggestion: which option leaves the household the least uncovered shortfall until the
 * AOW date if the client becomes disabled as in the illustration, and, among equals, costs the
 * least net until then. The adviser confirms it or chooses another with a reason (the deviation
 * statement); the suggestion only orders the facts the rules computed.
 *
 * Without the household's need (or without the tax rate on benefits) the shortfall is unknown; the
 * ranking then uses the yearly benefit in the illustration instead, and says so.
 */
import { optionName } from '../charts/option-names'
import { formatEuro, type Language } from '../format'
import type { ClientCase } from '../schema/case'
import type { OptionResult, Suggestion } from '../schema/result'

const texts = {
  nl: {
    leastUncovered: (amount: string) => `Als u arbeidsongeschikt wordt zoals in het voorbeeld, blijft met deze keuze ${amount} van uw netto behoefte tot de AOW-datum ongedekt: het minst van de mogelijkheden.`,
    noUncovered: 'Als u arbeidsongeschikt wordt zoals in het voorbeeld, dekt deze keuze samen met uw buffer, broodfonds en het inkomen dat doorloopt uw netto behoefte tot de AOW-datum.',
    highestBenefit: (amount: string) => `Deze keuze geeft in het voorbeeld de hoogste uitkering: ${amount} per jaar. Het netto tekort is niet berekend: de netto maandbehoefte of het belastingtarief op uitkeringen ontbreekt.`,
    cost: (total: string, annual: string) => `De premie tot de AOW-datum is netto ${total} (${annual} per jaar nu).`,
    cheapestToo: 'Het is ook de goedkoopste van de mogelijkheden met de minste dekkingsgaten.',
    riskLow: 'U wilt weinig risico lopen: deze keuze laat het kleinste gat in uw inkomen.',
    riskMedium: 'U wilt een redelijk vangnet tegen redelijke kosten: deze keuze weegt het gat in uw inkomen en de premie het best af.',
    riskHigh: 'U accepteert meer risico; kijk daarom vooral naar het verschil in premie met de andere mogelijkheden hieronder.',
    goals: (goals: string) => `Uw doel: "${goals}".`,
    policyEnds: (option: string) => `Let op: bij ${option} stopt de private dekking vóór de AOW-datum; de maanden daarna zijn in het tekort meegeteld.`,
    moreUncovered: (more: string, amount: string) => `laat ${more} meer ongedekt tot de AOW-datum (${amount} in totaal).`,
    costlier: (more: string) => `laat hetzelfde tekort, maar kost tot de AOW-datum ${more} meer netto premie.`,
    lowerBenefit: (amount: string) => `geeft in het voorbeeld een lagere uitkering (${amount} per jaar).`,
    lessUncovered: (less: string, amount: string) => `laat ${less} minder ongedekt tot de AOW-datum (${amount} in totaal), maar is niet gekozen: zie de reden van de adviseur.`,
    cheaper: (less: string) => `laat hetzelfde tekort en kost tot de AOW-datum ${less} minder netto premie, maar is niet gekozen: zie de reden van de adviseur.`,
    higherBenefit: (amount: string) => `geeft in het voorbeeld een hogere uitkering (${amount} per jaar), maar is niet gekozen: zie de reden van de adviseur.`,
    notAvailable: (reason: string) => `niet mogelijk: ${reason}`,
  },
  en: {
    leastUncovered: (amount: string) => `If you become disabled as in the illustration, this choice leaves ${amount} of your net need uncovered until your state pension (AOW) date: the least of the options.`,
    noUncovered: 'If you become disabled as in the illustration, this choice, together with your buffer, broodfonds and the income that continues, covers your net need until your state pension (AOW) date.',
    highestBenefit: (amount: string) => `In the illustration this choice pays the highest benefit: ${amount} a year. The net shortfall was not computed: the net monthly need or the tax rate on benefits is missing.`,
    cost: (total: string, annual: string) => `The premium until the AOW date is ${total} net (${annual} a year now).`,
    cheapestToo: 'It is also the cheapest of the options with the fewest gaps in cover.',
    riskLow: 'You want to run little risk: this choice leaves the smallest gap in your income.',
    riskMedium: 'You want a reasonable safety net at a reasonable cost: this choice balances the gap in your income and the premium best.',
    riskHigh: 'You accept more risk; so look mainly at the difference in premium with the other options below.',
    goals: (goals: string) => `Your goal: "${goals}".`,
    policyEnds: (option: string) => `Note: with ${option} the private cover stops before the AOW date; the months after it are counted in the shortfall.`,
    moreUncovered: (more: string, amount: string) => `leaves ${more} more uncovered until the AOW date (${amount} in all).`,
    costlier: (more: string) => `leaves the same shortfall, but costs ${more} more in net premium until the AOW date.`,
    lowerBenefit: (amount: string) => `pays a lower benefit in the illustration (${amount} a year).`,
    lessUncovered: (less: string, amount: string) => `leaves ${less} less uncovered until the AOW date (${amount} in all), but was not chosen: see the adviser's reason.`,
    cheaper: (less: string) => `leaves the same shortfall and costs ${less} less in net premium until the AOW date, but was not chosen: see the adviser's reason.`,
    higherBenefit: (amount: string) => `pays a higher benefit in the illustration (${amount} a year), but was not chosen: see the adviser's reason.`,
    notAvailable: (reason: string) => `not possible: ${reason}`,
  },
} as const

/** An option the client can take out: available, and computed (not lacking its input). */
function candidates(options: readonly OptionResult[]): OptionResult[] {
  return options.filter((option) => option.available && option.projection.length > 0)
}

const uncoveredOf = (option: OptionResult) => option.incomePicture?.uncoveredUntilAow ?? null
const cents = (value: number) => Math.round(value * 100)

/**
 * Why each other option is not the chosen one, measured against the chosen option the same way the
 * suggestion ranks (uncovered shortfall, then net premium): for Vangnet's suggestion and for an
 * adviser's different choice alike.
 */
export function whyNotOthers(chosenId: OptionResult['id'], options: readonly OptionResult[], language: Language = 'nl'): Suggestion['notChosen'] {
  const t = texts[language]
  const pool = candidates(options)
  const chosen = options.find((option) => option.id === chosenId)
  const byShortfall = pool.every((option) => uncoveredOf(option) !== null) && chosen !== undefined && uncoveredOf(chosen) !== null
  const primary = (option: OptionResult) => (byShortfall ? cents(uncoveredOf(option)!) : -cents(option.benefit.annualForIllustration))
  return options
    .filter((option) => option.id !== chosenId)
    .map((option) => {
      if (!pool.includes(option) || !chosen) return { optionId: option.id, reason: t.notAvailable(option.reasons.join(' ')) }
      const difference = primary(option) - primary(chosen)
      const premiumDifference = cents(option.totals.netPremium) - cents(chosen.totals.netPremium)
      if (byShortfall && difference > 0) return { optionId: option.id, reason: t.moreUncovered(formatEuro(difference / 100, language), formatEuro(uncoveredOf(option)!, language)) }
      if (byShortfall && difference < 0) return { optionId: option.id, reason: t.lessUncovered(formatEuro(-difference / 100, language), formatEuro(uncoveredOf(option)!, language)) }
      if (!byShortfall && difference > 0) return { optionId: option.id, reason: t.lowerBenefit(formatEuro(option.benefit.annualForIllustration, language)) }
      if (!byShortfall && difference < 0) return { optionId: option.id, reason: t.higherBenefit(formatEuro(option.benefit.annualForIllustration, language)) }
      if (premiumDifference < 0) return { optionId: option.id, reason: t.cheaper(formatEuro(-premiumDifference / 100, language)) }
      return { optionId: option.id, reason: t.costlier(formatEuro(premiumDifference / 100, language)) }
    })
}

export function suggestOption(clientCase: ClientCase, options: readonly OptionResult[], language: Language = 'nl'): Suggestion | null {
  const t = texts[language]
  const pool = candidates(options)
  if (pool.length === 0) return null
  const byShortfall = pool.every((option) => uncoveredOf(option) !== null)
  // Whole cents: exact comparisons of amounts the rules rounded already.
  const primary = (option: OptionResult) => (byShortfall ? cents(uncoveredOf(option)!) : -cents(option.benefit.annualForIllustration))
  const ranked = [...pool].sort((a, b) => primary(a) - primary(b) || cents(a.totals.netPremium) - cents(b.totals.netPremium))
  const best = ranked[0]!
  const name = (option: OptionResult) => optionName(option, language)

  const reasons: string[] = []
  if (byShortfall) {
    const uncovered = uncoveredOf(best)!
    reasons.push(uncovered > 0 ? t.leastUncovered(formatEuro(uncovered, language)) : t.noUncovered)
  } else {
    reasons.push(t.highestBenefit(formatEuro(best.benefit.annualForIllustration, language)))
  }
  reasons.push(t.cost(formatEuro(best.totals.netPremium, language), formatEuro(best.premium.netAnnual, language)))
  const equals = ranked.filter((option) => primary(option) === primary(best))
  if (equals.length === 1 && ranked.length > 1 && ranked.every((option) => cents(option.totals.netPremium) >= cents(best.totals.netPremium))) reasons.push(t.cheapestToo)
  const profile = clientCase.profile
  if (profile) {
    reasons.push(profile.riskAppetite === 'laag' ? t.riskLow : profile.riskAppetite === 'hoog' ? t.riskHigh : t.riskMedium)
    if (profile.goals.trim()) reasons.push(t.goals(profile.goals.trim()))
  }
  if (best.incomePicture?.policyEnds) reasons.push(t.policyEnds(name(best)))

  return { optionId: best.id, reasons, notChosen: whyNotOthers(best.id, options, language) }
}
