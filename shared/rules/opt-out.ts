/**
 * The opt-out test and transitional law.
 * MKB-2024 (De opt-out): the private policy must be at least equal to the public insurance:
 * "een arbeidsongeschiktheidsdrempel van niet hoger dan 35%; een wachttijd van niet langer dan één
 * jaar; uitgangspunt is dat de verzekering tot de AOW-gerechtigde leeftijd blijft gelden; geen
 * medische uitsluitingen ...; recht op een uitkering die qua hoogte ten minste gelijk is aan de
 * uitkering die de publieke verzekering zou bieden" and "een premie die ten minste gelijk is aan
 * de publieke verzekering" (also KB-2021 §3.2).
 * Transitional law (MKB-2024 Overgangsrecht; RADI-2024 q17): for policies running on a peildatum,
 * "onder nader te bepalen voorwaarden": the peildatum and the relaxed conditions are parameters.
 */
import type Decimal from 'decimal.js'
import { formatDate } from '../format'
import { Money } from '../money'
import type { Citation } from '../parameters/types'
import type { OptOutConditionId, PrivatePolicy } from '../schema/case'
import type { Condition } from '../schema/result'
import type { AowDate } from './aow'
import type { RuleContext } from './context'
import { euro, refs } from './explain'

function waitingText(days: number): string {
  if (days % 365 === 0 && days > 0) return days === 365 ? '1 jaar' : `${days / 365} jaar`
  if (days % 7 === 0 && days >= 28) return `${days / 7} weken`
  return `${days} dagen`
}

export interface OptOutInputs {
  policy: PrivatePolicy
  aow: AowDate
  /** Baz benefit per year at full disability for the calculation year. */
  bazAnnualAtFull: Decimal
  /** Baz premium for the calculation year. */
  bazPremium: Decimal
  /** Private premium including the stabiliteitsbijdrage. */
  privatePremiumTotal: Decimal
}

/** The six conditions of the contract (ids fixed), each with a plain Dutch explanation. */
export function optOutConditions(context: RuleContext, inputs: OptOutInputs): Condition[] {
  const { parameters } = context
  const { policy, aow } = inputs
  const maxThreshold = parameters.optOutMaxThresholdPercent.value
  const maxWaiting = parameters.optOutMaxWaitingDays.value
  const aowAgeText = aow.months ? `${aow.years} jaar en ${aow.months} maanden` : `${aow.years} jaar`
  const endsAtAow = policy.endAge === 'aow' || policy.endAge * 12 >= aow.years * 12 + aow.months
  const insured = new Money(policy.insuredAmount)
  const opt = (id: string, passed: boolean, explanation: string, citation: Citation = { source: 'MKB-2024', locator: 'De opt-out (de uitstapmogelijkheid)' }): Condition => ({
    id,
    passed,
    explanation,
    sources: refs(citation),
  })
  return [
    opt(
      'threshold',
      policy.disabilityThresholdPercent <= maxThreshold,
      policy.disabilityThresholdPercent <= maxThreshold
        ? `arbeidsongeschiktheidsdrempel ${policy.disabilityThresholdPercent} % is niet hoger dan toegestaan (max. ${maxThreshold} %)`
        : `arbeidsongeschiktheidsdrempel ${policy.disabilityThresholdPercent} % is hoger dan toegestaan (max. ${maxThreshold} %)`,
    ),
    {
      ...opt(
        'waiting-period',
        policy.waitingDays <= maxWaiting,
        policy.waitingDays <= maxWaiting
          ? `eigen risico ${waitingText(policy.waitingDays)} is niet langer dan toegestaan (max. ${waitingText(maxWaiting)})`
          : `eigen risico ${waitingText(policy.waitingDays)} is langer dan toegestaan (max. ${waitingText(maxWaiting)})`,
      ),
      sources: refs({ source: 'MKB-2024', locator: 'De opt-out: wachttijd niet langer dan één jaar' }, parameters.optOutMaxWaitingDays.cite),
    },
    opt(
      'end-age',
      endsAtAow,
      endsAtAow
        ? `dekking loopt tot de AOW-leeftijd (${aowAgeText})`
        : `dekking eindigt op ${policy.endAge} jaar, vóór de AOW-leeftijd van ${aowAgeText}`,
    ),
    opt(
      'medical-exclusions',
      !policy.medicalExclusions,
      policy.medicalExclusions ? 'de polis heeft medische uitsluitingen; die zijn niet toegestaan' : 'geen medische uitsluitingen',
    ),
    opt(
      'benefit-level',
      insured.greaterThanOrEqualTo(inputs.bazAnnualAtFull),
      insured.greaterThanOrEqualTo(inputs.bazAnnualAtFull)
        ? `verzekerde uitkering ${euro(insured)} per jaar is minstens de Baz-uitkering van ${euro(inputs.bazAnnualAtFull)}`
        : `verzekerde uitkering ${euro(insured)} per jaar is lager dan de Baz-uitkering van ${euro(inputs.bazAnnualAtFull)}`,
    ),
    opt(
      'premium-level',
      inputs.privatePremiumTotal.greaterThanOrEqualTo(inputs.bazPremium),
      inputs.privatePremiumTotal.greaterThanOrEqualTo(inputs.bazPremium)
        ? `premie ${euro(inputs.privatePremiumTotal)} per jaar is minstens de Baz-premie van ${euro(inputs.bazPremium)}`
        : `premie ${euro(inputs.privatePremiumTotal)} per jaar is lager dan de Baz-premie van ${euro(inputs.bazPremium)}`,
      { source: 'KB-2021', locator: '§3.2: "tegen ten minste dezelfde premie"' },
    ),
  ]
}

