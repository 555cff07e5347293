/**
 * "Inkomen bij arbeidsongeschiktheid": per option, the yearly benefit in the illustration (disabled
 * at the chosen age and degree) from the year before the first day of disability to AOW age.
 * The years of the waiting period show as zero: the gap the client has to bridge.
 */
import type { AdviceResult } from '../schema/result'
import { euroPerYearFrame, optionLine } from './euro-per-year'
import { optionName } from './option-names'
import { mutedColour } from './palette'
import type { ChartOption, ChartSettings } from './types'

const axisTitle = { nl: 'Uitkering per jaar', en: 'Benefit per year' }
const disabledLabel = { nl: 'arbeidsongeschikt', en: 'disabled' }

export function incomeWhenDisabledChart(result: AdviceResult, settings: ChartSettings): ChartOption {
  const options = result.options.filter((option) => option.available && option.projection.length > 0)
  const disabledYear = Number(options[0]?.illustration.disabledFrom.slice(0, 4) ?? result.calculationYear)
  const firstYear = Math.max(result.calculationYear, disabledYear - 1)
  const years = [...new Set(options.flatMap((option) => option.projection.map((row) => row.year)))]
    .filter((year) => year >= firstYear)
    .sort((a, b) => a - b)
  return {
    ...euroPerYearFrame(options, years, axisTitle[settings.language], settings),
    series: options.map((option, index) => {
      const byYear = new Map(option.projection.map((row) => [row.year, row.benefitIfDisabled]))
      return {
        name: optionName(option, settings.language),
        type: 'line',
        step: 'middle',
        ...optionLine(option, settings),
        data: years.map((year) => byYear.get(year) ?? 0),
        // Mark the year the illustration starts, once.
        ...(index === 0
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: mutedColour, type: 'dashed' },
                label: { formatter: disabledLabel[settings.language], color: mutedColour, fontSize: settings.fontSize ?? 11, position: 'insideEndTop' },
                data: [{ xAxis: String(disabledYear) }],
              },
            }
          : {}),
      }
    }),
  }
}
