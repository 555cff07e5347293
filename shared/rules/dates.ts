/**
 * Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so no time zone can move a day.
 * Birthdays on 29 February fall on 28 February in other years (the civil-law convention).
 */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) }
}

function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Adds whole months, keeping the day of the month where it exists (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = parseIsoDate(iso)
  const index = year * 12 + (month - 1) + months
  const newYear = Math.floor(index / 12)
  const newMonth = (index % 12) + 1
  return toIso(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)))
}

export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12)
}

export function addDays(iso: string, days: number): string {
  const { year, month, day } = parseIsoDate(iso)
  const date = new Date(Date.UTC(year, month - 1, day + days))
  return toIso(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())
}

export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from)
  const b = parseIsoDate(to)
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000)
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
  return Number(iso.slice(0, 4))
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b
}
