/**
 * The frame both charts share: one line per option over calendar years, euros on the value axis,
 * in the project's palette and font. Each chart adds only its series.
 */
import { formatEuro, formatEuroWhole } from '../format'
import type { OptionResult } from '../schema/result'
import { chartFontFamily, gridColour, inkColour, mutedColour, optionColours } from './palette'
import type { ChartOption, ChartSettings } from './types'

/**
 * How each option's line is drawn besides its colour: two options with the same amounts (e.g. the
 * Baz alone and the Baz with the lopende AOV in the years before disability) lie on top of each
 * other, so each also has its own dash pattern and marker, also readable in black and white.
 */
const lineTypes: Record<OptionResult['id'], { type: 'solid' | 'dashed' | 'dotted' | number[]; symbol: string }> = {
  baz: { type: 'solid', symbol: 'circle' },
  'baz-top-up': { type: 'dashed', symbol: 'rect' },
  'opt-out': { type: [10, 4, 2, 4], symbol: 'triangle' },
  transitional: { type: 'dotted', symbol: 'diamond' },
  'keep-both': { type: [2, 6], symbol: 'roundRect' },
}

/** The line style of one option's series (the width grows with the font on a presentation screen). */
export function optionLine(option: OptionResult, settings: ChartSettings): { lineStyle: { width: number; type: (typeof lineTypes)[OptionResult['id']]['type'] }; symbol: string; symbolSize: number } {
  const style = lineTypes[option.id]
  const large = (settings.fontSize ?? 11) >= 14
  return { lineStyle: { width: large ? 3.5 : 2.5, type: style.type }, symbol: style.symbol, symbolSize: large ? 8 : 5 }
}

export function euroPerYearFrame(options: readonly OptionResult[], years: readonly number[], axisTitle: string, settings: ChartSettings): ChartOption {
  const axisFont = settings.fontSize ?? 11
  const legendFont = settings.fontSize ?? 12
  return {
    animation: settings.animation ?? false,
    textStyle: { fontFamily: settings.fontFamily ?? chartFontFamily, color: inkColour },
    color: options.map((option) => optionColours[option.id]),
    grid: { left: 78 + (axisFont - 11) * 6, right: 24, top: 62 + (legendFont - 12) * 4, bottom: 36 + (axisFont - 11) * 2 },
    legend: { top: 0, left: 'center', itemWidth: 28, itemHeight: 10, textStyle: { fontSize: legendFont, color: inkColour } },
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => formatEuro(value, settings.language) },
    xAxis: {
      type: 'category',
      data: years.map(String),
      axisLabel: { fontSize: axisFont, color: mutedColour, interval: axisFont > 11 ? 'auto' : 1 },
      axisLine: { lineStyle: { color: mutedColour } },
      axisTick: { alignWithLabel: true },
    },
    yAxis: {
      type: 'value',
      name: axisTitle,
      nameTextStyle: { fontSize: axisFont, color: mutedColour, align: 'left', padding: [0, 0, 4, -70 - (axisFont - 11) * 6] },
      min: 0,
      axisLabel: { fontSize: axisFont, color: mutedColour, formatter: (value: number) => formatEuroWhole(value, settings.language) },
      splitLine: { lineStyle: { color: gridColour } },
    },
  }
}
