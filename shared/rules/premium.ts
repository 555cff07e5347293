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
import { maxMoney, minMoney, roundCents, zero } from '../money'
import type { Explanation } from '../schema/result'
import type { RuleContext } from './context'
import { euro, percent, refs } from './explain'
import { incomeForYear } from './income'
import { wmlForYear, type YearWml } from './wml'

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
  premium: Decimal
  netPremium: Decimal
  wml: YearWml
}


/** Gross and net Baz premium for one calendar year (no explanation: used in the projection). */
export function bazPremiumForYear(context: RuleContext, year: number): YearPremium {
  const income = incomeForYear(context, year)
  const wml = wmlForYear(context, year)
  const { base } = premiumBase(context, income.profit, wml, income.wiaWage)
  const premium = roundCents(base.times(context.premiumRate))
  const netPremium = roundCents(premium.times(context.netFactor))
  return { year, base, premium, netPremium, wml }
}

/** The same, with its full explanation (for the calculation year's headline figures). */
export function explainBazPremium(context: RuleContext, year: number): { premium: YearPremium; explanation: Explanation; netExplanation: Explanation } {
  const { trace, parameters } = context
  const premium = bazPremiumForYear(context, year)
  const income = incomeForYear(context, year)
  const { franchise } = premiumBase(context, income.profit, premium.wml, income.wiaWage)
  const capped = premium.base.lessThan(maxMoney(zero, income.profit))
  const negative = income.profit.isNegative()
  const baseText = (): string => {
    const parts = [
      income.origin === 'entered'
        ? `winst uit onderneming ${year} ${euro(income.profit)}`
        : `verwachte winst ${year} ${euro(income.profit)} (laatst ingevoerde jaar, groei ${percent(context.profitGrowth)} per jaar: aanname)`,
    ]
    if (negative) parts.push('negatieve winst telt als € 0 (geen teruggave)')
    if (franchise.applied) parts.push(`franchise: maximaal ${euro(premium.wml.cap)} − WIA-loon ${euro(income.wiaWage)} = ${euro(franchise.limit)}`)
    else if (capped) parts.push(`gemaximeerd op ${euro(premium.wml.cap)}`)
    return `${parts.join('; ')} = ${euro(premium.base)}`
  }
  const baseExplanation = trace.money(
    `baz.premiumBase.${year}`,
    `Premiegrondslag ${year}`,
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
  const rateText = (): string => (context.premiumRateOverridden ? `${percent(context.premiumRate)} (premie gekozen door de adviseur)` : percent(context.premiumRate))
  const explanation = trace.money(
    `baz.premium.${year}`,
    `Premie ${year}`,
    premium.premium,
    () => `${rateText()} × ${euro(premium.base)} (grondslag${capped || franchise.applied ? `, gemaximeerd op ${percent(context.capFactor)} × minimumloon` : ''}) = ${euro(premium.premium)}`,
    refs(parameters.premiumRate.cite),
    [baseExplanation],
    parameters.premiumRate.uncertain !== undefined,
  )
  const netExplanation = trace.money(
    `baz.netPremium.${year}`,
    `Netto premie ${year}`,
    premium.netPremium,
    () => `${euro(premium.premium)} × (1 − ${percent(context.marginalTaxRate)} marginaal belastingtarief, invoer adviseur) = ${euro(premium.netPremium)}`,
    refs({ source: 'MKB-2024', locator: 'Bekostiging: "deze is fiscaal aftrekbaar"' }, { source: 'RADI-2024', locator: 'vraag 5' }),
    [explanation],
  )
  return { premium, explanation, netExplanation }
}
