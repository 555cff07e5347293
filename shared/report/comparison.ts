/** The options side by side, their conditions, and the two charts. */
import { formatNumber } from '../format'
import { coverOverlapText } from '../charts/cover-overlap'
import type { OptionResult } from '../schema/result'
import { amountCell, chapter, colours, facts, heading, paragraph, quietTable, stackHeading } from './blocks'
import { degreeText, waitingPeriodText, type ReportContext } from './context'
import type { Content, ContentNode } from './types'

/** The net monthly premium as the rules computed it: the report never divides money itself. */
function netMonthlyOf(option: OptionResult): number | undefined {
  return option.premium.netMonthly
}

/** Outside the insured group: the private policy's own figures, once, without Baz columns. */
function privateAlone(context: ReportContext): Content[] {
  const { input, t, a, date } = context
  const option = input.result.options.find((candidate) => candidate.id === 'opt-out' && candidate.projection.length > 0)
  if (!input.clientCase.privateQuote || !option) return []
  return [
    chapter(a.privateAloneTitle, 'opties', false),
    facts(
      [
        [t.grossMonthly, context.euro(option.premium.monthly)],
        [t.grossAnnual, context.euro(option.premium.annual)],
        [t.netAnnual, context.euro(option.premium.netAnnual)],
        [t.benefitFull, context.euro(option.benefit.annualAtFullDisability)],
        [t.benefitIllustration, context.euro(option.illustration.monthlyBenefit)],
        [t.benefitFrom, option.illustration.benefitFrom ? date(option.illustration.benefitFrom) : t.notApplicable],
        [t.totalPremium, context.euro(option.totals.premium)],
        [t.totalNetPremium, context.euro(option.totals.netPremium)],
      ],
      200,
    ),
  ]
}

