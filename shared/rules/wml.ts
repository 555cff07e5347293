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
import { Money, roundCents } from '../money'
import { minimumWageOn } from '../parameters/resolve'
import { onParameterUpdateChange } from '../parameters/update'
import type { WmlYearRule } from '../parameters/scenarios'
import type { RuleContext } from './context'
import type { Texts } from '../messages'
import { refs } from './explain'
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
  /**
   * A maximum premium the version states as an amount (tweede-kamer-2026), indexed to this year
   * with the annual WML against that of the stated year, at the version's own rate, unrounded;
   * null when the version states none (see premium.ts).
   */
  statedMaximum: Decimal | null
  /** The same rounded to cents: the maximum premium of the year at the version's own rate. */
  statedMaximumRounded: Decimal | null
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

function monthlyForYear(texts: Texts, year: number, rule: WmlYearRule, indexation: Decimal) {
  const january = minimumWageOn(`${year}-01-01`, indexation)
  const july = minimumWageOn(`${year}-07-01`, indexation)
  switch (rule) {
    case 'january':
      return { monthly: january.value, used: [january], text: () => texts.say('trace.wml.january', { amount: january.value, year }) }
    case 'july':
      return { monthly: july.value, used: [july], text: () => texts.say('trace.wml.july', { amount: july.value, year }) }
    case 'average-of-half-years':
      return {
        monthly: january.value.plus(july.value).dividedBy(two),
        used: [january, july],
        text: () => texts.say('trace.wml.average', { january: january.value, july: july.value }),
      }
  }
}

/** What a year's WML depends on: the bill version's WML rules, the cap factor, the indexation assumption and the language of its texts. */
export type WmlInputs = Pick<RuleContext, 'parameters' | 'texts' | 'capFactor' | 'wmlIndexation'>

/**
 * The years' WML of every calculation with the same inputs, shared between calculations (the
 * screen recalculates on every keystroke, a triage runs thousands) and emptied when a parameter
 * pack changes the minimum wage rows.
 */
const sharedTables = new Map<string, Map<number, YearWml>>()
onParameterUpdateChange(() => sharedTables.clear())

/** The WML of any calendar year for these inputs: `wmlOf(year)`, each year worked out once. */
export function wmlCalculator(inputs: WmlInputs): (year: number) => YearWml {
  const { parameters } = inputs
  // The explanations are written in the calculation's language: the language is part of the key.
  const key = `${parameters.id}|${parameters.wmlYearRule.value}|${parameters.wmlIncludesHolidayPay.value}|${inputs.capFactor.toString()}|${inputs.wmlIndexation.toString()}|${inputs.texts.language}`
  let byYear = sharedTables.get(key)
  if (!byYear) {
    if (sharedTables.size > 500) sharedTables.clear()
    byYear = new Map()
    sharedTables.set(key, byYear)
  }
  const table = byYear
  const maximum = parameters.premiumMaximum.value
  const wmlOf = (year: number): YearWml => {
    let wml = table.get(year)
    if (!wml) {
      wml = computeWml(inputs, year)
      table.set(year, wml)
      // The stated maximum (monthly × 12) moves with the annual WML from its reference year on.
      if (maximum) {
        wml.statedMaximum = new Money(maximum.monthly).times(12).times(wml.annual).dividedBy(wmlOf(maximum.wmlYear).annual)
        wml.statedMaximumRounded = roundCents(wml.statedMaximum)
      }
    }
    return wml
  }
  return wmlOf
}

function computeWml(context: WmlInputs, year: number): YearWml {
  const { parameters } = context
  const { say } = context.texts
  const { monthly, used, text } = monthlyForYear(context.texts, year, parameters.wmlYearRule.value, context.wmlIndexation)
  const holidayPay = parameters.wmlIncludesHolidayPay.value
  const annual = annualMinimumWage(monthly, holidayPay ? new Money(parameters.holidayPayFactor.value) : null)
  const cap = maximumBase(annual, context.capFactor)
  const projected = used.some((lookup) => lookup.projected)
  const uncertain = projected || used.some((lookup) => lookup.uncertain !== undefined) || parameters.wmlYearRule.uncertain !== undefined
  let explanation: Explanation | undefined
  let capExplanation: Explanation | undefined
  const explain = (): Explanation => {
    explanation ??= {
      id: `wml.${year}`,
      label: say('trace.wml.label', { year }),
      value: Number(annual.toDecimalPlaces(2).toString()),
      unit: 'euro',
      expression: say('trace.wml.expression', {
        monthly: text(),
        holidayPay: holidayPay ? Number(parameters.holidayPayFactor.value) : null,
        indexation: projected ? context.wmlIndexation : null,
        annual,
      }),
      sources: refs(...used.map((lookup) => lookup.cite), parameters.wmlYearRule.cite, parameters.wmlIncludesHolidayPay.cite, holidayPay ? parameters.holidayPayFactor.cite : undefined),
      ...(uncertain ? { uncertain: true } : {}),
    }
    return explanation
  }
  const explainCap = (): Explanation => {
    capExplanation ??= {
      id: `cap.${year}`,
      label: say('trace.cap.label', { year }),
      value: Number(cap.toString()),
      unit: 'euro',
      expression: say('trace.cap.expression', { factor: context.capFactor, annual, cap }),
      sources: refs(parameters.capFactor.cite),
      steps: [explain()],
      ...(uncertain ? { uncertain: true } : {}),
    }
    return capExplanation
  }
  return { year, monthly, annual, cap, projected, uncertain, statedMaximum: null, statedMaximumRounded: null, explanation: explain, capExplanation: explainCap }
}
