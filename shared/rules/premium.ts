/**
 * Baz premium for a calendar year.
 * MKB-2024 (Bekostiging): "De maatstaf voor de premie-inning is de winst uit onderneming ... Als
 * de zelfstandige een hoger bedrag aan winst uit onderneming heeft dan 143% van het minimumloon
 * betaalt hij premie over 143% van het minimumloon." — "De premie is een brutobedrag; deze is
 * fiscaal aftrekbaar."
 * KB-2025 (franchise): "de premie- en uitkeringsgrondslag voor de Baz [worden] lager naarmate de
 * zelfstandige als werknemer voor een hoger bedrag verzekerd is voor de Wet WIA".
 */
import type Decimal from 'decimal.js'
import type { Citation } from '../parameters/types'
import { maxMoney, minMoney, Money, roundCents, zero } from '../money'
import type { Explanation } from '../schema/result'
import type { RuleContext } from './context'
import { refs } from './explain'
import { yearOf } from './dates'
import type { YearWml } from './wml'

/** RADI-2024 q9 raises the premium of the last year before the AOW date as an open question. */
export const aowYearCitation: Citation = { source: 'RADI-2024', locator: 'vraag 9: "Kan de Belastingdienst dit pro rata berekenen als de premie-inning per kalenderjaar loopt?"' }

export interface FranchiseResult {
  /** The highest base the Baz insures after the franchise: cap − WIA wage, not below 0. */
  limit: Decimal
  applied: boolean
}

/** The franchise (KB-2025), as the parameterised formula `cap − WIA wage` (documented assumption). */
export function franchiseLimit(context: RuleContext, cap: Decimal, wiaWage: Decimal): FranchiseResult {
  const { franchise } = context.parameters
  if (!franchise.value.enabled || wiaWage.isZero()) return { limit: cap, applied: false }
  return { limit: maxMoney(zero, cap.minus(wiaWage)), applied: true }
}

/** Premium base: profit (negative = 0), capped at the maximum base, lowered by the franchise. */
export function premiumBase(context: RuleContext, profit: Decimal, wml: YearWml, wiaWage: Decimal): { base: Decimal; franchise: FranchiseResult } {
  const positive = context.parameters.negativeProfitGivesZero.value ? maxMoney(zero, profit) : profit
  const franchise = franchiseLimit(context, wml.cap, wiaWage)
  return { base: minMoney(positive, franchise.limit), franchise }
}

export interface YearPremium {
  year: number
  base: Decimal
  /** Rate × base, rounded to cents, before a stated maximum. */
  byRate: Decimal
  /** The premium for the whole calendar year: rate × base. */
  fullYearPremium: Decimal
  /** The premium due: the whole year's, or for the AOW year only the insured part (see below). */
  premium: Decimal
  netPremium: Decimal
  wml: YearWml
  /** Set in the year the AOW age is reached: cover (and premium) run only until the AOW date. */
  partYear?: { until: string; days: number; daysInYear: number }
}

/**
 * The days of `year` before `until` (exclusive), and the days of the year: for the AOW year.
 * RADI-2024 q9 asks whether the Belastingdienst can charge the last year "pro rata"; the sources
 * do not answer it. Vangnet charges the premium of the AOW year for the days before the AOW date
 * (printed as an assumption, see `aowYearAssumption`).
 */
export function daysBefore(year: number, until: string): { days: number; daysInYear: number } {
  const start = Date.UTC(year, 0, 1)
  const end = Date.UTC(year + 1, 0, 1)
  const untilTime = Date.UTC(Number(until.slice(0, 4)), Number(until.slice(5, 7)) - 1, Number(until.slice(8, 10)))
  const daysInYear = (end - start) / 86_400_000
  return { days: Math.max(0, Math.min(daysInYear, (untilTime - start) / 86_400_000)), daysInYear }
}

/** A year's amount for `days` of its `daysInYear`, rounded to cents. */
export function prorate(amount: Decimal, days: number, daysInYear: number): Decimal {
  return days >= daysInYear ? amount : roundCents(amount.times(days).dividedBy(daysInYear))
}

/**
 * A maximum premium stated as an amount (tweede-kamer-2026: "maximaal € 171 bruto per maand",
 * based on the WML of 2025 and indexed): the monthly amount × 12, indexed with the annual WML of
 * the year against that of the stated year. Null when the version states no such maximum.
 */
export function premiumMaximumForYear(context: RuleContext, wml: YearWml): Decimal | null {
  const amount = wml.statedMaximum
  if (!amount) return null
  // The amount is the version's rate at the maximum base; an adviser's own rate (a sensitivity
  // check) moves it along, so the override changes the premium as it does in every other version.
  if (!context.premiumRateOverridden) return wml.statedMaximumRounded
  return roundCents(amount.times(context.premiumRate).dividedBy(context.parameters.premiumRate.value))
}

/**
 * Gross and net Baz premium for one calendar year (no explanation: used in the projection). With
 * the year before, a base that stayed the same (a profit below the maximum base that does not
 * grow) reuses its figures instead of working them out again.
 */
