/**
 * Resolving a bill version: follow `extends` to a complete parameter set, look up dated values
 * (WML per half-year, AOW age per year) and project past the last known date with the adviser's
 * indexation, marking every projected value.
 */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js'
import { Money } from '../money'
import type { AowAge } from './aow-age'
import { scenarioDefinitions, type ScenarioOverrides, type ScenarioParameters } from './scenarios'
import type { Citation, DatedValue, Sourced } from './types'
import type Decimal from 'decimal.js'
import { activeParameterUpdate, aowAgeFixedThrough, aowAgeRows, minimumWageKnownThrough, minimumWageRows, onParameterUpdateChange, scenarioUpdate } from './update'

/** The ids of every bill version, read from the list each time (a parameter pack may add one). */
export function scenarioIdsAvailable(): string[] {
  return scenarioDefinitions.map((definition) => definition.id)
}

export function isScenarioId(id: string): boolean {
  return scenarioDefinitions.some((definition) => definition.id === id)
}

const resolvedCache = new Map<string, ScenarioParameters>()

/** The version's own values over those of the versions it extends, as written in the data. */
function mergedDefinition(id: string): ScenarioParameters {
  const definition = scenarioDefinitions.find((candidate) => candidate.id === id)
  if (!definition) throw new Error(`Onbekende regeling-versie: ${id}`)
  if (!definition.extends) return definition as ScenarioParameters
  return { ...mergedDefinition(definition.extends), ...(definition as ScenarioOverrides) } as ScenarioParameters
}

/** The complete parameter set of a bill version: its own values over those of the version it extends. */
export function resolveScenario(id: string): ScenarioParameters {
  const cached = resolvedCache.get(id)
  if (cached) return cached
  // A published update (signed parameter pack) overrides single values of this version only.
  const resolved = { ...mergedDefinition(id), ...(scenarioUpdate(id) ?? {}) } as ScenarioParameters
  resolvedCache.set(id, resolved)
  return resolved
}

/** Every parameter of a version with its name, for listing, tests and the report. */
export function sourcedParameters(parameters: ScenarioParameters): [string, Sourced<unknown>][] {
  return Object.entries(parameters).filter((entry): entry is [string, Sourced<unknown>] => {
    const value = entry[1] as unknown
    return typeof value === 'object' && value !== null && 'cite' in value
  })
}

const hashCache = new Map<string, string>()
onParameterUpdateChange(() => {
  resolvedCache.clear()
  hashCache.clear()
})

/** SHA-256 over the resolved parameters and the dated tables: stored with each advice version. */
export function parameterHash(id: string): string {
  const cached = hashCache.get(id)
  if (cached) return cached
  // Without an update the hashed data are the built-in tables, so stored hashes stay valid.
  const update = activeParameterUpdate()
  const tables = { minimumWageMonthly: minimumWageRows(), aowAgeByYear: aowAgeRows(), ...(update ? { update: update.id } : {}) }
  const canonical = JSON.stringify({ scenario: resolveScenario(id), ...tables }, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  )
  const hash = bytesToHex(sha256(utf8ToBytes(canonical)))
  hashCache.set(id, hash)
  return hash
}

export interface DatedLookup<T> {
  value: T
  cite: Citation
  projected: boolean
  uncertain?: string
  /** The row used (for a projected value: the last known row). */
  from: string
}

function lastRowOnOrBefore<T>(rows: readonly DatedValue<T>[], date: string): DatedValue<T> | undefined {
  let found: DatedValue<T> | undefined
  for (const row of rows) if (row.from <= date) found = row
  return found
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  return (ty - fy) * 12 + (tm - fm)
}

/** (1 + yearly indexation) ^ (half-years / 2): a fractional power, worked out once per year of a WML table (rules/wml.ts). */
function halfYearFactor(indexation: Decimal, halfYears: number): Decimal {
  return new Money(1).plus(indexation).pow(new Money(halfYears).dividedBy(2))
}

/**
 * Monthly WML (excl. holiday pay) in force on `date`. After the last known row the value grows
 * with `indexation` per year, compounded per half-year step (the WML changes on 1 January and
 * 1 July), rounded to cents; such a value is marked projected.
 */
export function minimumWageOn(date: string, indexation: Decimal): DatedLookup<Decimal> {
  const rows = minimumWageRows()
  const first = rows[0]!
  const row = lastRowOnOrBefore(rows, date) ?? first
  const base = new Money(row.value)
  const known = date <= minimumWageKnownThrough()
  if (known || row !== rows[rows.length - 1]) {
    return { value: base, cite: row.cite, projected: false, uncertain: row.uncertain ?? (date < first.from ? 'Vóór de tabel: het eerste bekende bedrag is gebruikt.' : undefined), from: row.from }
  }
  // Whole half-years since the last known row: a value changes only on 1 January and 1 July.
  const halfYears = Math.floor(monthsBetween(row.from, date) / 6)
  const factor = halfYearFactor(indexation, halfYears)
  return {
    value: base.times(factor).toDecimalPlaces(2),
    cite: row.cite,
    projected: halfYears > 0,
    uncertain: row.uncertain,
    from: row.from,
  }
}

/** AOW age for the calendar year in which it is reached; after the fixed years the last age is kept. */
export function aowAgeForYear(year: number): DatedLookup<AowAge> {
  const date = `${year}-01-01`
  const row = lastRowOnOrBefore(aowAgeRows(), date) ?? aowAgeRows()[0]!
  const aowAgeLastFixedYear = aowAgeFixedThrough()
  return {
    value: row.value,
    cite: row.cite,
    projected: year > aowAgeLastFixedYear,
    uncertain:
      year > aowAgeLastFixedYear
        ? `De AOW-leeftijd na ${aowAgeLastFixedYear} is nog niet vastgesteld; Vangnet gaat uit van de laatst vastgestelde leeftijd (${row.value.years} jaar en ${row.value.months} maanden). Stijgt de levensverwachting, dan wordt die hoger (art. 7a AOW).`
        : year < 2024
          ? 'Jaar vóór de tabel: de AOW-leeftijd van 2024 is gebruikt.'
          : undefined,
    from: row.from,
  }
}
