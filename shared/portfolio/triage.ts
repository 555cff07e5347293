/**
 * Triage of the whole client book: every client evaluated under one bill version with the same
 * rules as a single advice (shared/rules/advise.ts), sorted into the groups of contract
 * portfolio-v1, each with a reason in one line. Pure: the caller loads the clients from the vault.
 *
 * What a client is evaluated on: the vault's current data (income years, running AOV, role and
 * buffer from the intake) over the case of the last advice (its assumptions and illustration), or,
 * without an advice, the default assumptions. The running AOV is what is judged, so quotes are left
 * out: "does this client's AOV meet the opt-out conditions?", not a quote's.
 */
import type { Language } from '../format'
import { Money, toEuros } from '../money'
import { parameterHash, resolveScenario } from '../parameters/resolve'
import { advise as adviseRules } from '../rules/advise'
import { aowDateFor } from '../rules/aow'
import { addYears } from '../rules/dates'
import { defaultScenarioId, parseClientCase, type ClientCase, type ClientRole, type IncomeYear, type PrivatePolicy } from '../schema/case'
import type { AdviceResult, OptionId, OptionResult } from '../schema/result'
import { groupIds, type GroupId } from './groups'
import { groupLabelsIn, triageTexts, type TriageTexts } from './texts'

export { groupIds, type GroupId }

/** What an advice version stored: enough to see what changed since. */
export interface StoredAdvice {
  versionNo: number
  createdAt: string
  scenario: string
  parameterHash: string
  clientCase: ClientCase
  chosenOption: OptionId | null
  /** What Vangnet suggested when the advice was saved (null: no suggestion then, or not recorded). */
  suggestedOption: OptionId | null
  options: { id: OptionId; available: boolean; premium: number; benefit: number }[]
}

export interface PortfolioClient {
  id: number
  name: string
  birthDate: string
  role: ClientRole | null
  income: IncomeYear[]
  existingPolicy: PrivatePolicy | null
  financialBuffer: number | null
  lastAdvice: StoredAdvice | null
}

export interface GroupHit {
  group: GroupId
  reason: string
}

export interface TriagedClient {
  id: number
  name: string
  hits: GroupHit[]
}

export interface TriageSettings {
  scenario: string
  /** Today (JJJJ-MM-DD): the calculation year is this year, or the law's first year if later. */
  today: string
  /** The language of the reasons (default Dutch). */
  language?: Language
  /** The rules; injectable so a batch can share one, tests can count calls. */
  advise?: (clientCase: ClientCase, options?: { language?: Language }) => AdviceResult
}

function option(result: AdviceResult, id: OptionId): OptionResult | undefined {
  return result.options.find((candidate) => candidate.id === id)
}

/** The year the client book is evaluated in: the first year of the law, or later. */
export function triageYear(scenario: string, today: string): number {
  return Math.max(resolveScenario(scenario).startYear.value, Number(today.slice(0, 4)))
}

/** The case the triage evaluates for a client (see the module comment), or the problems. */
export function triageCase(client: PortfolioClient, scenario: string, calculationYear: number, language: Language = 'nl'): { ok: true; value: ClientCase } | { ok: false; reason: string } {
  if (client.income.length === 0) return { ok: false, reason: triageTexts[language].noIncome }
  const base = client.lastAdvice?.clientCase
  const birthYear = Number(client.birthDate.slice(0, 4))
  const role = client.role ?? base?.client.role ?? 'ib-ondernemer'
  const parsed = parseClientCase({
    schemaVersion: 1,
    scenario,
    calculationYear,
    client: { name: client.name, birthDate: client.birthDate, role, conscientiousObjector: base?.client.conscientiousObjector ?? false },
    income: client.income,
    existingPolicy: client.existingPolicy,
    privateQuote: null,
    topUpQuote: null,
    assumptions: base?.assumptions ?? {},
    disability: { age: Math.min(75, Math.max(18, calculationYear - birthYear, base?.disability.age ?? 0)), degree: base?.disability.degree ?? 1 },
    // The household's need from the last advice, so the buffer is weighed against the income picture.
    ...(base?.household ? { household: base.household } : {}),
    ...(client.financialBuffer !== null || base?.profile ? { profile: { ...(base?.profile ?? {}), ...(client.financialBuffer !== null ? { financialBuffer: client.financialBuffer } : {}) } } : {}),
  }, language)
  if (!parsed.ok) return { ok: false, reason: parsed.problems.map((problem) => `${problem.path}: ${problem.message}`).join('; ') }
  return { ok: true, value: parsed.value }
}

