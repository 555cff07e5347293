/**
 * Amounts, percentages and dates on the screen in the screen's language: `€ 1.234,56` and
 * `17 mei 2030` in Dutch, `€1,234.56` and `17 May 2030` in English. The formats themselves are
 * shared/format.ts (the report and the headless command use the same); this only picks the language.
 */
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { formatDate, formatEuro, formatPercent, type Language } from '../../../shared/format'
import { formatDateTime } from './when'

export function useFormat() {
  const { locale } = useI18n()
  const language = computed<Language>(() => (locale.value.startsWith('en') ? 'en' : 'nl'))
  return {
    language,
    euro: (value: number) => formatEuro(value, language.value),
    percent: (fraction: number) => formatPercent(fraction, 2, language.value),
    date: (iso: string) => formatDate(iso, language.value),
    dateTime: (iso: string) => formatDateTime(iso, language.value),
  }
}
