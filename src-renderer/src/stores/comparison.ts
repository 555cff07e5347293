/**
 * The live comparison: every change to the dossier's case recomputes all options in the renderer
 * with the shared rules (`advise`), synchronously, before the next frame. The recalculation is a
 * pure computed (no timing, no hook on `window`): the browser benchmark measures keystroke to
 * screen from outside (test/e2e/support.ts, measureRecalc).
 */
import { defineStore } from 'pinia'
import { computed } from 'vue'
import { advise } from '../../../shared/rules/advise'
import type { AdviceResult, Explanation } from '../../../shared/schema/result'
import { useDossierStore } from './dossier'

type Outcome = { result: AdviceResult | null; failure: string | null }

export const useComparisonStore = defineStore('comparison', () => {
  const dossier = useDossierStore()

  const outcome = computed<Outcome>(() => {
    const clientCase = dossier.clientCase
    if (!clientCase) return { result: null, failure: null }
    try {
      return { result: advise(clientCase), failure: null }
    } catch {
      return { result: null, failure: 'De berekening kon met deze invoer niet worden gemaakt.' }
    }
  })
  const result = computed(() => outcome.value.result)
  const failure = computed(() => outcome.value.failure)

  function explanation(id: string): Explanation | null {
    return result.value?.explanations[id] ?? null
  }

  return { result, failure, explanation }
})
