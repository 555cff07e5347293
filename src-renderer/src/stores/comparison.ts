/**
 * The live comparison: every change to the dossier's case recomputes all options in the renderer
 * with the shared rules (`advise`), synchronously, before the next frame. The time each
 * recalculation takes is kept (last 200) for the screen's own check and the browser benchmark.
 */
import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import { advise } from '../../../shared/rules/advise'
import { i18n } from '../i18n'
import type { AdviceResult, Explanation } from '../../../shared/schema/result'
import { useDossierStore } from './dossier'

const keep = 200

export const useComparisonStore = defineStore('comparison', () => {
  const dossier = useDossierStore()
  const timings: number[] = []
  const failure = shallowRef<string | null>(null)

  const result = computed<AdviceResult | null>(() => {
    const clientCase = dossier.clientCase
    if (!clientCase) return null
    const started = performance.now()
    try {
      // The rules write their reasons, notes and explanations in the screen's language.
      const value = advise(clientCase, { language: i18n.global.locale.value.startsWith('en') ? 'en' : 'nl' })
      failure.value = null
      return value
    } catch {
      failure.value = 'De berekening kon met deze invoer niet worden gemaakt.'
      return null
    } finally {
      timings.push(performance.now() - started)
      if (timings.length > keep) timings.shift()
    }
  })

  function medianMs(): number | null {
    if (timings.length === 0) return null
    const sorted = [...timings].sort((a, b) => a - b)
    const middle = Math.floor(sorted.length / 2)
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  }

  function explanation(id: string): Explanation | null {
    return result.value?.explanations[id] ?? null
  }

  // Read-only figure for the browser benchmark (test/e2e): the median time of advise() here.
  ;(window as unknown as { __vangnetRecalcMedian?: () => number | null }).__vangnetRecalcMedian = medianMs

  return { result, failure, timings, medianMs, explanation }
})
