/**
 * What the options of one comparison share, computed once per case (the Baz premium per year, the
 * benefit base, the illustration's first day of illness), and the plan of one option: which cover
 * it holds and whether it is available.
 */
import type Decimal from 'decimal.js'
import { Money, roundCents, toWholeCents } from '../money'
import type { PrivatePolicy } from '../schema/case'
import type { Condition, OptionId } from '../schema/result'
import type { AowDate } from './aow'
import { benefitBase, publicBenefit, type BenefitBase, type PublicBenefit } from './benefit'
import type { RuleContext } from './context'
import { addYears, minDate, yearOf } from './dates'
import { refs } from './explain'
import type { InsuredStatus } from './insured'
import { bazPremiumForYear, type YearPremium } from './premium'
import type { GapFigures } from './illustration'
import type { PremiumStream } from './projection'

/** What the options share: computed once per case. */
export interface Shared {
  context: RuleContext
  aow: AowDate
  insured: InsuredStatus
  calculationYear: number
  years: number[]
  bazYears: YearPremium[]
  calcYearPremium: YearPremium
  /** The yearly Baz premiums, gross and net, in whole cents, shared by every option. */
  bazYearCents: number[]
  bazYearNetCents: number[]
  contractBase: BenefitBase
  contractBenefitAtFull: Decimal
  disabledFrom: string
  illnessBase: BenefitBase
  illnessBenefit: PublicBenefit
  /** Each private policy's premium per projection year, with and without the stabiliteitsbijdrage (projection.ts). */
  privateStreams: Map<PrivatePolicy, { with?: PremiumStream; without?: PremiumStream }>
  /** The illustration's income gap per length in days (illustration.ts). */
  gaps: Map<number, GapFigures>
}

export interface OptionPlan {
  id: OptionId
  label: string
  includesBaz: boolean
  policy: PrivatePolicy | null
  stabiliteitsbijdrage: boolean
  available: boolean
  reasons: string[]
  warnings: string[]
  conditions?: Condition[]
  effectiveFrom: string | null
  /** An exemption under the 1 January rule: the first 31 December on which it can end (KB-2025). */
  exemptionEarliestEnd?: string | null
  /** The option lacks the input it needs (no policy entered): no figures, only the reason. */
  missingInput?: boolean
}

/** The day a policy's cover ends: its end age, or the AOW date when that comes first. */
export function policyEndDate(shared: Shared, policy: PrivatePolicy): string {
  if (policy.endAge === 'aow') return shared.aow.date
  return minDate(shared.aow.date, addYears(shared.context.clientCase.client.birthDate, policy.endAge))
}

export function sharedFigures(context: RuleContext, aow: AowDate): Omit<Shared, 'context' | 'aow' | 'insured'> {
  const calculationYear = context.clientCase.calculationYear
  // The projection runs to the year the AOW age is reached; that year counts only the days before
  // the AOW date (contract advise-v1), so a 1 January AOW date ends it the year before.
  const lastYear = aow.date.endsWith('-01-01') ? yearOf(aow.date) - 1 : yearOf(aow.date)
  const years: number[] = []
  for (let year = calculationYear; year <= lastYear; year++) years.push(year)
  const bazYears: YearPremium[] = []
  for (const year of years) bazYears.push(bazPremiumForYear(context, year, bazYears.at(-1)))
  const bazYearCents = bazYears.map((year) => toWholeCents(year.premium))
  const bazYearNetCents = bazYears.map((year) => toWholeCents(year.netPremium))
  const calcYearPremium = bazYears[0] ?? bazPremiumForYear(context, calculationYear)
  const contractBase = benefitBase(context, calculationYear, 'baz.benefitBase')
  const contractBenefitAtFull = roundCents(contractBase.base.times(context.benefitPercentage))
  context.trace.money(
    'baz.benefitAtFull',
    () => context.texts.say('trace.benefitAtFull.label', { year: calculationYear }),
    contractBenefitAtFull,
    () => `${context.texts.f.percent(context.benefitPercentage)} × ${context.texts.f.euro(contractBase.base)} = ${context.texts.f.euro(contractBenefitAtFull)}`,
    refs(context.parameters.benefitPercentage.cite),
    [contractBase.explanation],
  )
  const disabledFrom = addYears(context.clientCase.client.birthDate, context.clientCase.disability.age)
  const illnessBase = benefitBase(context, yearOf(disabledFrom), 'illustration.benefitBase')
  const illnessBenefit = publicBenefit(context, illnessBase, context.clientCase.disability.degree, new Money(context.clientCase.disability.earnings), 'illustration.bazBenefit')
  return { calculationYear, years, bazYears, bazYearCents, bazYearNetCents, calcYearPremium, contractBase, contractBenefitAtFull, disabledFrom, illnessBase, illnessBenefit, privateStreams: new Map(), gaps: new Map() }
}
