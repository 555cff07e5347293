/**
 * The name of an option in the chosen language. The rules name options in Dutch (with the policy
 * they hold, e.g. "Opt-out met de lopende AOV"); an English report or chart uses these names.
 */
import type { Language } from '../format'
import type { OptionId, OptionResult } from '../schema/result'

const englishNames: Record<OptionId, string> = {
  baz: 'Baz (public insurance)',
  'baz-top-up': 'Baz with a private top-up',
  'opt-out': 'Opt-out with a private AOV',
  transitional: 'Transitional law with the existing AOV',
  'keep-both': 'Keep the Baz and the existing AOV',
}

export function optionName(option: Pick<OptionResult, 'id' | 'label'>, language: Language): string {
  return language === 'en' ? englishNames[option.id] : option.label
}
