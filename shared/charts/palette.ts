/** One colour per option, the same on screen and in the PDF, so a reader can follow an option. */
import type { OptionId } from '../schema/result'

export const optionColours: Record<OptionId, string> = {
  baz: '#1f5f8b',
  'baz-top-up': '#4fa3a5',
  'opt-out': '#d9822b',
  transitional: '#7d5ba6',
  'keep-both': '#a23b4c',
}

export const inkColour = '#1d2733'
export const mutedColour = '#5b6775'
export const gridColour = '#d9dee4'

/** The PDF embeds Liberation Sans under this name; a browser falls back to the next ones. */
// No quotes: ECharts writes the family into an SVG attribute without escaping them.
export const chartFontFamily = 'LiberationSans, Liberation Sans, Arial, sans-serif'
