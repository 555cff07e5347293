/**
 * The premium projection of one option: gross and net premium per calendar year from the
 * calculation year to the year before the AOW age, and the running totals. The yearly amounts are
 * rounded to cents first; their sums are kept in whole cents (exact integer additions).
 */
import type Decimal from 'decimal.js'
import { centsToEuros, Money, toWholeCents, zero } from '../money'
import type { PrivatePolicy } from '../schema/case'
import type { ProjectionYear } from '../schema/result'
import type { RuleContext } from './context'
import { yearOf } from './dates'
import { benefitInYear, dayNumber, type BenefitPart, type Component } from './illustration'
import { policyEndDate, type OptionPlan, type Shared } from './option-plan'
import { privatePremiumForYear } from './private-aov'

const one = new Money(1)

function deductibleFactor(context: RuleContext, deductible: boolean): Decimal {
  return deductible ? context.netFactor : one
}

/** Years in which the projection shows the Baz premium for a plan (an opt-out starts on its switch date). */
function paysBazIn(plan: OptionPlan, year: number): boolean {
  if (plan.includesBaz) return true
  return plan.effectiveFrom !== null && year < yearOf(plan.effectiveFrom)
}

/** A premium per projection year, gross and net, in whole cents (see toWholeCents). */
interface PremiumStream {
  grossCents: number[]
  netCents: number[]
}

const privateStreams = new WeakMap<PrivatePolicy, Map<string, PremiumStream>>()

/**
 * A private policy's premium per projection year (plus the stabiliteitsbijdrage where due),
 * gross and net; computed once per policy, as several options can hold the same policy.
 */
function privatePremiumStream(shared: Shared, policy: PrivatePolicy, stabiliteit: Decimal, factor: Decimal, policyEnd: string): PremiumStream {
  let byKey = privateStreams.get(policy)
  if (!byKey) privateStreams.set(policy, (byKey = new Map()))
  const key = `${shared.years[0] ?? ''}|${shared.years.length}|${stabiliteit.toString()}|${factor.toString()}|${policyEnd}`
  const cached = byKey.get(key)
  if (cached) return cached
  const stream: PremiumStream = { grossCents: [], netCents: [] }
  // A premium without indexation is the same every year: work it out once.
  let constant: { gross: number; net: number } | undefined
  for (const year of shared.years) {
    if (`${year}-01-01` >= policyEnd) {
      stream.grossCents.push(0)
      stream.netCents.push(0)
      continue
    }
    if (constant === undefined || policy.premiumIndexation !== 0) {
      const gross = privatePremiumForYear(policy, year - shared.calculationYear).plus(stabiliteit)
      constant = { gross: toWholeCents(gross), net: gross.isZero() ? 0 : toWholeCents(gross.times(factor)) }
    }
    stream.grossCents.push(constant.gross)
    stream.netCents.push(constant.net)
  }
  byKey.set(key, stream)
  return stream
}

export interface Projection {
  years: ProjectionYear[]
  totalCents: number
  totalNetCents: number
}

/** The option's premiums per year and what it pays each year in the illustration. */
export function projectOption(shared: Shared, plan: OptionPlan, parts: readonly Component[]): Projection {
  const { context } = shared
  const birthDate = context.clientCase.client.birthDate
  const stabiliteit = plan.stabiliteitsbijdrage ? context.stabiliteitsbijdrage : zero
  const privateFactor = plan.policy ? deductibleFactor(context, plan.policy.taxDeductible) : one
  const policyEnd = plan.policy ? policyEndDate(shared, plan.policy) : null
  const partDays: BenefitPart[] = parts.map((part) => ({ fromDay: dayNumber(part.from), untilDay: dayNumber(part.until), annual: part.annual, annualCents: toWholeCents(part.annual) }))
  // Age on 1 January: the calendar-year difference, one less when the birthday falls later in the year.
  const ageOffset = birthDate.slice(5) === '01-01' ? 0 : 1
  const birthYear = yearOf(birthDate)

  const privateStream = plan.policy ? privatePremiumStream(shared, plan.policy, stabiliteit, privateFactor, policyEnd!) : null
  // The yearly premiums are already rounded to cents; their sums are kept in whole cents (exact).
  let cumulativeCents = 0
  let cumulativeNetCents = 0
  const projection: ProjectionYear[] = []
  shared.years.forEach((year, index) => {
    const paysBaz = shared.insured.insured && paysBazIn(plan, year)
    const publicCents = paysBaz ? shared.bazYearCents[index]! : 0
    const publicNetCents = paysBaz ? shared.bazYearNetCents[index]! : 0
    const privateCents = privateStream ? privateStream.grossCents[index]! : 0
    const privateNetCents = privateStream ? privateStream.netCents[index]! : 0
    cumulativeCents += publicCents + privateCents
    cumulativeNetCents += publicNetCents + privateNetCents
    projection.push({
      year,
      age: year - birthYear - ageOffset,
      premium: centsToEuros(publicCents + privateCents),
      netPremium: centsToEuros(publicNetCents + privateNetCents),
      cumulativePremium: centsToEuros(cumulativeCents),
      cumulativeNetPremium: centsToEuros(cumulativeNetCents),
      publicPremium: centsToEuros(publicCents),
      privatePremium: centsToEuros(privateCents),
      projected: shared.bazYears[index]!.wml.projected,
      benefitIfDisabled: partDays.length ? benefitInYear(partDays, year) : 0,
    })
  })

  return { years: projection, totalCents: cumulativeCents, totalNetCents: cumulativeNetCents }
}
