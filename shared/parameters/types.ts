/**
 * Parameter values with their provenance. Every value the rules use is a `Sourced` value: what it
 * is, where it comes from, from when it applies, and whether the sources are sure of it.
 */
import type { SourceKey } from './sources'

export interface Citation {
  source: SourceKey
  /** Section, question or heading in the document. */
  locator: string
}

export interface Sourced<T> {
  value: T
  cite: Citation
  /**
   * Present when the sources are unsure, give a range, disagree or say nothing: the quote or the
   * reason, printed on the report as an assumption.
   */
  uncertain?: string
  /** A documented range around the value (e.g. premium 7.5 – 8 %), printed with the assumption. */
  range?: readonly [T, T]
}

/** One dated row of a table (minimum wage, AOW age), with its source. */
export interface DatedValue<T> {
  from: string
  value: T
  cite: Citation
  uncertain?: string
}
