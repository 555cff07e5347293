/**
 * The triage as a table for CSV and Excel: one row per client and group, the whole book or one
 * group (what the screen's list shows). The headless command and the screen both write their files
 * from these rows. Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab
 * or carriage return) get a leading apostrophe, so a client named "=HYPERLINK(…)" stays text
 * (OWASP "CSV injection").
 */
import type { Language } from '../format'
import type { GroupId, PortfolioReport } from './triage'

export const exportHeaderIn: Record<Language, readonly [string, string, string, string]> = {
  nl: ['Klantnummer', 'Naam', 'Groep', 'Reden'],
  en: ['Client number', 'Name', 'Group', 'Reason'],
}
export const exportHeader = exportHeaderIn.nl

export type ExportFormat = 'csv' | 'xlsx'

export function escapeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

/** The rows of the whole book, or of one group when `group` is given. */
export function exportRows(report: PortfolioReport, group: GroupId | null = null): string[][] {
  const rows: string[][] = []
  for (const entry of report.groups) {
    if (group !== null && entry.id !== group) continue
    for (const client of entry.clients) rows.push([String(client.id), escapeCell(client.name), escapeCell(entry.label), escapeCell(client.reason)])
  }
  return rows
}

function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Semicolons and a BOM, as Dutch Excel opens a CSV with accents intact. */
export function toCsv(report: PortfolioReport, group: GroupId | null = null, language: Language = 'nl'): string {
  const lines = [exportHeaderIn[language] as readonly string[], ...exportRows(report, group)].map((row) => row.map(csvField).join(';'))
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}

/** "klantenkring-tweede-kamer-2026-geen-dekking-2026-11-30.csv": a name that says what is in it. */
export function exportFileName(scenario: string, group: GroupId | null, today: string, format: ExportFormat): string {
  return `klantenkring-${scenario}-${group ?? 'alle'}-${today}.${format}`
}
