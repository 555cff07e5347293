/**
 * Checks that every parameter value carries its source: used by the test suite, so a value added
 * without a citation fails the build.
 */
import { isSourceKey } from './sources'
import type { ScenarioParameters } from './scenarios'
import type { DatedValue } from './types'

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** Problems with one value: missing citation, unknown source, empty locator. */
function citationProblems(name: string, value: unknown): string[] {
  if (typeof value !== 'object' || value === null || !('cite' in value)) return [`${name}: geen bron`]
  const cite = (value as { cite: unknown }).cite as { source?: unknown; locator?: unknown } | undefined
  const problems: string[] = []
  if (!cite || typeof cite.source !== 'string' || !isSourceKey(cite.source)) problems.push(`${name}: onbekende bron ${String(cite?.source)}`)
  if (!cite || typeof cite.locator !== 'string' || cite.locator.trim() === '') problems.push(`${name}: bron zonder vindplaats`)
  const effectiveFrom = (value as { effectiveFrom?: unknown }).effectiveFrom
  if (effectiveFrom !== undefined && (typeof effectiveFrom !== 'string' || !isoDate.test(effectiveFrom))) problems.push(`${name}: ongeldige ingangsdatum`)
  if ('uncertain' in value && (value as { uncertain?: unknown }).uncertain !== undefined && String((value as { uncertain?: unknown }).uncertain).trim() === '') {
    problems.push(`${name}: onzeker zonder toelichting`)
  }
  return problems
}

const bookkeepingFields = new Set(['id', 'label', 'extends', 'verifiedThrough'])

/** Every field of a complete parameter set, except the bookkeeping ones, must be a sourced value. */
export function unsourcedParameters(parameters: ScenarioParameters | Record<string, unknown>): string[] {
  const problems: string[] = []
  for (const [name, value] of Object.entries(parameters)) {
    if (bookkeepingFields.has(name)) continue
    problems.push(...citationProblems(`${String((parameters as { id?: unknown }).id)}.${name}`, value))
  }
  if (!isoDate.test(String((parameters as { verifiedThrough?: unknown }).verifiedThrough))) problems.push(`${String((parameters as { id?: unknown }).id)}: verifiedThrough is geen datum`)
  return problems
}

export function unsourcedRows(table: string, rows: readonly DatedValue<unknown>[]): string[] {
  return rows.flatMap((row, index) => [
    ...citationProblems(`${table}[${index}]`, row),
    ...(isoDate.test(row.from) ? [] : [`${table}[${index}]: ongeldige ingangsdatum ${row.from}`]),
  ])
}
