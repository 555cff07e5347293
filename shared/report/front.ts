/** The first pages: cover, summary of the advice, and the client's situation (Wft: know your client). */
import { formatEuro, formatPercent } from '../format'
import type { PrivatePolicy } from '../schema/case'
import { amountCell, chapter, colours, facts, heading, notice, paragraph, paragraphsOf, quietTable } from './blocks'
import { waitingPeriodText, type ReportContext } from './context'
import type { Content, ContentNode } from './types'

export function cover({ input, t, date }: ReportContext): Content[] {
  const { result, adviser, clientCase } = input
  const notices: Content[] = [paragraph(t.notFinal, { margin: [0, 0, 0, 0] })]
  if (result.calculationYear < result.scenarioStartYear) notices.push(paragraph(t.asIfLaw(result.calculationYear, result.scenarioStartYear), { margin: [0, 4, 0, 0] }))
  return [
    { canvas: [{ type: 'rect', x: 0, y: 0, w: 515, h: 6, color: colours.accent }], margin: [0, 40, 0, 28] },
    { text: t.title, style: 'coverTitle' },
    { text: t.subtitle, style: 'coverSubtitle', margin: [0, 6, 0, 40] },
    { text: t.preparedFor, style: 'label' },
    { text: clientCase.client.name, fontSize: 18, bold: true, margin: [0, 2, 0, 28] },
    facts(
      [
        [t.adviser, { text: [{ text: adviser.name, bold: true }, `\n${adviser.firm}`, adviser.address ? `\n${adviser.address}` : '', adviser.email ? `\n${adviser.email}` : '', adviser.phone ? `\n${adviser.phone}` : ''] }],
        [t.afm, adviser.afmNumber],
        [t.kifid, adviser.kifidNumber],
        [t.date, date(input.reportDate)],
        [t.billVersion, `${result.scenarioLabel} (${result.scenario})`],
        [t.calculationYear, String(result.calculationYear)],
        [
          t.parameterSet,
          result.parameterSet
            ? { text: [`${result.parameterSet}\n`, { text: result.parameterHash, fontSize: 7.5, color: colours.muted }] }
            : { text: result.parameterHash, fontSize: 7.5, color: colours.muted },
        ],
      ],
      130,
    ),
    { ...notice(t.notFinalTitle, notices), margin: [0, 24, 0, 0] },
  ]
}

export function summary(context: ReportContext): Content[] {
  const { input, t, chosen, date } = context
  const content: Content[] = [chapter(t.summary, 'samenvatting')]
  if (!input.recommendation || !chosen) {
    content.push(notice(t.recommendation, [paragraph(t.noRecommendation, { margin: 0 })]))
    return content
  }
  content.push(heading(`${t.chosenOption}: ${context.name(chosen)}`), ...paragraphsOf(input.recommendation.motivation))
  const illustration = chosen.illustration
  content.push(
    heading(t.keyFigures),
    facts(
      [
        [t.grossMonthly, amountCell(formatEuro(chosen.premium.monthly), { alignment: 'left' })],
        [t.grossAnnual, amountCell(formatEuro(chosen.premium.annual), { alignment: 'left' })],
        [t.netAnnual, amountCell(formatEuro(chosen.premium.netAnnual), { alignment: 'left' })],
        [t.benefitFull, amountCell(formatEuro(chosen.benefit.annualAtFullDisability), { alignment: 'left' })],
        [t.benefitIllustration, amountCell(formatEuro(illustration.monthlyBenefit), { alignment: 'left' })],
        [t.benefitFrom, illustration.benefitFrom ? date(illustration.benefitFrom) : t.notApplicable],
        [t.waitingPeriod, waitingPeriodText(chosen.benefit.startsAfterDays, t)],
        [t.gapAmount, amountCell(formatEuro(illustration.gapAmount), { alignment: 'left' })],
      ],
      200,
    ),
  )
  if (chosen.warnings.length > 0) content.push(notice(t.warnings, chosen.warnings.map((warning) => paragraph(warning, { margin: [0, 0, 0, 2] }))))
  return content
}

function policyFacts(policy: PrivatePolicy, context: ReportContext): ContentNode {
  const { t, date } = context
  return facts([
    ...(policy.insurer ? [[t.policy.insurer, policy.insurer] as [string, Content]] : []),
    [t.policy.insuredAmount, formatEuro(policy.insuredAmount)],
    [t.policy.annualPremium, formatEuro(policy.annualPremium)],
    [t.policy.waitingDays, waitingPeriodText(policy.waitingDays, t)],
    [t.policy.threshold, formatPercent(policy.disabilityThresholdPercent / 100)],
    [t.policy.criterion, t.criteria[policy.criterion] ?? policy.criterion],
    [t.policy.medicalExclusions, policy.medicalExclusions ? t.yes : t.no],
    [t.policy.endAge, policy.endAge === 'aow' ? t.policy.aow : t.years(policy.endAge)],
    [t.policy.startDate, date(policy.startDate)],
  ])
}

export function clientProfile(context: ReportContext): Content[] {
  const { input, t, date } = context
  const { clientCase, result } = input
  const profile = clientCase.profile
  const aow = `${date(result.client.aowDate)}${result.client.aowAge.projected ? ` ${t.aowProjected}` : ''}`
  const income = [...clientCase.income].sort((a, b) => a.year - b.year)
  const showWia = income.some((row) => row.wiaWage > 0)
  const content: Content[] = [
    chapter(t.profile, 'situatie'),
    heading(t.personal),
    facts([
      [t.name, clientCase.client.name],
      [t.birthDate, date(clientCase.client.birthDate)],
      [t.ageInYear(result.calculationYear), String(result.client.age)],
      [t.role, t.roles[clientCase.client.role] ?? clientCase.client.role],
      [t.aowDate, aow],
      [t.insured, { stack: [result.client.insured ? t.yes : t.no, ...result.client.insuredReasons.map((reason) => ({ text: reason, style: 'small' }))] }],
    ]),
    heading(t.incomeHistory),
    {
      table: {
        widths: showWia ? [60, 120, 120] : [60, 120],
        headerRows: 1,
        body: [
          [{ text: t.year, style: 'tableHeader' }, { text: t.profit, style: ['tableHeader', 'amount'] }, ...(showWia ? [{ text: t.wiaWage, style: ['tableHeader', 'amount'] }] : [])],
          ...income.map((row) => [String(row.year), amountCell(formatEuro(row.profit)), ...(showWia ? [amountCell(formatEuro(row.wiaWage))] : [])]),
        ],
      },
      layout: quietTable,
      style: 'body',
      margin: [0, 0, 0, 8],
    },
    heading(t.existingCover),
    clientCase.existingPolicy ? policyFacts(clientCase.existingPolicy, context) : paragraph(t.noExistingCover),
  ]
  if (clientCase.privateQuote) content.push(heading(t.quote), policyFacts(clientCase.privateQuote, context))
  content.push(
    heading(t.goalsAndRisk),
    facts([
      [t.goals, profile?.goals ? profile.goals : { text: t.notRecorded, italics: true }],
      [t.buffer, profile ? formatEuro(profile.financialBuffer) : { text: t.notRecorded, italics: true }],
      [t.riskAppetite, profile ? (t.risk[profile.riskAppetite] ?? profile.riskAppetite) : { text: t.notRecorded, italics: true }],
      [t.knowledge, profile?.knowledgeAndExperience ? profile.knowledgeAndExperience : { text: t.notRecorded, italics: true }],
    ]),
  )
  return content
}
