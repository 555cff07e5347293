/**
 * A chart is an ECharts option object: plain data (plus a few label formatters) that
 * src-main/reports renders to SVG for the PDF and the renderer draws live with vue-echarts.
 * Typed loosely here so shared/ need not import echarts.
 */
import type { Language } from '../format'

export type ChartOption = Record<string, unknown>

export interface ChartSettings {
  language: Language
  /** Animation on screen; off for the PDF (a server-side render takes the first frame). */
  animation?: boolean
  fontFamily?: string
}

/** The size the PDF renders a chart at, in CSS pixels; the report scales it to the page width. */
export const pdfChartSize = { width: 760, height: 340 } as const
