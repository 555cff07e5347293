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
  /**
   * Size of the axis labels and the legend in CSS pixels (default 11 and 12, for the PDF page);
   * the presentation screen asks at least 16 so a client across the table can read it.
   */
  fontSize?: number
}

/** The size the PDF renders a chart at, in CSS pixels; the report scales it to the page width. */
export const pdfChartSize = { width: 760, height: 340 } as const
