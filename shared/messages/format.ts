/**
 * Numbers, amounts, percentages and dates in the language of the text they appear in: Dutch
 * conventions in Dutch (`€ 1.234,56`, `5,4 %`), English ones in English (`€1,234.56`, `5.4%`).
 */
import type Decimal from 'decimal.js'
import { formatDate, formatEuroFixed, formatNumber, formatPercent, type Language } from '../format'
import { toCentsText } from '../money'

export interface Formatters {
  language: Language
  euro(value: Decimal | number): string
  percent(fraction: Decimal | string | number): string
  number(value: number, maxDecimals?: number): string
  date(iso: string): string
}

function makeFormatters(language: Language): Formatters {
  // The same figure (a cap, a premium) appears in many texts: format each Decimal once.
  const formatted = new WeakMap<Decimal, string>()
  return {
    language,
    euro(value) {
      if (typeof value === 'number') return formatEuroFixed(value.toFixed(2), language)
      let text = formatted.get(value)
      if (text === undefined) {
        text = formatEuroFixed(toCentsText(value), language)
        formatted.set(value, text)
      }
      return text
    },
    percent: (fraction) => formatPercent(typeof fraction === 'object' ? fraction.toNumber() : Number(fraction), 2, language),
    number: (value, maxDecimals = 2) => formatNumber(value, maxDecimals, language),
    date: (iso) => formatDate(iso, language),
  }
}

const byLanguage: Record<Language, Formatters> = { nl: makeFormatters('nl'), en: makeFormatters('en') }

export function formattersFor(language: Language): Formatters {
  return byLanguage[language]
}
