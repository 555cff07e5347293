/**
 * "Premie per jaar tot de AOW": the gross premium of every available option, year by year from
 * the calculation year to the year before AOW age (the projection the rules computed).
 */
import { formatEuro, formatEuroWhole } from '../format'
import type { AdviceResult } from '../schema/result'
import { chartFontFamily, gridColour, inkColour, mutedColour, optionColours } from './palette'
import type { ChartOption, ChartSettings } from './types'

const axisTitle = { nl: 'Brutopremie per jaar', en: 'Gross premium per year' }

export function premiumPerYearChart(result: AdviceResult, settings: ChartSettings): ChartOption {
  const options = result.options.filter((option) => option.available && option.projection.length > 0)
  const years = [...new Set(options.flatMap((option) => option.projection.map((row) => row.year)))].sort((a, b) => a - b)
  return {
    animation: settings.animation ?? false,
    textStyle: { fontFamily: settings.fontFamily ?? chartFontFamily, color: inkColour },
    color: options.map((option) => optionColours[option.id]),
    grid: { left: 78, right: 24, top: 62, bottom: 36 },
    legend: { top: 0, left: 'center', itemWidth: 18, itemHeight: 10, textStyle: { fontSize: 12, color: inkColour } },
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => formatEuro(value) },
    xAxis: {
      type: 'category',
      data: years.map(String),
      axisLabel: { fontSize: 11, color: mutedColour, interval: 1 },
      axisLine: { lineStyle: { color: mutedColour } },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      name: axisTitle[settings.language],
      nameTextStyle: { fontSize: 11, color: mutedColour, align: 'left', padding: [0, 0, 4, -70] },
      min: 0,
      axisLabel: { fontSize: 11, color: mutedColour, formatter: (value: number) => formatEuroWhole(value) },
      splitLine: { lineStyle: { color: gridColour } },
    },
    series: options.map((option) => {
      const byYear = new Map(option.projection.map((row) => [row.year, row.premium]))
      return {
        name: option.label,
        type: 'line',
        step: false,
        symbol: 'circle',
        symbolSize: 4,
        lineStyle: { width: 2.5 },
        data: years.map((year) => byYear.get(year) ?? null),
      }
    }),
  }
}
