/**
 * Server-side chart rendering: the ECharts options from shared/charts drawn to SVG without a DOM
 * (ECharts' SSR mode), so the PDF holds the same picture the screen shows, as vectors.
 */
import { init, use, type EChartsCoreOption } from 'echarts/core'
import { BarChart, LineChart } from 'echarts/charts'
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import { coverOverlapChart, hasCoverOverlap, incomeNeedChart, incomeWhenDisabledChart, pdfChartSize, picturedOptions, premiumPerYearChart } from '../../shared/charts'
import type { ChartOption } from '../../shared/charts'
import type { Language } from '../../shared/format'
import type { ClientCase } from '../../shared/schema/case'
import type { AdviceResult } from '../../shared/schema/result'

// Only the parts the charts in shared/charts use (the same list as the screen's ChartPanel): the
// whole of ECharts is several hundred modules, and loading them was about half a second of the
// first report in a fresh process.
use([BarChart, LineChart, GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TitleComponent, TooltipComponent, SVGRenderer])

export function renderChartSvg(option: ChartOption, size: { width: number; height: number } = pdfChartSize): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height })
  try {
    chart.setOption(option as EChartsCoreOption)
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

/** Bars for at most five options: lower than the time charts. */
const coverOverlapSize = { width: pdfChartSize.width, height: 240 }

/**
 * The report's charts; a chart without a series to draw is left out, never drawn empty. The
 * yearly benefit chart is drawn only when the case has no household need (the needs chart,
 * month by month and net, replaces it).
 */
export function renderReportCharts(
  result: AdviceResult,
  language: Language,
  clientCase?: ClientCase,
): { premiumPerYear?: string; incomeWhenDisabled?: string; incomeNeed?: string; coverOverlap?: string } {
  const withProjection = result.options.some((option) => option.available && option.projection.length > 0)
  const pictured = picturedOptions(result)
  const needKnown = result.options.some((option) => option.incomePicture)
  return {
    ...(withProjection ? { premiumPerYear: renderChartSvg(premiumPerYearChart(result, { language })) } : {}),
    ...(withProjection && !needKnown ? { incomeWhenDisabled: renderChartSvg(incomeWhenDisabledChart(result, { language })) } : {}),
    ...(pictured.length > 0 ? { incomeNeed: renderChartSvg(incomeNeedChart(result, { language }, pictured)) } : {}),
    // Baz and a private AOV in one option (keeping both, a top-up): the two parts stacked.
    ...(clientCase && hasCoverOverlap(result) ? { coverOverlap: renderChartSvg(coverOverlapChart(result, clientCase, { language }), coverOverlapSize) } : {}),
  }
}
