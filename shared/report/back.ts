/**
 * The back of the report: switch moments, assumptions, the explanation of the amounts and the
 * sources (both generated from the traces in the result, never written by hand), the fee and the
 * signature page.
 */
import { formatEuro, formatPercent, type Language } from '../format'
import type { AssumptionNote, Explanation, SourceRef } from '../schema/result'
import { amountCell, chapter, colours, facts, heading, notice, paragraph, quietTable } from './blocks'

/** "AB:CD:…" in two lines of 16 bytes, as certificate viewers show a SHA-256 fingerprint. */
function fingerprintText(hex: string): string {
  const pairs = hex.toUpperCase().match(/.{2}/g) ?? []
  return [pairs.slice(0, 16).join(':'), pairs.slice(16).join(':')].filter(Boolean).join('\n')
}
import type { ReportContext } from './context'
import type { Content, ContentNode, SourceEntry } from './types'

export function deadlines({ input, t, a, date, name }: ReportContext): Content[] {
  const { result, clientCase } = input
  // Outside the insured group there are no switch moments: the decision page said why, once.
  if (!result.client.insured) return []
  const body: Content[][] = [
    [
      { text: t.deadlineOption, style: 'tableHeader' },
      { text: t.deadlineFrom, style: 'tableHeader' },
      { text: t.deadlineNote, style: 'tableHeader' },
    ],
    ...result.options.map((option) => [
      name(option),
      { text: option.effectiveFrom ? date(option.effectiveFrom) : t.notApplicable, noWrap: true },
      { text: option.available ? option.warnings.join(' ') : option.reasons.join(' '), style: 'small' },
    ]),
  ]
  // The bill version's switch rule (KB-2025: exemptions start on 1 January and end on 31 December).
  const rules: Content[] = [result.switchRule === 'first-of-january' ? t.januaryRule : t.anyMoment]
  const peildatum = clientCase.assumptions.transitionalPeildatum
  rules.push(peildatum ? t.peildatum(date(peildatum)) : t.peildatumOpen)
  if (clientCase.existingPolicy) rules.push(t.existingStart(date(clientCase.existingPolicy.startDate)))
  if (clientCase.privateQuote) rules.push(t.policyStart(date(clientCase.privateQuote.startDate)))
  rules.push(t.aowEnd(date(result.client.aowDate)))
  // A private policy that ends before the AOW date says so: "all cover stops at AOW" is not true then.
  for (const option of result.options.filter((candidate) => candidate.available)) {
    const ends = option.incomePicture?.policyEnds
    if (ends) rules.push(a.policyEndsBeforeAow(name(option), date(ends)))
  }
  return [
    chapter(t.deadlines, 'termijnen', false),
    { table: { widths: [150, 90, '*'], headerRows: 1, dontBreakRows: true, body }, layout: quietTable, style: 'body', margin: [0, 0, 0, 10] },
    { ul: rules.map((rule) => paragraph(rule, { margin: [0, 0, 0, 3] })) },
  ]
}

function sourceText(refs: readonly SourceRef[]): string {
  return refs.map((ref) => (ref.locator ? `${ref.source}, ${ref.locator}` : ref.source)).join('; ')
}

/**
 * An explanation's value: amounts are euros, small fractions are rates (the result keeps rates as
 * fractions, contract advise-v1), and text stays text.
 */
export function explanationValue(value: number | string, unit?: Explanation['unit'], language: Language = 'nl'): string {
  if (typeof value === 'string' || unit === 'text') return String(value)
  if (unit === 'euro') return formatEuro(value, language)
  if (unit === 'fraction') return formatPercent(value, 2, language)
  return value !== 0 && Math.abs(value) < 1 ? formatPercent(value, 2, language) : formatEuro(value, language)
}

interface FlatExplanation {
  explanation: Explanation
  depth: number
  /** Already unfolded higher up: shown as one line, without its steps again. */
  repeated: boolean
}

/** Depth-first, each figure unfolded once: later mentions of the same figure are one line. */
function flatten(explanation: Explanation, depth = 0, seen = new Set<string>()): FlatExplanation[] {
  if (seen.has(explanation.id)) return [{ explanation, depth, repeated: true }]
  seen.add(explanation.id)
  return [{ explanation, depth, repeated: false }, ...(explanation.steps ?? []).flatMap((step) => flatten(step, depth + 1, seen))]
}

function flattenAll(explanations: Explanation[]): FlatExplanation[] {
  const seen = new Set<string>()
  return explanations.flatMap((explanation) => flatten(explanation, 0, seen))
}

