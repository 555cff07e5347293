/**
 * The window's side of a parameter pack: the same update as the main process (the rules in the
 * window calculate with it), and the names of any bill version it adds in the screens' languages,
 * so every choice list shows them as it shows the built-in ones.
 */
import { scenarioShortLabels } from '../../../shared/parameters/scenarios'
import { setParameterUpdate, type ParameterUpdate } from '../../../shared/parameters/update'
import { i18n } from '../i18n'

export function applyParameterUpdate(update: ParameterUpdate | null): void {
  setParameterUpdate(update)
  i18n.global.mergeLocaleMessage('nl-NL', { scenarios: scenarioShortLabels('nl') })
  i18n.global.mergeLocaleMessage('en-GB', { scenarios: scenarioShortLabels('en') })
}
