/**
 * "Baz en AOV samen": per option that holds cover, the yearly benefit at full disability split
 * into its Baz part and its private part, stacked, next to the client's last profit. Keeping the
 * Baz and the running AOV both (or a top-up on the Baz) shows as one bar of two parts; a bar that
 * passes the profit line is the over-insurance an insurer may refuse or not pay out. Only drawn
 * when some option has both parts: otherwise the comparison table says it all.
 * `coverOverlapText` says the same in words (the chart's text alternative); the rules' own
 * over-insurance warning stands with the option's conditions.
 */
import { formatEuro, formatEuroWhole, type Language } from '../format'
import { Money, minMoney, toEuros, zero } from '../money'
import type { AdviceResult, OptionResult } from '../schema/result'
import type { ClientCase } from '../schema/case'
import { optionName } from './option-names'
import { chartFontFamily, gridColour, inkColour, mutedColour, optionColours } from './palette'
import type { ChartOption, ChartSettings } from './types'

const words = {
  nl: {
    baz: 'Baz',
    policy: 'Private AOV',
    profit: (year: number) => `Winst ${year}`,
    intro: 'In woorden: de uitkering per jaar bij volledige arbeidsongeschiktheid, Baz en private AOV samen:',
    line: (name: string, baz: string, policy: string, total: string) => `${name}: Baz ${baz} + AOV ${policy} = ${total} per jaar.`,
    single: (name: string, kind: string, total: string) => `${name}: alleen ${kind}, ${total} per jaar.`,
    profitLine: (year: number, amount: string) => `Ter vergelijking: uw winst in ${year} was ${amount}.`,
    above: (name: string, year: number) => `${name} keert samen meer uit dan uw winst in ${year}: oververzekering.`,
  },
  en: {
    baz: 'Baz',
    policy: 'Private AOV',
    profit: (year: number) => `Profit ${year}`,
    intro: 'In words: the benefit per year at full disability, Baz and private AOV together:',
    line: (name: string, baz: string, policy: string, total: string) => `${name}: Baz ${baz} + AOV ${policy} = ${total} a year.`,
    single: (name: string, kind: string, total: string) => `${name}: ${kind} only, ${total} a year.`,
    profitLine: (year: number, amount: string) => `For comparison: your profit in ${year} was ${amount}.`,
    above: (name: string, year: number) => `${name} together pays more than your profit in ${year}: over-insurance.`,
  },
} as const

export interface CoverParts {
  option: OptionResult
  /** Yearly Baz benefit at full disability (0 when the option holds no Baz). */
  baz: number
  /** Yearly private benefit at full disability. */
  policy: number
}

/**
 * The options the client can choose that pay at full disability, each split into its Baz part
 * and its private part. An option holds the Baz when it carries Baz premium; its Baz part is the
 * Baz option's own benefit, the rest of its benefit is the private policy's.
 */
export function coverParts(result: AdviceResult): CoverParts[] {
  const bazAtFull = result.options.find((option) => option.id === 'baz')?.benefit.annualAtFullDisability ?? 0
  return result.options
    .filter((option) => option.available && option.benefit.annualAtFullDisability > 0)
    .map((option) => {
      const total = new Money(option.benefit.annualAtFullDisability)
      const baz = option.premium.publicAnnual > 0 ? minMoney(new Money(bazAtFull), total) : zero
      // In decimals: the parts add up to the option's benefit to the cent.
      return { option, baz: toEuros(baz), policy: toEuros(total.minus(baz)) }
    })
}

/** Whether the chart has something to show: an option with both a Baz part and a private part. */
export function hasCoverOverlap(result: AdviceResult): boolean {
  return coverParts(result).some((parts) => parts.baz > 0 && parts.policy > 0)
}

/** The last profit the case records, as a yardstick for the bars. */
function lastProfit(clientCase: ClientCase): { year: number; amount: number } | undefined {
  const last = [...clientCase.income].sort((a, b) => a.year - b.year).at(-1)
  return last ? { year: last.year, amount: last.profit } : undefined
}

export function coverOverlapChart(result: AdviceResult, clientCase: ClientCase, settings: ChartSettings): ChartOption {
  const t = words[settings.language]
  const parts = coverParts(result)
  const profit = lastProfit(clientCase)
  const fontSize = settings.fontSize ?? 11
  const names = parts.map((part) => optionName(part.option, settings.language))
  const bar = (name: string, colour: string, values: number[], withTotal: boolean) => ({
    name,
    type: 'bar',
    stack: 'cover',
    barWidth: 22,
    color: colour,
    data: values,
    label: withTotal
      ? { show: true, position: 'right', fontSize, color: inkColour, formatter: ({ dataIndex }: { dataIndex: number }) => formatEuroWhole(parts[dataIndex]!.option.benefit.annualAtFullDisability, settings.language) }
      : { show: false },
  })
  return {
    animation: settings.animation ?? false,
    textStyle: { fontFamily: settings.fontFamily ?? chartFontFamily, color: inkColour },
    grid: { left: 200, right: 90, top: 52, bottom: 30 },
    legend: { top: 0, left: 'center', itemWidth: 22, itemHeight: 10, textStyle: { fontSize: fontSize + 1, color: inkColour } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (value: number) => formatEuro(value, settings.language) },
    xAxis: {
      type: 'value',
      min: 0,
      axisLabel: { fontSize, color: mutedColour, formatter: (value: number) => formatEuroWhole(value, settings.language) },
      splitLine: { lineStyle: { color: gridColour } },
    },
    yAxis: { type: 'category', inverse: true, data: names, axisLabel: { fontSize, color: inkColour, width: 190, overflow: 'break' }, axisLine: { lineStyle: { color: mutedColour } } },
    series: [
      bar(t.baz, optionColours.baz, parts.map((part) => part.baz), false),
      {
        ...bar(t.policy, optionColours.transitional, parts.map((part) => part.policy), true),
        ...(profit
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: inkColour, type: [6, 3], width: 1.5 },
                label: { formatter: `${t.profit(profit.year)}: ${formatEuroWhole(profit.amount, settings.language)}`, position: 'start', fontSize: fontSize - 1, color: inkColour },
                data: [{ xAxis: profit.amount }],
              },
            }
          : {}),
      },
    ],
  }
}

/** The chart in words: per option its Baz part, its private part and the sum; the profit, and which options pay more than it. */
export function coverOverlapText(result: AdviceResult, clientCase: ClientCase, language: Language): string[] {
  const t = words[language]
  const parts = coverParts(result)
  if (parts.length === 0) return []
  const profit = lastProfit(clientCase)
  return [
    t.intro,
    ...parts.map((part) => {
      const name = optionName(part.option, language)
      const total = formatEuro(part.option.benefit.annualAtFullDisability, language)
      if (part.baz > 0 && part.policy > 0) return t.line(name, formatEuro(part.baz, language), formatEuro(part.policy, language), total)
      return t.single(name, part.baz > 0 ? t.baz : 'AOV', total)
    }),
    ...(profit ? [t.profitLine(profit.year, formatEuro(profit.amount, language))] : []),
    ...(profit ? parts.filter((part) => part.baz > 0 && part.policy > 0 && part.option.benefit.annualAtFullDisability > profit.amount).map((part) => t.above(optionName(part.option, language), profit.year)) : []),
  ]
}
