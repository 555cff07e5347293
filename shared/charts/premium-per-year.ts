/**
 * "Premie per jaar tot de AOW": the gross premium of every available option, year by year from
 * the calculation year to the year before AOW age (the projection the rules computed).
 */
import type { AdviceResult } from '../schema/result'
import { euroPerYearFrame } from './euro-per-year'
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
        // A yearly amount holds for the whole year: steps, not a slope between years.
        step: 'end',
        symbol: 'circle',
        symbolSize: 4,
        lineStyle: { width: 2.5 },
        data: years.map((year) => byYear.get(year) ?? null),
      }
    }),
  }
}
