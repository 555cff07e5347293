/**
 * "Premie per jaar tot de AOW": the gross premium of every available option, year by year from
 * the calculation year to the year before AOW age (the projection the rules computed). A premium
 * is paid per year, so each year is a step, not a slope between years.
 */
import type { AdviceResult } from '../schema/result'
import { euroPerYearFrame, optionLine } from './euro-per-year'
import { optionName } from './option-names'
import type { ChartOption, ChartSettings } from './types'

const axisTitle = { nl: 'Brutopremie per jaar', en: 'Gross premium per year' }

export function premiumPerYearChart(result: AdviceResult, settings: ChartSettings): ChartOption {
  const options = result.options.filter((option) => option.available && option.projection.length > 0)
  const years = [...new Set(options.flatMap((option) => option.projection.map((row) => row.year)))].sort((a, b) => a - b)
  return {
    ...euroPerYearFrame(options, years, axisTitle[settings.language], settings),
    series: options.map((option) => {
      const byYear = new Map(option.projection.map((row) => [row.year, row.premium]))
      return {
        name: optionName(option, settings.language),
        type: 'line',
        step: 'middle',
        ...optionLine(option, settings),
        data: years.map((year) => byYear.get(year) ?? null),
      }
    }),
  }
}
