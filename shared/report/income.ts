/**
 * "Uw inkomen bij arbeidsongeschiktheid": the household's need, the needs chart with its text
 * alternative, and per option the phases (waiting, benefit, after the policy ends) with net income,
 * shortfall, what the broodfonds and buffer bridge and what stays uncovered.
 */
import { incomeNeedText, picturedOptions } from '../charts/income-need'
import type { OptionResult } from '../schema/result'
import { amountCell, chapter, facts, paragraph, quietTable, stackHeading } from './blocks'
import { degreeText, type ReportContext } from './context'
import type { Content } from './types'

function phaseTable(context: ReportContext, option: OptionResult): Content {
  const { a, date } = context
  const picture = option.incomePicture!
  const money = (value: number | null) => amountCell(value === null ? a.unknown : context.euro(value))
  const body: Content[][] = [
    a.phaseHeaders.map((header, index) => ({ text: header, style: index >= 2 ? ['tableHeader', 'amount'] : 'tableHeader', noWrap: false })),
    ...picture.phases.map((phase) => [
      // After the waiting period without any benefit at this degree: say so, not "benefit".
      phase.id === 'benefit' && phase.benefitNetMonthly === 0 ? a.noBenefitPhase : (a.phaseNames[phase.id] ?? phase.id),
      { text: `${date(phase.from)} – ${date(phase.to)}`, noWrap: false },
      amountCell(String(phase.months)),
      money(phase.incomeNetMonthly),
      money(phase.shortfallMonthly),
      amountCell(phase.id === 'waiting' ? `${context.euro(phase.broodfonds)} + ${context.euro(phase.buffer)}` : '–'),
      money(phase.uncovered),
    ]),
    [{ text: a.uncoveredTotal, bold: true, colSpan: 6 }, '', '', '', '', '', { ...money(picture.uncoveredUntilAow), bold: true }],
  ]
  return {
    table: { widths: [56, '*', 26, 58, 50, 92, 54], headerRows: 1, dontBreakRows: true, body },
    layout: quietTable,
    style: 'body',
    fontSize: 8,
    margin: [0, 0, 0, 8],
  }
}

export function incomeChapter(context: ReportContext): Content[] {
  const { input, a, date, name, chosen } = context
  const { clientCase, result } = input
  const content: Content[] = [chapter(a.incomeTitle, 'inkomen', false)]
  const household = clientCase.household
  if (!household) {
    // Without the need, the gross benefit per year is what can be shown.
    const chart = input.charts.incomeWhenDisabled
    return [
      ...content,
      paragraph(a.noHousehold),
      ...(chart ? [{ stack: [stackHeading(context.t.chartIncome(clientCase.disability.age)), { svg: chart, width: 515, font: 'LiberationSans' }, paragraph(context.t.chartIncomeNote, { style: 'small' })], unbreakable: true }] : []),
    ]
  }
  // The chosen (or suggested) option first: it is the one the client reads about.
  const lead = chosen?.id ?? result.suggestion?.optionId
  const withPicture = result.options
    .filter((option) => option.incomePicture && (option.available || !result.client.insured))
    .sort((x, y) => Number(y.id === lead) - Number(x.id === lead))
  const first = withPicture[0]
  if (!first) return [...content, paragraph(a.noHousehold)]
  const { age, degree } = clientCase.disability
  const rate = clientCase.assumptions.benefitTaxRate
  content.push(
    paragraph(a.incomeIntro(age, degreeText(degree, context), date(first.illustration.disabledFrom))),
    facts(
      [
        [a.need, context.euro(household.netMonthlyNeed)],
        [a.partner, context.euro(household.partnerNetMonthly)],
        [a.other, context.euro(household.otherNetMonthly)],
        [context.t.buffer, context.euro(clientCase.profile?.financialBuffer ?? 0)],
        [a.taxRate, rate === null ? { text: a.taxRateMissing, italics: true } : context.percent(rate)],
      ],
      200,
    ),
  )
  if (input.charts.incomeNeed && picturedOptions(result).length > 0) {
    content.push(
      { stack: [stackHeading(a.chartNeed), { svg: input.charts.incomeNeed, width: 515, font: 'LiberationSans', margin: [0, 0, 0, 2] }], unbreakable: true },
      ...incomeNeedText(result, input.language).map((line) => paragraph(line, { style: 'small', margin: [0, 0, 0, 1] })),
    )
  }
  for (const option of withPicture) content.push({ stack: [stackHeading(a.phaseTable(name(option))), phaseTable(context, option)], unbreakable: true })
  return content
}
