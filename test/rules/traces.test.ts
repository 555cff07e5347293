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

  it('texts written on first read are plain texts wherever the explanation goes: read, copied, cloned or as JSON', () => {
    const [clientCase] = randomCases(1, 3)
    const full = advise(clientCase!, { language: 'en' })
    // A structured clone (the IPC to the screen, a worker) is taken before anything was read.
    const cloned = structuredClone(full.explanations)
    const json = JSON.parse(JSON.stringify(advise(clientCase!, { language: 'en' }).explanations)) as typeof full.explanations
    const spread = Object.fromEntries(Object.entries(advise(clientCase!, { language: 'en' }).explanations).map(([id, explanation]) => [id, { ...explanation }]))
    for (const [id, explanation] of Object.entries(full.explanations)) {
      expect(explanation.label.length, id).toBeGreaterThan(0)
      expect(explanation.expression.length, id).toBeGreaterThan(0)
      expect(Object.getOwnPropertyDescriptor(explanation, 'expression')).toMatchObject({ value: explanation.expression, writable: true, enumerable: true })
      expect(Object.keys(explanation).slice(0, 6)).toEqual(['id', 'label', 'value', 'unit', 'expression', 'sources'])
      expect(Object.getOwnPropertySymbols(explanation).filter((symbol) => Object.getOwnPropertyDescriptor(explanation, symbol)!.enumerable)).toEqual([])
      expect(cloned[id], id).toEqual(explanation)
      expect(json[id], id).toEqual(explanation)
      expect(spread[id], id).toEqual(explanation)
    }
  })

  it('texts not read yet wait behind one shared getter, not a closure per explanation (which kept each calculation alive past the young generation)', () => {
    const [clientCase] = randomCases(1, 3)
    const explanations = Object.values(advise(clientCase!).explanations)
    const getters = new Set<unknown>()
    for (const explanation of explanations) {
      for (const field of ['label', 'expression']) {
        const descriptor = Object.getOwnPropertyDescriptor(explanation, field)!
        if (descriptor.get) getters.add(descriptor.get)
      }
    }
    expect(explanations.length).toBeGreaterThan(10)
    // One getter for labels and one for expressions, however many explanations.
    expect(getters.size).toBe(2)
  })
})

