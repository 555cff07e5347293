/** What every section needs: the input, the words in the chosen language and a few lookups. */
import { formatDate, formatEuro, formatPercent } from '../format'
import type { OptionResult } from '../schema/result'
import { optionName } from '../charts/option-names'
import { reportTexts, type ReportTexts } from './texts'
import { adviceTexts, type AdviceTexts } from './texts-advice'
import type { AdviceFee, Recommendation, ReportInput } from './types'

export interface ReportContext {
  input: ReportInput
  t: ReportTexts
  /** The words of the advice pages (decision, income picture, products, service). */
  a: AdviceTexts
  date: (iso: string) => string
  /** An amount as the report's language writes it: `€ 1.234,56`, or `€1,234.56` in English. */
  euro: (value: number) => string
  /** A fraction as a percentage in the report's language: `5,4 %`, or `5.4%` in English. */
  percent: (fraction: number, maxDecimals?: number) => string
  /** An option's name in the report's language. */
  name: (option: OptionResult) => string
  /** The adviser's choice: from the request, or else from the case's advice record. */
  recommendation: Recommendation | undefined
  chosen: OptionResult | undefined
  fee: AdviceFee | undefined
  /** Without the adviser's details or a choice the report is a draft: "CONCEPT" on every page. */
  draft: boolean
}

export function contextOf(input: ReportInput): ReportContext {
  const t = reportTexts[input.language]
  const a = adviceTexts[input.language]
  const record = input.clientCase.advice
  const recommendation = input.recommendation ?? (record?.choice ? { optionId: record.choice, motivation: record.motivation ?? '' } : undefined)
  const chosen = recommendation ? input.result.options.find((option) => option.id === recommendation.optionId) : undefined
  const fee = input.fee ?? (record?.fee ? { amount: record.fee.amount, description: '', vat: record.fee.vat, basis: record.fee.basis } : undefined)
  const insured = input.result.client.insured
  return {
    input,
    t,
    a,
    date: (iso) => formatDate(iso, input.language),
    euro: (value) => formatEuro(value, input.language),
    percent: (fraction, maxDecimals = 2) => formatPercent(fraction, maxDecimals, input.language),
    // Outside the insured group the "opt-out" option is the private policy on its own.
    name: (option) => (!insured && option.id === 'opt-out' ? a.privateAlone : optionName(option, input.language)),
    recommendation,
    chosen,
    fee,
    draft: input.draft === true || input.adviserMissing === true || !chosen,
  }
}

/** "2 jaar", "90 dagen": a waiting period in the words an adviser uses. */
export function waitingPeriodText(days: number, t: ReportTexts): string {
  return days === 0 ? t.none : t.days(days)
}

export function degreeText(degree: number, context: ReportContext): string {
  return context.percent(degree, 0)
}
