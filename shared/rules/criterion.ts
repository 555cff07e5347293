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
import { percent, refs } from './explain'

function waitingText(days: number): string {
  return days >= 728 ? 'twee jaar' : days >= 364 ? 'één jaar' : `${days} dagen`
}

function bazText(context: RuleContext): string {
  const waiting = waitingText(context.parameters.waitingDays.value)
  if (context.parameters.criterion.value === 'absolute-wml') {
    return `De Baz keert pas uit als u na de wachttijd van ${waiting} in geen enkel algemeen geaccepteerd werk meer het minimumloon kunt verdienen (een absoluut criterium, beoordeeld door UWV). Kunt u nog ander werk doen, ook buiten uw vak, dan krijgt u geen uitkering, ook geen gedeeltelijke.`
  }
  return `De Baz keert na de wachttijd van ${waiting} uit als u door ziekte minstens ${percent(context.parameters.incomeLossThreshold.value)} van uw inkomen verliest, gemeten aan wat u nog kunt verdienen in gangbare arbeid (zoals bij de WIA). Bij gedeeltelijke arbeidsongeschiktheid is de uitkering navenant lager.`
}

const policyTexts: Record<DisabilityCriterion, string> = {
  beroeps:
    'keert uit als u uw eigen beroep niet meer kunt uitoefenen (beroepsarbeidsongeschiktheid), ook als u ander werk nog wel zou kunnen. Dat gebeurt veel vaker dan een Baz-uitkering.',
  passende:
    'keert uit als u uw eigen beroep en werk dat past bij uw opleiding en ervaring niet meer kunt doen (passende arbeid): ruimer dan de Baz, strenger dan een beroeps-AOV.',
  gangbare: 'keert alleen uit als u geen gangbare arbeid meer kunt doen: een criterium zo streng als dat van de Baz.',
}

export function criterionComparison(context: RuleContext, policies: { label: string; policy: PrivatePolicy }[]): CriterionComparison {
  return {
    baz: bazText(context),
    policies: policies.map(({ label, policy }) => ({ label, criterion: policy.criterion, text: `${label} ${policyTexts[policy.criterion]}` })),
    sources: refs(context.parameters.criterion.cite, { source: 'RADI-2024', locator: 'vraag 11 (criterium: gangbare arbeid; private verzekeraars: passende of beroepsarbeid)' }),
  }
}