function months(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number]
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0)
}

/**
 * The option's waiting-period shortfall the buffer has to bridge: from its income picture (the
 * household's need against the net income, after the broodfonds) when the case records a need;
 * null otherwise, and the caller falls back to the illustration's gross gap.
 */
function waitingShortfallAfterBroodfonds(chosen: OptionResult): number | null {
  const waiting = chosen.incomePicture?.phases.find((phase) => phase.id === 'waiting')
  if (!waiting || waiting.shortfallTotal === null) return null
  return toEuros(new Money(waiting.shortfallTotal).minus(waiting.broodfonds))
}

/**
 * "premie € 2.268,00 → € 2.410,50" lines: what differs for the chosen option since the advice,
 * and whether the chosen option is still the one the rules suggest (shared/rules/suggestion.ts).
 */
export function adviceChanges(stored: StoredAdvice, now: AdviceResult, scenario: string, language: Language = 'nl'): string[] {
  const t = triageTexts[language]
  const changes: string[] = []
  if (stored.scenario !== scenario) changes.push(t.versionChanged(stored.scenario, scenario))
  else if (stored.parameterHash !== now.parameterHash) changes.push(t.parametersChanged)
  const chosen = stored.chosenOption
  if (chosen) {
    const before = stored.options.find((candidate) => candidate.id === chosen)
    const after = option(now, chosen)
    if (before && after) {
      if (before.available && !after.available) changes.push(t.chosenUnavailable(after.label))
      if (before.premium !== after.premium.annual) changes.push(t.premium(before.premium, after.premium.annual))
      if (before.benefit !== after.benefit.annualAtFullDisability) changes.push(t.benefit(before.benefit, after.benefit.annualAtFullDisability))
    }
    // The suggestion now points elsewhere. An adviser who chose against this same suggestion when
    // advising has given the reason on record then (the deviation statement): nothing new for them.
    const suggested = now.suggestion?.optionId ?? null
    if (suggested !== null && suggested !== chosen && suggested !== stored.suggestedOption) {
      changes.push(t.suggestionDiffers(option(now, suggested)?.label ?? suggested, after?.label ?? chosen))
    }
  }
  for (const after of now.options) {
    const before = stored.options.find((candidate) => candidate.id === after.id)
    if (!before || before.available === after.available || after.id === chosen) continue
    changes.push(after.available ? t.nowPossible(after.label) : t.noLongerPossible(after.label))
  }
  return changes
}

