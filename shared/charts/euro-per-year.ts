/**
 * The frame both charts share: one line per option over calendar years, euros on the value axis,
 * in the project's palette and font. Each chart adds only its series.
 */
import { formatEuro, formatEuroWhole } from '../format'
import type { OptionResult } from '../schema/result'
import { chartFontFamily, gridColour, inkColour, mutedColour, optionColours } from './palette'
import type { ChartOption, ChartSettings } from './types'

export function euroPerYearFrame(options: readonly OptionResult[], years: readonly number[], axisTitle: string, settings: ChartSettings): ChartOption {
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
      name: axisTitle,
      nameTextStyle: { fontSize: 11, color: mutedColour, align: 'left', padding: [0, 0, 4, -70] },
      min: 0,
      axisLabel: { fontSize: 11, color: mutedColour, formatter: (value: number) => formatEuroWhole(value) },
      splitLine: { lineStyle: { color: gridColour } },
    },
  }
}
