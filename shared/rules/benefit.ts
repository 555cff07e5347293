/**
 * Baz benefit.
 * MKB-2024 (De hoogte van de uitkering): "gebaseerd op wat de zelfstandige in het jaar
 * voorafgaand aan het intreden van de ziekte aan winst heeft genoten ... Als dat een hoger
 * uitkeringsbedrag oplevert, wordt de uitkering gebaseerd op het gemiddelde aan winst van de drie
 * jaren voorafgaand aan de eerste ziektedag. De uitkering bedraagt bij volledige
 * arbeidsongeschiktheid maximaal 70% van 143% van het minimumloon ... Als iemand gedeeltelijk
 * arbeidsongeschikt is, is de uitkering navenant minder."
 * MKB-2024 (Verrekening): "inkomsten ... worden voor 70% verrekend met de uitkering."
 */
import type Decimal from 'decimal.js'
import { Money, maxMoney, minMoney, roundCents, zero } from '../money'
import type { PartialBenefitRule, WiaClass } from '../parameters/scenarios'
import type { Explanation } from '../schema/result'
import type { RuleContext } from './context'
import { refs } from './explain'
import { franchiseLimit } from './premium'

export interface BenefitBase {
  illnessYear: number
  priorYearProfit: Decimal
  average: Decimal
  /** Before cap and franchise. */
  uncapped: Decimal
  base: Decimal
  explanation: Explanation
}

/**
 * The benefit base for a first day of illness in `illnessYear`: max(prior year, average of the
 * prior years), negative as 0, capped at the maximum base of the illness year, then the franchise.
 */
export function benefitBase(context: RuleContext, illnessYear: number, id: string): BenefitBase {
  const { parameters } = context
  const years = parameters.averagingYears.value
  const prior = context.years.income(illnessYear - 1)
  const priorYears = Array.from({ length: years }, (_, index) => context.years.income(illnessYear - 1 - index))
  const entered = priorYears.filter((income) => income.origin !== 'before-first-entry')
  // Years before the first entered year are unknown, not zero: the average runs over the known years.
  const averageOver = entered.length > 0 ? entered : [prior]
  const average = averageOver.reduce((sum, income) => sum.plus(income.profit), zero).dividedBy(averageOver.length).toDecimalPlaces(2)
  const uncapped = maxMoney(zero, maxMoney(prior.profit, average))
  const wml = context.years.wml(illnessYear)
  const franchise = franchiseLimit(context, wml.cap, prior.wiaWage)
  const base = minMoney(uncapped, franchise.limit)
  const usesAverage = average.greaterThan(prior.profit)
  const { say, f } = context.texts
  const baseText = (): string => {
    const parts = [
      say('trace.benefitBase.prior', { year: illnessYear - 1, profit: prior.profit }),
      say('trace.benefitBase.average', { years: averageOver.map((income) => income.year).join(', '), average }),
      say('trace.benefitBase.highest', { average: usesAverage }),
    ]
    if (uncapped.greaterThan(base)) {
      parts.push(franchise.applied ? say('trace.franchise', { cap: wml.cap, wiaWage: prior.wiaWage, limit: franchise.limit }) : say('trace.cappedAt', { cap: wml.cap }))
    }
    return `${parts.join('; ')} = ${f.euro(base)}`
  }
  const projected = priorYears.some((income) => income.origin !== 'entered')
  const explanation = context.trace.money(
    id,
    () => say('trace.benefitBase.label', { year: illnessYear }),
    base,
    baseText,
    refs({ source: 'MKB-2024', locator: 'De hoogte van de uitkering' }, parameters.averagingYears.cite, franchise.applied ? parameters.franchise.cite : undefined),
    [wml.capExplanation()],
    projected || franchise.applied,
  )
  return { illnessYear, priorYearProfit: prior.profit, average, uncapped, base, explanation }
}

/** WIA-like benefit share of income for a degree (the version's WIA class table): none below its lowest class. */
export function wiaClassShare(classes: readonly WiaClass[], degree: number): Decimal {
  const row = classes.find((candidate) => degree >= Number(candidate.from))
  return row ? new Money(row.share) : zero
}

export interface PublicBenefit {
  /** Yearly benefit at full disability: 70 % of the base. */
  annualAtFull: Decimal
  /** Yearly benefit for the illustration's degree, after the earnings offset. */
  annual: Decimal
  explanation: Explanation
}

function partialShareText(context: RuleContext, rule: PartialBenefitRule, fullFrom: string): string {
  const { say } = context.texts
  switch (rule) {
    case 'proportional':
      return say('trace.benefit.rule.proportional')
    case 'wia-classes':
      return say('trace.benefit.rule.wiaClasses')
    case 'full-only':
      return say('trace.benefit.rule.fullOnly', { fullFrom })
  }
}

/** The yearly public benefit for a base, a degree and earnings next to the benefit. */
export function publicBenefit(context: RuleContext, base: BenefitBase, degree: number, earnings: Decimal, id: string): PublicBenefit {
  const { parameters } = context
  const { say, f } = context.texts
  const annualAtFull = roundCents(base.base.times(context.benefitPercentage))
  const rule = parameters.partialBenefit.value
  const threshold = Number(parameters.incomeLossThreshold.value)
  let gross: Decimal
  let how: () => string
  // One decision: the partial-benefit rule (the absolute criterion comes with 'full-only', checked
  // in the parameter tests, and an override that contradicts it is refused when the case is read).
  if (rule === 'full-only') {
    const full = degree >= Number(parameters.fullDisabilityFrom.value)
    gross = full ? annualAtFull : zero
    how = full
      ? () => say('trace.benefit.full', { degree, percentage: context.benefitPercentage, base: base.base })
      : parameters.criterion.value === 'absolute-wml'
        ? () => say('trace.benefit.absoluteNone', { degree })
        : () => say('trace.benefit.fullOnlyNone', { degree, fullFrom: parameters.fullDisabilityFrom.value })
  } else if (degree < threshold) {
    gross = zero
    how = () => say('trace.benefit.belowThreshold', { degree, threshold })
  } else if (rule === 'wia-classes') {
    const share = wiaClassShare(parameters.wiaClasses.value, degree)
    gross = roundCents(base.base.times(share))
    how = () => say('trace.benefit.wiaClass', { degree, share, base: base.base })
  } else {
    gross = roundCents(annualAtFull.times(degree))
    how = () => say('trace.benefit.proportional', { degree, percentage: context.benefitPercentage, base: base.base })
  }
  const offset = roundCents(earnings.times(context.earningsOffset))
  const annual = maxMoney(zero, gross.minus(offset))
  const offsetText = (): string => (offset.isZero() ? '' : say('trace.benefit.offset', { share: context.earningsOffset, earnings, offset }))
  const explanation = context.trace.money(
    id,
    () => say('trace.benefit.label'),
    annual,
    () => `${how()}${offsetText()} = ${f.euro(annual)} (${partialShareText(context, rule, parameters.fullDisabilityFrom.value)})`,
    refs(
      parameters.benefitPercentage.cite,
      parameters.partialBenefit.cite,
      parameters.criterion.cite,
      rule === 'wia-classes' ? parameters.wiaClasses.cite : rule === 'full-only' ? parameters.fullDisabilityFrom.cite : undefined,
      offset.isZero() ? undefined : parameters.earningsOffset.cite,
    ),
    [base.explanation],
    parameters.partialBenefit.uncertain !== undefined || parameters.criterion.uncertain !== undefined,
  )
  return { annualAtFull, annual, explanation }
}
