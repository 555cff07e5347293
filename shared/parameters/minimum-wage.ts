/**
 * Wettelijk minimumloon (WML), 21 years and older: gross per month, excluding the 8 % holiday pay,
 * per 1 January and 1 July. Since 2024 the legal minimum wage is an hourly wage; the monthly
 * figures below are those the sources quote. Values after the last row are projected with the
 * adviser's indexation assumption and marked as projected (domain brief, "Parameters by date").
 */
import type { DatedValue } from './types'

export const minimumWageMonthly: readonly DatedValue<string>[] = [
  // RADI-2024 q2: annual € 25.070 incl. 8 % holiday pay = 12 × € 1.934,40 × 1,08.
  { from: '2023-01-01', value: '1934.40', cite: { source: 'RADI-2024', locator: 'vraag 2 (minimumloon 1-1-2023, € 25.070 per jaar)' } },
  // RADI-2024 q2: annual € 25.855 from 1 July 2023 = 12 × € 1.995,00 × 1,08.
  { from: '2023-07-01', value: '1995.00', cite: { source: 'WML-2023-07', locator: 'bedragen per 1 juli 2023; RADI-2024 vraag 2 (€ 25.855 per jaar)' } },
  { from: '2024-01-01', value: '2069.40', cite: { source: 'WML-2024-01', locator: 'maandloon 21 jaar en ouder' } },
  {
    from: '2024-07-01',
    value: '2133.60',
    cite: { source: 'WML-2024-07', locator: 'maandloon 21 jaar en ouder' },
    uncertain: 'Bedrag uit de vakpers, niet uit de officiële regeling.',
  },
  { from: '2025-01-01', value: '2191.80', cite: { source: 'WML-2025-01', locator: 'maandloon 21 jaar en ouder' } },
  { from: '2025-07-01', value: '2245.80', cite: { source: 'WML-2025-07', locator: 'maandloon 21 jaar en ouder' } },
  {
    from: '2026-01-01',
    value: '2294.40',
    cite: { source: 'WML-2026-01', locator: 'maandloon 21 jaar en ouder' },
    uncertain: 'Bedrag uit de vakpers, niet uit de officiële regeling.',
  },
]

/** The last date for which an actual minimum wage is known; later half-years are projected. */
export const minimumWageVerifiedThrough = '2026-06-30'
