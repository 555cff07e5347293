/**
 * Dutch, plain-language messages for validation problems, shared by the CLI, the main process and
 * the forms: "income[1].profit: moet een getal zijn" rather than a parser's jargon. The same in
 * English for English output (`vangnet advise --lang en`): "income[1].profit: must be a number".
 * A check of our own gives its text in both languages as `params.text` (see `localText`).
 */
import type { z } from 'zod'
import type { Language } from '../format'

type Issue = z.core.$ZodRawIssue

function describeNumberBound(issue: Issue & { code: 'too_small' | 'too_big' }): string {
  const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum
  const inclusive = issue.inclusive !== false
  if (issue.origin === 'array') {
    return issue.code === 'too_small' ? `moet minstens ${bound} regel(s) bevatten` : `mag hoogstens ${bound} regels bevatten`
  }
  if (issue.origin === 'string') {
    return issue.code === 'too_small' ? (Number(bound) <= 1 ? 'mag niet leeg zijn' : `moet minstens ${bound} tekens lang zijn`) : `mag hoogstens ${bound} tekens lang zijn`
  }
  if (issue.code === 'too_small') return inclusive ? `moet ${bound} of meer zijn` : `moet groter zijn dan ${bound}`
  return inclusive ? `moet ${bound} of minder zijn` : `moet kleiner zijn dan ${bound}`
}

function describeType(expected: string, input: unknown): string {
  if (input === undefined) return 'ontbreekt'
  const names: Record<string, string> = {
    number: 'een getal',
    string: 'tekst',
    boolean: 'ja of nee (true/false)',
    object: 'een object',
    array: 'een lijst',
    int: 'een geheel getal',
    null: 'leeg (null)',
  }
  return `moet ${names[expected] ?? expected} zijn`
}

/**
 * Text from the input (a field name, a value) cut to a readable length: a message never echoes a
 * 10 MB field name back whole.
 */
export function boundText(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** Longest message of one problem, and most problems reported at once. */
export const maxMessageLength = 300
export const maxProblems = 50

function listKeys(keys: readonly string[]): string {
  const shown = keys.slice(0, 5).map((key) => boundText(key, 60))
  return keys.length > shown.length ? `${shown.join(', ')} en nog ${keys.length - shown.length}` : shown.join(', ')
}

/** A zod error map that speaks plain Dutch. Pass it to `safeParse(data, { error: dutchErrorMap })`. */
export function dutchErrorMap(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number' && typeof issue.input === 'number') return 'moet een eindig getal zijn'
      return describeType(issue.expected, issue.input)
    case 'too_small':
    case 'too_big':
      return describeNumberBound(issue)
    case 'invalid_value':
      return `moet één van deze waarden zijn: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`
    case 'invalid_format':
      return issue.format === 'date' ? 'moet een datum zijn als JJJJ-MM-DD' : 'heeft niet de juiste vorm'
    case 'unrecognized_keys':
      return `onbekend veld: ${listKeys(issue.keys)}`
    case 'invalid_union':
      return 'heeft geen geldige waarde'
    case 'not_multiple_of':
      return issue.divisor === 0.01 ? 'mag hoogstens 2 decimalen hebben (centen)' : `moet een veelvoud zijn van ${issue.divisor}`
    case 'custom':
      return ownText(issue, 'nl') ?? issue.message ?? 'is ongeldig'
    default:
      return 'is ongeldig'
  }
}

/** A check's own text in both languages: `params: localText('…', '…')` on a refine or an issue. */
export function localText(nl: string, en: string): { text: Record<Language, string> } {
  return { text: { nl, en } }
}

function ownText(issue: Issue, language: Language): string | undefined {
  const text = (issue as { params?: { text?: Partial<Record<Language, string>> } }).params?.text
  return text?.[language]
}

function describeNumberBoundEnglish(issue: Issue & { code: 'too_small' | 'too_big' }): string {
  const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum
  const inclusive = issue.inclusive !== false
  if (issue.origin === 'array') return issue.code === 'too_small' ? `must have at least ${bound} row(s)` : `may have at most ${bound} rows`
  if (issue.origin === 'string') {
    return issue.code === 'too_small' ? (Number(bound) <= 1 ? 'must not be empty' : `must be at least ${bound} characters long`) : `may be at most ${bound} characters long`
  }
  if (issue.code === 'too_small') return inclusive ? `must be ${bound} or more` : `must be greater than ${bound}`
  return inclusive ? `must be ${bound} or less` : `must be less than ${bound}`
}

function describeTypeEnglish(expected: string, input: unknown): string {
  if (input === undefined) return 'is missing'
  const names: Record<string, string> = {
    number: 'a number',
    string: 'text',
    boolean: 'yes or no (true/false)',
    object: 'an object',
    array: 'a list',
    int: 'a whole number',
    null: 'empty (null)',
  }
  return `must be ${names[expected] ?? expected}`
}

/** The same error map in plain English, for English output. */
function englishErrorMap(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'number' && typeof issue.input === 'number') return 'must be a finite number'
      return describeTypeEnglish(issue.expected, issue.input)
    case 'too_small':
    case 'too_big':
      return describeNumberBoundEnglish(issue)
    case 'invalid_value':
      return `must be one of these values: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`
    case 'invalid_format':
      return issue.format === 'date' ? 'must be a date as YYYY-MM-DD' : 'does not have the right form'
    case 'unrecognized_keys': {
      const shown = issue.keys.slice(0, 5).map((key) => boundText(key, 60))
      return `unknown field: ${issue.keys.length > shown.length ? `${shown.join(', ')} and ${issue.keys.length - shown.length} more` : shown.join(', ')}`
    }
    case 'invalid_union':
      return 'has no valid value'
    case 'not_multiple_of':
      return issue.divisor === 0.01 ? 'may have at most 2 decimals (cents)' : `must be a multiple of ${issue.divisor}`
    case 'custom':
      return ownText(issue, 'en') ?? issue.message ?? 'is not valid'
    default:
      return 'is not valid'
  }
}

/** The error map for messages in `language`. */
export function errorMapFor(language: Language): (issue: Issue) => string {
  return language === 'en' ? englishErrorMap : dutchErrorMap
}

/** `income[1].profit` style path, as the adviser would point at the field. */
export function fieldPath(path: ReadonlyArray<PropertyKey>, language: Language = 'nl'): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? boundText(String(part), 60) : `.${boundText(String(part), 60)}`
  }
  return out === '' ? (language === 'en' ? '(input)' : '(invoer)') : boundText(out, 200)
}

export interface FieldProblem {
  path: string
  message: string
}

/** One problem per line: "income[1].profit: moet een getal zijn". */
export function problemsOf(error: z.ZodError, language: Language = 'nl'): FieldProblem[] {
  return error.issues.slice(0, maxProblems).map((issue) => ({ path: fieldPath(issue.path, language), message: boundText(issue.message, maxMessageLength) }))
}
