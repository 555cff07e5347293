/**
 * The calendar arithmetic of the rules (integer day counts, no `Date` per step) against the
 * JavaScript `Date` in UTC, day by day over the years a client's file can speak of.
 */
import { describe, expect, it } from 'vitest'
import { addDays, addMonths, ageOn, dayNumber, daysBetween, parseIsoDate, yearOf } from '../../shared/rules/dates'

const iso = (date: Date) => date.toISOString().slice(0, 10)

describe('calendar dates', () => {
  it('day numbers, days added and days between agree with Date.UTC for every day from 1900 to 2100', () => {
    const first = Date.UTC(1900, 0, 1) / 86_400_000
    const last = Date.UTC(2100, 11, 31) / 86_400_000
    for (let day = first; day <= last; day++) {
      const text = iso(new Date(day * 86_400_000))
      expect(dayNumber(text)).toBe(day)
      // A step forward and back over month, year and leap-day boundaries.
      for (const step of [1, -1, 59, -366, 730]) {
        expect(addDays(text, step)).toBe(iso(new Date((day + step) * 86_400_000)))
      }
    }
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2)
    expect(daysBetween('2100-02-28', '2100-03-01')).toBe(1)
    expect(daysBetween('2000-02-28', '2000-03-01')).toBe(2)
    expect(daysBetween('2031-05-17', '2030-05-17')).toBe(-365)
  })

  it('months added keep the day of the month where it exists, as the Date-based rule did', () => {
    const reference = (text: string, months: number) => {
      const { year, month, day } = parseIsoDate(text)
      const index = year * 12 + month - 1 + months
      const lastDay = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate()
      return iso(new Date(Date.UTC(Math.floor(index / 12), index % 12, Math.min(day, lastDay))))
    }
    for (let day = Date.UTC(1960, 0, 1) / 86_400_000; day <= Date.UTC(2030, 11, 31) / 86_400_000; day += 3) {
      const text = iso(new Date(day * 86_400_000))
      for (const months of [1, 11, 12, 13, 25, 67 * 12, 67 * 12 + 3]) expect(addMonths(text, months), `${text} + ${months}`).toBe(reference(text, months))
    }
    expect(addMonths('2031-01-31', 1)).toBe('2031-02-28')
    expect(addMonths('2032-01-31', 1)).toBe('2032-02-29')
    expect(addMonths('1960-02-29', 12 * 67)).toBe('2027-02-28')
  })

  it('reads the parts of a date and an age on a day', () => {
    expect(parseIsoDate('2030-05-17')).toEqual({ year: 2030, month: 5, day: 17 })
    expect(yearOf('1975-08-09')).toBe(1975)
    expect(ageOn('1975-08-09', '2030-08-08')).toBe(54)
    expect(ageOn('1975-08-09', '2030-08-09')).toBe(55)
  })
})
