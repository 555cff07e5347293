/**
 * The inputs of one calculation, prepared once: the resolved bill version (with the adviser's
 * overrides), the assumptions as decimals, and memoised per-year figures (WML, profit) that every
 * option shares.
 */
import type Decimal from 'decimal.js'
import { Money } from '../money'
import { resolveScenario } from '../parameters/resolve'
import type { ScenarioParameters } from '../parameters/scenarios'
import type { ClientCase } from '../schema/case'
import type { AssumptionNote } from '../schema/result'
import { aowDateFor, type AowDate } from './aow'
import { Trace } from './explain'
import type { YearIncome } from './income'
import type { YearWml } from './wml'

export interface RuleContext {
  clientCase: ClientCase
  parameters: ScenarioParameters
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
  memo: Map<string, unknown>
  /** Per-year figures every option shares, keyed by calendar year (see income.ts and wml.ts). */
  incomeByYear: Map<number, YearIncome>
  wmlByYear: Map<number, YearWml>
}

/**
 * The adviser's overrides of a bill version's parameters, each printed as an assumption. An
 * override equal to the version's own value changes nothing and is not printed.
 */
function applyOverrides(parameters: ScenarioParameters, clientCase: ClientCase, notes: AssumptionNote[]): ScenarioParameters {
  const overrides = clientCase.assumptions.parameterOverrides
  if (!overrides) return parameters
  const result: ScenarioParameters = { ...parameters }
  const note = (id: string, text: string) => notes.push({ id: `override-${id}`, text, sources: [], kind: 'override' })
  if (overrides.partialBenefit !== undefined && overrides.partialBenefit !== parameters.partialBenefit.value) {
    result.partialBenefit = { ...parameters.partialBenefit, value: overrides.partialBenefit, uncertain: 'Gekozen door de adviseur.' }
    note('partial-benefit', `De adviseur rekent met de regel voor gedeeltelijke arbeidsongeschiktheid "${overrides.partialBenefit}" in plaats van "${parameters.partialBenefit.value}".`)
  }
  if (overrides.wmlYearRule !== undefined && overrides.wmlYearRule !== parameters.wmlYearRule.value) {
    result.wmlYearRule = { ...parameters.wmlYearRule, value: overrides.wmlYearRule, uncertain: 'Gekozen door de adviseur.' }
    note('wml-year-rule', `De adviseur kiest voor het minimumloon per kalenderjaar de regel "${overrides.wmlYearRule}".`)
  }
  if (overrides.wmlIncludesHolidayPay !== undefined && overrides.wmlIncludesHolidayPay !== parameters.wmlIncludesHolidayPay.value) {
    result.wmlIncludesHolidayPay = { ...parameters.wmlIncludesHolidayPay, value: overrides.wmlIncludesHolidayPay, uncertain: 'Gekozen door de adviseur.' }
    note('wml-holiday-pay', `De adviseur rekent het minimumloon ${overrides.wmlIncludesHolidayPay ? 'met' : 'zonder'} 8 % vakantiegeld.`)
  }
  if (overrides.optOutMaxWaitingDays !== undefined && overrides.optOutMaxWaitingDays !== parameters.optOutMaxWaitingDays.value) {
    result.optOutMaxWaitingDays = { ...parameters.optOutMaxWaitingDays, value: overrides.optOutMaxWaitingDays, uncertain: 'Gekozen door de adviseur.' }
    note('opt-out-waiting', `De adviseur toetst de opt-out aan een eigen risico van hoogstens ${overrides.optOutMaxWaitingDays} dagen.`)
  }
  if (overrides.partnerInsured !== undefined && overrides.partnerInsured !== parameters.partnerInsured.value) {
    result.partnerInsured = { ...parameters.partnerInsured, value: overrides.partnerInsured, uncertain: 'Gekozen door de adviseur.' }
    note('partner', `De adviseur gaat ervan uit dat een meewerkende partner ${overrides.partnerInsured ? 'wel' : 'niet'} verzekerd is.`)
  }
  if (overrides.franchiseEnabled !== undefined && overrides.franchiseEnabled !== parameters.franchise.value.enabled) {
    result.franchise = {
      ...parameters.franchise,
      value: overrides.franchiseEnabled ? { enabled: true, formula: 'cap-minus-wia-wage' } : { enabled: false, formula: 'none' },
      uncertain: 'Gekozen door de adviseur.',
    }
    note('franchise', `De adviseur rekent ${overrides.franchiseEnabled ? 'met' : 'zonder'} franchise voor WIA-verzekerd loon.`)
  }
  return result
}

export function createContext(clientCase: ClientCase): RuleContext {
  const assumptions: AssumptionNote[] = []
  const parameters = applyOverrides(resolveScenario(clientCase.scenario), clientCase, assumptions)
  const overriddenRate = clientCase.assumptions.premiumRate
  return {
    clientCase,
    parameters,
    aow: aowDateFor(clientCase.client.birthDate),
    premiumRate: new Money(overriddenRate ?? parameters.premiumRate.value),
    // A rate equal to the version's own changes nothing: it is not printed as an override.
    premiumRateOverridden: overriddenRate !== null && !new Money(overriddenRate).equals(parameters.premiumRate.value),
    capFactor: new Money(parameters.capFactor.value),
    benefitPercentage: new Money(parameters.benefitPercentage.value),
    earningsOffset: new Money(parameters.earningsOffset.value),
    wmlIndexation: new Money(clientCase.assumptions.wmlIndexation),
    profitGrowth: new Money(clientCase.assumptions.profitGrowth),
    marginalTaxRate: new Money(clientCase.assumptions.marginalTaxRate),
    netFactor: new Money(1).minus(clientCase.assumptions.marginalTaxRate),
    stabiliteitsbijdrage: new Money(clientCase.assumptions.stabiliteitsbijdrage),
    trace: new Trace(),
    assumptions,
    memo: new Map(),
    incomeByYear: new Map(),
    wmlByYear: new Map(),
  }
}

/** A figure per calendar year, worked out once per calculation. */
export function perYear<T>(byYear: Map<number, T>, year: number, compute: () => T): T {
  let value = byYear.get(year)
  if (value === undefined) {
    value = compute()
    byYear.set(year, value)
  }
  return value
}

export function memoise<T>(context: RuleContext, key: string, compute: () => T): T {
  if (context.memo.has(key)) return context.memo.get(key) as T
  const value = compute()
  context.memo.set(key, value)
  return value
}
