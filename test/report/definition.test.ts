/**
 * The report as data: the pure document definition from shared/report, snapshot-tested, plus
 * checks that no amount is computed in the report (every euro figure is one the rules produced).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { formatEuro } from '../../shared/format'
import { sourceDocuments } from '../../shared/parameters/sources'
import { buildAdviceReport, type ReportInput } from '../../shared/report'
import { advise } from '../../shared/rules/advise'
import { parseClientCase } from '../../shared/schema/case'
import type { OptionId } from '../../shared/schema/result'
import { adviser, fee, fixture, numbersIn, recommendation, stringsIn, euroPattern, normaliseSpaces } from './helpers'

const { clientCase, result } = fixture()
const input: ReportInput = {
  clientCase,
  result,
  adviser,
  recommendation,
  fee,
  language: 'nl',
  reportDate: '2030-01-15',
  sources: sourceDocuments,
  charts: { premiumPerYear: '<svg id="premium"/>', incomeWhenDisabled: '<svg id="income"/>' },
  appVersion: '0.0.0-test',
  signature: { signerName: 'Ö. Bakker-Ünal', selfSigned: true },
}

/** All text of a definition, in document order. */
function textOf(node: unknown): string {
  if (typeof node === 'string') return node
  if (Array.isArray(node)) return node.map(textOf).join(' ')
  if (node && typeof node === 'object') {
    const record = node as Record<string, unknown>
    return ['text', 'stack', 'columns', 'ul', 'ol', 'table', 'body'].map((key) => (key in record ? textOf(record[key]) : '')).join(' ')
  }
  return ''
}

describe('buildAdviceReport', () => {
  const definition = buildAdviceReport(input)
  const text = normaliseSpaces(textOf(definition.content))

  it('matches the snapshot', () => {
    expect(definition).toMatchSnapshot()
  })

  it('has every section, in the table of contents and the PDF outline; only the decision page forces a new page', () => {
    // Chapter headings at the top level, or first in a stack that keeps them with what follows.
    const nodes = definition.content.flatMap((node) => (typeof node === 'object' && !Array.isArray(node) && Array.isArray(node.stack) ? [node, node.stack[0]] : [node]))
    const chapters = nodes.filter((node) => typeof node === 'object' && !Array.isArray(node) && node.style === 'h1') as { text: string; tocItem?: boolean; outline?: boolean; pageBreak?: string }[]
    expect(chapters.map((node) => node.text)).toEqual([
      'Ons advies',
      'Uw inkomen bij arbeidsongeschiktheid',
      'Uw situatie',
      'De mogelijkheden naast elkaar',
      'Productinformatie',
      'Overstapmomenten en termijnen',
      'Dienstverlening, kosten en klachten',
      'Ondertekening',
      'Bijlage: berekeningen, aannames en bronnen',
      'Aannames en onzekerheden',
      'Toelichting bij de bedragen',
      'Bronnen',
    ])
    expect(chapters.every((node) => node.outline === true)).toBe(true)
    expect(chapters.filter((node) => node.tocItem).length).toBe(9)
    expect(chapters.filter((node) => node.pageBreak === 'before').map((node) => node.text)).toEqual(['Ons advies'])
    for (const phrase of ['Adviesrapport arbeidsongeschiktheid', 'AFM-registratie', 'Kifid-aansluiting', 'Let op: de wet is nog niet definitief', result.scenarioLabel]) {
      expect(text).toContain(phrase)
    }
  })

  it('prints only amounts that the rules, the case or the fee hold', () => {
    // The decision page's risk at half disability restates the rules' figures for that degree.
    const atHalf = advise({ ...clientCase, disability: { ...clientCase.disability, degree: 0.5 } })
    const known = new Set([...numbersIn(result), ...numbersIn(atHalf), ...numbersIn(clientCase), fee.amount].map((value) => normaliseSpaces(formatEuro(value))))
    for (const amount of stringsIn(result).flatMap((line) => normaliseSpaces(line).match(euroPattern) ?? [])) known.add(amount)
    const printed = text.match(euroPattern) ?? []
    expect(printed.length).toBeGreaterThan(50)
    expect(printed.filter((amount) => !known.has(amount))).toEqual([])
  })

  it('shows the key figures of every available option', () => {
    for (const option of result.options.filter((candidate) => candidate.available)) {
      for (const amount of [option.premium.monthly, option.premium.annual, option.premium.netAnnual, option.benefit.annualAtFullDisability, option.totals.premium, option.illustration.monthlyBenefit, option.illustration.remainingGap]) {
        expect(text).toContain(normaliseSpaces(formatEuro(amount)))
      }
    }
  })

  it('lists the reasons of the options that are not possible', () => {
    for (const option of result.options.filter((candidate) => !candidate.available)) {
      for (const reason of option.reasons) expect(text).toContain(normaliseSpaces(reason))
    }
  })

  it('prints every assumption and cites every source the traces name', () => {
    for (const note of result.assumptions) expect(text).toContain(normaliseSpaces(note.text))
    expect(text).toContain('KB-2025')
    expect(text).toContain(sourceDocuments['KB-2025'].title)
  })

  it('says when the certificate is self-signed', () => {
    expect(text).toContain('self-signed')
    expect(normaliseSpaces(textOf(buildAdviceReport({ ...input, signature: { signerName: 'X', selfSigned: false } }).content))).not.toContain('self-signed')
  })

  it('without a recommendation is a CONCEPT on every page, with Vangnet\'s proposal instead of advice', () => {
    const { recommendation: _left, ...rest } = input
    const draft = buildAdviceReport(rest)
    const draftText = normaliseSpaces(textOf(draft.content))
    expect(draftText).toContain('CONCEPT – geen ondertekend advies')
    expect(draftText).toContain('Voorstel van Vangnet (nog geen advies)')
    expect(draft.watermark).toMatchObject({ text: 'CONCEPT' })
    expect(textOf(draft.header?.(2, 9))).toContain('CONCEPT')
    expect(definition.watermark).toBeUndefined()
  })

  it('records a choice that differs from the suggestion with its reason (the deviation statement)', () => {
    expect(result.suggestion?.optionId).toBeDefined()
    const other = result.options.find((option) => option.available && option.id !== result.suggestion!.optionId)!
    const deviating = buildAdviceReport({
      ...input,
      recommendation: { optionId: other.id, motivation: 'Eigen keuze.' },
      clientCase: { ...clientCase, advice: { choice: other.id, deviationReason: 'De klant wil geen wachttijd van twee jaar.' } },
    })
    const deviatingText = normaliseSpaces(textOf(deviating.content))
    expect(deviatingText).toContain('Afwijking van het voorstel')
    expect(deviatingText).toContain('Reden: De klant wil geen wachttijd van twee jaar.')
  })

  it('in English frames the same figures', () => {
    // The rules write their texts in the report's language (as `advise --lang en` and the app do).
    const english = buildAdviceReport({ ...input, result: advise(clientCase, { language: 'en' }), language: 'en' })
    const englishText = normaliseSpaces(textOf(english.content))
    expect(englishText).toContain('Disability insurance advice report')
    expect(englishText).toContain('Please note: the law is not final')
    // Amounts as English writes them: €192.54, not € 192,54.
    expect(englishText).toContain(formatEuro(result.options[0]!.premium.monthly, 'en'))
    expect(english.language).toBe('en-GB')
    // Percentages as English writes them (5.4%, 80%), never the Dutch "5,4 %".
    expect(englishText).toMatch(/Disability threshold\s+25%/)
    expect(englishText).toMatch(/disabled from age 50 \([^)]*\), 100% disabled/)
    // The sources: named in English, the Dutch document's own title quoted after it.
    const cited = Object.values(sourceDocuments).filter((document) => englishText.includes(`${document.shortEn}: “${document.title}” (in Dutch)`))
    expect(cited.length).toBeGreaterThan(0)
  })

  it('numbers its pages, except the cover', () => {
    expect(definition.footer?.(1, 9)).toBe('')
    expect(textOf(definition.footer?.(3, 9))).toContain('Pagina 3 van 9')
  })
})

