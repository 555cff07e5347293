/**
 * The one hook through which a published parameter update (a verified, signed parameter pack:
 * src-main/params) reaches the rules: values laid over a bill version, whole new bill versions,
 * new dated rows of the minimum wage and the AOW age, and the documents they cite. Without an update the built-in data
 * applies unchanged (and so does its parameter hash).
 *
 * The update is process-wide state on purpose: every calculation in a process must use the same
 * parameter set, and the parameter hash stored with each advice says which one it was.
 */
import type { AowAge } from './aow-age'
import { aowAgeByYear, aowAgeLastFixedYear } from './aow-age'
import { minimumWageMonthly, minimumWageVerifiedThrough } from './minimum-wage'
import { scenarioDefinitions, type ScenarioOverrides } from './scenarios'
import type { SourceDocument } from './sources'
import type { Language } from '../format'
import type { DatedValue, Sourced } from './types'

export interface ParameterUpdate {
  /** The pack's id, e.g. "2027-01": part of the parameter hash. */
  id: string
  /** The pack's own name, e.g. "Parameters januari 2027" (in the publisher's language). */
  label: string
  publishedAt: string
  /** Bill version id -> parameter name -> sourced value laid over that version. */
  scenarios: Record<string, Record<string, Sourced<unknown>>>
  /** Whole new bill versions: overlays extending a built-in version (or an earlier new one). */
  versions?: ScenarioOverrides[]
  minimumWageMonthly: DatedValue<string>[]
  minimumWageVerifiedThrough?: string
  aowAgeByYear: DatedValue<AowAge>[]
  aowAgeLastFixedYear?: number
  /** Documents the pack cites that the app does not know yet. */
  sources: SourceDocument[]
}

let active: ParameterUpdate | null = null
/** The versions Vangnet carries itself; a pack's versions are appended to the list after them. */
const builtInIds: readonly string[] = scenarioDefinitions.map((definition) => definition.id)
let wageRows: readonly DatedValue<string>[] = minimumWageMonthly
let aowRows: readonly DatedValue<AowAge>[] = aowAgeByYear
const resets: (() => void)[] = []

/** A later row for the same date replaces the earlier one; rows stay in date order. */
function merged<T>(base: readonly DatedValue<T>[], extra: readonly DatedValue<T>[]): readonly DatedValue<T>[] {
  if (extra.length === 0) return base
  const byDate = new Map(base.map((row) => [row.from, row]))
  for (const row of extra) byDate.set(row.from, row)
  return [...byDate.values()].sort((a, b) => a.from.localeCompare(b.from))
}

/** The ids of the bill versions built into Vangnet (without any pack's). */
export function builtInScenarioIds(): readonly string[] {
  return builtInIds
}

export function activeParameterUpdate(): ParameterUpdate | null {
  return active
}

/** Lay an update over the built-in parameters (null: back to the built-in ones). */
export function setParameterUpdate(update: ParameterUpdate | null): void {
  active = update
  // The registry stays the one plain list (scenarios.ts): the pack's versions follow the built-in
  // ones while it is active, so every choice list, the case schema and the reports see them.
  scenarioDefinitions.splice(builtInIds.length, scenarioDefinitions.length - builtInIds.length, ...(update?.versions ?? []))
  wageRows = merged(minimumWageMonthly, update?.minimumWageMonthly ?? [])
  aowRows = merged(aowAgeByYear, update?.aowAgeByYear ?? [])
  for (const reset of resets) reset()
}

/** Caches that depend on the parameters register here and are emptied on every change. */
export function onParameterUpdateChange(reset: () => void): void {
  resets.push(reset)
}

export function minimumWageRows(): readonly DatedValue<string>[] {
  return wageRows
}

export function minimumWageKnownThrough(): string {
  const updated = active?.minimumWageVerifiedThrough
  return updated && updated > minimumWageVerifiedThrough ? updated : minimumWageVerifiedThrough
}

export function aowAgeRows(): readonly DatedValue<AowAge>[] {
  return aowRows
}

export function aowAgeFixedThrough(): number {
  return Math.max(aowAgeLastFixedYear, active?.aowAgeLastFixedYear ?? 0)
}

export function scenarioUpdate(id: string): Record<string, Sourced<unknown>> | undefined {
  return active?.scenarios[id]
}

export function updateSource(key: string): SourceDocument | undefined {
  return active?.sources.find((document) => document.key === key)
}

/**
 * The name of the published update in use, for reports and screens, with its id and date in the
 * language of the text: "Parameters januari 2027 (parameterpakket 2027-01, 2026-12-01)".
 * Undefined for the built-in set.
 */
export function parameterSetLabel(language: Language = 'nl'): string | undefined {
  if (!active) return undefined
  return `${active.label} (${language === 'en' ? 'parameter pack' : 'parameterpakket'} ${active.id}, ${active.publishedAt})`
}
