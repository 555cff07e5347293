/**
 * Every worked example in the source documents, as one table run through `advise()`: the
 * document, the place in it, what it says, the case, the figure of the result, the engine's value
 * to the cent and the document's own figure with the rounding the document used. Adding an example
 * is adding a row.
 */
import { describe, expect, it } from 'vitest'
import type { SourceKey } from '../../shared/parameters/sources'
import { advise } from '../../shared/rules/advise'
import type { AdviceResult } from '../../shared/schema/result'
import { goodPolicy, makeCase } from './helpers'

interface WorkedExample {
  document: SourceKey
  place: string
  /** What the document says, in its own words. */
  says: string
  /** The case, as a patch of the test's base case (helpers.ts). */
  input: Parameters<typeof makeCase>[0]
  /** The figure in the result: `wml.cap`, or `<option id>.<path>` such as `baz.premium.monthly`. */
  figure: string
  /** The engine's value, to the cent. */
  expected: number
  /** The document's figure, and how far it may lie from ours by the document's own rounding. */
  stated: number
  tolerance: number
  /** Why a tolerance is needed, when it is. */
  rounding?: string
}

const radi2023 = (wmlYearRule: 'january' | 'july', premiumRate: number | null) => ({
  scenario: 'mkb-toets-2024' as const,
  calculationYear: 2023,
  client: { birthDate: '1980-01-01' },
  income: [{ year: 2023, profit: 80000, wiaWage: 0 }],
  assumptions: { premiumRate, parameterOverrides: { wmlYearRule } },
  disability: { age: 50 },
})

const examples: WorkedExample[] = [
  {
    document: 'MKB-2024',
    place: 'Bekostiging van de verzekering',
    says: '0,08 × € 30.000 = € 2.400',
    input: { scenario: 'mkb-toets-2024', calculationYear: 2024, income: [{ year: 2024, profit: 30000, wiaWage: 0 }], client: { birthDate: '1980-01-01' }, disability: { age: 50 } },
    figure: 'baz.premium.annual',
    expected: 2400,
    stated: 2400,
    tolerance: 0,
  },
  {
    document: 'RADI-2024',
    place: 'vraag 2',
    says: '€ 25.070, het minimumloon op jaarbasis inclusief 8% vakantiegeld (1-1-2023)',
    input: radi2023('january', null),
    figure: 'wml.annual',
    expected: 25069.82,
    stated: 25070,
    tolerance: 0.5,
    rounding: 'whole euros: 12 × € 1.934,40 × 1,08 = € 25.069,82',
  },
  {
    document: 'RADI-2024',
    place: 'vraag 2 en 5',
    says: '143% x € 25.070 = € 35.850',
    input: radi2023('january', null),
    figure: 'wml.cap',
    expected: 35849.85,
    stated: 35850,
    tolerance: 0.5,
    rounding: 'whole euros',
  },
  {
    document: 'RADI-2024',
    place: 'vraag 5',
    says: 'Daarvan 7,5% komt uit op € 224 per maand',
    input: radi2023('january', 0.075),
    figure: 'baz.premium.monthly',
    expected: 224.06,
    stated: 224,
    tolerance: 0.5,
    rounding: 'whole euros',
  },
  {
    document: 'RADI-2024',
    place: 'vraag 5',
    says: '8% daarvan is € 239',
    input: radi2023('january', null),
    figure: 'baz.premium.monthly',
    expected: 239,
    stated: 239,
    tolerance: 0.5,
    rounding: 'whole euros',
  },
  {
    document: 'RADI-2024',
    place: 'vraag 5',
    says: 'Per 1 juli 2023 is het minimumloon echter verhoogd naar € 25.855 per jaar',
    input: radi2023('july', null),
    figure: 'wml.annual',
    expected: 25855.2,
    stated: 25855,
    tolerance: 0.5,
    rounding: 'whole euros: 12 × € 1.995,00 × 1,08 = € 25.855,20',
  },
  {
    document: 'RADI-2024',
    place: 'vraag 2 en 5',
    says: '€ 36.972 (= 143% x € 25.855)',
    input: radi2023('july', null),
    figure: 'wml.cap',
    expected: 36972.94,
    stated: 36972,
    tolerance: 1,
    rounding: 'RADI starts from the rounded € 25.855 (€ 36.972,65) and truncates to whole euros',
  },
  {
    document: 'RADI-2024',
    place: 'vraag 5',
    says: 'De premie wordt op basis hiervan naar schatting € 231 tot € 246 per maand (7,5 %)',
    input: radi2023('july', 0.075),
    figure: 'baz.premium.monthly',
    expected: 231.08,
    stated: 231,
    tolerance: 0.5,
    rounding: 'whole euros',
  },
  {
    document: 'RADI-2024',
    place: 'vraag 5',
    says: 'De premie wordt op basis hiervan naar schatting € 231 tot € 246 per maand (8 %)',
    input: radi2023('july', null),
    figure: 'baz.premium.monthly',
    expected: 246.49,
    stated: 246,
    tolerance: 0.5,
    rounding: 'whole euros',
  },
  {
    document: 'KB-2025',
    place: 'Betaalbaarheid',
    says: 'op basis van het wettelijk minimumloon in 2025 ongeveer € 171 bruto per maand bij de maximale premiegrondslag',
    input: { calculationYear: 2025, client: { birthDate: '1980-01-01' }, income: [{ year: 2025, profit: 90000, wiaWage: 0 }], disability: { age: 50 } },
    figure: 'baz.premium.monthly',
    expected: 171.17,
    stated: 171,
    tolerance: 0.5,
    rounding: '"ongeveer", whole euros: 5,4 % × 142,86 % × 12 × € 2.218,80 / 12',
  },
  {
    document: 'RADI-2024',
    place: 'vraag 12',
    says: 'inkomen van € 50.000 ontvangt bij 40% arbeidsongeschiktheid 28% van € 50.000 = € 14.000 (WIA-klassen)',
    input: {
      scenario: 'mkb-toets-2024',
      calculationYear: 2040,
      income: [{ year: 2039, profit: 50000, wiaWage: 0 }],
      // A base of € 50.000 lies under the cap once the minimum wage has grown enough (3,5 % a year to 2040).
      assumptions: { wmlIndexation: 0.035, parameterOverrides: { partialBenefit: 'wia-classes' } },
      disability: { age: 56, degree: 0.4 },
    },
    figure: 'baz.illustration.publicAnnual',
    expected: 14000,
    stated: 14000,
    tolerance: 0,
  },
  {
    document: 'RADI-2024',
    place: 'vraag 12',
    says: 'een verzekering van € 40.000 ontvangt bij 40% arbeidsongeschiktheid 40% x € 40.000 = € 16.000',
    input: { scenario: 'mkb-toets-2024', privateQuote: { ...goodPolicy, insuredAmount: 40000 }, disability: { age: 46, degree: 0.4 } },
    figure: 'opt-out.illustration.privateAnnual',
    expected: 16000,
    stated: 16000,
    tolerance: 0,
  },
  {
    document: 'RADI-2024',
    place: 'vraag 12',
    says: 'Had de ondernemer een verzekering van € 35.000 afgesloten, dan bedraagt de uitkering € 14.000',
    input: { scenario: 'mkb-toets-2024', privateQuote: { ...goodPolicy, insuredAmount: 35000 }, disability: { age: 46, degree: 0.4 } },
    figure: 'opt-out.illustration.privateAnnual',
    expected: 14000,
    stated: 14000,
    tolerance: 0,
  },
  {
    document: 'RO-2026-03-13',
    place: 'wetsvoorstel naar de Tweede Kamer',
    says: 'maximaal € 171 bruto per maand, gebaseerd op het wettelijk minimumloon uit 2025',
    input: { scenario: 'tweede-kamer-2026', calculationYear: 2025, client: { birthDate: '1980-01-01' }, income: [{ year: 2025, profit: 90000, wiaWage: 0 }], disability: { age: 50 } },
    figure: 'baz.premium.monthly',
    expected: 171,
    stated: 171,
    tolerance: 0,
  },
  {
    document: 'BOUVY-2025',
    place: 'verplichte AOV (consultatieversie 2024)',
    says: 'ongeveer € 195 per maand bij 6,5 % (van ongeveer € 36.000)',
    input: { scenario: 'consultatie-2024', calculationYear: 2024, client: { birthDate: '1980-01-01' }, income: [{ year: 2024, profit: 90000, wiaWage: 0 }], disability: { age: 50 } },
    figure: 'baz.premium.monthly',
    expected: 195.14,
    stated: 195,
    tolerance: 0.5,
    rounding: '"ongeveer", whole euros',
  },
]

