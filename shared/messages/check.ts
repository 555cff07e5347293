/** Completeness of a catalog: the ids of `reference` that `candidate` lacks (a missing translation). */
export function missingMessages(reference: object, candidate: object): string[] {
  return Object.keys(reference).filter((id) => typeof (candidate as Record<string, unknown>)[id] !== 'function')
}
