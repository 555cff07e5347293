/**
 * The documents every parameter and rule cites. The four primary sources are the documents the
 * domain brief is built on; the secondary ones are later public facts and official tables, used
 * where the primary sources are silent, and marked `secondary` so the report can say so.
 */
import type { Language } from '../format'
import { updateSource } from './update'

export interface SourceDocument {
  key: string
  /** How the report and the terminal cite it: "Kamerbrief 15 september 2025". */
  short: string
  /** The same in English text ("Letter to Parliament, 15 September 2025"); a pack's new document may have none. */
  shortEn?: string
  title: string
  /** Publication date (ISO; a year alone where the document gives no day). */
  date: string
  kind: 'primary' | 'secondary' | 'official-table'
  reference?: string
  /** Where the public can read it, when it has a stable public address. */
  url?: string
}

export const sourceDocuments = {
  'KB-2021': {
    key: 'KB-2021',
    short: 'Kamerbrief 26 maart 2021',
    shortEn: 'Letter to Parliament, 26 March 2021',
    title: 'Kamerbrief Hoofdlijnen verplichte AOV zelfstandigen',
    date: '2021-03-26',
    kind: 'primary',
    reference: 'Kamerstukken II 2020/21, 29544, nr. 1044',
    url: 'https://zoek.officielebekendmakingen.nl/kst-29544-1044.html',
  },
  'MKB-2024': {
    key: 'MKB-2024',
    short: 'MKB-toets 29 februari 2024',
    shortEn: 'SME test (MKB-toets), 29 February 2024',
    title: 'Startnotitie MKB-toets Wetsvoorstel inkomensverzekering arbeidsongeschiktheidsrisico zelfstandigen',
    date: '2024-02-29',
    kind: 'primary',
  },
  'RADI-2024': {
    key: 'RADI-2024',
    short: 'RADI Kennisdocument 2024',
    shortEn: 'RADI knowledge document 2024',
    title: 'RADI AOV Kennisdocument verplichte AOV, versie 2.0',
    // The document carries only its year.
    date: '2024',
    kind: 'primary',
  },
  'KB-2025': {
    key: 'KB-2025',
    short: 'Kamerbrief 15 september 2025',
    shortEn: 'Letter to Parliament, 15 September 2025',
    title: 'Kamerbrief wetsvoorstel Baz naar Raad van State',
    date: '2025-09-15',
    kind: 'primary',
    reference: 'Kamerstukken II 2024/25, 31311, nr. 292',
    url: 'https://zoek.officielebekendmakingen.nl/kst-31311-292.html',
  },
  'WML-2024-01': {
    key: 'WML-2024-01',
    short: 'Minimumloon 1 januari 2024',
    shortEn: 'Minimum wage 1 January 2024',
    title: 'Besluit aanpassing minimumloon per 1 januari 2024 (SZW 2023-0000526966)',
    date: '2023-09-01',
    kind: 'official-table',
  },
  'WML-2024-07': {
    key: 'WML-2024-07',
    short: 'Minimumloon 1 juli 2024 (vakpers)',
    shortEn: 'Minimum wage 1 July 2024 (trade press)',
    title: 'Minimumloon per 1 juli 2024 (vakpers)',
    date: '2024-05-01',
    kind: 'secondary',
  },
  'WML-2025-01': {
    key: 'WML-2025-01',
    short: 'Minimumloon 1 januari 2025',
    shortEn: 'Minimum wage 1 January 2025',
    title: 'Besluit aanpassing minimumloon per 1 januari 2025 (SZW 2024-0000675332)',
    date: '2024-09-01',
    kind: 'official-table',
  },
  'WML-2025-07': {
    key: 'WML-2025-07',
    short: 'Minimumloon 1 juli 2025',
    shortEn: 'Minimum wage 1 July 2025',
    title: 'Regeling aanpassing minimumloon per 1 juli 2025 (Stcrt. 2025, 12264)',
    date: '2025-04-01',
    kind: 'official-table',
  },
  'WML-2026-01': {
    key: 'WML-2026-01',
    short: 'Minimumloon 1 januari 2026 (vakpers)',
    shortEn: 'Minimum wage 1 January 2026 (trade press)',
    title: 'Minimumloon per 1 januari 2026 (vakpers)',
    date: '2025-09-01',
    kind: 'secondary',
  },
  'WML-2023-07': {
    key: 'WML-2023-07',
    short: 'Minimumloon 1 juli 2023',
    shortEn: 'Minimum wage 1 July 2023',
    title: 'Regeling aanpassing minimumloon per 1 juli 2023 (Stcrt. 2023, 12023)',
    date: '2023-04-17',
    kind: 'official-table',
  },
  'AOW-7A': {
    key: 'AOW-7A',
    short: 'AOW art. 7a',
    shortEn: 'General Old Age Pensions Act (AOW), art. 7a',
    title: 'Algemene Ouderdomswet, art. 7a: AOW-leeftijd per kalenderjaar (vastgesteld tot en met 2031)',
    date: '2026-11-01',
    kind: 'official-table',
    url: 'https://wetten.overheid.nl/BWBR0002221',
  },
  'RO-2026-03-13': {
    key: 'RO-2026-03-13',
    short: 'Rijksoverheid 13 maart 2026',
    shortEn: 'Government of the Netherlands, 13 March 2026',
    title: 'Rijksoverheid, nieuwsbericht: wetsvoorstel Baz naar de Tweede Kamer (13 maart 2026)',
    date: '2026-03-13',
    kind: 'secondary',
  },
  'KAG-2025': {
    key: 'KAG-2025',
    short: 'Actuarieel Genootschap 2025',
    shortEn: 'Dutch Actuarial Association, 2025',
    title: 'Koninklijk Actuarieel Genootschap, De prijs van de Baz: hoe aannames de premie bepalen',
    date: '2025-05-01',
    kind: 'secondary',
  },
  'BOUVY-2025': {
    key: 'BOUVY-2025',
    short: 'Bouvy 1 juli 2025 (vakpers)',
    shortEn: 'Bouvy, 1 July 2025 (trade press)',
    title: 'Bouvy, "Verplichte AOV": premie van de consultatieversie (2024), ongeveer € 195 per maand bij 6,5 %',
    date: '2025-07-01',
    kind: 'secondary',
  },
  'MOVIR-2025': {
    key: 'MOVIR-2025',
    short: 'Movir 22 september 2025 (vakpers)',
    shortEn: 'Movir, 22 September 2025 (trade press)',
    title: 'Movir, "Wat is de Baz": uitkeringsgrondslag en wachttijd van de versie 2025',
    date: '2025-09-22',
    kind: 'secondary',
  },
  'EW-2025-12-16': {
    key: 'EW-2025-12-16',
    short: 'EW 16 december 2025 (vakpers)',
    shortEn: 'EW, 16 December 2025 (trade press)',
    title: 'EW over het advies van de Raad van State over de Baz (15 december 2025)',
    date: '2025-12-16',
    kind: 'secondary',
  },
  'SAMENVATTING-2025': {
    key: 'SAMENVATTING-2025',
    short: 'Openbare samenvattingen 2025 (vakpers)',
    shortEn: 'Public summaries 2025 (trade press)',
    title: 'Openbare samenvattingen van het wetsvoorstel 2024/2025 (vakpers): kring van verzekerden, arbeidsongeschiktheidscriterium',
    date: '2025-12-15',
    kind: 'secondary',
  },
} as const satisfies Record<string, SourceDocument>

export type SourceKey = keyof typeof sourceDocuments

/** A built-in document, or one a published parameter update (shared/parameters/update.ts) brought. */
export function isSourceKey(key: string): key is SourceKey {
  return Object.hasOwn(sourceDocuments, key) || updateSource(key) !== undefined
}

export function sourceDocument(key: SourceKey): SourceDocument {
  return Object.hasOwn(sourceDocuments, key) ? sourceDocuments[key] : updateSource(key)!
}

/**
 * "Kamerbrief 15 september 2025 (Betaalbaarheid)": the short name, with the place in the document.
 * In English the document is named in English and the place is quoted as the Dutch document
 * words it: 'Letter to Parliament, 15 September 2025, at “Betaalbaarheid”'.
 */
export function citeSource(key: SourceKey, locator?: string, language: Language = 'nl'): string {
  const document = sourceDocument(key)
  if (language === 'en') {
    const name = document.shortEn ?? document.short
    return locator ? `${name}, at “${locator}”` : name
  }
  return locator ? `${document.short} (${locator})` : document.short
}
