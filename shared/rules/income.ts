/**
 * Profit (winst uit onderneming) per calendar year: the year as entered, or grown from an entered
 * year by the adviser's profit-growth assumption (contract advise-v1: "a year missing from income
 * is the latest known year grown by profitGrowth"). A year between two entered years is the
 * nearest earlier entered year grown the same way; a year before the first entered year is an
 * estimate from the first entered year, taken back by the same growth (never € 0: no profit was
 * entered for it, which is not the same as a profit of nothing).
 */
import type Decimal from 'decimal.js'
import { Money, roundCents } from '../money'
import type { IncomeYear } from '../schema/case'

export interface YearIncome {
  year: number
  profit: Decimal
  wiaWage: Decimal
  /**
   * How the figure was obtained: entered; grown from the nearest earlier entered year
   * (`fromYear`); or, before the first entered year, estimated back from that year.
   */
  origin: 'entered' | 'projected' | 'before-first-entry'
  /** The entered year the figure was derived from (for `projected` and `before-first-entry`). */
  fromYear?: number
}

/**
 * The profit of every calendar year a calculation can ask for, worked out from the entered years:
 * `incomeOf(year)` for any year, the powers of the growth built up once (each one multiplication
 * more than the one before).
 */
export function incomeCalculator(income: readonly IncomeYear[], profitGrowth: Decimal): (year: number) => YearIncome {
  // Each entered row's amounts as decimals once: the years derived from it share them.
  const rows = [...income].sort((a, b) => a.year - b.year).map((row) => ({ year: row.year, profit: new Money(row.profit), wiaWage: new Money(row.wiaWage) }))
  const growthFactors: Decimal[] = [new Money(1)]
  const growthStep = new Money(1).plus(profitGrowth)
  const growthFactor = (years: number): Decimal => {
    for (let power = growthFactors.length; power <= years; power++) growthFactors.push(growthFactors[power - 1]!.times(growthStep))
    return growthFactors[years]!
  }
  const grown = (profit: Decimal, years: number): Decimal => {
    if (profitGrowth.isZero() || years === 0) return profit
    const factor = growthFactor(Math.abs(years))
    return roundCents(years > 0 ? profit.times(factor) : profit.dividedBy(factor))
  }
  return (year) => {
    const exact = rows.find((row) => row.year === year)
    if (exact) return { year, profit: exact.profit, wiaWage: exact.wiaWage, origin: 'entered' as const }
    const first = rows[0]!
    if (year < first.year) {
      // WIA wage is kept at the entered level: no growth assumption is given for it.
      return { year, profit: grown(first.profit, year - first.year), wiaWage: first.wiaWage, origin: 'before-first-entry' as const, fromYear: first.year }
    }
    // After the last entered year, or in a gap between entered years: the nearest earlier entered
    // year, grown by profitGrowth for each year in between.
    const earlier = rows.findLast((row) => row.year < year)!
    return { year, profit: grown(earlier.profit, year - earlier.year), wiaWage: earlier.wiaWage, origin: 'projected' as const, fromYear: earlier.year }
  }
}
