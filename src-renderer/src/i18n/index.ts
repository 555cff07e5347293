import { createI18n } from 'vue-i18n'
import { nl } from './nl'
import { en } from './en'

/** Dutch is the default; English is the second language. Amounts always use nl-NL formats. */
export const i18n = createI18n({
  legacy: false,
  locale: 'nl-NL',
  fallbackLocale: 'nl-NL',
  messages: { 'nl-NL': nl, 'en-GB': en },
  numberFormats: {
    'nl-NL': {
      currency: { style: 'currency', currency: 'EUR', currencyDisplay: 'symbol' },
      percent: { style: 'percent', maximumFractionDigits: 2 },
    },
    'en-GB': {
      currency: { style: 'currency', currency: 'EUR', currencyDisplay: 'symbol' },
      percent: { style: 'percent', maximumFractionDigits: 2 },
    },
  },
})
