import { i18n } from '../i18n'

/**
 * The shared schema's problems are plain Dutch (shared/schema/messages.ts: the headless command and
 * the main process speak Dutch). On an English screen they are said in English: one pattern per
 * message form the schema and the intake write.
 */
const english: [RegExp, (...groups: string[]) => string][] = [
  [/^mag niet leeg zijn$/, () => 'must not be empty'],
  [/^ontbreekt$/, () => 'is missing'],
  [/^moet een getal zijn$/, () => 'must be a number'],
  [/^moet een geheel getal zijn$/, () => 'must be a whole number'],
  [/^moet een eindig getal zijn$/, () => 'must be a finite number'],
  [/^moet tekst zijn$/, () => 'must be text'],
  [/^moet (.+) of meer zijn$/, (bound) => `must be ${bound} or more`],
  [/^moet (.+) of minder zijn$/, (bound) => `must be ${bound} or less`],
  [/^moet groter zijn dan (.+)$/, (bound) => `must be more than ${bound}`],
  [/^moet kleiner zijn dan (.+)$/, (bound) => `must be less than ${bound}`],
  [/^moet minstens (\d+) tekens lang zijn$/, (n) => `must be at least ${n} characters long`],
  [/^mag hoogstens (\d+) tekens lang zijn$/, (n) => `must be at most ${n} characters long`],
  [/^moet minstens (\d+) regel\(s\) bevatten$/, (n) => `must have at least ${n} row(s)`],
  [/^mag hoogstens (\d+) regels bevatten$/, (n) => `must have at most ${n} rows`],
  [/^moet een datum zijn als dd-mm-jjjj \(dag-maand-jaar\)$/, () => 'must be a date as dd-mm-yyyy (day-month-year)'],
  [/^moet een datum zijn als JJJJ-MM-DD$/, () => 'must be a date as dd-mm-yyyy (day-month-year)'],
  [/^mag niet in de toekomst liggen$/, () => 'must not be in the future'],
  [/^mag hoogstens 2 decimalen hebben \(centen\)$/, () => 'may have at most 2 decimals (cents)'],
  [/^moet één van deze waarden zijn: (.+)$/, (values) => `must be one of: ${values}`],
  [/^jaar (\d+) staat er meer dan eens in$/, (year) => `year ${year} appears more than once`],
  [/^geboortedatum is niet aannemelijk voor een zelfstandige in het rekenjaar$/, () => 'is not plausible for a self-employed person in the calculation year'],
  [/^heeft niet de juiste vorm$/, () => 'does not have the right form'],
  [/^heeft geen geldige waarde$/, () => 'has no valid value'],
  [/^is ongeldig$/, () => 'is not valid'],
]

/** A problem in the screen's language. */
export function problemText(message: string): string {
  if (!i18n.global.locale.value.startsWith('en')) return message
  const text = message.trim()
  for (const [pattern, say] of english) {
    const match = pattern.exec(text)
    if (match) return say(...match.slice(1))
  }
  return message
}

/**
 * A validation message as a full sentence that names the field in the adviser's words: the shared
 * schema says "mag niet leeg zijn"; the screen says "Naam mag niet leeg zijn." A message that is
 * already a sentence (starts with a capital) is shown as it is.
 */
export function sentence(label: string, message: string): string {
  const text = problemText(message).trim()
  if (text === '' || /^[A-ZÀ-Þ]/.test(text)) return text
  const end = /[.!?]$/.test(text) ? '' : '.'
  return `${label} ${text}${end}`
}
