/**
 * The triage's own words in Dutch and English: group names and the one-line reasons. What the
 * rules say themselves (why a client is outside the insured group, a failed opt-out condition, an
 * over-insurance warning) comes from advise() in the same language.
 */
import type { Language } from '../format'
import { formattersFor } from '../messages/format'
import type { GroupId } from './groups'

const nl = formattersFor('nl')
const en = formattersFor('en')

export const groupLabelsIn: Record<Language, Record<GroupId, string>> = {
  nl: {
    'no-cover': 'Geen dekking: gaat naar de Baz',
    'aov-fails-opt-out': 'AOV voldoet niet aan de opt-out',
    'transitional-candidate': 'Kan onder het overgangsrecht',
    'aov-ends-before-aow': 'AOV stopt vóór de AOW',
    'over-insured': 'Oververzekerd bij beide houden',
    'shortfall-exceeds-buffer': 'Tekort in de wachttijd groter dan de buffer',
    'not-insured-group': 'Buiten de verzekerde groep',
    'advice-outdated': 'Herziening nodig',
    incomplete: 'Gegevens onvolledig',
    'no-action': 'Geen actie nodig',
  },
  en: {
    'no-cover': 'No cover: goes to the Baz',
    'aov-fails-opt-out': 'AOV fails the opt-out conditions',
    'transitional-candidate': 'Can stay under transitional law',
    'aov-ends-before-aow': 'AOV ends before the AOW',
    'over-insured': 'Over-insured when keeping both',
    'shortfall-exceeds-buffer': 'Waiting-period shortfall larger than the buffer',
    'not-insured-group': 'Outside the insured group',
    'advice-outdated': 'Review needed',
    incomplete: 'Data incomplete',
    'no-action': 'No action needed',
  },
}

export interface TriageTexts {
  noIncome: string
  cannotCompute(reason: string): string
  roleAssumed: string
  notInsuredFallback: string
  noCover(days: number, gap: number, roleNote: string): string
  failsOptOut(failed: string[]): string
  peildatumFallback: string
  transitional(why: string, before: string): string
  endsBeforeAow(endAge: number, ends: string, aow: string, months: number): string
  /** The over-insurance warning of the rules starts with this word. */
  overInsurancePrefix: string
  overInsured(warningHead: string): string
  shortfall(option: string, shortfall: number, buffer: number): string
  versionChanged(before: string, after: string): string
  parametersChanged: string
  chosenUnavailable(option: string): string
  premium(before: number, after: number): string
  benefit(before: number, after: number): string
  nowPossible(option: string): string
  noLongerPossible(option: string): string
  /** The rules now suggest another option than the one the adviser chose. */
  suggestionDiffers(suggested: string, chosen: string): string
  outdated(versionNo: number, date: string, changes: string[]): string
  adviceCurrent: string
  nothingToDo: string
}

export const triageTexts: Record<Language, TriageTexts> = {
  nl: {
    noIncome: 'geen inkomensgegevens (winst per jaar) in het dossier',
    cannotCompute: (reason) => `Kan niet doorrekenen: ${reason}.`,
    roleAssumed: ' (rol onbekend: aangenomen IB-ondernemer)',
    notInsuredFallback: 'Valt niet onder de Baz.',
    noCover: (days, gap, roleNote) => `Geen AOV: wordt verzekerd via de Baz; ${days} dagen wachttijd zonder uitkering, een gat van ${nl.euro(gap)}${roleNote}.`,
    failsOptOut: (failed) => `AOV voldoet niet aan de opt-out: ${failed.join('; ')}.`,
    peildatumFallback: 'de polis liep al op de peildatum',
    transitional: (why, before) => `Kan onder het overgangsrecht blijven: ${why}; regel dit vóór ${nl.date(before)}.`,
    endsBeforeAow: (endAge, ends, aow, months) => `AOV stopt op ${endAge} jaar (${nl.date(ends)}), AOW op ${nl.date(aow)}: ${months} maanden zonder dekking.`,
    overInsurancePrefix: 'Oververzekering: ',
    overInsured: (head) => `Bij beide houden: ${head}.`,
    shortfall: (option, shortfall, buffer) => `Tekort in de wachttijd (${option}) ${nl.euro(shortfall)} is groter dan de buffer van ${nl.euro(buffer)}.`,
    versionChanged: (before, after) => `wetsvoorstel ${before} → ${after}`,
    parametersChanged: 'andere parameters (bijvoorbeeld minimumloon of AOW-leeftijd)',
    chosenUnavailable: (option) => `gekozen optie "${option}" kan niet meer`,
    premium: (before, after) => `premie ${nl.euro(before)} → ${nl.euro(after)} per jaar`,
    benefit: (before, after) => `uitkering ${nl.euro(before)} → ${nl.euro(after)} per jaar`,
    nowPossible: (option) => `${option}: nu mogelijk`,
    noLongerPossible: (option) => `${option}: niet meer mogelijk`,
    suggestionDiffers: (suggested, chosen) => `Vangnet stelt nu "${suggested}" voor, niet de gekozen "${chosen}"`,
    outdated: (versionNo, date, changes) => `Herziening nodig: advies versie ${versionNo} van ${nl.date(date)}; ${changes.join('; ')}.`,
    adviceCurrent: 'Advies is actueel.',
    nothingToDo: 'Niets vraagt nu om actie.',
  },
  en: {
    noIncome: 'no income data (profit per year) in the file',
    cannotCompute: (reason) => `Cannot compute: ${reason}.`,
    roleAssumed: ' (role unknown: assumed self-employed)',
    notInsuredFallback: 'Not covered by the Baz.',
    noCover: (days, gap, roleNote) => `No AOV: will be insured by the Baz; ${days} days' waiting period without benefit, a gap of ${en.euro(gap)}${roleNote}.`,
    failsOptOut: (failed) => `AOV does not meet the opt-out conditions: ${failed.join('; ')}.`,
    peildatumFallback: 'the policy was already in force on the reference date',
    transitional: (why, before) => `Can stay under transitional law: ${why}; arrange this before ${en.date(before)}.`,
    endsBeforeAow: (endAge, ends, aow, months) => `AOV ends at ${endAge} (${en.date(ends)}), AOW on ${en.date(aow)}: ${months} months without cover.`,
    overInsurancePrefix: 'Over-insurance: ',
    overInsured: (head) => `Keeping both: ${head}.`,
    shortfall: (option, shortfall, buffer) => `Waiting-period shortfall (${option}) ${en.euro(shortfall)} is larger than the buffer of ${en.euro(buffer)}.`,
    versionChanged: (before, after) => `bill version ${before} → ${after}`,
    parametersChanged: 'other parameters (for example minimum wage or AOW age)',
    chosenUnavailable: (option) => `chosen option "${option}" is no longer possible`,
    premium: (before, after) => `premium ${en.euro(before)} → ${en.euro(after)} a year`,
    benefit: (before, after) => `benefit ${en.euro(before)} → ${en.euro(after)} a year`,
    nowPossible: (option) => `${option}: now possible`,
    noLongerPossible: (option) => `${option}: no longer possible`,
    suggestionDiffers: (suggested, chosen) => `Vangnet now suggests "${suggested}", not the chosen "${chosen}"`,
    outdated: (versionNo, date, changes) => `Review needed: advice version ${versionNo} of ${en.date(date)}; ${changes.join('; ')}.`,
    adviceCurrent: 'Advice is up to date.',
    nothingToDo: 'Nothing calls for action now.',
  },
}
