/** What every section needs: the input, the words in the chosen language and a few lookups. */
import { formatDate, formatPercent } from '../format'
import type { OptionResult } from '../schema/result'
import { optionName } from '../charts/option-names'
import { reportTexts, type ReportTexts } from './texts'
import type { ReportInput } from './types'

export interface ReportContext {
  input: ReportInput
  t: ReportTexts
  date: (iso: string) => string
  /** An option's name in the report's language. */
  name: (option: OptionResult) => string
  chosen: OptionResult | undefined
}

export function contextOf(input: ReportInput): ReportContext {
  const t = reportTexts[input.language]
  const chosen = input.recommendation ? input.result.options.find((option) => option.id === input.recommendation?.optionId) : undefined
  return { input, t, date: (iso) => formatDate(iso, input.language), name: (option) => optionName(option, input.language), chosen }
}

/** "2 jaar", "90 dagen": a waiting period in the words an adviser uses. */
export function waitingPeriodText(days: number, t: ReportTexts): string {
  return days === 0 ? t.none : t.days(days)
}

export function degreeText(degree: number): string {
  return formatPercent(degree, 0)
}
