/**
 * The illustration: the client disabled from the chosen age at the chosen degree. Which benefits
 * run for an option (the Baz after its waiting period, a private policy after its own), how much
 * per year and until when, the income gap before the first benefit and what a broodfonds bridges,
 * and the benefit paid in each calendar year of the projection.
 */
import type Decimal from 'decimal.js'
import { centsToEuros, Money, maxMoney, roundCents, toEuros, toWholeCents, zero } from '../money'
import type { Illustration } from '../schema/result'
import { addDays, daysBetween, minDate, yearOf } from './dates'
import { policyEndDate, type OptionPlan, type Shared } from './option-plan'
import { privateAnnualBenefit } from './private-aov'

const twelve = new Money(12)

export interface Component {
  kind: 'baz' | 'private'
  from: string
  until: string
  annual: Decimal
}

export function components(shared: Shared, plan: OptionPlan): Component[] {
  const { context, disabledFrom, aow } = shared
  const { degree } = context.clientCase.disability
  const out: Component[] = []
  if (!illustrationApplies(shared)) return out
  if (plan.includesBaz && shared.insured.insured) {
    const from = addDays(disabledFrom, context.parameters.waitingDays.value)
    if (from < aow.date && shared.illnessBenefit.annual.greaterThan(0)) out.push({ kind: 'baz', from, until: aow.date, annual: shared.illnessBenefit.annual })
  }
  // A policy covers an illness that starts while it runs, not one that starts before it.
  if (plan.policy && disabledFrom >= plan.policy.startDate) {
    const from = addDays(disabledFrom, plan.policy.waitingDays)
    const until = policyEndDate(shared, plan.policy)
    const annual = privateAnnualBenefit(plan.policy, degree)
    if (from < until && annual.greaterThan(0)) out.push({ kind: 'private', from, until, annual })
  }
  return out
}

/**
 * The illustration fits the comparison when the first day of illness lies in or after the
 * calculation year and before the AOW date. Otherwise the options are compared all the same and
 * the illustration says why it does not apply: it never blocks the advice.
 */
export function illustrationApplies(shared: Shared): boolean {
  return shared.disabledFrom >= `${shared.calculationYear}-01-01` && shared.disabledFrom < shared.aow.date
}

export interface BenefitPart {
  fromDay: number
  untilDay: number
  annual: Decimal
  /** The yearly amount in whole cents (it is rounded to cents already). */
  annualCents: number
}

/**
 * The benefit paid in calendar year `year`, in euros: each component's yearly amount for the days
 * of the year it runs. Full years add whole cents; a part of a year is prorated in decimal.
 */
export function benefitInYear(parts: readonly BenefitPart[], year: number): number {
  const start = Date.UTC(year, 0, 1) / 86_400_000
  const end = Date.UTC(year + 1, 0, 1) / 86_400_000
  const daysInYear = end - start
  let fullYearCents = 0
  let prorated = zero
  for (const part of parts) {
    const days = Math.min(part.untilDay, end) - Math.max(part.fromDay, start)
    if (days <= 0) continue
    if (days === daysInYear) fullYearCents += part.annualCents
    else prorated = prorated.plus(part.annual.times(days).dividedBy(daysInYear))
  }
  return centsToEuros(fullYearCents + (prorated.isZero() ? 0 : toWholeCents(prorated)))
}

/** The income lost in a gap of whole days, and what a broodfonds bridges of it. */
export interface GapFigures {
  /** The gap in months (days × 12 / 365, one decimal). */
  months: Decimal
  /** The profit of the year of illness (not below 0) × the degree, for the days of the gap. */
  amount: Decimal
  broodfonds: Decimal
}

