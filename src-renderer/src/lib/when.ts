/**
 * A moment for the screen, in the adviser's own time zone: "30 november 2026 om 14:05". Stored
 * timestamps are UTC (ISO); the screen shows local time, so a version saved at 09:30 reads 09:30.
 */
export function formatDateTime(iso: string, language: 'nl' | 'en'): string {
  const moment = new Date(iso)
  if (Number.isNaN(moment.getTime())) return iso
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(moment)
}
