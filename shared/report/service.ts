/**
 * Product sheets for every policy and quote in the case, and the service chapter: the type of
 * service, the fee with its VAT status, complaints (Kifid), privacy and aftercare (Wft: the
 * information a client must receive with the advice).
 */
import type { PrivatePolicy } from '../schema/case'
import { chapter, facts, heading, paragraph, stackHeading } from './blocks'
import { waitingPeriodText, type ReportContext } from './context'
import type { Content } from './types'

function productSheet(context: ReportContext, title: string, policy: PrivatePolicy): Content {
  const { t, a, date } = context
  const unknown = { text: a.notRecorded, italics: true }
  return {
    stack: [
      stackHeading(title),
      facts([
        [t.policy.insurer, policy.insurer ?? unknown],
        [a.product, policy.product ?? unknown],
        [a.offerDate, policy.offerDate ? date(policy.offerDate) : unknown],
        [a.validUntil, policy.validUntil ? date(policy.validUntil) : unknown],
        [a.acceptance, policy.acceptance ? (a.acceptances[policy.acceptance] ?? policy.acceptance) : unknown],
        [t.policy.insuredAmount, context.euro(policy.insuredAmount)],
        [t.policy.annualPremium, `${context.euro(policy.annualPremium)} (${a.premiumTypes[policy.premiumType] ?? policy.premiumType}${policy.premiumIndexation > 0 ? `, +${context.percent(policy.premiumIndexation)}` : ''})`],
        [a.taxDeductible, policy.taxDeductible ? t.yes : t.no],
        [t.policy.waitingDays, waitingPeriodText(policy.waitingDays, t)],
        [t.policy.threshold, context.percent(policy.disabilityThresholdPercent / 100)],
        [t.policy.criterion, t.criteria[policy.criterion] ?? policy.criterion],
        [t.policy.medicalExclusions, policy.medicalExclusions ? t.yes : t.no],
        [t.policy.endAge, policy.endAge === 'aow' ? t.policy.aow : t.years(policy.endAge)],
        [a.benefitIndexation, policy.benefitIndexation === undefined ? unknown : context.percent(policy.benefitIndexation)],
        [t.policy.startDate, date(policy.startDate)],
      ]),
    ],
    unbreakable: true,
  }
}

export function productSheets(context: ReportContext): Content[] {
  const { input, a } = context
  const { existingPolicy, privateQuote, topUpQuote } = input.clientCase
  const sheets: Content[] = [
    ...(existingPolicy ? [productSheet(context, a.productExisting, existingPolicy)] : []),
    ...(privateQuote ? [productSheet(context, a.productQuote, privateQuote)] : []),
    ...(topUpQuote ? [productSheet(context, a.productTopUp, topUpQuote)] : []),
  ]
  // No policy and no quote: no chapter (the situation chapter already says there is no cover).
  // The chapter heading travels with the first (unbreakable) sheet, never alone at a page foot.
  if (sheets.length === 0) return []
  const [first, ...rest] = sheets
  // No headline level inside the unbreakable stack: a break forced before it would leave a blank page.
  const { headlineLevel: _level, ...heading } = chapter(a.products, 'producten', false)
  return [{ stack: [heading, first!], unbreakable: true }, ...rest]
}

export function service(context: ReportContext): Content[] {
  const { input, a, fee } = context
  const result = input.result
  const record = input.clientCase.advice
  const rows: [string, Content][] = [[a.serviceType, record?.serviceType ? (a.serviceTypes[record.serviceType] ?? record.serviceType) : { text: a.notRecorded, italics: true }]]
  if (record?.executionOnlyCheck) {
    rows.push([a.executionOnlyCheck, [record.executionOnlyCheck.passed ? a.checkPassed : a.checkFailed, record.executionOnlyCheck.notes ? `: ${record.executionOnlyCheck.notes}` : ''].join('')])
  }
  if (fee) {
    const terms = [fee.basis ? a.feeBasis[fee.basis] : null, fee.vat ? a.feeVat[fee.vat] : null].filter(Boolean).join(', ')
    rows.push([a.feeAmount, { text: [{ text: context.euro(fee.amount), bold: true }, terms ? ` (${terms})` : ''] }])
  } else rows.push([a.feeAmount, { text: a.noFee, italics: true }])
  const aow = context.date(result.client.aowDate)
  return [
    chapter(a.service, 'dienstverlening', false),
    facts(rows, 170),
    ...(fee?.description ? [paragraph(fee.description)] : []),
    heading(a.complaints),
    paragraph(a.complaintsText(input.adviser.kifidNumber)),
    heading(a.privacy),
    paragraph(a.privacyText),
    heading(a.aftercare),
    { ul: a.aftercareItems(aow).map((item) => paragraph(item, { margin: [0, 0, 0, 2] })) },
  ]
}
