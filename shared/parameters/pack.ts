/**
 * A parameter pack's content: what a publisher changes without a new release (bill version values,
 * minimum wage rows, AOW age rows), every value with its source and date. This module checks the
 * content and says in plain Dutch what it changes; the signature is checked in src-main/params
 * before any of this is read. Pure: no files, no crypto.
 */
import { z } from 'zod'
import { formatEuro } from '../format'
import { resolveScenario, scenarioIdsAvailable } from './resolve'
import { bookkeepingFields, type ScenarioOverrides } from './scenarios'
import { isSourceKey } from './sources'
import { activeParameterUpdate, aowAgeRows, builtInScenarioIds, minimumWageRows, setParameterUpdate, type ParameterUpdate } from './update'

export const packFormat = 'vangnet-parameterpakket'

const isoDate = z.iso.date()
const citation = z.object({ source: z.string().min(1).max(60), locator: z.string().trim().min(1).max(300) }).strict()
/** Text in every label language (Dutch and English), as the built-in data has it. */
const localText = (max: number) => z.object({ nl: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) }).strict()
const sourced = z
  .object({
    value: z.unknown(),
    cite: citation,
    effectiveFrom: isoDate,
    // The reason is printed with the assumption in the report's language, so both are needed.
    uncertain: localText(1000).optional(),
    range: z.tuple([z.unknown(), z.unknown()]).optional(),
  })
  .strict()

/**
 * A whole new bill version: an overlay that extends a built-in version (or an earlier one of the
 * same pack) and overrides what changed, every value sourced, named in Dutch and English.
 */
const newVersion = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{2,59}$/, 'alleen kleine letters, cijfers en streepjes'),
    extends: z.string().min(1).max(60),
    label: localText(200),
    shortLabel: localText(80),
    verifiedThrough: isoDate,
    values: z.record(z.string(), sourced),
  })
  .strict()
const datedRow = <T extends z.ZodType>(value: T) => z.object({ from: isoDate, value, cite: citation, uncertain: z.string().trim().min(1).max(1000).optional() }).strict()

export const packContentSchema = z
  .object({
    format: z.literal(packFormat),
    version: z.literal(1),
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,59}$/, 'alleen kleine letters, cijfers, punt en streepje'),
    label: z.string().trim().min(1).max(200),
    publishedAt: isoDate,
    scenarios: z.record(z.string(), z.record(z.string(), sourced)).default({}),
    versions: z.array(newVersion).max(10).default([]),
    minimumWageMonthly: z.array(datedRow(z.string().regex(/^\d{3,5}\.\d{2}$/, 'bedrag per maand als 2350.20'))).max(100).default([]),
    minimumWageVerifiedThrough: isoDate.optional(),
    aowAgeByYear: z.array(datedRow(z.object({ years: z.number().int().min(65).max(75), months: z.number().int().min(0).max(11) }).strict())).max(100).default([]),
    aowAgeLastFixedYear: z.number().int().min(2024).max(2100).optional(),
    sources: z
      .array(
        z
          .object({
            key: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,40}$/),
            short: z.string().trim().min(1).max(120),
            title: z.string().trim().min(1).max(300),
            date: isoDate,
            kind: z.enum(['primary', 'secondary', 'official-table']),
            reference: z.string().max(300).optional(),
          })
          .strict(),
      )
      .max(50)
      .default([]),
  })
  .strict()
export type PackContent = z.output<typeof packContentSchema>

function shapeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/**
 * Problems that make the pack unusable: unknown bill versions or parameters, values of the wrong
 * kind, citations of unknown documents. An empty list: the pack may be used.
 */
export function packProblems(content: PackContent): string[] {
  const problems: string[] = []
  // Only the built-in versions count as known: a pack's own versions are checked below, and those
  // of the pack active now (perhaps this one) must not make its ids look taken.
  const builtIn = new Set(builtInScenarioIds())
  const declared = new Set(content.sources.map((document) => document.key))
  const cited = (where: string, source: string) => {
    if (!declared.has(source) && !isSourceKey(source)) problems.push(`${where}: bron "${source}" is onbekend (niet ingebouwd en niet in het pakket beschreven)`)
  }
  const checkValues = (id: string, baseId: string, values: Record<string, PackContent['scenarios'][string][string]>) => {
    const base = resolveBuiltIn(baseId, content) as unknown as Record<string, unknown>
    for (const [name, entry] of Object.entries(values)) {
      const current = base[name]
      if ((bookkeepingFields as readonly string[]).includes(name) || typeof current !== 'object' || current === null || !('cite' in current)) {
        problems.push(`${id}.${name}: geen parameter die Vangnet kent`)
        continue
      }
      const expected = shapeOf((current as unknown as { value: unknown }).value)
      const given = shapeOf(entry.value)
      if (expected !== given && !(expected === 'null' || given === 'null')) problems.push(`${id}.${name}: waarde is ${given}, verwacht ${expected}`)
      cited(`${id}.${name}`, entry.cite.source)
    }
  }
  const ownVersions = new Set<string>()
  for (const version of content.versions) {
    if (builtIn.has(version.id)) problems.push(`nieuwe versie "${version.id}": die versie is al ingebouwd; kies een andere naam`)
    else if (ownVersions.has(version.id)) problems.push(`nieuwe versie "${version.id}": staat twee keer in het pakket`)
    if (!builtIn.has(version.extends) && !ownVersions.has(version.extends)) {
      problems.push(`nieuwe versie "${version.id}": bouwt voort op een onbekende versie "${version.extends}"`)
    } else {
      checkValues(version.id, version.extends, version.values)
    }
    if (Object.keys(version.values).length === 0) problems.push(`nieuwe versie "${version.id}": geeft geen enkele waarde (een versie die niets verandert is geen nieuwe versie)`)
    ownVersions.add(version.id)
  }
  for (const [id, values] of Object.entries(content.scenarios)) {
    if (ownVersions.has(id)) {
      problems.push(`${id}: zet de waarden van een nieuwe versie in die versie zelf (versions), niet in scenarios`)
      continue
    }
    if (!builtIn.has(id)) {
      problems.push(`onbekende versie van het wetsvoorstel "${id}"`)
      continue
    }
    checkValues(id, id, values)
  }
  content.minimumWageMonthly.forEach((row, index) => cited(`minimumloon[${index}]`, row.cite.source))
  content.aowAgeByYear.forEach((row, index) => cited(`AOW-leeftijd[${index}]`, row.cite.source))
  if (Object.keys(content.scenarios).length === 0 && content.versions.length === 0 && content.minimumWageMonthly.length === 0 && content.aowAgeByYear.length === 0) {
    problems.push('het pakket verandert niets')
  }
  return problems
}

