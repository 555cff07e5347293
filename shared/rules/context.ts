/**
 * The inputs of one calculation, prepared once: the resolved bill version (with the adviser's
 * overrides), the assumptions as decimals, and the per-year tables (profit, WML, maximum base)
 * every option reads (year-tables.ts).
 */
import type Decimal from 'decimal.js'
import { Money } from '../money'
import { resolveScenario } from '../parameters/resolve'
import type { ScenarioParameters } from '../parameters/scenarios'
import type { ClientCase } from '../schema/case'
import type { AssumptionNote } from '../schema/result'
import { aowDateFor, type AowDate } from './aow'
import type { Language } from '../format'
import { textsFor, type Texts } from '../messages'
import { Trace } from './explain'
import { buildYearTables, type YearTables } from './year-tables'

export interface RuleContext {
  clientCase: ClientCase
  parameters: ScenarioParameters
  /** The language of every text this calculation writes, and its number formats. */
  texts: Texts
  /** The client's AOW date: cover, premium and benefit end on it (RADI-2024 q9). */
  aow: AowDate
  premiumRate: Decimal
  premiumRateOverridden: boolean
  capFactor: Decimal
  benefitPercentage: Decimal
  earningsOffset: Decimal
  wmlIndexation: Decimal
  profitGrowth: Decimal
  marginalTaxRate: Decimal
  /** 1 − the marginal tax rate: what a tax-deductible premium costs net. */
  netFactor: Decimal
  stabiliteitsbijdrage: Decimal
  trace: Trace
  assumptions: AssumptionNote[]
  /** Profit, WML and maximum base per calendar year, built when the calculation starts. */
  years: YearTables
}

/**
 * The adviser's overrides of a bill version's parameters, each printed as an assumption. An
 * override equal to the version's own value changes nothing and is not printed.
 */
function applyOverrides(parameters: ScenarioParameters, clientCase: ClientCase, notes: AssumptionNote[], texts: Texts): ScenarioParameters {
  const overrides = clientCase.assumptions.parameterOverrides
  if (!overrides) return parameters
  const result: ScenarioParameters = { ...parameters }
  const note = (id: string, text: string) => notes.push({ id: `override-${id}`, text, sources: [], kind: 'override' })
  const chosen = { nl: textsFor('nl').say('override.chosen'), en: textsFor('en').say('override.chosen') }
  if (overrides.partialBenefit !== undefined && overrides.partialBenefit !== parameters.partialBenefit.value) {
    result.partialBenefit = { ...parameters.partialBenefit, value: overrides.partialBenefit, uncertain: chosen }
    note('partial-benefit', texts.say('override.partialBenefit', { rule: overrides.partialBenefit, own: parameters.partialBenefit.value }))
  }
  if (overrides.wmlYearRule !== undefined && overrides.wmlYearRule !== parameters.wmlYearRule.value) {
    result.wmlYearRule = { ...parameters.wmlYearRule, value: overrides.wmlYearRule, uncertain: chosen }
    note('wml-year-rule', texts.say('override.wmlYearRule', { rule: overrides.wmlYearRule }))
  }
  if (overrides.wmlIncludesHolidayPay !== undefined && overrides.wmlIncludesHolidayPay !== parameters.wmlIncludesHolidayPay.value) {
    result.wmlIncludesHolidayPay = { ...parameters.wmlIncludesHolidayPay, value: overrides.wmlIncludesHolidayPay, uncertain: chosen }
    note('wml-holiday-pay', texts.say('override.holidayPay', { included: overrides.wmlIncludesHolidayPay }))
  }
  if (overrides.optOutMaxWaitingDays !== undefined && overrides.optOutMaxWaitingDays !== parameters.optOutMaxWaitingDays.value) {
    result.optOutMaxWaitingDays = { ...parameters.optOutMaxWaitingDays, value: overrides.optOutMaxWaitingDays, uncertain: chosen }
    note('opt-out-waiting', texts.say('override.optOutWaiting', { days: overrides.optOutMaxWaitingDays }))
  }
  if (overrides.partnerInsured !== undefined && overrides.partnerInsured !== parameters.partnerInsured.value) {
    result.partnerInsured = { ...parameters.partnerInsured, value: overrides.partnerInsured, uncertain: chosen }
    note('partner', texts.say('override.partner', { insured: overrides.partnerInsured }))
  }
  if (overrides.franchiseEnabled !== undefined && overrides.franchiseEnabled !== parameters.franchise.value.enabled) {
    result.franchise = {
      ...parameters.franchise,
      value: overrides.franchiseEnabled ? { enabled: true, formula: 'cap-minus-wia-wage' } : { enabled: false, formula: 'none' },
      uncertain: chosen,
    }
    note('franchise', texts.say('override.franchise', { enabled: overrides.franchiseEnabled }))
  }
  return result
}

/** The context of one calculation; `traces` false keeps no explanations (see AdviseOptions). */
export function createContext(clientCase: ClientCase, language: Language = 'nl', traces = true): RuleContext {
  const assumptions: AssumptionNote[] = []
  const texts = textsFor(language)
  const parameters = applyOverrides(resolveScenario(clientCase.scenario), clientCase, assumptions, texts)
  const overriddenRate = clientCase.assumptions.premiumRate
  const aow = aowDateFor(clientCase.client.birthDate)
  const capFactor = new Money(parameters.capFactor.value)
  const wmlIndexation = new Money(clientCase.assumptions.wmlIndexation)
  const profitGrowth = new Money(clientCase.assumptions.profitGrowth)
  return {
    clientCase,
    parameters,
    texts,
    aow,
    premiumRate: new Money(overriddenRate ?? parameters.premiumRate.value),
    // A rate equal to the version's own changes nothing: it is not printed as an override.
    premiumRateOverridden: overriddenRate !== null && !new Money(overriddenRate).equals(parameters.premiumRate.value),
    capFactor,
    benefitPercentage: new Money(parameters.benefitPercentage.value),
    earningsOffset: new Money(parameters.earningsOffset.value),
    wmlIndexation,
    profitGrowth,
    marginalTaxRate: new Money(clientCase.assumptions.marginalTaxRate),
    netFactor: new Money(1).minus(clientCase.assumptions.marginalTaxRate),
    stabiliteitsbijdrage: new Money(clientCase.assumptions.stabiliteitsbijdrage),
    trace: new Trace(traces),
    assumptions,
    years: buildYearTables(clientCase, aow, { parameters, texts, capFactor, wmlIndexation, profitGrowth }),
  }
}
