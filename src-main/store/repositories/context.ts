import type { z } from 'zod'
import type { Db } from '../connection'
import { VaultError } from '../errors'
import { dutchErrorMap, problemsOf } from '../../../shared/schema/messages'

/** What every repository needs: the open connection (throws when locked), a clock and the actor. */
export interface StoreContext {
  /** The open connection; throws VaultError('locked') after lock(). Counts as activity. */
  db(): Db
  /** ISO 8601 timestamp, UTC. Injected so tests can fix time. */
  now(): string
  /** Who acts, for the audit log: a role such as "adviseur" or "cli", never a client's name. */
  actor: string
}

/** Validate input with a shared schema; problems become one plain Dutch VaultError. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, { error: dutchErrorMap })
  if (result.success) return result.data
  const lines = problemsOf(result.error).map((problem) => `${problem.path}: ${problem.message}`)
  throw new VaultError('invalid-input', lines.join('\n'))
}

/** Euros (JSON number, at most cents) to whole cents without float drift. */
export function toCents(euros: number): number {
  return Math.round(euros * 100)
}

export function fromCents(cents: number): number {
  return cents / 100
}
