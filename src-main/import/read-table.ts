/**
 * A client file as Dutch offices export it, to a table of text cells: CSV (`;` or `,`, UTF-8 with
 * or without BOM, or Windows-1252) through csv-parse and iconv-lite, or XLSX through exceljs (the
 * first sheet). Dates in Excel cells become dd-mm-jjjj text, numbers plain text, so the pure import
 * (shared/portfolio/import.ts) reads both the same way.
 *
 * Problems with the file as a whole are ImportFileError, with one plain Dutch sentence.
 */
import { parse } from 'csv-parse/sync'
import iconv from 'iconv-lite'

/** Larger files are refused before anything is read: 50 MB is far beyond 10,000 clients. */
export const maxImportBytes = 50 * 1024 * 1024

export class ImportFileError extends Error {}

export interface ReadTable {
  table: string[][]
  /** What was found, for the preview: "CSV, UTF-8, scheidingsteken ;" */
  description: string
}

export function tooLargeMessage(bytes: number): string {
  return `Het bestand is te groot (${Math.ceil(bytes / 1024 / 1024)} MB; hoogstens ${maxImportBytes / 1024 / 1024} MB). Splits het, of exporteer alleen de klanten die u wilt importeren.`
}

/** UTF-8 when the bytes are valid UTF-8 (with or without BOM), else Windows-1252, as Excel writes "CSV (puntkomma)". */
function decode(bytes: Buffer): { text: string; encoding: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(3)), encoding: 'UTF-8 met BOM' }
  }
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const little = bytes[0] === 0xff
    return { text: iconv.decode(bytes.subarray(2), little ? 'utf-16le' : 'utf-16be'), encoding: 'UTF-16' }
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' }
  } catch {
    return { text: iconv.decode(bytes, 'windows-1252'), encoding: 'Windows-1252' }
  }
}

/** The separator of the header line: the most frequent of ; , and tab outside quotes. */
function separatorOf(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  const counts = new Map<string, number>([
    [';', 0],
    [',', 0],
    ['\t', 0],
  ])
  let quoted = false
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1)
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0]
}

export function readCsv(bytes: Buffer): ReadTable {
  const { text, encoding } = decode(bytes)
  if (text.includes('\u0000')) throw new ImportFileError('Dit bestand is geen tekst (CSV) of Excel-bestand (XLSX).')
  const separator = separatorOf(text)
  let table: string[][]
  try {
    table = parse(text, { delimiter: separator, relax_column_count: true, skip_empty_lines: true, trim: true, relax_quotes: true }) as string[][]
  } catch (error) {
    const line = (error as { lines?: number }).lines
    throw new ImportFileError(`Het CSV-bestand is niet te lezen${line ? ` (rond regel ${line})` : ''}: controleer de aanhalingstekens.`)
  }
  if (table.length === 0) throw new ImportFileError('Het bestand is leeg.')
  return { table, description: `CSV, ${encoding}, scheidingsteken ${separator === '\t' ? 'tab' : separator}` }
}

function two(value: number): string {
  return String(value).padStart(2, '0')
}

/** An Excel cell as the text a person sees (dates dd-mm-jjjj, formulas by their result). */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return `${two(value.getUTCDate())}-${two(value.getUTCMonth() + 1)}-${value.getUTCFullYear()}`
  if (typeof value === 'number') return String(value)
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'ja' : 'nee'
  if (typeof value === 'object') {
    const cell = value as { result?: unknown; text?: unknown; richText?: { text: string }[]; error?: unknown }
    if ('result' in cell) return cellText(cell.result)
    if (Array.isArray(cell.richText)) return cell.richText.map((part) => part.text).join('')
    if (typeof cell.text === 'string') return cell.text
    if ('error' in cell) return ''
  }
  return String(value)
}

export async function readXlsx(bytes: Buffer): Promise<ReadTable> {
  const { default: ExcelJS } = await import('exceljs')
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    throw new ImportFileError('Het Excel-bestand is niet te lezen (beschadigd, of geen .xlsx).')
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new ImportFileError('Het Excel-bestand heeft geen werkblad.')
  const table: string[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values = row.values as unknown[]
    // exceljs numbers columns from 1; index 0 is always empty.
    table.push(values.slice(1).map((value) => cellText(value).trim()))
  })
  if (table.length === 0) throw new ImportFileError('Het eerste werkblad is leeg.')
  return { table, description: `Excel, werkblad "${sheet.name}"` }
}

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/** Read a file's bytes as a table. `name` decides CSV or XLSX (and the file's own signature). */
export async function readTable(name: string, bytes: Buffer): Promise<ReadTable> {
  if (bytes.length > maxImportBytes) throw new ImportFileError(tooLargeMessage(bytes.length))
  const lower = name.toLowerCase()
  if (lower.endsWith('.xls')) throw new ImportFileError('Oude Excel-bestanden (.xls) kan Vangnet niet lezen: sla het op als .xlsx of als CSV.')
  if (lower.endsWith('.xlsx') || isZip(bytes)) return readXlsx(bytes)
  return readCsv(bytes)
}
