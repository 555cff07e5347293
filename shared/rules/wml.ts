/**
 * The minimum wage for a calendar year and the maximum premium and benefit base derived from it.
 *
 * MKB-2024 (Bekostiging): "De maximale premiegrondslag ... is 143% van het minimumloon."
 * KB-2025 (Betaalbaarheid): "maximale premiegrondslag (142,86% van het wettelijk minimumloon)".
 * RADI-2024 q2: "143% x € 25.070, het minimumloon op jaarbasis inclusief 8% vakantiegeld".
 * Which half-year value applies to a calendar year is an open question (RADI-2024 q2); the bill
 * version's `wmlYearRule` decides, and the report prints it.
 */
import type Decimal from 'decimal.js'
import { Money } from '../money'
import { minimumWageOn } from '../parameters/resolve'
import type { WmlYearRule } from '../parameters/scenarios'
import { memoise, perYear, type RuleContext } from './context'
import { formatNumber } from '../format'
import { euro, percent, refs } from './explain'
import type { Explanation } from '../schema/result'

const twelve = new Money(12)
const two = new Money(2)

export interface YearWml {
  year: number
  /** The monthly WML (excl. holiday pay) the year uses, after the year rule. */
  monthly: Decimal
  /** Annual WML as the Baz uses it (12 × monthly, × 1,08 when holiday pay counts). */
  annual: Decimal
  /** Maximum premium and benefit base: cap factor × annual WML, in cents. */
  cap: Decimal
  projected: boolean
  uncertain: boolean
  /** Explanations are built on demand: the projection needs the numbers of every year, the trace only a few. */
  explanation(): Explanation
  capExplanation(): Explanation
}

/** Annual WML from a monthly figure: RADI-2024 q2's "minimumloon op jaarbasis", × the holiday-pay factor when it counts. */
export function annualMinimumWage(monthly: Decimal, holidayPayFactor: Decimal | null): Decimal {
  const annual = monthly.times(twelve)
  return holidayPayFactor ? annual.times(holidayPayFactor) : annual
}

/** Maximum premium base = cap factor × annual WML (MKB-2024; KB-2025), rounded to cents. */
export function maximumBase(annualWml: Decimal, capFactor: Decimal): Decimal {
  return annualWml.times(capFactor).toDecimalPlaces(2)
}

function monthlyForYear(year: number, rule: WmlYearRule, indexation: Decimal) {
  const january = minimumWageOn(`${year}-01-01`, indexation)
  const july = minimumWageOn(`${year}-07-01`, indexation)
  switch (rule) {
    case 'january':
      return { monthly: january.value, used: [january], text: () => `${euro(january.value)} (1 januari ${year})` }
    case 'july':
      return { monthly: july.value, used: [july], text: () => `${euro(july.value)} (1 juli ${year})` }
    case 'average-of-half-years':
      return {
        monthly: january.value.plus(july.value).dividedBy(two),
        used: [january, july],
        text: () => `(${euro(january.value)} per 1 januari + ${euro(july.value)} per 1 juli) / 2`,
      }
  }
}

/**
 * A year's WML depends only on the bill version's WML rules, the cap factor and the indexation
 * assumption, so it is shared between calculations (the screen recalculates on every keystroke).
 */
const sharedWml = new Map<string, YearWml>()

export function wmlForYear(context: RuleContext, year: number): YearWml {
  return perYear(context.wmlByYear, year, () => sharedWmlFor(context, year))
}

function sharedWmlFor(context: RuleContext, year: number): YearWml {
  const { parameters } = context
  const prefix = memoise(
    context,
    'wml:key',
    () => `${parameters.wmlYearRule.value}|${parameters.wmlIncludesHolidayPay.value}|${context.capFactor.toString()}|${context.wmlIndexation.toString()}|${parameters.id}`,
  )
  const key = `${prefix}|${year}`
  const cached = sharedWml.get(key)
  if (cached) return cached
  if (sharedWml.size > 5_000) sharedWml.clear()
  const computed = computeWml(context, year)
  sharedWml.set(key, computed)
  return computed
}

function computeWml(context: RuleContext, year: number): YearWml {
  const { parameters } = context
  const { monthly, used, text } = monthlyForYear(year, parameters.wmlYearRule.value, context.wmlIndexation)
  const holidayPay = parameters.wmlIncludesHolidayPay.value
  const annual = annualMinimumWage(monthly, holidayPay ? new Money(parameters.holidayPayFactor.value) : null)
  const cap = maximumBase(annual, context.capFactor)
  const projected = used.some((lookup) => lookup.projected)
  const uncertain = projected || used.some((lookup) => lookup.uncertain !== undefined) || parameters.wmlYearRule.uncertain !== undefined
  let explanation: Explanation | undefined
  let capExplanation: Explanation | undefined
  const explain = (): Explanation => {
    const projectionText = projected ? `, geïndexeerd met ${percent(context.wmlIndexation)} per jaar vanaf het laatst bekende bedrag (aanname)` : ''
    explanation ??= {
      id: `wml.${year}`,
      label: `Minimumloon ${year} op jaarbasis`,
      value: Number(annual.toDecimalPlaces(2).toString()),
      unit: 'euro',
      expression: `12 × ${text()}${holidayPay ? ` × ${formatNumber(Number(parameters.holidayPayFactor.value), 2)} (vakantiegeld)` : ' (zonder vakantiegeld)'}${projectionText} = ${euro(annual)}`,
      sources: refs(...used.map((lookup) => lookup.cite), parameters.wmlYearRule.cite, parameters.wmlIncludesHolidayPay.cite, holidayPay ? parameters.holidayPayFactor.cite : undefined),
      ...(uncertain ? { uncertain: true } : {}),
    }
    return explanation
  }
  const explainCap = (): Explanation => {
    capExplanation ??= {
      id: `cap.${year}`,
      label: `Maximale grondslag ${year}`,
      value: Number(cap.toString()),
      unit: 'euro',
      expression: `${percent(context.capFactor)} × ${euro(annual)} (minimumloon op jaarbasis) = ${euro(cap)}`,
      sources: refs(parameters.capFactor.cite),
      steps: [explain()],
      ...(uncertain ? { uncertain: true } : {}),
    }
    return capExplanation
  }
  return { year, monthly, annual, cap, projected, uncertain, explanation: explain, capExplanation: explainCap }
}
