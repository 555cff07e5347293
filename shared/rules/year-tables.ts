/**
 * The per-year figures one calculation reads, built once when it starts: for every calendar year
 * it can touch, the profit and WIA wage (income.ts) and the minimum wage with the maximum base
 * derived from it (wml.ts). The rules read them here instead of each keeping its own cache.
 *
 * The years: from the averaging years before the earlier of the calculation year and the year of
 * the illustration's first day of illness, to the later of the year the AOW age is reached and
 * that year of illness. A year outside them (never asked for by the rules) is worked out on the
 * spot, with the same functions.
 */
import type Decimal from 'decimal.js'
import type { ClientCase } from '../schema/case'
import type { AowDate } from './aow'
import { yearOf } from './dates'
import { incomeCalculator, type YearIncome } from './income'
import { wmlCalculator, type WmlInputs, type YearWml } from './wml'

export interface YearTables {
  readonly firstYear: number
  readonly lastYear: number
  /** Profit and WIA wage of a calendar year: entered, or derived from the entered years. */
  income(year: number): YearIncome
  /** The minimum wage of a calendar year under the bill version's rules, with the maximum base. */
  wml(year: number): YearWml
}

export function buildYearTables(clientCase: ClientCase, aow: AowDate, inputs: WmlInputs & { profitGrowth: Decimal }): YearTables {
  const { calculationYear } = clientCase
  const illnessYear = yearOf(clientCase.client.birthDate) + clientCase.disability.age
  const firstYear = Math.min(calculationYear, illnessYear) - inputs.parameters.averagingYears.value
  const lastYear = Math.max(calculationYear, illnessYear, yearOf(aow.date))
  const incomeOf = incomeCalculator(clientCase.income, inputs.profitGrowth)
  const wmlOf = wmlCalculator(inputs)
  const incomes: YearIncome[] = []
  const wmls: YearWml[] = []
  for (let year = firstYear; year <= lastYear; year++) {
    incomes.push(incomeOf(year))
    // The WML is read from the first year of illness or of the calculation on (the averaging years use only profit).
    if (year >= Math.min(calculationYear, illnessYear)) wmls[year - firstYear] = wmlOf(year)
  }
  return {
    firstYear,
    lastYear,
    income: (year) => incomes[year - firstYear] ?? incomeOf(year),
    wml: (year) => wmls[year - firstYear] ?? wmlOf(year),
  }
}
