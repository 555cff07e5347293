/**
 * Checks that every parameter value carries its source: used by the test suite, so a value added
 * without a citation fails the build.
 */
import { isSourceKey } from './sources'
import { bookkeepingFields, labelLanguages, type ScenarioOverrides, type ScenarioParameters } from './scenarios'
import type { DatedValue } from './types'

const isoDate = /^\d{4}-\d{2}-\d{2}$/

/** Problems with one value: missing citation, unknown source, empty locator. */
function citationProblems(name: string, value: unknown): string[] {
  if (typeof value !== 'object' || value === null || !('cite' in value)) return [`${name}: geen bron`]
  const cite = (value as { cite: unknown }).cite as { source?: unknown; locator?: unknown } | undefined
  const problems: string[] = []
  if (!cite || typeof cite.source !== 'string' || !isSourceKey(cite.source)) problems.push(`${name}: onbekende bron ${String(cite?.source)}`)
  if (!cite || typeof cite.locator !== 'string' || cite.locator.trim() === '') problems.push(`${name}: bron zonder vindplaats`)
  if ('uncertain' in value && (value as { uncertain?: unknown }).uncertain !== undefined && String((value as { uncertain?: unknown }).uncertain).trim() === '') {
    problems.push(`${name}: onzeker zonder toelichting`)
  }
  return problems
}

const bookkeeping = new Set<string>(bookkeepingFields)

/** Every field of a complete parameter set, except the bookkeeping ones, must be a sourced value. */
export function unsourcedParameters(parameters: ScenarioParameters | Record<string, unknown>): string[] {
  const problems: string[] = []
  for (const [name, value] of Object.entries(parameters)) {
    if (bookkeeping.has(name)) continue
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

/**
 * Every version must be named in every label language: a version added (or brought in by a
 * parameter pack) without a translation fails here, not on the adviser's screen.
 */
export function missingLabels(definitions: readonly (ScenarioParameters | ScenarioOverrides | Record<string, unknown>)[]): string[] {
  const problems: string[] = []
  for (const definition of definitions) {
    const id = String((definition as { id?: unknown }).id)
    for (const field of ['label', 'shortLabel'] as const) {
      const labels = (definition as Record<string, unknown>)[field] as Record<string, unknown> | undefined
      for (const language of labelLanguages) {
        const text = labels?.[language]
        if (typeof text !== 'string' || text.trim() === '') problems.push(`${id}: ${field} ontbreekt in het ${language === 'nl' ? 'Nederlands' : 'Engels'}`)
      }
    }
  }
  return problems
}
