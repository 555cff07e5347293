/**
 * Dutch number input: "42.000", "42.000,50", "5,4", "42000", "€ 3.900,-" and "€ 48.000,50" all
 * read as the adviser meant them ("-" or "--" after the comma are zero cents, as on a cheque).
 * A comma is the decimal mark; dots are thousands separators when a comma is present or when every
 * group after a dot has three digits; otherwise a single dot is read as a decimal point.
 * Returns undefined for an empty field and the text itself when it is not a number (so the shared
 * schema reports "moet een getal zijn" next to the field).
 */
export function parseDutchNumber(text: string): number | string | undefined {
  const trimmed = text.replace(/[\s\u00a0€%]/g, '').replace(/,[-\u2013\u2014]{1,2}$/, '')
  if (trimmed === '') return undefined
  let normalised: string
  if (trimmed.includes(',')) normalised = trimmed.replace(/\./g, '').replace(',', '.')
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(trimmed)) normalised = trimmed.replace(/\./g, '')
  else normalised = trimmed
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return text
  return Number(normalised)
}

/** A percentage field ("5,4") to a fraction (0.054), without float noise in the last digits. */
export function parsePercent(text: string): number | string | undefined {
  const value = parseDutchNumber(text)
  if (typeof value !== 'number') return value
  return Number((value / 100).toPrecision(12))
}

/** For showing a fraction in a percentage field: 0.054 -> "5,4". */
export function percentText(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(12))).replace('.', ',')
}

/** For showing an amount in an input: 42000.5 -> "42000,50" (no thousands dots while typing). */
export function amountText(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace('.', ',')
}