describe('the decision page at half disability', () => {
  function caseFrom(name: string, scenario?: string) {
    const raw = JSON.parse(readFileSync(new URL(`../../resources/cases/${name}.json`, import.meta.url), 'utf8')) as Record<string, unknown>
    const parsed = parseClientCase(scenario ? { ...raw, scenario } : raw)
    if (!parsed.ok) throw new Error(`${name} is not a valid case`)
    return parsed.value
  }
  function risksOf(name: string, optionId: OptionId, language: 'nl' | 'en' = 'nl', scenario?: string): string {
    const clientCase = caseFrom(name, scenario)
    const definition = buildAdviceReport({ ...input, clientCase, result: advise(clientCase, { language }), recommendation: { optionId, motivation: 'Test.' }, language })
    return normaliseSpaces(textOf(definition.content))
  }

  it('names the missing Baz benefit, what the AOV then pays and the shortfall, from the rules at 50 %', () => {
    // The high earner's top-up insures € 40.000 a year; at 50 % it pays half under its class
    // rule (45–55 %: 50 %): € 20.000 / 12 = € 1.666,67 a month. Under raad-van-state-2025 the Baz
    // pays only at full disability, so nothing at 50 %.
    expect(risksOf('high-earner', 'baz-top-up')).toContain('Bij 50 % arbeidsongeschiktheid geen Baz-uitkering; alleen uw AOV keert uit: € 1.666,67 per maand.')
    expect(risksOf('high-earner', 'baz-top-up', 'en')).toContain('At 50% disability no Baz benefit; only your AOV pays: €1,666.67 a month.')
  })

  it('says nothing of it where the Baz pays at 50 % or the option holds no Baz', () => {
    // mkb-toets-2024: income-loss criterion from 35 %, benefit proportional: the Baz pays at 50 %.
    expect(risksOf('high-earner', 'baz-top-up', 'nl', 'mkb-toets-2024')).not.toContain('Bij 50 % arbeidsongeschiktheid')
    // Opting out: no Baz to miss.
    expect(risksOf('high-earner', 'opt-out')).not.toContain('Bij 50 % arbeidsongeschiktheid')
  })
})
