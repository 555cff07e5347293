import { createHash } from 'node:crypto'
import { randomCases } from '../test/bench/rules'
import { advise } from '../shared/rules/advise'
const h = createHash('sha256')
for (const c of randomCases(1500, 7)) for (const language of ['nl', 'en'] as const) { h.update(JSON.stringify(advise(c, { language }))); h.update(JSON.stringify(advise({ ...c, scenario: 'tweede-kamer-2026' }, { language }))) }
console.log(h.digest('hex'))
