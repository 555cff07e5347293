/**
 * "Inkomen en behoefte": per option, the household's net income per month if the client becomes
 * disabled as in the illustration, against the need line, from the first day of illness to the
 * AOW date. Income changes only from phase to phase, so each series is drawn as steps with a
 * marker where it changes; series that coincide keep apart by line style and marker shape. The
 * waiting period is shaded; a private policy's end and the AOW date are marked.
 * `incomeNeedText` says the same in words (the chart's text alternative).
 */
import { formatDate, formatEuro, formatEuroWhole, type Language } from '../format'
import type { AdviceResult, IncomePicture, OptionResult } from '../schema/result'
import { optionName } from './option-names'
import { chartFontFamily, gridColour, inkColour, mutedColour, optionColours } from './palette'
import type { ChartOption, ChartSettings } from './types'

const words = {
  nl: {
    axis: 'Netto inkomen per maand',
    need: 'Behoefte',
    waiting: 'wachttijd',
    aow: 'AOW',
    policyEnd: 'AOV stopt',
    phase: { waiting: 'wachttijd', benefit: 'uitkering', 'after-policy-end': 'na het einde van de AOV' },
    noBenefit: 'geen uitkering',
    privateAlone: 'Private AOV (offerte)',
    months: (count: number) => `${count} ${count === 1 ? 'maand' : 'maanden'}`,
    line: (name: string, parts: string) => `${name}: ${parts}.`,
    part: (phase: string, months: string, income: string, short: string) => `${phase} ${months} ${income} per maand${short}`,
    short: (amount: string) => ` (tekort ${amount})`,
    intro: (need: string, from: string, aow: string) => `In woorden: de behoefte is ${need} netto per maand; van ${from} tot de AOW-datum ${aow} komt er per maand binnen:`,
  },
  en: {
    axis: 'Net income per month',
    need: 'Need',
    waiting: 'waiting period',
    aow: 'AOW',
    policyEnd: 'AOV ends',
    phase: { waiting: 'waiting period', benefit: 'benefit', 'after-policy-end': 'after the AOV ends' },
    noBenefit: 'no benefit',
    privateAlone: 'Private AOV (quote)',
    months: (count: number) => `${count} ${count === 1 ? 'month' : 'months'}`,
    line: (name: string, parts: string) => `${name}: ${parts}.`,
    part: (phase: string, months: string, income: string, short: string) => `${phase} ${months} ${income} a month${short}`,
    short: (amount: string) => ` (short ${amount})`,
    intro: (need: string, from: string, aow: string) => `In words: the need is ${need} net a month; from ${from} to the AOW date ${aow} the household receives per month:`,
  },
} as const

const lineTypes = ['solid', 'dashed', 'dotted', 'solid', 'dashed'] as const
const markers = ['circle', 'rect', 'triangle', 'diamond', 'pin'] as const

type Pictured = OptionResult & { incomePicture: IncomePicture }

/** Outside the insured group the "opt-out" option is the private policy on its own: named so. */
function seriesName(result: AdviceResult, option: OptionResult, language: Language): string {
  return !result.client.insured && option.id === 'opt-out' ? words[language].privateAlone : optionName(option, language)
}

/**
 * Options with a complete net income picture (no amount missing for want of a tax rate): those the
 * client can choose, or, for a client outside the insured group, the private policy on its own.
 */
export function picturedOptions(result: AdviceResult): Pictured[] {
  return result.options.filter(
    (option): option is Pictured =>
      (option.available || !result.client.insured) && option.incomePicture !== undefined && option.incomePicture.phases.length > 0 && option.incomePicture.phases.every((phase) => phase.incomeNetMonthly !== null),
  )
}