/**
 * The peildatum used: the adviser's, else the bill version's, else 1 January of the year the law
 * starts (printed assumption). A calculation year before the planned start computes "as if the
 * law applied in that year", so the law then starts on 1 January of the calculation year.
 */
export function transitionalPeildatum(context: RuleContext): { date: string; assumed: boolean } {
  const own = context.clientCase.assumptions.transitionalPeildatum ?? context.parameters.transitionalPeildatum.value
  if (own) return { date: own, assumed: false }
  return { date: `${Math.min(context.parameters.startYear.value, context.clientCase.calculationYear)}-01-01`, assumed: true }
}

/** Transitional law: in force on the peildatum, and the opt-out conditions minus the relaxed ones. */
export function transitionalConditions(context: RuleContext, inputs: OptOutInputs): Condition[] {
  const relaxed = new Set<OptOutConditionId>(context.clientCase.assumptions.transitionalRelaxed)
  const peildatum = transitionalPeildatum(context)
  const inForce = inputs.policy.startDate <= peildatum.date
  const conditions: Condition[] = [
    {
      id: 'in-force-on-peildatum',
      passed: inForce,
      explanation: inForce
        ? `de polis liep al op de peildatum ${formatDate(peildatum.date)}${peildatum.assumed ? ' (aangenomen peildatum)' : ''} (ingangsdatum ${formatDate(inputs.policy.startDate)})`
        : `de polis is ingegaan op ${formatDate(inputs.policy.startDate)}, na de peildatum ${formatDate(peildatum.date)}${peildatum.assumed ? ' (aangenomen peildatum)' : ''}`,
      sources: refs({ source: 'MKB-2024', locator: 'Overgangsrecht' }, context.parameters.transitionalPeildatum.cite),
    },
  ]
  for (const condition of optOutConditions(context, inputs)) {
    if (relaxed.has(condition.id as OptOutConditionId) && !condition.passed) {
      conditions.push({ ...condition, passed: true, relaxed: true, explanation: `${condition.explanation} — versoepeld onder het overgangsrecht (aanname adviseur)` })
    } else {
      conditions.push(relaxed.has(condition.id as OptOutConditionId) ? { ...condition, relaxed: true } : condition)
    }
  }
  return conditions
}
