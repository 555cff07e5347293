/**
 * When does each option pay? The disability criterion is one of the most important points of
 * the advice (domain brief, "Disability criterion"): the Baz judges against generally accepted
 * work (RADI-2024 q11: "Het gaat dan om werk dat gangbaar is in Nederland: 'gangbare arbeid'"),
 * under the 2024/2025 bills even with an absolute criterion, while private AOVs often insure the
 * client's own occupation and so pay far more often.
 */
import type { DisabilityCriterion, PrivatePolicy } from '../schema/case'
import type { CriterionComparison } from '../schema/result'
import type { RuleContext } from './context'
import { refs } from './explain'

function bazText(context: RuleContext): string {
  const waitingDays = context.parameters.waitingDays.value
  if (context.parameters.criterion.value === 'absolute-wml') return context.texts.say('criterion.baz.absolute', { waitingDays })
  return context.texts.say('criterion.baz.incomeLoss', { waitingDays, threshold: context.parameters.incomeLossThreshold.value })
}

const policyTexts = {
  beroeps: 'criterion.policy.beroeps',
  passende: 'criterion.policy.passende',
  gangbare: 'criterion.policy.gangbare',
} as const satisfies Record<DisabilityCriterion, string>

export function criterionComparison(context: RuleContext, policies: { label: string; policy: PrivatePolicy }[]): CriterionComparison {
  return {
    baz: bazText(context),
    policies: policies.map(({ label, policy }) => ({ label, criterion: policy.criterion, text: `${label} ${context.texts.say(policyTexts[policy.criterion])}` })),
    sources: refs(context.parameters.criterion.cite, { source: 'RADI-2024', locator: 'vraag 11 (criterium: gangbare arbeid; private verzekeraars: passende of beroepsarbeid)' }),
  }
}