export function comparison(context: ReportContext): Content[] {
  if (!context.input.result.client.insured) return privateAlone(context)
  const { input, t, date, name } = context
  // Columns for the options the client can choose; the others follow below with the reason.
  const options = input.result.options.filter((option) => option.available)
  const unavailable = input.result.options.filter((option) => !option.available)
  const dash = { text: '–', alignment: 'right' as const, color: colours.muted }
  const euroRow = (label: string, pick: (option: OptionResult) => number | undefined, bold = false, indent = 0): Content[] => [
    { text: label, style: 'label', margin: [indent, 0, 0, 0] },
    ...options.map((option) => {
      const value = option.available ? pick(option) : undefined
      return value === undefined ? dash : amountCell(context.euro(value), bold ? { bold: true } : {})
    }),
  ]
  const textRow = (label: string, pick: (option: OptionResult) => string): Content[] => [
    { text: label, style: 'label' },
    ...options.map((option) => (option.available ? { text: pick(option), alignment: 'right' as const } : dash)),
  ]
  const hasNetMonthly = options.some((option) => netMonthlyOf(option) !== undefined)
  const hasBoth = options.some((option) => option.premium.publicAnnual > 0 && option.premium.privateAnnual > 0)
  const body: Content[][] = [
    [{ text: '', style: 'tableHeader' }, ...options.map((option) => ({ text: name(option), style: 'tableHeader', alignment: 'right' as const }))],
    euroRow(t.grossMonthly, (option) => option.premium.monthly, true),
    euroRow(t.grossAnnual, (option) => option.premium.annual),
    ...(hasBoth
      ? [euroRow(t.publicPart, (option) => option.premium.publicAnnual, false, 10), euroRow(t.privatePart, (option) => option.premium.privateAnnual, false, 10)]
      : []),
    ...(hasNetMonthly ? [euroRow(t.netMonthly, netMonthlyOf)] : []),
    euroRow(t.netAnnual, (option) => option.premium.netAnnual),
    euroRow(t.benefitFull, (option) => option.benefit.annualAtFullDisability, true),
    textRow(t.waitingPeriod, (option) => waitingPeriodText(option.benefit.startsAfterDays, t)),
    euroRow(t.totalPremium, (option) => option.totals.premium),
    euroRow(t.totalNetPremium, (option) => option.totals.netPremium),
  ]
  const labelWidth = 150
  const content: Content[] = [
    chapter(t.options, 'opties', false),
    paragraph(t.optionsIntro(input.result.calculationYear)),
    {
      table: { widths: [labelWidth, ...options.map(() => '*')], headerRows: 1, dontBreakRows: true, body },
      layout: quietTable,
      style: 'body',
      fontSize: 8.5,
      margin: [0, 0, 0, 10],
    },
  ]

  // The illustration: what happens if the client becomes disabled at the chosen age.
  const first = options.find((option) => option.available)
  if (first) {
    const { age, degree } = input.clientCase.disability
    content.push(heading(t.illustrationTitle(age, degreeText(degree, context), date(first.illustration.disabledFrom))))
    const illustrationBody: Content[][] = [
      [{ text: '', style: 'tableHeader' }, ...options.map((option) => ({ text: name(option), style: 'tableHeader', alignment: 'right' as const }))],
      euroRow(t.benefitIllustration, (option) => option.illustration.monthlyBenefit, true),
      textRow(t.benefitFrom, (option) => (option.illustration.benefitFrom ? date(option.illustration.benefitFrom) : t.notApplicable)),
      textRow(t.gapMonths, (option) => formatNumber(option.illustration.gapMonths, 1)),
    ]
    content.push({
      table: { widths: [labelWidth, ...options.map(() => '*')], headerRows: 1, dontBreakRows: true, body: illustrationBody },
      layout: quietTable,
      style: 'body',
      fontSize: 8.5,
      margin: [0, 0, 0, 6],
    })
    // A note that holds for every option is printed once, without an option's name.
    const allNotes = options.flatMap((option) => option.illustration.notes)
    const common = [...new Set(allNotes)].filter((note) => options.every((option) => option.illustration.notes.includes(note)))
    const notes = [
      ...common,
      ...options.flatMap((option) => option.illustration.notes.filter((note) => !common.includes(note)).map((note) => `${name(option)}: ${note}`)),
    ]
    if (notes.length > 0) content.push({ ul: notes.map((note) => ({ text: note, style: 'small' })), margin: [0, 0, 0, 6] })
  }

  // When each option pays: the criterion is often the deciding point of the advice.
  const criterion = input.result.criterion
  content.push(heading(t.whenItPays), paragraph(criterion.baz), ...criterion.policies.map((policy) => paragraph(policy.text)))

  if (unavailable.length > 0) {
    content.push(heading(t.notAvailableTitle), {
      ul: unavailable.map((option) => ({ text: [{ text: `${name(option)}: `, bold: true }, option.reasons.join(' ')], style: 'body', margin: [0, 0, 0, 3] })),
    })
  }

  // Per option: warnings, and every condition with its reason.
  for (const option of options) {
    const block: Content[] = [stackHeading(t.conditionsOf(name(option)))]
    if (option.warnings.length > 0) block.push({ ul: option.warnings.map((warning) => paragraph(`${t.warnings}: ${warning}`, { margin: 0 })), margin: [0, 0, 0, 4] })
    if (option.conditions && option.conditions.length > 0) {
      block.push({
        table: {
          widths: [70, '*'],
          dontBreakRows: true,
          body: option.conditions.map((condition) => [
            { text: condition.passed ? t.passed : t.failed, style: condition.passed ? 'good' : 'bad', noWrap: true },
            { text: [condition.explanation, condition.relaxed ? { text: ` (${t.relaxed})`, italics: true } : ''] },
          ]),
        },
        layout: quietTable,
        style: 'body',
      })
    }
    // Only a heading with nothing under it says nothing: skip options without details.
    if (block.length > 1) content.push({ stack: block, unbreakable: block.length < 4 } satisfies ContentNode)
  }
  return content
}

/**
 * Within the options chapter (no page of its own): the Baz and a private AOV together where an
 * option holds both, with the chart in words; then the premium per year of every option.
 */
export function charts({ input, t }: ReportContext): Content[] {
  if (!input.result.client.insured) return []
  const content: Content[] = []
  if (input.charts.coverOverlap) {
    const words = coverOverlapText(input.result, input.clientCase, input.language)
    content.push(
      { stack: [stackHeading(t.chartCover), { svg: input.charts.coverOverlap, width: 515, font: 'LiberationSans', margin: [0, 0, 0, 2] }], unbreakable: true },
      { stack: words.map((line) => paragraph(line, { style: 'small', margin: [0, 0, 0, 2] })), margin: [0, 0, 0, 14] },
    )
  }
  if (input.charts.premiumPerYear) {
    content.push(
      { stack: [stackHeading(t.chartPremium), { svg: input.charts.premiumPerYear, width: 515, font: 'LiberationSans', margin: [0, 0, 0, 2] }], unbreakable: true },
      paragraph(t.chartPremiumNote, { style: 'small', margin: [0, 0, 0, 14] }),
    )
  }
  return content
}
