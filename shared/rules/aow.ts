/**
 * AOW age and date from the birth date. Cover and benefit end at the AOW age (MKB-2024;
 * RADI-2024 q9: "De uitkering stopt als men AOW-gerechtigd wordt").
 */
import { aowAgeForYear } from '../parameters/resolve'
import type { Citation } from '../parameters/types'
import { addMonths, parseIsoDate, yearOf } from './dates'

export interface AowDate {
  date: string
  years: number
  months: number
  projected: boolean
  cite: Citation
  uncertain?: string
}

/**
 * The AOW age is set per calendar year in which it is reached (art. 7a AOW): find the year whose
 * AOW age, added to the birth date, falls in that same year.
 */
export function aowDateFor(birthDate: string): AowDate {
  const birthYear = parseIsoDate(birthDate).year
  let fallback: AowDate | undefined
  for (let year = birthYear + 66; year <= birthYear + 72; year++) {
    const lookup = aowAgeForYear(year)
    const date = addMonths(birthDate, lookup.value.years * 12 + lookup.value.months)
    const candidate: AowDate = {
      date,
      years: lookup.value.years,
      months: lookup.value.months,
      projected: lookup.projected,
      cite: lookup.cite,
      ...(lookup.uncertain ? { uncertain: lookup.uncertain } : {}),
    }
    if (yearOf(date) === year) return candidate
    if (yearOf(date) > year) fallback = candidate
  }
  return fallback!
}
