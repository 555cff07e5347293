/**
 * Calendar dates as ISO strings (YYYY-MM-DD), computed in the proleptic Gregorian calendar (as
 * `Date.UTC` counts), so no time zone can move a day. Birthdays on 29 February fall on
 * 28 February in other years (the civil-law convention).
 *
 * The dates arrive well-formed: the schema checks every date of a case. They are read digit by
 * digit and counted as days with plain integer arithmetic (H. Hinnant, "chrono-Compatible
 * Low-Level Date Algorithms"): a comparison steps through months and days thousands of times, and
 * a `Date` object or substring per step was a measurable part of its time.
 */
const zero = 48 // '0'

function digits(iso: string, from: number, count: number): number {
  let value = 0
  for (let index = from; index < from + count; index++) value = value * 10 + iso.charCodeAt(index) - zero
  return value
}

export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  return { year: digits(iso, 0, 4), month: digits(iso, 5, 2), day: digits(iso, 8, 2) }
}

const twoDigits = (value: number): string => (value < 10 ? `0${value}` : String(value))

function toIso(year: number, month: number, day: number): string {
  return `${year >= 1000 ? String(year) : String(year).padStart(4, '0')}-${twoDigits(month)}-${twoDigits(day)}`
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

const monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : monthLengths[month - 1]!
}

/** Days since 1970-01-01 of a calendar date (days_from_civil; a day beyond the month counts on). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}

/** The calendar date of a day number counted from 1970-01-01 (civil_from_days), as ISO text. */
function civilFromDays(dayNumber: number): string {
  const z = dayNumber + 719_468
  const era = Math.floor(z / 146_097)
  const dayOfEra = z - era * 146_097
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365)
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
  return toIso(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
}

/** Adds whole months, keeping the day of the month where it exists (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const index = digits(iso, 0, 4) * 12 + (digits(iso, 5, 2) - 1) + months
  const newYear = Math.floor(index / 12)
  const newMonth = (index % 12) + 1
  return toIso(newYear, newMonth, Math.min(digits(iso, 8, 2), daysInMonth(newYear, newMonth)))
}

export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12)
}

/** Days since 1970-01-01 of an ISO date (for overlap arithmetic in days). */
export function dayNumber(iso: string): number {
  return daysFromCivil(digits(iso, 0, 4), digits(iso, 5, 2), digits(iso, 8, 2))
}

export function addDays(iso: string, days: number): string {
  return civilFromDays(dayNumber(iso) + days)
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/** Age in whole years on `date`. */
export function ageOn(birthDate: string, date: string): number {
  const birth = parseIsoDate(birthDate)
  const on = parseIsoDate(date)
  let age = on.year - birth.year
  if (on.month < birth.month || (on.month === birth.month && on.day < birth.day)) age -= 1
  return age
}

export function yearOf(iso: string): number {
  return digits(iso, 0, 4)
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b
}
