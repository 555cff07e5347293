import { createI18n } from 'vue-i18n'
import { nl } from './nl'
import { en } from './en'

/** Dutch is the default; English is the second language. Amounts always use shared/format.ts. */
export const i18n = createI18n({
  legacy: false,
  locale: 'nl-NL',
  fallbackLocale: 'nl-NL',
  messages: { 'nl-NL': nl, 'en-GB': en },
  missingWarn: false,
  fallbackWarn: false,
})
