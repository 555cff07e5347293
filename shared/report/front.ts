/** The first pages: cover, summary of the advice, and the client's situation (Wft: know your client). */
import type { ClientCase, PrivatePolicy } from '../schema/case'
import { amountCell, chapter, colours, facts, heading, notice, paragraph, quietTable } from './blocks'
import { waitingPeriodText, type ReportContext } from './context'
import type { Content, ContentNode } from './types'

export function cover(context: ReportContext): Content[] {
  const { input, t, a, date, draft } = context
  const { result, adviser, clientCase } = input
  const notices: Content[] = [paragraph(t.notFinal, { margin: [0, 0, 0, 0] })]
  if (result.calculationYear < result.scenarioStartYear) notices.push(paragraph(t.asIfLaw(result.calculationYear, result.scenarioStartYear), { margin: [0, 4, 0, 0] }))
  return [
    { canvas: [{ type: 'rect', x: 0, y: 0, w: 515, h: 6, color: colours.accent }], margin: [0, 8, 0, 20] },
    { text: t.title, style: 'coverTitle' },
    { text: t.subtitle, style: 'coverSubtitle', margin: [0, 6, 0, 24] },
    { text: t.preparedFor, style: 'label' },
    { text: clientCase.client.name, fontSize: 18, bold: true, margin: [0, 2, 0, 16] },
    facts(
      [
        [t.adviser, { text: [{ text: adviser.name, bold: true }, `\n${adviser.firm}`, adviser.address ? `\n${adviser.address}` : '', adviser.email ? `\n${adviser.email}` : '', adviser.phone ? `\n${adviser.phone}` : ''] }],
        [t.afm, adviser.afmNumber],
        [t.kifid, adviser.kifidNumber],
        [t.date, date(input.reportDate)],
        ...(input.adviceVersion !== undefined ? [[a.version, String(input.adviceVersion)] as [string, Content]] : []),
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
    ...(draft ? [{ ...notice(a.conceptBanner, [paragraph(a.conceptWhy(missingParts(context)), { margin: 0 })]), margin: [0, 16, 0, 0] } as ContentNode] : []),
    { ...notice(t.notFinalTitle, notices), margin: [0, 16, 0, 0] },
    { toc: { title: { text: a.contents, style: 'h2', margin: [0, 0, 0, 4] } }, fontSize: 8.5, margin: [0, 10, 0, 0] },
  ]
}

/** What makes the report a draft, in words: the adviser's details, the choice, or both. */
function missingParts({ input, a, chosen }: ReportContext): string {
  const adviserMissing = input.adviserMissing === true
  const parts = [...(adviserMissing ? [a.missingAdviser] : []), ...(!chosen ? [a.missingChoice] : [])]
  return parts.length > 0 ? parts.join(a.and) : a.missingAdviser
}

/** The profit per year; left out for a client outside the insured group without any profit. */
function incomeTable({ t, input, euro }: ReportContext, income: ClientCase['income'], showWia: boolean): Content[] {
  if (!input.result.client.insured && income.every((row) => row.profit === 0 && row.wiaWage === 0)) return []
  return [
    heading(t.incomeHistory),
    {
      table: {
        widths: showWia ? [60, 120, 120] : [60, 120],
        headerRows: 1,
        body: [
          [{ text: t.year, style: 'tableHeader' }, { text: t.profit, style: ['tableHeader', 'amount'] }, ...(showWia ? [{ text: t.wiaWage, style: ['tableHeader', 'amount'] }] : [])],
          ...income.map((row) => [String(row.year), amountCell(euro(row.profit)), ...(showWia ? [amountCell(euro(row.wiaWage))] : [])]),
        ],
      },
      layout: quietTable,
      style: 'body',
      margin: [0, 0, 0, 8],
    },
  ]
}

/** One line per policy here; the full details are on its product sheet. */
function policyLine(policy: PrivatePolicy, context: ReportContext): ContentNode {
  const { t } = context
  const parts = [
    policy.insurer,
    `${t.policy.insuredAmount.toLowerCase()} ${context.euro(policy.insuredAmount)}`,
    `${t.policy.annualPremium.toLowerCase()} ${context.euro(policy.annualPremium)}`,
    `${t.policy.waitingDays.toLowerCase()} ${waitingPeriodText(policy.waitingDays, t)}`,
    `${t.policy.endAge.toLowerCase()} ${policy.endAge === 'aow' ? t.policy.aow : t.years(policy.endAge)}`,
  ].filter(Boolean)
  return paragraph(`${parts.join(' · ')} (${context.a.products}).`)
}

export function clientProfile(context: ReportContext): Content[] {
  const { input, t, date } = context
  const { clientCase, result } = input
  const profile = clientCase.profile
  const aow = `${date(result.client.aowDate)}${result.client.aowAge.projected ? ` ${t.aowProjected}` : ''}`
  const income = [...clientCase.income].sort((a, b) => a.year - b.year)
  const showWia = income.some((row) => row.wiaWage > 0)
  const content: Content[] = [
    chapter(t.profile, 'situatie', false),
    heading(t.personal),
    facts([
      [t.name, clientCase.client.name],
      [t.birthDate, date(clientCase.client.birthDate)],
      [t.ageInYear(result.calculationYear), String(result.client.age)],
      [t.role, t.roles[clientCase.client.role] ?? clientCase.client.role],
      ...(clientCase.client.occupation ? [[context.a.occupation, clientCase.client.occupation] as [string, Content]] : []),
      ...(clientCase.client.weeklyHours !== undefined ? [[context.a.weeklyHours, String(clientCase.client.weeklyHours)] as [string, Content]] : []),
      [t.aowDate, aow],
      // Outside the insured group the decision page says why; it is said once.
      [t.insured, result.client.insured ? { stack: [t.yes, ...result.client.insuredReasons.map((reason) => ({ text: reason, style: 'small' }))] } : `${t.no} (${context.a.decision})`],
    ]),
    ...incomeTable(context, income, showWia),
    heading(t.existingCover),
    clientCase.existingPolicy ? policyLine(clientCase.existingPolicy, context) : paragraph(t.noExistingCover),
  ]
  if (clientCase.privateQuote) content.push(heading(t.quote), policyLine(clientCase.privateQuote, context))
  content.push(
    heading(t.goalsAndRisk),
    facts([
      [t.goals, profile?.goals ? profile.goals : { text: t.notRecorded, italics: true }],
      [t.buffer, profile ? context.euro(profile.financialBuffer) : { text: t.notRecorded, italics: true }],
      [t.riskAppetite, profile ? (t.risk[profile.riskAppetite] ?? profile.riskAppetite) : { text: t.notRecorded, italics: true }],
      [t.knowledge, profile?.knowledgeAndExperience ? profile.knowledgeAndExperience : { text: t.notRecorded, italics: true }],
    ]),
  )
  return content
}
