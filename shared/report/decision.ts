/**
 * The decision page, first after the cover: the advice (or, in a draft, Vangnet's proposal), why,
 * why not the alternatives, the main risks in euros from the chosen option's income picture, and
 * the next steps with their dates. Everything here restates figures the rules computed.
 */
import { advise } from '../rules/advise'
import { whyNotOthers } from '../rules/suggestion'
import type { OptionResult } from '../schema/result'
import { chapter, heading, notice, paragraph, paragraphsOf } from './blocks'
import { degreeText, type ReportContext } from './context'
import type { Content } from './types'

/**
 * The partial disability the decision page checks: half, a partial loss a client can picture and
 * where the bill versions differ most (the 80 % criterion of raad-van-state-2025 pays nothing
 * there). An illustration chosen by Vangnet, not a value of the law: the line names it.
 */
const partialDegree = 0.5

/**
 * "Bij 50 % arbeidsongeschiktheid geen Baz-uitkering": the rules run once more for the same case
 * at that degree (the bill version's criterion and partial-benefit rule decide, never this text);
 * the line appears only for an option that holds the Baz and gets no Baz benefit there, with what
 * the private policy then pays and the household's monthly shortfall, as the rules compute them.
 */
function partialRisk(context: ReportContext, option: OptionResult): string | undefined {
  const { input, a } = context
  if (!input.result.client.insured || option.premium.publicAnnual <= 0) return undefined
  const { clientCase } = input
  const atPartial =
    clientCase.disability.degree === partialDegree ? input.result : advise({ ...clientCase, disability: { ...clientCase.disability, degree: partialDegree } }, { language: input.language, traces: false })
  const same = atPartial.options.find((candidate) => candidate.id === option.id)
  if (!same || same.illustration.publicAnnual > 0) return undefined
  const policyMonthly = same.illustration.privateAnnual > 0 ? context.euro(same.illustration.monthlyBenefit) : null
  const short = same.incomePicture?.phases.find((phase) => phase.id === 'benefit')?.shortfallMonthly
  return a.riskPartial(degreeText(partialDegree, context), policyMonthly, short ? context.euro(short) : null)
}

function risks(context: ReportContext, option: OptionResult): string[] {
  const { a, date } = context
  const picture = option.incomePicture
  const lines: string[] = []
  if (!picture) lines.push(a.riskNoNeed)
  else {
    for (const phase of picture.phases) {
      if (phase.id === 'waiting') {
        if (phase.uncovered === null) continue
        lines.push(phase.uncovered > 0 ? a.riskWaiting(phase.months, context.euro(phase.uncovered), context.euro(phase.broodfonds), context.euro(phase.buffer)) : a.riskWaitingCovered(phase.months))
      } else if (phase.id === 'after-policy-end' && phase.shortfallTotal !== null) {
        lines.push(a.riskPolicyEnd(date(phase.from), phase.months, context.euro(phase.shortfallTotal)))
      } else if (phase.id === 'benefit' && phase.shortfallMonthly) {
        lines.push(a.riskBenefit(context.euro(phase.shortfallMonthly), phase.months))
      }
    }
    if (picture.uncoveredUntilAow === null) lines.push(a.riskNoNet)
  }
  const partial = partialRisk(context, option)
  if (partial) lines.push(partial)
  if (context.input.result.client.insured) lines.push(a.riskLaw)
  return lines
}

function nextSteps(context: ReportContext, option: OptionResult | undefined): string[] {
  const { a, date, name, input } = context
  const steps: string[] = []
  if (option?.effectiveFrom) steps.push(option.id === 'opt-out' ? a.stepOptOut(date(option.effectiveFrom)) : a.stepStart(name(option), date(option.effectiveFrom)))
  const quote = option?.id === 'baz-top-up' ? input.clientCase.topUpQuote : option?.id === 'opt-out' ? input.clientCase.privateQuote : null
  if (quote?.validUntil) steps.push(a.stepQuoteValid(date(quote.validUntil)))
  if (quote?.acceptance) steps.push(a.stepAcceptance(a.acceptances[quote.acceptance] ?? quote.acceptance))
  steps.push(a.stepSign, a.stepReview)
  return steps
}

export function decision(context: ReportContext): Content[] {
  const { input, a, name, chosen, recommendation } = context
  const { result } = input
  const content: Content[] = [chapter(a.decision, 'advies')]
  if (!result.client.insured) {
    content.push(notice(a.notInsured, [...result.client.insuredReasons.map((reason) => paragraph(reason, { margin: [0, 0, 0, 2] })), paragraph(a.notInsuredIntro, { margin: 0 })]))
  }
  const suggestion = result.suggestion
  const shown = chosen ?? result.options.find((option) => option.id === suggestion?.optionId) ?? (!result.client.insured ? result.options.find((option) => option.incomePicture) : undefined)
  if (!shown) {
    content.push(paragraph(result.client.insured ? a.noOption : a.noPrivate))
    return content
  }
  content.push({ text: chosen ? a.advice(name(shown)) : a.proposal(name(shown)), style: 'h2', fontSize: 14, color: '#1f5f8b', margin: [0, 0, 0, 6] })
  if (chosen && recommendation?.motivation.trim()) content.push(heading(a.motivation), ...paragraphsOf(recommendation.motivation))
  const reasons = suggestion && suggestion.optionId === shown.id ? suggestion.reasons : []
  if (reasons.length > 0) content.push(heading(a.whyThis), { ul: reasons.map((reason) => paragraph(reason, { margin: [0, 0, 0, 2] })) })
  if (chosen && suggestion && suggestion.optionId !== chosen.id) {
    const suggested = result.options.find((option) => option.id === suggestion.optionId)
    const reason = input.clientCase.advice?.deviationReason?.trim()
    content.push(
      notice(a.deviation, [
        paragraph(a.deviationText(suggested ? name(suggested) : suggestion.optionId, name(chosen)), { margin: [0, 0, 0, 2] }),
        paragraph(reason ? a.deviationReason(reason) : a.deviationMissing, { margin: 0 }),
      ]),
    )
  }
  if (result.client.insured) {
    // Options lacking their input (no policy entered) are left out: "not entered" is no reason.
    const computed = (id: string) => result.options.some((option) => option.id === id && (option.projection.length > 0 || (option.conditions?.length ?? 0) > 0))
    const others = (chosen ? whyNotOthers(chosen.id, result.options, input.language) : (suggestion?.notChosen ?? [])).filter((other) => computed(other.optionId))
    if (others.length > 0) {
      content.push(heading(a.whyNot), {
        ul: others.map((other) => {
          const option = result.options.find((candidate) => candidate.id === other.optionId)
          return paragraph([{ text: `${option ? name(option) : other.optionId}: `, bold: true }, other.reason], { margin: [0, 0, 0, 2] })
        }),
      })
    }
  }
  content.push(heading(a.risks), { ul: risks(context, shown).map((line) => paragraph(line, { margin: [0, 0, 0, 2] })) })
  content.push(heading(a.nextSteps), { ol: nextSteps(context, chosen ?? shown).map((line) => paragraph(line, { margin: [0, 0, 0, 2] })) })
  return content
}
