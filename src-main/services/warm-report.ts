/**
 * A sample case for warming the report renderer right after unlocking: the first report of a
 * session otherwise pays for loading pdfmake, the fonts and ECharts (about 9 s in the browser host,
 * measured before this existed). The sample is built from a plain intake, with no client data.
 */
import { newDraft, validateDraft } from '../../shared/intake/draft'
import type { ClientCase } from '../../shared/schema/case'

export function warmUpCase(): ClientCase {
  const draft = newDraft('Voorbeeld', '1985-01-01', new Date('2030-01-01T12:00:00'))
  draft.income.forEach((row, index) => (row.profit = String(40_000 + index * 2_000)))
  const validation = validateDraft(draft, '2030-01-01')
  if (!validation.ok) throw new Error('warm-up case is not a valid case')
  return validation.value
}