export function incomeNeedChart(result: AdviceResult, settings: ChartSettings, options: readonly Pictured[] = picturedOptions(result)): ChartOption {
  const t = words[settings.language]
  const need = options[0]?.incomePicture.needMonthly ?? 0
  const start = options[0]?.illustration.disabledFrom ?? `${result.calculationYear}-01-01`
  const aow = result.client.aowDate
  // Each distinct waiting period once, lightest first, so nested ones stay visible.
  const waitingEnds = [...new Set(options.map((option) => option.incomePicture.phases.find((phase) => phase.id === 'waiting')?.to).filter((to): to is string => to !== undefined))].sort()
  const policyEnds = [...new Set(options.map((option) => option.incomePicture.policyEnds).filter((end): end is string => end !== null))]
  const peak = Math.max(need, ...options.flatMap((option) => option.incomePicture.phases.map((phase) => phase.incomeNetMonthly ?? 0)))
  // A presentation screen asks for larger text (settings.fontSize); the PDF keeps the small sizes.
  const axisFont = settings.fontSize ?? 11
  const legendFont = settings.fontSize ?? 12
  const markFont = settings.fontSize ?? 10
  return {
    animation: settings.animation ?? false,
    textStyle: { fontFamily: settings.fontFamily ?? chartFontFamily, color: inkColour },
    grid: { left: 78 + (axisFont - 11) * 6, right: 28, top: 62 + (legendFont - 12) * 6, bottom: 36 + (axisFont - 11) * 2 },
    legend: { top: 0, left: 'center', itemWidth: 22, itemHeight: 10, textStyle: { fontSize: legendFont, color: inkColour } },
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => formatEuro(value, settings.language) },
    xAxis: {
      type: 'time',
      min: start,
      max: aow,
      // Only January ticks carry a label: a tick per half year would print each year twice.
      axisLabel: {
        fontSize: axisFont,
        color: mutedColour,
        hideOverlap: true,
        formatter: (value: number) => {
          const date = new Date(value)
          return date.getMonth() === 0 ? String(date.getFullYear()) : ''
        },
      },
      axisLine: { lineStyle: { color: mutedColour } },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      name: t.axis,
      min: 0,
      // A round top: € 4.500 above a € 1.000 grid printed two crowded labels at the top.
      max: Math.ceil((peak * 1.15) / (peak * 1.15 > 2500 ? 1000 : 500)) * (peak * 1.15 > 2500 ? 1000 : 500) || 500,
      nameTextStyle: { fontSize: axisFont, color: mutedColour, align: 'left', padding: [0, 0, 4, -70 - (axisFont - 11) * 6] },
      axisLabel: { fontSize: axisFont, color: mutedColour, formatter: (value: number) => formatEuroWhole(value, settings.language) },
      splitLine: { lineStyle: { color: gridColour } },
    },
    series: [
      ...options.map((option, index) => {
        const phases = option.incomePicture.phases
        const points: [string, number][] = phases.map((phase) => [phase.from, phase.incomeNetMonthly!])
        points.push([aow, phases.at(-1)!.incomeNetMonthly!])
        return {
          name: seriesName(result, option, settings.language),
          type: 'line',
          step: 'end',
          color: optionColours[option.id],
          symbol: markers[index % markers.length],
          symbolSize: 7,
          // Coinciding series: each its own dash and width, the later ones thinner on top.
          lineStyle: { width: Math.max(1.5, 4 - index * 0.8), type: lineTypes[index % lineTypes.length] },
          data: points,
          z: 3 + index,
        }
      }),
      {
        name: t.need,
        type: 'line',
        color: inkColour,
        symbol: 'none',
        lineStyle: { width: 1.5, type: [6, 3], color: inkColour },
        data: [
          [start, need],
          [aow, need],
        ],
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(91, 103, 117, 0.10)' },
          label: { color: mutedColour, fontSize: markFont, position: 'insideTop' },
          data: waitingEnds.map((end, index) => [{ xAxis: start, ...(index === waitingEnds.length - 1 ? { name: t.waiting } : {}) }, { xAxis: end }]),
        },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: mutedColour, type: 'dashed' },
          label: { color: mutedColour, fontSize: markFont, position: 'insideEndTop' },
          data: [...policyEnds.map((end) => ({ xAxis: end, name: t.policyEnd, label: { formatter: t.policyEnd } })), { xAxis: aow, name: t.aow, label: { formatter: t.aow } }],
        },
        z: 10,
      },
    ],
  }
}

/** The chart in words: per option its phases with months, income and shortfall. */
export function incomeNeedText(result: AdviceResult, language: Language, options: readonly Pictured[] = picturedOptions(result)): string[] {
  const t = words[language]
  const first = options[0]
  if (!first) return []
  const lines = [t.intro(formatEuro(first.incomePicture.needMonthly, language), formatDate(first.illustration.disabledFrom, language), formatDate(result.client.aowDate, language))]
  for (const option of options) {
    const parts = option.incomePicture.phases.map((phase) =>
      t.part(phase.id === 'benefit' && phase.benefitNetMonthly === 0 ? t.noBenefit : t.phase[phase.id], t.months(phase.months), formatEuro(phase.incomeNetMonthly!, language), phase.shortfallMonthly ? t.short(formatEuro(phase.shortfallMonthly, language)) : ''),
    )
    lines.push(t.line(seriesName(result, option, language), parts.join('; ')))
  }
  return lines
}
