/** Chart specs shared by the screen and the PDF: advice result in, ECharts option out. */
export { coverOverlapChart, coverOverlapText, hasCoverOverlap } from './cover-overlap'
export { incomeWhenDisabledChart } from './income-when-disabled'
export { incomeNeedChart, incomeNeedText, picturedOptions } from './income-need'
export { optionName } from './option-names'
export { optionColours, chartFontFamily } from './palette'
export { premiumPerYearChart } from './premium-per-year'
export { pdfChartSize, type ChartOption, type ChartSettings } from './types'
