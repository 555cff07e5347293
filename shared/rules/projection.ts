/**
 * The premium projection of one option: gross and net premium per calendar year from the
 * calculation year to the year of the AOW age (that year until the AOW date only), and the running
 * totals. The yearly amounts are rounded to cents first; their sums are kept in whole cents
 * (exact integer additions).
 */
import type Decimal from 'decimal.js'
import { centsToEuros, Money, roundCents, toWholeCents, zero } from '../money'
import type { PrivatePolicy } from '../schema/case'
import type { ProjectionYear } from '../schema/result'
import type { RuleContext } from './context'
import { dayNumber, minDate, yearOf } from './dates'
import { benefitInYear, type BenefitPart, type Component } from './illustration'
import { policyEndDate, type OptionPlan, type Shared } from './option-plan'
import { daysBefore, prorate } from './premium'
import { privatePremiumForYear } from './private-aov'

const one = new Money(1)

function deductibleFactor(context: RuleContext, deductible: boolean): Decimal {
  return deductible ? context.netFactor : one
}

/**
 * The Baz premium an option pays in a projection year, gross and net, in whole cents. An option
 * with the Baz pays it every year (the AOW year only until the AOW date); an exemption (opt-out,
 * transitional law) pays it until the exemption takes effect, a part-year for the days before.
 */
function bazCentsIn(shared: Shared, plan: OptionPlan, index: number): [number, number] {
  if (plan.includesBaz) return [shared.bazYearCents[index]!, shared.bazYearNetCents[index]!]
  if (plan.effectiveFrom === null) return [0, 0]
  const year = shared.years[index]!
  const switchYear = yearOf(plan.effectiveFrom)
  if (year < switchYear) return [shared.bazYearCents[index]!, shared.bazYearNetCents[index]!]
  if (year > switchYear) return [0, 0]
  const bazYear = shared.bazYears[index]!
  const { days, daysInYear } = daysBefore(year, minDate(plan.effectiveFrom, shared.aow.date))
  if (days === 0) return [0, 0]
  const gross = prorate(bazYear.fullYearPremium, days, daysInYear)
  return [toWholeCents(gross), toWholeCents(roundCents(gross.times(shared.context.netFactor)))]
}

/** A premium per projection year, gross and net, in whole cents (see toWholeCents). */
export interface PremiumStream {
  grossCents: number[]
  netCents: number[]
}

/**
 * A private policy's premium per projection year (plus the stabiliteitsbijdrage where due),
 * gross and net; worked out once per calculation for each policy and stabiliteitsbijdrage, as
 * several options can hold the same policy.
 */
function privatePremiumStream(shared: Shared, policy: PrivatePolicy, stabiliteit: Decimal, factor: Decimal, policyEnd: string): PremiumStream {
  const key = stabiliteit.isZero() ? 'without' : 'with'
  let byStabiliteit = shared.privateStreams.get(policy)
  if (!byStabiliteit) shared.privateStreams.set(policy, (byStabiliteit = {}))
  const cached = byStabiliteit[key]
  if (cached) return cached
  const stream: PremiumStream = { grossCents: [], netCents: [] }
  // Premiums run from the policy's start date to its end (its end age or the AOW date); a year
  // the policy covers only in part pays for the days it covers.
  const startDay = dayNumber(policy.startDate)
  const endDay = dayNumber(policyEnd)
  // A premium without indexation is the same every full year: work it out once.
  let constant: { gross: number; net: number } | undefined
  for (const year of shared.years) {
    const yearStart = Date.UTC(year, 0, 1) / 86_400_000
    const yearEnd = Date.UTC(year + 1, 0, 1) / 86_400_000
    const days = Math.min(endDay, yearEnd) - Math.max(startDay, yearStart)
    if (days <= 0) {
      stream.grossCents.push(0)
      stream.netCents.push(0)
      continue
    }
    const daysInYear = yearEnd - yearStart
    if (days < daysInYear) {
      const gross = prorate(privatePremiumForYear(policy, year - shared.calculationYear).plus(stabiliteit), days, daysInYear)
      stream.grossCents.push(toWholeCents(gross))
      stream.netCents.push(gross.isZero() ? 0 : toWholeCents(gross.times(factor)))
      continue
    }
    if (constant === undefined || policy.premiumIndexation !== 0) {
      const gross = privatePremiumForYear(policy, year - shared.calculationYear).plus(stabiliteit)
      constant = { gross: toWholeCents(gross), net: gross.isZero() ? 0 : toWholeCents(gross.times(factor)) }
    }
    stream.grossCents.push(constant.gross)
    stream.netCents.push(constant.net)
  }
  byStabiliteit[key] = stream
  return stream
}

export interface Projection {
  years: ProjectionYear[]
  totalCents: number
  totalNetCents: number
  /** The calculation year's premiums in whole cents (0 without a projection year). */
  first: { publicCents: number; privateCents: number; netCents: number }
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
  const first = { publicCents: 0, privateCents: 0, netCents: 0 }
  shared.years.forEach((year, index) => {
    const [publicCents, publicNetCents] = shared.insured.insured ? bazCentsIn(shared, plan, index) : [0, 0]
    const privateCents = privateStream ? privateStream.grossCents[index]! : 0
    const privateNetCents = privateStream ? privateStream.netCents[index]! : 0
    if (index === 0) Object.assign(first, { publicCents, privateCents, netCents: publicNetCents + privateNetCents })
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
      ...(shared.bazYears[index]!.partYear ? { partYear: shared.bazYears[index]!.partYear } : {}),
      benefitIfDisabled: partDays.length ? benefitInYear(partDays, year) : 0,
    })
  })

  return { years: projection, totalCents: cumulativeCents, totalNetCents: cumulativeNetCents, first }
}