/**
 * A built-in version, or one of this pack's own new versions over its base: what the pack's
 * values are checked against (their kind; an active pack changes no kind).
 */
function resolveBuiltIn(id: string, content: PackContent): Record<string, unknown> {
  const own = content.versions.find((version) => version.id === id)
  if (own) return { ...resolveBuiltIn(own.extends, content), ...own.values }
  return resolveScenario(id) as unknown as Record<string, unknown>
}

/** A pack's new version as the registry holds a version: an overlay with its names. */
function versionOverlay(version: PackContent['versions'][number]): ScenarioOverrides {
  return {
    id: version.id,
    extends: version.extends,
    label: version.label,
    shortLabel: version.shortLabel,
    verifiedThrough: version.verifiedThrough,
    ...version.values,
  } as ScenarioOverrides
}

export function updateFromPack(content: PackContent): ParameterUpdate {
  return {
    id: content.id,
    label: content.label,
    publishedAt: content.publishedAt,
    scenarios: content.scenarios as ParameterUpdate['scenarios'],
    versions: content.versions.map(versionOverlay),
    minimumWageMonthly: content.minimumWageMonthly as ParameterUpdate['minimumWageMonthly'],
    ...(content.minimumWageVerifiedThrough ? { minimumWageVerifiedThrough: content.minimumWageVerifiedThrough } : {}),
    aowAgeByYear: content.aowAgeByYear as ParameterUpdate['aowAgeByYear'],
    ...(content.aowAgeLastFixedYear ? { aowAgeLastFixedYear: content.aowAgeLastFixedYear } : {}),
    sources: content.sources,
  }
}

function valueText(value: unknown): string {
  if (typeof value === 'number') return String(value).replace('.', ',')
  return JSON.stringify(value)
}

/** What the pack changes against the parameters in use now, one plain Dutch line per change. */
export function describePack(content: PackContent): string[] {
  const lines: string[] = []
  for (const version of content.versions) {
    const values = Object.entries(version.values).map(([name, entry]) => `${name} ${valueText(entry.value)} (${entry.cite.source}, ${entry.cite.locator})`)
    lines.push(`nieuwe versie van het wetsvoorstel "${version.label.nl}" (${version.id}), gebaseerd op ${version.extends}: ${values.join('; ')}`)
  }
  for (const [id, values] of Object.entries(content.scenarios)) {
    const base = resolveScenario(id) as unknown as Record<string, { value: unknown }>
    for (const [name, entry] of Object.entries(values)) {
      lines.push(`${id}: ${name} ${valueText(base[name]?.value)} → ${valueText(entry.value)} (vanaf ${entry.effectiveFrom}; ${entry.cite.source}, ${entry.cite.locator})`)
    }
  }
  const wage = new Map(minimumWageRows().map((row) => [row.from, row.value]))
  for (const row of content.minimumWageMonthly) {
    const before = wage.get(row.from)
    lines.push(`minimumloon per ${row.from}: ${before ? `${formatEuro(Number(before))} → ` : 'nieuw: '}${formatEuro(Number(row.value))} per maand (${row.cite.source})`)
  }
  const aow = new Map(aowAgeRows().map((row) => [row.from, row.value]))
  for (const row of content.aowAgeByYear) {
    const before = aow.get(row.from)
    const text = (age: { years: number; months: number }) => `${age.years} jaar${age.months ? ` en ${age.months} maanden` : ''}`
    lines.push(`AOW-leeftijd vanaf ${row.from.slice(0, 4)}: ${before ? `${text(before)} → ` : 'nieuw: '}${text(row.value)} (${row.cite.source})`)
  }
  return lines
}

/**
 * Check the content against the parameters with the pack applied as a whole: every bill version
 * must still resolve. Restores the update that was active before.
 */
export function trialProblems(content: PackContent): string[] {
  const before = activeParameterUpdate()
  try {
    setParameterUpdate(updateFromPack(content))
    for (const id of scenarioIdsAvailable()) resolveScenario(id)
    return []
  } catch (error) {
    return [`het pakket maakt de parameters onbruikbaar: ${(error as Error).message}`]
  } finally {
    setParameterUpdate(before)
  }
}
