/**
 * Dutch, plain-language messages for validation problems, shared by the CLI, the main process and
 * the forms: "income[1].profit: moet een getal zijn" rather than a parser's jargon.
 */
import type { z } from 'zod'

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
      return issue.message ?? 'is ongeldig'
    default:
      return 'is ongeldig'
  }
}

/** `income[1].profit` style path, as the adviser would point at the field. */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? boundText(String(part), 60) : `.${boundText(String(part), 60)}`
  }
  return out === '' ? '(invoer)' : boundText(out, 200)
}

export interface FieldProblem {
  path: string
  message: string
}

/** One problem per line: "income[1].profit: moet een getal zijn". */
export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.slice(0, maxProblems).map((issue) => ({ path: fieldPath(issue.path), message: boundText(issue.message, maxMessageLength) }))
}