export function assumptions(context: ReportContext): Content[] {
  const { t } = context
  const order = ['override', 'uncertain-parameter', 'interpretation', 'projection', 'adviser-input'] as const
  const content: Content[] = [section(t.assumptions, 'aannames'), paragraph(t.assumptionsIntro)]
  for (const kind of order) {
    const notes = relevantAssumptions(context).filter((note) => note.kind === kind)
    if (notes.length === 0) continue
    content.push(heading(t.kinds[kind] ?? kind), {
      ul: notes.map((note) => ({
        text: [note.text, note.sources.length > 0 ? { text: `  (${sourceText(note.sources)})`, style: 'small' } : ''],
        style: 'body',
        margin: [0, 0, 0, 3],
      })),
    })
  }
  // Figures that rest on an assumption are marked * in the calculations below: listed once, there.
  return content
}

/**
 * Traces of options the client cannot choose say nothing useful; leave them out. Outside the
 * insured group only the private policy's own traces remain (no Baz figure of € 0).
 */
function relevantExplanations(context: ReportContext): Explanation[] {
  const { result } = context.input
  const insured = result.client.insured
  const shown = result.options.filter((option) => option.available || (!insured && option.incomePicture !== undefined)).map((option) => `option.${option.id}.`)
  return Object.values(result.explanations).filter((explanation) => {
    // With the household's income picture, the gross "gap in the waiting period" is replaced by
    // the net shortfall after broodfonds and buffer; printing both would contradict.
    if (result.options.some((option) => option.incomePicture) && explanation.id.endsWith('.gap')) return false
    if (explanation.id.startsWith('option.')) return shown.some((prefix) => explanation.id.startsWith(prefix))
    return insured
  })
}

/** Outside the insured group the bill's uncertain parameters say nothing about the client's cover. */
function relevantAssumptions(context: ReportContext): AssumptionNote[] {
  const { result } = context.input
  return result.client.insured ? result.assumptions : result.assumptions.filter((note) => note.kind !== 'uncertain-parameter')
}

/** A part of the appendix: in the table of contents and the PDF bookmarks, on the flowing page. */
function section(text: string, id: string): ContentNode {
  return { text, style: 'h1', fontSize: 14, id, outline: true, headlineLevel: 1, margin: [0, 16, 0, 8] }
}

export function appendix(context: ReportContext): Content[] {
  return [chapter(context.a.appendix, 'bijlage', false), paragraph(context.a.appendixIntro), ...assumptions(context), ...explanations(context), ...sourcesAppendix(context)]
}

export function explanations(context: ReportContext): Content[] {
  const { t } = context
  const rows = flattenAll(relevantExplanations(context))
  const body: Content[][] = rows.map(({ explanation, depth, repeated }) => [
    {
      stack: repeated
        ? [{ text: `${explanation.label}${explanation.uncertain ? ' *' : ''} (${t.seeAbove})`, italics: true }]
        : [
            { text: `${explanation.label}${explanation.uncertain ? ' *' : ''}`, bold: depth === 0 },
            { text: explanation.expression, style: 'small' },
            ...(explanation.sources.length > 0 ? [{ text: sourceText(explanation.sources), style: 'small', color: colours.accent }] : []),
          ],
      margin: [depth * 14, 0, 0, 0],
    },
    amountCell(explanationValue(explanation.value, explanation.unit, context.input.language), { bold: depth === 0 }),
  ])
  return [
    section(t.explanations, 'toelichting'),
    paragraph(t.explanationsIntro),
    paragraph(t.uncertainMark, { style: 'small' }),
    { table: { widths: ['*', 95], dontBreakRows: true, body }, layout: quietTable, style: 'body' },
  ]
}

/** Every place a source is cited in the result: explanations, conditions and assumptions. */
export interface SourceUse {
  /** The places in the document that are cited ("vraag 2", "Verlenging van de wachttijd"). */
  locators: Set<string>
  /** The figures, conditions and assumptions that cite it. */
  citedBy: Set<string>
}

export function sourceUsage(context: ReportContext): Map<string, SourceUse> {
  const usage = new Map<string, SourceUse>()
  const cite = (refs: readonly SourceRef[], what: string) => {
    for (const ref of refs) {
      const use = usage.get(ref.source) ?? { locators: new Set<string>(), citedBy: new Set<string>() }
      if (ref.locator) use.locators.add(ref.locator)
      use.citedBy.add(what)
      usage.set(ref.source, use)
    }
  }
  for (const { explanation: figure } of flattenAll(relevantExplanations(context))) cite(figure.sources, figure.id)
  for (const option of context.input.result.options) {
    for (const condition of option.conditions ?? []) cite(condition.sources, `${context.name(option)}: ${condition.id}`)
  }
  for (const note of relevantAssumptions(context)) cite(note.sources, context.t.kinds[note.kind] ?? note.kind)
  return usage
}

