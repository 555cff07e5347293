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
import { euro, percent, refs } from './explain'
import { incomeForYear } from './income'
import { franchiseLimit } from './premium'
import { wmlForYear } from './wml'

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
  const prior = incomeForYear(context, illnessYear - 1)
  const priorYears = Array.from({ length: years }, (_, index) => incomeForYear(context, illnessYear - 1 - index))
  const entered = priorYears.filter((income) => income.origin !== 'before-first-entry')
  // Years before the first entered year are unknown, not zero: the average runs over the known years.
  const averageOver = entered.length > 0 ? entered : [prior]
  const average = averageOver.reduce((sum, income) => sum.plus(income.profit), zero).dividedBy(averageOver.length).toDecimalPlaces(2)
  const uncapped = maxMoney(zero, maxMoney(prior.profit, average))
  const wml = wmlForYear(context, illnessYear)
  const franchise = franchiseLimit(context, wml.cap, prior.wiaWage)
  const base = minMoney(uncapped, franchise.limit)
  const usesAverage = average.greaterThan(prior.profit)
  const baseText = (): string => {
    const parts = [
      `winst ${illnessYear - 1} ${euro(prior.profit)}`,
      `gemiddelde ${averageOver.map((income) => income.year).join(', ')} ${euro(average)}`,
      `hoogste: ${usesAverage ? 'het gemiddelde' : 'het jaar ervoor'}`,
    ]
    if (uncapped.greaterThan(base)) {
      parts.push(franchise.applied ? `franchise: maximaal ${euro(wml.cap)} − WIA-loon ${euro(prior.wiaWage)} = ${euro(franchise.limit)}` : `gemaximeerd op ${euro(wml.cap)}`)
    }
    return `${parts.join('; ')} = ${euro(base)}`
  }
  const projected = priorYears.some((income) => income.origin !== 'entered')
  const explanation = context.trace.money(
    id,
    `Uitkeringsgrondslag (eerste ziektedag in ${illnessYear})`,
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

function partialShareText(rule: PartialBenefitRule, fullFrom: string): string {
  switch (rule) {
    case 'proportional':
      return 'evenredig met de mate van arbeidsongeschiktheid'
    case 'wia-classes':
      return 'volgens de WIA-klassentabel (RADI-2024 vraag 12)'
    case 'full-only':
      return `alleen bij volledige arbeidsongeschiktheid (${percent(fullFrom)} of meer)`
  }
}

/** The yearly public benefit for a base, a degree and earnings next to the benefit. */
export function publicBenefit(context: RuleContext, base: BenefitBase, degree: number, earnings: Decimal, id: string): PublicBenefit {
  const { parameters } = context
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
      ? () => `volledig arbeidsongeschikt (${percent(degree)}): ${percent(context.benefitPercentage)} × ${euro(base.base)}`
      : parameters.criterion.value === 'absolute-wml'
        ? () => `${percent(degree)} arbeidsongeschikt: onder het absolute criterium geen uitkering zolang de klant het minimumloon nog kan verdienen`
        : () => `${percent(degree)} arbeidsongeschikt: alleen bij volledige arbeidsongeschiktheid (${percent(parameters.fullDisabilityFrom.value)} of meer) een uitkering`
  } else if (degree < threshold) {
    gross = zero
    how = () => `${percent(degree)} arbeidsongeschikt is minder dan de drempel van ${percent(threshold)}: geen uitkering`
  } else if (rule === 'wia-classes') {
    const share = wiaClassShare(parameters.wiaClasses.value, degree)
    gross = roundCents(base.base.times(share))
    how = () => `${percent(degree)} arbeidsongeschikt: ${percent(share)} × ${euro(base.base)} (WIA-klasse)`
  } else {
    gross = roundCents(annualAtFull.times(degree))
    how = () => `${percent(degree)} × ${percent(context.benefitPercentage)} × ${euro(base.base)}`
  }
  const offset = roundCents(earnings.times(context.earningsOffset))
  const annual = maxMoney(zero, gross.minus(offset))
  const offsetText = (): string => (offset.isZero() ? '' : `; min ${percent(context.earningsOffset)} × inkomsten naast de uitkering ${euro(earnings)} = ${euro(offset)}`)
  const explanation = context.trace.money(
    id,
    'Baz-uitkering per jaar',
    annual,
    () => `${how()}${offsetText()} = ${euro(annual)} (${partialShareText(rule, parameters.fullDisabilityFrom.value)})`,
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
