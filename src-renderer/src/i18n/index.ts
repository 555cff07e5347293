import { createI18n } from 'vue-i18n'
import { nl } from './nl'
import { en } from './en'
import { adviceMessages } from './advice'

/** Dutch is the default; English is the second language. Amounts always use shared/format.ts. */
export const i18n = createI18n({
  legacy: false,
  locale: 'nl-NL',
  fallbackLocale: 'nl-NL',
  messages: { 'nl-NL': { ...nl, ...adviceMessages.nl }, 'en-GB': { ...en, ...adviceMessages.en } },
  missingWarn: false,
  fallbackWarn: false,
})
