/**
 * Traces: every figure the rules produce is explained by an `Explanation` (see
 * shared/schema/result.ts) with the numbers filled in and the sources cited, so that
 * `advise --explain`, the report's "toelichting" and the screen's "uitleg" drawer are all
 * generated from the calculation itself, never written by hand.
 */
import type Decimal from 'decimal.js'
import type { Language } from '../format'
import { textsFor } from '../messages'
import { toEuros } from '../money'
import type { Citation } from '../parameters/types'
import type { Explanation, SourceRef } from '../schema/result'

export function refs(...citations: (Citation | undefined)[]): SourceRef[] {
  const out: SourceRef[] = []
  for (const citation of citations) {
    if (!citation) continue
    if (!out.some((ref) => ref.source === citation.source && ref.locator === citation.locator)) {
      out.push({ source: citation.source, locator: citation.locator })
    }
  }
  return out
}

/** An explanation's texts that may be written on first read (see `Trace.money`). */
type LazyText = 'label' | 'expression'

/**
 * Where an explanation keeps the function that writes such a text until it is first read: a
 * symbol-keyed, non-enumerable property, so JSON, copies and comparisons never see it.
 *
 * Why not a getter closure per explanation, or a weak map from explanation to function: V8 keeps an
 * object's own accessor in its old generation, and a weak map's entries survive the young
 * generation's collections; either way the closure, and through it the whole calculation, stays
 * alive until a full collection. Measured on the bench's case: every young-generation collection
 * then carried megabytes into the old generation (about 6 ms each instead of 1 ms) and the mean
 * time per comparison more than doubled.
 */
const writers = { label: Symbol('writeLabel'), expression: Symbol('writeExpression') } as const

type PendingExplanation = Explanation & { [writer in (typeof writers)[LazyText]]?: () => string }

/** One getter per text for every explanation: writes the text on first read, then keeps it as a plain value. */
function lazyText(field: LazyText): PropertyDescriptor {
  const writer = writers[field]
  return {
    enumerable: true,
    configurable: true,
    get(this: PendingExplanation): string {
      const value = this[writer]?.() ?? ''
      delete this[writer]
      Object.defineProperty(this, field, { value, enumerable: true, configurable: true, writable: true })
      return value
    },
  }
}

const lazyTexts: Record<LazyText, PropertyDescriptor> = { label: lazyText('label'), expression: lazyText('expression') }

/**
 * Sets `field` to a text, or to a function that writes it on first read. The explanation is built
 * property by property in one order, so every explanation shares the engine's object shapes.
 */
function setText(explanation: Explanation, field: LazyText, text: string | (() => string)): void {
  if (typeof text === 'string') {
    explanation[field] = text
    return
  }
  Object.defineProperty(explanation, writers[field], { value: text, configurable: true })
  Object.defineProperty(explanation, field, lazyTexts[field])
}

/** What a calculation without traces hands back for each figure: nothing is kept or written. */
const untraced: Explanation = Object.freeze({ id: '', label: '', value: 0, unit: 'euro', expression: '', sources: [] })

/**
 * Collects the explanations of one calculation, keyed by figure id. A calculation that only needs
 * the figures (the triage of a client book) keeps none: `new Trace(false)`.
 */
export class Trace {
  readonly explanations: Record<string, Explanation> = {}

  constructor(readonly enabled = true) {}

  add(explanation: Explanation): Explanation {
    if (!this.enabled) return untraced
    this.explanations[explanation.id] = explanation
    return explanation
  }

  /**
   * An amount (a decimal, or a number of euros as the JSON edge gives it) and how it was made. `expression` may be given as a function: the text is then
   * written when it is first read (by the report, the uitleg drawer, --explain or JSON), so a
   * recalculation on every keystroke does not format text nobody reads. It reads as a plain
   * property, in JSON as well. The label may be a function too, written the same way (and not at
   * all by a calculation without traces).
   */
  money(
    id: string,
    label: string | (() => string),
    value: Decimal | number,
    expression: string | (() => string),
    sources: SourceRef[],
    steps?: (Explanation | undefined)[],
    uncertain?: boolean,
  ): Explanation {
    if (!this.enabled) return untraced
    const explanation = { id } as Explanation
    setText(explanation, 'label', label)
    explanation.value = typeof value === 'number' ? value : toEuros(value)
    explanation.unit = 'euro'
    setText(explanation, 'expression', expression)
    explanation.sources = sources
    const presentSteps = steps?.filter((step): step is Explanation => step !== undefined)
    if (presentSteps && presentSteps.length > 0) explanation.steps = presentSteps
    if (uncertain || presentSteps?.some((step) => step.uncertain)) explanation.uncertain = true
    return this.add(explanation)
  }
}

/** "Premie 2030: 5,4 % × € 42.000,00 (...) = € 2.268,00 — bron: ..." for the terminal, in `language`. */
export function explanationLines(
  explanation: Explanation,
  describeSource: (ref: SourceRef) => string,
  language: Language = 'nl',
  depth = 0,
  seen = new Set<string>(),
): string[] {
  const { say } = textsFor(language)
  const indent = '  '.repeat(depth)
  // A figure explained earlier in the same listing is named, not unfolded again.
  if (seen.has(explanation.id)) return [`${indent}${explanation.label}: ${say('explain.seeAbove')}`]
  seen.add(explanation.id)
  const sources = explanation.sources.map(describeSource).join('; ')
  const flag = explanation.uncertain ? ` ${say('explain.uncertain')}` : ''
  const lines = [`${indent}${explanation.label}: ${explanation.expression}${sources ? ` — ${say('explain.source')}: ${sources}` : ''}${flag}`]
  for (const step of explanation.steps ?? []) lines.push(...explanationLines(step, describeSource, language, depth + 1, seen))
  return lines
}
