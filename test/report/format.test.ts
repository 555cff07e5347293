import { describe, expect, it } from 'vitest'
import { formatDate, formatEuro, formatEuroWhole, formatNumber, formatPercent, nbsp } from '../../shared/format'

/** Write expectations with a plain space; the formatter uses U+00A0. */
const s = (text: string) => text.replaceAll(' ', nbsp)

describe('formatEuro', () => {
  it.each([
    [1234.56, '€ 1.234,56'],
    [0, '€ 0,00'],
    [0.5, '€ 0,50'],
    [2268, '€ 2.268,00'],
    [35850, '€ 35.850,00'],
    [1234567.89, '€ 1.234.567,89'],
    [171.07, '€ 171,07'],
    [-1234.56, '€ -1.234,56'],
    [-0.001, '€ 0,00'],
    [0.1 + 0.2, '€ 0,30'],
  ])('%s -> %s', (value, expected) => {
    expect(formatEuro(value)).toBe(s(expected))
  })
  it('matches Intl nl-NL, the format the screen uses', () => {
    const intl = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' })
    for (const value of [0, 1, 12.3, 999.99, 1000, 45678.9, 1234567.89]) expect(formatEuro(value)).toBe(intl.format(value))
  })
  it('refuses what is not an amount', () => {
    expect(() => formatEuro(Number.NaN)).toThrow(RangeError)
  })
  it('whole euros for axes', () => {
    expect(formatEuroWhole(35849.6)).toBe(s('€ 35.850'))
  })
})

describe('formatPercent', () => {
  it.each([
    [0.054, '5,4 %'],
    [0.07, '7 %'],
    [1.4286, '142,86 %'],
    [0.37, '37 %'],
    [0.5075, '50,75 %'],
    [0, '0 %'],
    [0.35, '35 %'],
  ])('%s -> %s', (value, expected) => {
    expect(formatPercent(value)).toBe(s(expected))
  })
  it('takes fewer decimals when asked', () => {
    expect(formatPercent(1.42857, 1)).toBe(s('142,9 %'))
  })
})

describe('formatDate', () => {
  it.each([
    ['2030-05-17', '17 mei 2030'],
    ['2030-01-01', '1 januari 2030'],
    ['2051-12-31', '31 december 2051'],
    ['2030-03-09T23:30:00.000Z', '9 maart 2030'],
  ])('%s -> %s', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected)
  })
  it('in English', () => {
    expect(formatDate('2030-05-17', 'en')).toBe('17 May 2030')
  })
  it('refuses what is not a date', () => {
    expect(() => formatDate('17-05-2030')).toThrow(RangeError)
  })
})

describe('formatNumber', () => {
  it.each([
    [207.2, '207,2'],
    [24, '24'],
    [1234.5, '1.234,5'],
    [-3, '-3'],
  ])('%s -> %s', (value, expected) => {
    expect(formatNumber(value)).toBe(expected)
  })
})