export function bazPremiumForYear(context: RuleContext, year: number, previous?: YearPremium): YearPremium {
  const income = context.years.income(year)
  const wml = context.years.wml(year)
  const { base } = premiumBase(context, income.profit, wml, income.wiaWage)
  const maximum = premiumMaximumForYear(context, wml)
  const same = previous !== undefined && previous.base.equals(base)
  const byRate = same ? previous.byRate : roundCents(base.times(context.premiumRate))
  const fullYearPremium = maximum && byRate.greaterThan(maximum) ? maximum : byRate
  const aowDate = context.aow.date
  if (yearOf(aowDate) !== year) {
    const netPremium = same && previous.fullYearPremium === fullYearPremium && !previous.partYear ? previous.netPremium : roundCents(fullYearPremium.times(context.netFactor))
    return { year, base, byRate, fullYearPremium, premium: fullYearPremium, netPremium, wml }
  }
  const { days, daysInYear } = daysBefore(year, aowDate)
  const premium = prorate(fullYearPremium, days, daysInYear)
  return { year, base, byRate, fullYearPremium, premium, netPremium: roundCents(premium.times(context.netFactor)), wml, partYear: { until: aowDate, days, daysInYear } }
}

/** The same, with its full explanation (for the calculation year's headline figures). */
export function explainBazPremium(context: RuleContext, year: number): { premium: YearPremium; explanation: Explanation; netExplanation: Explanation } {
  const { trace, parameters } = context
  const { say } = context.texts
  const premium = bazPremiumForYear(context, year)
  const income = context.years.income(year)
  const { franchise } = premiumBase(context, income.profit, premium.wml, income.wiaWage)
  const capped = premium.base.lessThan(maxMoney(zero, income.profit))
  const negative = income.profit.isNegative()
  const baseText = (): string => {
    const parts = [
      income.origin === 'entered'
        ? say('trace.premiumBase.entered', { year, profit: income.profit })
        : say(income.origin === 'projected' ? 'trace.premiumBase.projected' : 'trace.premiumBase.estimated', {
            year,
            profit: income.profit,
            fromYear: income.fromYear ?? year,
            growth: context.profitGrowth,
          }),
    ]
    if (negative) parts.push(say('trace.premiumBase.negative'))
    if (franchise.applied) parts.push(say('trace.franchise', { cap: premium.wml.cap, wiaWage: income.wiaWage, limit: franchise.limit }))
    else if (capped) parts.push(say('trace.cappedAt', { cap: premium.wml.cap }))
    return `${parts.join('; ')} = ${context.texts.f.euro(premium.base)}`
  }
  const baseExplanation = trace.money(
    `baz.premiumBase.${year}`,
    () => say('trace.premiumBase.label', { year }),
    premium.base,
    baseText,
    refs(
      { source: 'MKB-2024', locator: 'Bekostiging van de verzekering (premiegrondslag)' },
      negative ? parameters.negativeProfitGivesZero.cite : undefined,
      franchise.applied ? parameters.franchise.cite : undefined,
    ),
    [premium.wml.capExplanation()],
    income.origin !== 'entered' || negative || franchise.applied,
  )
  const maximum = premiumMaximumForYear(context, premium.wml)
  const cappedByMaximum = maximum !== null && premium.byRate.greaterThan(maximum)
  const statedMaximum = parameters.premiumMaximum.value
  const maximumText = (): string =>
    cappedByMaximum && maximum && statedMaximum
      ? say('trace.premium.maximum', {
          monthly: new Money(statedMaximum.monthly),
          year,
          wml: premium.wml.annual,
          wmlYear: statedMaximum.wmlYear,
          wmlReference: context.years.wml(statedMaximum.wmlYear).annual,
          rates: context.premiumRateOverridden ? [context.premiumRate, parameters.premiumRate.value] : null,
          maximum,
        })
      : ''
  const rateText = (): string => (context.premiumRateOverridden ? say('trace.premium.rateOverridden', { rate: context.premiumRate }) : context.texts.f.percent(context.premiumRate))
  const explanation = trace.money(
    `baz.premium.${year}`,
    () => say('trace.premium.label', { year }),
    premium.premium,
    () =>
      `${rateText()} × ${say('trace.premium.base', { base: premium.base, capped: capped || franchise.applied, capFactor: context.capFactor })}${maximumText()}` +
      (premium.partYear
        ? say('trace.premium.partYear', { full: premium.fullYearPremium, days: premium.partYear.days, daysInYear: premium.partYear.daysInYear, until: premium.partYear.until })
        : '') +
      ` = ${context.texts.f.euro(premium.premium)}`,
    refs(parameters.premiumRate.cite, cappedByMaximum ? parameters.premiumMaximum.cite : undefined, premium.partYear ? aowYearCitation : undefined),
    [baseExplanation],
    parameters.premiumRate.uncertain !== undefined || premium.partYear !== undefined || cappedByMaximum,
  )
  const netExplanation = trace.money(
    `baz.netPremium.${year}`,
    () => say('trace.netPremium.label', { year }),
    premium.netPremium,
    () => say('trace.netPremium.expression', { premium: premium.premium, tax: context.marginalTaxRate, net: premium.netPremium }),
    refs({ source: 'MKB-2024', locator: 'Bekostiging: "deze is fiscaal aftrekbaar"' }, { source: 'RADI-2024', locator: 'vraag 5' }),
    [explanation],
  )
  return { premium, explanation, netExplanation }
}
