/**
 * The triage as a table for CSV and Excel: one row per client and group. Cells that a spreadsheet
 * would run as a formula (starting with = + - @, or a tab or carriage return) get a leading
 * apostrophe, so a client named "=HYPERLINK(…)" stays text (OWASP "CSV injection").
 */
import type { PortfolioReport } from './triage'

export const exportHeader = ['Klantnummer', 'Naam', 'Groep', 'Reden'] as const

export function escapeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

export function exportRows(report: PortfolioReport): string[][] {
  const rows: string[][] = []
  for (const group of report.groups) {
    for (const client of group.clients) rows.push([String(client.id), escapeCell(client.name), escapeCell(group.label), escapeCell(client.reason)])
  }
  return rows
}

function csvField(value: string): string {
  return /[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** Semicolons and a BOM, as Dutch Excel opens a CSV with accents intact. */
export function toCsv(report: PortfolioReport): string {
  const lines = [exportHeader as readonly string[], ...exportRows(report)].map((row) => row.map(csvField).join(';'))
  return '\ufeff' + lines.join('\r\n') + '\r\n'
}
