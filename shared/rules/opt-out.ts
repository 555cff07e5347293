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
import { Money } from '../money'
import type { Citation } from '../parameters/types'
import type { OptOutConditionId, PrivatePolicy } from '../schema/case'
import type { Condition } from '../schema/result'
import type { AowDate } from './aow'
import type { RuleContext } from './context'
import { refs } from './explain'


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

/** The six conditions of the contract (ids fixed), each with a plain explanation in the calculation's language. */
export function optOutConditions(context: RuleContext, inputs: OptOutInputs): Condition[] {
  const { parameters } = context
  const { say } = context.texts
  const { policy, aow } = inputs
  const maxThreshold = parameters.optOutMaxThresholdPercent.value
  const maxWaiting = parameters.optOutMaxWaitingDays.value
  const aowAgeText = say('condition.aowAge', { years: aow.years, months: aow.months })
  const waitingText = (days: number) => say('condition.waiting', { days })
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
      say('condition.threshold', { passed: policy.disabilityThresholdPercent <= maxThreshold, threshold: policy.disabilityThresholdPercent, max: maxThreshold }),
    ),
    {
      ...opt(
        'waiting-period',
        policy.waitingDays <= maxWaiting,
        say('condition.waitingPeriod', { passed: policy.waitingDays <= maxWaiting, waiting: waitingText(policy.waitingDays), max: waitingText(maxWaiting) }),
      ),
      sources: refs({ source: 'MKB-2024', locator: 'De opt-out: wachttijd niet langer dan één jaar' }, parameters.optOutMaxWaitingDays.cite),
    },
    opt(
      'end-age',
      endsAtAow,
      endsAtAow || policy.endAge === 'aow' ? say('condition.endAge.passed', { aowAge: aowAgeText }) : say('condition.endAge.failed', { endAge: policy.endAge, aowAge: aowAgeText }),
    ),
    opt(
      'medical-exclusions',
      !policy.medicalExclusions,
      say('condition.medical', { passed: !policy.medicalExclusions }),
    ),
    opt(
      'benefit-level',
      insured.greaterThanOrEqualTo(inputs.bazAnnualAtFull),
      say('condition.benefit', { passed: insured.greaterThanOrEqualTo(inputs.bazAnnualAtFull), insured, baz: inputs.bazAnnualAtFull }),
    ),
    opt(
      'premium-level',
      inputs.privatePremiumTotal.greaterThanOrEqualTo(inputs.bazPremium),
      say('condition.premium', { passed: inputs.privatePremiumTotal.greaterThanOrEqualTo(inputs.bazPremium), premium: inputs.privatePremiumTotal, baz: inputs.bazPremium }),
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

/**
 * Transitional law: in force on the peildatum, and the opt-out conditions minus the relaxed ones.
 * `optOut` is the same policy's opt-out test when the comparison already made it (the opt-out with
 * the existing policy); its conditions are copied, not shared.
 */
export function transitionalConditions(context: RuleContext, inputs: OptOutInputs, optOut: readonly Condition[] = optOutConditions(context, inputs)): Condition[] {
  const relaxed = new Set<OptOutConditionId>(context.clientCase.assumptions.transitionalRelaxed)
  const peildatum = transitionalPeildatum(context)
  const inForce = inputs.policy.startDate <= peildatum.date
  const conditions: Condition[] = [
    {
      id: 'in-force-on-peildatum',
      passed: inForce,
      explanation: context.texts.say('condition.inForce', { passed: inForce, peildatum: peildatum.date, assumed: peildatum.assumed, start: inputs.policy.startDate }),
      sources: refs({ source: 'MKB-2024', locator: 'Overgangsrecht' }, context.parameters.transitionalPeildatum.cite),
    },
  ]
  for (const condition of optOut) {
    const copy = { ...condition, sources: [...condition.sources] }
    if (relaxed.has(condition.id as OptOutConditionId) && !condition.passed) {
      conditions.push({ ...copy, passed: true, relaxed: true, explanation: context.texts.say('condition.relaxed', { condition: condition.explanation }) })
    } else {
      conditions.push(relaxed.has(condition.id as OptOutConditionId) ? { ...copy, relaxed: true } : copy)
    }
  }
  return conditions
}
