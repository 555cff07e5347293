/**
 * Money is decimal end to end. `Money` is a decimal.js constructor with enough precision for any
 * amount here; `roundCents` is the one rounding function (half up, to cents), applied where a
 * figure is final; floats appear only at the display and JSON edge (`toEuros`).
 */
import Decimal from 'decimal.js'

// 24 significant digits: amounts up to a billion euros with ample digits beyond the cent.
export const Money = Decimal.clone({ precision: 24, rounding: Decimal.ROUND_HALF_UP })
export type Money = Decimal

export const zero = new Money(0)

/** The one rounding function: half up to whole cents. */
export function roundCents(value: Decimal): Decimal {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
}

/** JSON/display edge: a number of euros, rounded to cents (half up, as roundCents). */
export function toEuros(value: Decimal): number {
  // Most figures are whole cents already: read them as they are (the same number, without
  // rounding a copy first).
  if (value.decimalPlaces() <= 2) return value.toNumber()
  return Number(value.toFixed(2, Decimal.ROUND_HALF_UP))
}

/** Display edge: the amount as a decimal string with two decimals, rounded as roundCents. */
export function toCentsText(value: Decimal): string {
  return value.toFixed(2, Decimal.ROUND_HALF_UP)
}

/**
 * Whole cents of an amount, as an exact integer. A projection adds up amounts that are already
 * rounded to cents year after year; kept as whole cents, those sums are exact integer additions
 * and need no decimal object per year. `centsToEuros` is the display/JSON edge for them.
 */
export function toWholeCents(value: Decimal): number {
  // An amount in whole cents times 100 is within far less than half a cent of its integer
  // (amounts here stay below 2^53 cents), so rounding that float gives the cents exactly.
  if (value.decimalPlaces() <= 2) return Math.round(value.toNumber() * 100)
  // Otherwise the cents text without its point is the number of cents: rounded as roundCents, exact.
  return Number(value.toFixed(2, Decimal.ROUND_HALF_UP).replace('.', ''))
}

/**
 * Whole cents of an amount the case gives as a JSON number of euros: the schema allows at most two
 * decimals, and such a number times 100 is within far less than half a cent of its integer.
 */
export function eurosToCents(euros: number): number {
  return Math.round(euros * 100)
}

export function centsToEuros(cents: number): number {
  return cents / 100
}

/** Whole cents as a decimal amount again (exact), where an amount is divided further. */
export function centsToMoney(cents: number): Decimal {
  return new Money(cents).dividedBy(100)
}

export function maxMoney(a: Decimal, b: Decimal): Decimal {
  return a.greaterThan(b) ? a : b
}

export function minMoney(a: Decimal, b: Decimal): Decimal {
  return a.lessThan(b) ? a : b
}
