/**
 * AOW age per calendar year in which it is reached (Algemene Ouderdomswet art. 7a). The law sets
 * it five years ahead from life expectancy; years after the table are projected (and flagged) by
 * keeping the last known age: the statutory rule raises it by 8 months per year of extra life
 * expectancy and never lowers it, but the future life expectancy is not in any source, so the
 * projection assumes no further rise and says so.
 */
import type { DatedValue } from './types'

export interface AowAge {
  years: number
  months: number
}

export const aowAgeByYear: readonly DatedValue<AowAge>[] = [
  { from: '2024-01-01', value: { years: 67, months: 0 }, cite: { source: 'AOW-7A', locator: 'AOW-leeftijd 2024 t/m 2027' } },
  { from: '2028-01-01', value: { years: 67, months: 3 }, cite: { source: 'AOW-7A', locator: 'AOW-leeftijd 2028 t/m 2031' } },
]

/** Last calendar year whose AOW age is fixed by law. */
export const aowAgeLastFixedYear = 2031