/** One client: every group it belongs to, each with a one-line reason. */
export function triageClient(client: PortfolioClient, settings: TriageSettings): TriagedClient {
  // The triage reads figures, reasons, conditions and the suggestion, never a trace: calculated without them.
  const advise = settings.advise ?? ((clientCase: ClientCase, options?: { language?: Language }) => adviseRules(clientCase, { ...options, traces: false }))
  const language = settings.language ?? 'nl'
  const t: TriageTexts = triageTexts[language]
  const hits: GroupHit[] = []
  const year = triageYear(settings.scenario, settings.today)
  const built = triageCase(client, settings.scenario, year, language)
  if (!built.ok) {
    hits.push({ group: 'incomplete', reason: t.cannotCompute(built.reason) })
  } else {
    const result = advise(built.value, { language })
    const policy = built.value.existingPolicy
    const assumedRole = client.role === null && !client.lastAdvice ? t.roleAssumed : ''
    if (!result.client.insured) {
      // The first sentence says why; the rest (what remains for the client) is in the advice itself.
      const why = (result.client.insuredReasons[0] ?? t.notInsuredFallback).split(/(?<=\.) /)[0]!
      hits.push({ group: 'not-insured-group', reason: `${why}${assumedRole}` })
    } else {
      const baz = option(result, 'baz')!
      if (!policy) {
        hits.push({ group: 'no-cover', reason: t.noCover(baz.benefit.startsAfterDays, baz.illustration.gapAmount, assumedRole) })
      } else {
        const optOut = option(result, 'opt-out')!
        const transitional = option(result, 'transitional')!
        if (!optOut.available) {
          const failed = (optOut.conditions ?? []).filter((condition) => !condition.passed).map((condition) => condition.explanation)
          hits.push({ group: 'aov-fails-opt-out', reason: t.failsOptOut(failed) })
        }
        if (transitional.available && transitional.effectiveFrom) {
          // Transitional law keeps this AOV instead of the Baz, provided the client acts in time.
          const peildatum = (transitional.conditions ?? []).find((condition) => condition.id === 'in-force-on-peildatum')
          hits.push({ group: 'transitional-candidate', reason: t.transitional(peildatum?.explanation ?? t.peildatumFallback, transitional.effectiveFrom) })
        }
        if (policy.endAge !== 'aow') {
          const ends = addYears(client.birthDate, policy.endAge)
          const aow = aowDateFor(client.birthDate).date
          const gap = months(ends, aow)
          if (gap > 0) hits.push({ group: 'aov-ends-before-aow', reason: t.endsBeforeAow(policy.endAge, ends, aow, gap) })
        }
        const overInsured = option(result, 'keep-both')?.warnings.find((warning) => warning.startsWith(t.overInsurancePrefix))
        if (overInsured) hits.push({ group: 'over-insured', reason: t.overInsured(overInsured.split('; ')[0]!.slice(t.overInsurancePrefix.length)) })
      }
      const buffer = client.financialBuffer ?? client.lastAdvice?.clientCase.profile?.financialBuffer ?? null
      if (buffer !== null) {
        const covering: OptionId = client.lastAdvice?.chosenOption ?? (policy ? 'keep-both' : 'baz')
        const chosen = option(result, covering) ?? baz
        const shortfall = waitingShortfallAfterBroodfonds(chosen) ?? chosen.illustration.remainingGap
        if (shortfall > buffer) hits.push({ group: 'shortfall-exceeds-buffer', reason: t.shortfall(chosen.label, shortfall, buffer) })
      }
    }
  }
  const stored = client.lastAdvice
  if (stored) {
    const now = advise({ ...stored.clientCase, scenario: settings.scenario as ClientCase['scenario'] }, { language })
    const changes = adviceChanges(stored, now, settings.scenario, language)
    if (changes.length > 0) hits.push({ group: 'advice-outdated', reason: t.outdated(stored.versionNo, stored.createdAt.slice(0, 10), changes) })
  }
  if (hits.length === 0) hits.push({ group: 'no-action', reason: client.lastAdvice ? t.adviceCurrent : t.nothingToDo })
  return { id: client.id, name: client.name, hits }
}

export interface PortfolioGroup {
  id: GroupId
  label: string
  count: number
  clients: { id: number; name: string; reason: string }[]
}

/** Contract portfolio-v1's document. */
export interface PortfolioReport {
  scenario: string
  parameterHash: string
  clients: number
  groups: PortfolioGroup[]
}

export function portfolioReport(triaged: TriagedClient[], scenario: string = defaultScenarioId, language: Language = 'nl'): PortfolioReport {
  const groups = new Map<GroupId, PortfolioGroup>(groupIds.map((id) => [id, { id, label: groupLabelsIn[language][id], count: 0, clients: [] }]))
  for (const client of triaged) {
    for (const hit of client.hits) {
      const group = groups.get(hit.group)!
      group.count++
      group.clients.push({ id: client.id, name: client.name, reason: hit.reason })
    }
  }
  return { scenario, parameterHash: parameterHash(scenario), clients: triaged.length, groups: [...groups.values()].filter((group) => group.count > 0) }
}
