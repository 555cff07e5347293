/**
 * The one place where numbers become text: money, percentages and dates, for the report, the
 * screen and the headless command alike; Dutch conventions by default, English ones (`€1,234.56`,
 * `5.4%`) for English text.
 *
 * Amounts arrive already rounded to cents by the rules (decimal.js); these functions only format,
 * they never compute money. The space after "€" and before "%" is a non-breaking space (U+00A0),
 * as in `Intl.NumberFormat('nl-NL')`, so "€ 1.234,56" never breaks across two lines of the PDF.
 * Tests that read the PDF back (pdftotext keeps U+00A0) compare with these same functions.
 */

/** U+00A0: keeps "€" and its amount, and a number and its "%", together on one line. */
export const nbsp = '\u00a0'

export type Language = 'nl' | 'en'

/** Groups the integer digits by thousands: "1234567" -> "1.234.567" (Dutch) or "1,234,567" (English). */
function groupThousands(digits: string, separator = '.'): string {
  if (digits.length <= 3) return digits
  const head = digits.length % 3 || 3
  let out = digits.slice(0, head)
  for (let index = head; index < digits.length; index += 3) out += separator + digits.slice(index, index + 3)
  return out
}

/**
 * `€ 1.234,56`: euros with two decimals, dot for thousands, comma for cents; a negative amount
 * reads `€ -1.234,56` (the Dutch convention, and what Intl's nl-NL gives).
 */
export function formatEuro(value: number, language: Language = 'nl'): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatEuro: geen bedrag: ${value}`)
  // toFixed(2) on a value that already holds whole cents only picks the nearest representation;
  // it does not round money that the rules have not rounded already.
  return formatEuroFixed(value.toFixed(2), language)
}

/**
 * The same from a decimal string with two decimals ("-1234.56"), as decimal.js's `toFixed(2)`
 * gives it: the rules format their traces without a round trip through a float.
 */
export function formatEuroFixed(fixed: string, language: Language = 'nl'): string {
  const negative = fixed.startsWith('-')
  const digits = negative ? fixed.slice(1) : fixed
  const [whole = '0', cents = '00'] = digits.split('.')
  const sign = negative && digits !== '0.00' ? '-' : ''
  // English text follows English conventions: "-€1,234.56".
  if (language === 'en') return `${sign}€${groupThousands(whole, ',')}.${cents}`
  return `€${nbsp}${sign}${groupThousands(whole)},${cents}`
}

/** `€ 1.235` (English `€1,235`): whole euros, for chart axes and round figures; the text of the report uses formatEuro. */
export function formatEuroWhole(value: number, language: Language = 'nl'): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatEuroWhole: geen bedrag: ${value}`)
  const fixed = Math.abs(value).toFixed(0)
  const negative = value < 0 && fixed !== '0'
  if (language === 'en') return `${negative ? '-' : ''}€${groupThousands(fixed, ',')}`
  return `€${nbsp}${negative ? '-' : ''}${groupThousands(fixed)}`
}

/**
 * `5,4 %` from the fraction 0.054: at most `maxDecimals` decimals (default 2), trailing zeros
 * dropped, so 0.07 reads `7 %` and 1.4286 reads `142,86 %`.
 */
export function formatPercent(fraction: number, maxDecimals = 2, language: Language = 'nl'): string {
  if (!Number.isFinite(fraction)) throw new RangeError(`formatPercent: geen getal: ${fraction}`)
  // Scale in the decimal string rather than multiplying by 100 in floating point: 0.054 * 100
  // is 5.3999999999999995, which must still read 5,4.
  const percent = Number((fraction * 100).toPrecision(12))
  let text = Math.abs(percent).toFixed(maxDecimals)
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '')
  const [whole = '0', decimals] = text.split('.')
  const negative = percent < 0 && /[1-9]/.test(text)
  if (language === 'en') return `${negative ? '-' : ''}${groupThousands(whole, ',')}${decimals ? '.' + decimals : ''}%`
  return `${negative ? '-' : ''}${groupThousands(whole)}${decimals ? ',' + decimals : ''}${nbsp}%`
}

/** `207,2` or `1.234`: a plain number in Dutch notation, at most `maxDecimals` decimals. */
export function formatNumber(value: number, maxDecimals = 2, language: Language = 'nl'): string {
  if (!Number.isFinite(value)) throw new RangeError(`formatNumber: geen getal: ${value}`)
  let text = Math.abs(value).toFixed(maxDecimals)
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '')
  const [whole = '0', decimals] = text.split('.')
  const negative = value < 0 && /[1-9]/.test(text)
  if (language === 'en') return `${negative ? '-' : ''}${groupThousands(whole, ',')}${decimals ? '.' + decimals : ''}`
  return `${negative ? '-' : ''}${groupThousands(whole)}${decimals ? ',' + decimals : ''}`
}

const monthNames: Record<Language, readonly string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}

/**
 * `17 mei 2030` from `2030-05-17` (or a full ISO timestamp: only its date part is used). The
 * date is read from the text itself, not through `Date`, so no time zone can shift it a day.
 */
export function formatDate(iso: string, language: Language = 'nl'): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso)
  const month = match ? Number(match[2]) : 0
  const day = match ? Number(match[3]) : 0
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`formatDate: geen ISO-datum: ${iso}`)
  return `${day} ${monthNames[language][month - 1]} ${match[1]}`
}