/** The same for every option with a gap of as many days: worked out once per calculation. */
function gapFigures(shared: Shared, gapDays: number): GapFigures {
  const known = shared.gaps.get(gapDays)
  if (known) return known
  const { context, disabledFrom } = shared
  const { assumptions, disability } = context.clientCase
  const months = new Money(gapDays).times(twelve).dividedBy(365).toDecimalPlaces(1)
  const lostIncomePerYear = maxMoney(zero, context.years.income(yearOf(disabledFrom)).profit).times(disability.degree)
  const amount = roundCents(lostIncomePerYear.times(gapDays).dividedBy(365))
  const broodfondsMonths = Money.min(months, assumptions.broodfondsMonths)
  const broodfonds = Money.min(amount, roundCents(new Money(assumptions.broodfondsMonthly).times(broodfondsMonths)))
  const figures = { months, amount, broodfonds }
  shared.gaps.set(gapDays, figures)
  return figures
}

export function illustrate(shared: Shared, plan: OptionPlan, parts: Component[]): Illustration {
  const { context, disabledFrom, aow } = shared
  const { degree } = context.clientCase.disability
  const { say } = context.texts
  const notes: string[] = []
  const benefitFrom = parts.length ? parts.map((part) => part.from).sort()[0]! : null
  const benefitUntil = parts.length ? parts.map((part) => part.until).sort().at(-1)! : null
  const publicAnnual = parts.filter((part) => part.kind === 'baz').reduce((sum, part) => sum.plus(part.annual), zero)
  const privateAnnual = parts.filter((part) => part.kind === 'private').reduce((sum, part) => sum.plus(part.annual), zero)
  const annual = publicAnnual.plus(privateAnnual)
  // The gap is the waiting period: from the first day of illness until the first benefit, or,
  // when no benefit follows at this degree, until the shortest waiting period of the option ends.
  const waitingPeriods = [
    ...(plan.includesBaz && shared.insured.insured ? [context.parameters.waitingDays.value] : []),
    ...(plan.policy ? [plan.policy.waitingDays] : []),
  ]
  const waitingEnd = waitingPeriods.length ? addDays(disabledFrom, Math.min(...waitingPeriods)) : disabledFrom
  const gapEnd = minDate(benefitFrom ?? waitingEnd, aow.date)
  const gapDays = illustrationApplies(shared) ? Math.max(0, daysBetween(disabledFrom, gapEnd)) : 0
  if (!benefitFrom && waitingPeriods.length && illustrationApplies(shared)) {
    notes.push(say('illustration.noBenefitAfterWaiting'))
  }
  const { months: gapMonths, amount: gapAmount, broodfonds } = gapFigures(shared, gapDays)
  if (disabledFrom >= aow.date) notes.push(say('illustration.atOrAfterAow'))
  else if (disabledFrom < `${shared.calculationYear}-01-01`) {
    notes.push(say('illustration.beforeCalculationYear', { disabledFrom, year: shared.calculationYear, fromAge: shared.calculationYear - yearOf(context.clientCase.client.birthDate) }))
  }
  if (plan.policy && disabledFrom < plan.policy.startDate && illustrationApplies(shared)) {
    notes.push(say('illustration.beforePolicyStart', { start: plan.policy.startDate }))
  }
  if (plan.includesBaz && shared.insured.insured && illustrationApplies(shared) && !parts.some((part) => part.kind === 'baz')) {
    const from = addDays(disabledFrom, context.parameters.waitingDays.value)
    if (from >= aow.date) notes.push(say('illustration.waitingPastAow'))
    else if (benefitFrom) notes.push(say('illustration.noBazAtDegree'))
  }
  if (parts.length === 2 && parts[0]!.from !== parts[1]!.from) {
    notes.push(say('illustration.differentStarts'))
  }
  if (broodfonds.greaterThan(0)) notes.push(say('illustration.broodfonds', { amount: broodfonds }))
  notes.push(say('illustration.bazIndexation'))
  return {
    disabledFrom,
    degree,
    annualBenefit: toEuros(annual),
    monthlyBenefit: toEuros(annual.dividedBy(twelve)),
    publicAnnual: toEuros(publicAnnual),
    privateAnnual: toEuros(privateAnnual),
    benefitFrom,
    benefitUntil,
    gapDays,
    gapMonths: gapMonths.toNumber(),
    gapAmount: toEuros(gapAmount),
    broodfondsBridged: toEuros(broodfonds),
    remainingGap: toEuros(gapAmount.minus(broodfonds)),
    notes,
  }
}

