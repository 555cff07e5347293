/**
 * Dates as Dutch advisers type them: dag-maand-jaar ("14-03-1985", "14-3-1985", "14/03/1985",
 * "14.03.1985", "14031985"), whatever the browser's own locale is. Stored as ISO ("1985-03-14").
 */

/** The ISO date for what was typed, or undefined when it is not (yet) a real calendar date. */
export function parseDutchDate(text: string): string | undefined {
  const trimmed = text.trim()
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed)
  const dutch = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4})$/.exec(trimmed) ?? /^(\d{2})(\d{2})(\d{4})$/.exec(trimmed)
  const [year, month, day] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : dutch ? [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])] : [0, 0, 0]
  if (year < 1000 || month < 1 || month > 12 || day < 1) return undefined
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day > daysInMonth) return undefined
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** "1985-03-14" → "14-03-1985"; anything else is returned as typed. */
export function dutchDateText(value: string): string {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  return iso ? `${iso[3]}-${iso[2]}-${iso[1]}` : value
}

/** Today as ISO in the adviser's own time zone. */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}