function sourceUseLines(use: SourceUse | undefined, t: ReportContext['t']): Content[] {
  if (!use) return []
  const lines: Content[] = []
  if (use.locators.size > 0) lines.push({ text: `${t.citedPlaces}: ${[...use.locators].join(' · ')}`, style: 'small' })
  lines.push({ text: t.citedBy(use.citedBy.size), style: 'small' })
  return lines
}

/**
 * The document's name in the report's language. The documents are Dutch: an English report names
 * each in English and quotes its own Dutch title after it, so the reader can still find it.
 */
function sourceName(entry: SourceEntry, language: Language): string {
  if (language !== 'en' || !entry.shortEn) return entry.title
  return `${entry.shortEn}: “${entry.title}” (in Dutch)`
}

export function sourcesAppendix(context: ReportContext): Content[] {
  const { input, t, date } = context
  const usage = sourceUsage(context)
  const catalogOrder = Object.keys(input.sources)
  const keys = [...usage.keys()].sort((a, b) => {
    const ia = catalogOrder.indexOf(a)
    const ib = catalogOrder.indexOf(b)
    return (ia < 0 ? Number.MAX_SAFE_INTEGER : ia) - (ib < 0 ? Number.MAX_SAFE_INTEGER : ib) || a.localeCompare(b)
  })
  const entries: Content[] = keys.map((key) => {
    const entry = input.sources[key]
    const published = entry ? (/^\d{4}-\d{2}-\d{2}$/.test(entry.date) ? date(entry.date) : entry.date) : ''
    return {
      stack: [
        { text: [{ text: `${key}  `, bold: true, color: colours.accent }, entry ? sourceName(entry, input.language) : ''] },
        ...(entry ? [{ text: [published, entry.reference ? ` · ${entry.reference}` : ''].join(''), style: 'small' }] : []),
        ...sourceUseLines(usage.get(key), t),
      ],
      style: 'body',
      margin: [0, 0, 0, 7],
      unbreakable: true,
    } satisfies ContentNode
  })
  return [section(t.sourcesTitle, 'bronnen'), paragraph(t.sourcesIntro), ...entries]
}

export function signatures({ input, t, a, date }: ReportContext): Content[] {
  // Fresh nodes for every use: pdfmake writes layout positions into the nodes it lays out.
  const line = (): ContentNode => ({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: 220, y2: 0, lineWidth: 0.7, lineColor: colours.ink }], margin: [0, 0, 0, 3] })
  const space = (): ContentNode => ({ text: ' ', margin: [0, 0, 0, 58] })
  const adviserColumn: Content[] = [
    { text: t.adviserSignature, style: 'h2' },
    space(),
    line(),
    { text: input.adviser.name, bold: true },
    { text: input.adviser.firm, style: 'small' },
    { text: `${t.place}: ____________________, ${date(input.reportDate)}`, style: 'small', margin: [0, 6, 0, 0] },
  ]
  const drawn = input.clientSignature
  const clientColumn: Content[] = [
    { text: t.clientSignature, style: 'h2' },
    drawn ? { image: drawn.imageDataUrl, fit: [220, 64], margin: [0, 0, 0, 2] } : space(),
    line(),
    { text: input.clientCase.client.name, bold: true },
    { text: ' ', style: 'small' },
    { text: drawn?.signedOn ? `${t.signedOn}: ${date(drawn.signedOn)}` : `${t.place}: ____________________`, style: 'small', margin: [0, 6, 0, 0] },
  ]
  const content: Content[] = [
    chapter(t.signatures, 'ondertekening', false),
    paragraph(t.signaturesIntro),
    notice(a.readAndUnderstood, [paragraph(a.readAndUnderstoodText, { margin: 0 })]),
    { columns: [{ stack: adviserColumn, width: '*' }, { stack: clientColumn, width: '*' }], columnGap: 30, margin: [0, 10, 0, 20], style: 'body', unbreakable: true },
  ]
  if (input.signature) {
    const signature = input.signature
    const lines: Content[] = [
      facts(
        [
          [a.signer, { text: signature.signerName, bold: true }],
          [a.signedDate, date(signature.signedOn ?? input.reportDate)],
          ...(signature.fingerprint ? [[a.fingerprint, { text: fingerprintText(signature.fingerprint), fontSize: 7.5 }] as [string, Content]] : []),
        ],
        150,
      ),
      paragraph(t.digitalSignature(signature.signerName), { margin: 0 }),
    ]
    if (signature.selfSigned) lines.push(paragraph(t.selfSigned, { margin: [0, 4, 0, 0] }))
    content.push(notice(a.signatureBlock, lines))
  }
  return content
}
