/**
 * A calculation without traces (the triage of a client book) gives the very same figures, reasons,
 * conditions, warnings and suggestion as the full advice; only the explanations and the list of
 * assumptions are left out.
 */
import { describe, expect, it } from 'vitest'
import { advise } from '../../shared/rules/advise'
import { randomCases } from '../bench/rules'

describe('advise without traces', () => {
  it('the same result as with traces, without explanations and assumptions, for 300 random cases in both languages', () => {
    for (const clientCase of randomCases(300, 3)) {
      for (const language of ['nl', 'en'] as const) {
        const full = advise(clientCase, { language })
        const lean = advise(clientCase, { language, traces: false })
        expect(lean.explanations).toEqual({})
        expect(lean.assumptions).toEqual([])
        expect(JSON.parse(JSON.stringify({ ...lean, explanations: null, assumptions: null }))).toEqual(
          JSON.parse(JSON.stringify({ ...full, explanations: null, assumptions: null })),
        )
      }
    }
  })

  it('the full advice keeps every explanation', () => {
    const [clientCase] = randomCases(1, 3)
    const full = advise(clientCase!)
    expect(Object.keys(full.explanations).length).toBeGreaterThan(10)
    expect(full.assumptions.length).toBeGreaterThan(3)
  })
})
