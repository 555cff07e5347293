/**
 * Profit (winst uit onderneming) per calendar year: the year as entered, or the latest entered
 * year grown by the adviser's profit-growth assumption (contract advise-v1: "a year missing from
 * income is the latest known year grown by profitGrowth").
 */
import type Decimal from 'decimal.js'
import { Money } from '../money'
import { memoise, perYear, type RuleContext } from './context'

export interface YearIncome {
  year: number
  profit: Decimal
  wiaWage: Decimal
  /** How the figure was obtained: entered, grown from a later/earlier year, or before any entry. */
  origin: 'entered' | 'projected' | 'before-first-entry'
}

function sortedIncome(context: RuleContext) {
  return memoise(context, 'income:sorted', () => [...context.clientCase.income].sort((a, b) => a.year - b.year))
}

/** (1 + growth) ^ years, built up year by year (each power is one multiplication more). */
function growthFactor(context: RuleContext, years: number): Decimal {
  if (years <= 0) return new Money(1)
  return memoise(context, `growth:${years}`, () => growthFactor(context, years - 1).times(new Money(1).plus(context.profitGrowth)))
}

export function incomeForYear(context: RuleContext, year: number): YearIncome {
  return perYear(context.incomeByYear, year, () => computeIncome(context, year))
}

function computeIncome(context: RuleContext, year: number): YearIncome {
  const rows = sortedIncome(context)
  const exact = rows.find((row) => row.year === year)
  if (exact) return { year, profit: new Money(exact.profit), wiaWage: new Money(exact.wiaWage), origin: 'entered' as const }
  const first = rows[0]!
  const last = rows[rows.length - 1]!
  if (year > last.year) {
    const lastEntered = incomeForYear(context, last.year)
    return {
      year,
      profit: context.profitGrowth.isZero() ? lastEntered.profit : lastEntered.profit.times(growthFactor(context, year - last.year)).toDecimalPlaces(2),
      // WIA wage is kept at the last entered level: no growth assumption is given for it.
      wiaWage: lastEntered.wiaWage,
      origin: 'projected' as const,
    }
  }
  if (year < first.year) return { year, profit: new Money(0), wiaWage: new Money(0), origin: 'before-first-entry' as const }
  // A gap between entered years: the nearest earlier entered year.
  const earlier = [...rows].reverse().find((row) => row.year < year)!
  return { year, profit: new Money(earlier.profit), wiaWage: new Money(earlier.wiaWage), origin: 'projected' as const }
}