/** `wml.cap` or `<option id>.<path>`: a number in the result. */
function figureOf(result: AdviceResult, figure: string): unknown {
  const [head, ...rest] = figure.split('.')
  const option = result.options.find((candidate) => candidate.id === head)
  let value: unknown = option ?? (result as unknown as Record<string, unknown>)[head!]
  for (const key of rest) value = (value as Record<string, unknown> | undefined)?.[key]
  return value
}

describe('the worked examples of the sources, through advise()', () => {
  it.each(examples.map((example) => [`${example.document} ${example.place}: ${example.says}`, example] as const))('%s', (_name, example) => {
    const value = figureOf(advise(makeCase(example.input)), example.figure)
    expect(value).toBe(example.expected)
    expect(Math.abs(example.expected - example.stated)).toBeLessThanOrEqual(example.tolerance)
    if (example.tolerance > 0) expect(example.rounding).toBeTruthy()
  })

  it('a figure that is not in the result is a failing row, not a silent pass', () => {
    expect(figureOf(advise(makeCase()), 'baz.premium.nothing')).toBeUndefined()
  })
})

describe('MKB-2024 / RADI-2024 vraag 3: 70 % × 143 % WML ≈ 100 % WML', () => {
  it('the maximum benefit at full disability is about the annual minimum wage', () => {
    const result = advise(makeCase({ scenario: 'mkb-toets-2024', income: [{ year: 2029, profit: 120000, wiaWage: 0 }] }))
    const baz = result.options.find((option) => option.id === 'baz')!
    const ratio = baz.benefit.annualAtFullDisability / (result.wml.cap / 1.43)
    expect(ratio).toBeGreaterThan(0.999)
    expect(ratio).toBeLessThan(1.002)
  })
})
