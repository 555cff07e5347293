/**
 * The live comparison: every change to the dossier's case recomputes all options in the renderer
 * with the shared rules (`advise`), before the screen is next drawn. The recalculation runs in a
 * watcher (not inside a computed: a computed has no side effects), which also records how long it
 * took as a User Timing measure ("vangnet:advise"), read by the browser benchmark through the
 * standard Performance API instead of a hook on `window`.
 */
import { defineStore } from 'pinia'
import { shallowRef, watch } from 'vue'
import { advise } from '../../../shared/rules/advise'
import { i18n } from '../i18n'
import type { AdviceResult, Explanation } from '../../../shared/schema/result'
import { useDossierStore } from './dossier'

/** The name of the User Timing measure of one recalculation. */
export const adviseMeasure = 'vangnet:advise'
const keep = 200

export const useComparisonStore = defineStore('comparison', () => {
  const dossier = useDossierStore()
  const result = shallowRef<AdviceResult | null>(null)
  const failure = shallowRef<string | null>(null)
  const timings: number[] = []

  function recalculate(clientCase: typeof dossier.clientCase): void {
    if (!clientCase) {
      result.value = null
      failure.value = null
      return
    }
    const started = performance.now()
    try {
      // The rules write their reasons, notes and explanations in the screen's language.
      result.value = advise(clientCase, { language: i18n.global.locale.value.startsWith('en') ? 'en' : 'nl' })
      failure.value = null
    } catch {
      result.value = null
      failure.value = i18n.global.t('compare.failed')
    } finally {
      const ended = performance.now()
      timings.push(ended - started)
      if (timings.length > keep) {
        timings.shift()
        performance.clearMeasures(adviseMeasure)
      }
      performance.measure(adviseMeasure, { start: started, end: ended })
    }
  }

  // 'pre': after the change, before the screen is patched, so the figures on screen are never stale.
  watch(() => dossier.clientCase, recalculate, { immediate: true, flush: 'pre' })
  // A change of language rewrites the texts of the same figures.
  watch(() => i18n.global.locale.value, () => recalculate(dossier.clientCase))

  function medianMs(): number | null {
    if (timings.length === 0) return null
    const sorted = [...timings].sort((a, b) => a - b)
    const middle = Math.floor(sorted.length / 2)
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  }

  function explanation(id: string): Explanation | null {
    return result.value?.explanations[id] ?? null
  }

  return { result, failure, timings, medianMs, explanation }
})
