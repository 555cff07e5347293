/**
 * The rules module's entry point: one client case in, every option compared, every figure
 * explained. Pure and synchronous, so the screen can recalculate on each keystroke and the
 * headless command, the main process and the report all use the very same numbers.
 */
import type { Language } from '../format'
import { catalogs, renderMessage, type MessageId } from '../messages'
import { Money, toEuros } from '../money'
import { aowAgeLastFixedYear } from '../parameters/aow-age'
import { minimumWageKnownThrough, parameterSetLabel } from '../parameters/update'
import { parameterHash, sourcedParameters } from '../parameters/resolve'
import type { ScenarioParameters } from '../parameters/scenarios'
import type { ClientCase } from '../schema/case'
import type { AdviceResult, AssumptionNote } from '../schema/result'
import { createContext, type RuleContext } from './context'
import { criterionComparison } from './criterion'
import { ageOn } from './dates'
import { refs } from './explain'
import { insuredStatus } from './insured'
import { sharedFigures, type Shared } from './option-plan'
import { compareOptions } from './options'
import { aowYearCitation, explainBazPremium } from './premium'
import { suggestOption } from './suggestion'

/**
 * The notes on a version's uncertain parameters depend only on the parameter set and the
 * language: written once per set (a version, or a version with the adviser's overrides) and
 * language, and copied into each result.
 */
const parameterNotes = new WeakMap<ScenarioParameters, Partial<Record<Language, readonly AssumptionNote[]>>>()

function uncertainParameterNotes(parameters: ScenarioParameters, language: Language): readonly AssumptionNote[] {
  let byLanguage = parameterNotes.get(parameters)
  if (!byLanguage) parameterNotes.set(parameters, (byLanguage = {}))
  const cached = byLanguage[language]
  if (cached) return cached
  const notes: AssumptionNote[] = []
  for (const [name, parameter] of sourcedParameters(parameters)) {
    if (parameter.uncertain) {
      const nameId = `parameter.${name}` as MessageId
      notes.push({
        id: `parameter-${name}`,
        // A documented range (rates and shares, as fractions) is printed with the value used.
        text: renderMessage(language, 'assumption.parameter', {
          name: nameId in catalogs[language] ? renderMessage(language, nameId as 'parameter.startYear') : name,
          text: parameter.uncertain[language],
          range: parameter.range ? [String(parameter.range[0]), String(parameter.range[1])] : null,
          value: String(parameter.value),
        }),
        sources: refs(parameter.cite),
        kind: 'uncertain-parameter',
      })
    }
  }
  byLanguage[language] = notes
  return notes
}

function collectAssumptions(context: RuleContext, shared: Shared): AssumptionNote[] {
  const { calculationYear, insured } = shared
  const { parameters, clientCase } = context
  const { say, language } = context.texts
  // Copies: a result's notes are its own.
  const notes: AssumptionNote[] = [...context.assumptions, ...uncertainParameterNotes(parameters, language).map((note) => ({ ...note, sources: [...note.sources] }))]
  if (context.premiumRateOverridden) {
    notes.push({
      id: 'override-premium-rate',
      text: say('assumption.premiumRate', { rate: context.premiumRate, own: parameters.premiumRate.value }),
      sources: refs(parameters.premiumRate.cite),
      kind: 'override',
    })
  }
  if (calculationYear < parameters.startYear.value) {
    notes.push({
      id: 'before-start',
      text: say('assumption.beforeStart', { year: calculationYear, startYear: parameters.startYear.value }),
      sources: refs(parameters.startYear.cite),
      kind: 'interpretation',
    })
  }
  const a = clientCase.assumptions
  notes.push(
    { id: 'input-wml-indexation', text: say('assumption.wmlIndexation', { rate: a.wmlIndexation }), sources: [], kind: 'adviser-input' },
    { id: 'input-profit-growth', text: say('assumption.profitGrowth', { rate: a.profitGrowth }), sources: [], kind: 'adviser-input' },
    {
      id: 'input-marginal-tax',
      text: say('assumption.marginalTax', { rate: a.marginalTaxRate }),
      sources: refs({ source: 'RADI-2024', locator: 'vraag 5' }),
      kind: 'adviser-input',
    },
    {
      id: 'input-stabiliteitsbijdrage',
      text: a.stabiliteitsbijdrage > 0 ? say('assumption.stabiliteit', { amount: context.stabiliteitsbijdrage }) : say('assumption.stabiliteitUnknown'),
      sources: refs({ source: 'MKB-2024', locator: 'Stabiliteitsbijdrage' }, { source: 'RADI-2024', locator: 'vraag 19' }),
      kind: 'adviser-input',
    },
  )
  if (clientCase.household) {
    notes.push(
      {
        id: 'input-benefit-tax-rate',
        text: a.benefitTaxRate === null ? say('assumption.benefitTaxRateMissing') : say('assumption.benefitTaxRate', { rate: a.benefitTaxRate }),
        sources: [],
        kind: 'adviser-input',
      },
      { id: 'income-picture-months', text: say('assumption.incomePictureMonths'), sources: [], kind: 'interpretation' },
    )
  }
  if (context.aow.projected) {
    notes.push({
      id: 'aow-projected',
      text: say('assumption.aowProjected', { lastYear: aowAgeLastFixedYear, years: context.aow.years, months: context.aow.months }),
      sources: refs({ source: 'AOW-7A', locator: 'art. 7a' }),
      kind: 'projection',
    })
  }
  if (shared.bazYears.some((year) => year.wml.projected)) {
    notes.push({
      id: 'wml-projected',
      text: say('assumption.wmlProjected', { date: minimumWageKnownThrough(), rate: clientCase.assumptions.wmlIndexation }),
      sources: [],
      kind: 'projection',
    })
  }
  const aowYear = shared.bazYears.at(-1)?.partYear
  if (aowYear && insured.insured) {
    notes.push({
      id: 'aow-year-part',
      text: say('assumption.aowYear', { year: shared.years.at(-1)!, date: aowYear.until, days: aowYear.days, daysInYear: aowYear.daysInYear }),
      sources: refs(aowYearCitation),
      kind: 'interpretation',
    })
  }
  const lastEntered = Math.max(...clientCase.income.map((row) => row.year))
  const lastRow = clientCase.income.find((row) => row.year === lastEntered)!
  if (lastRow.wiaWage > 0 && context.parameters.franchise.value.enabled && shared.years.some((year) => year > lastEntered)) {
    notes.push({
      id: 'wia-wage-flat',
      text: say('assumption.wiaWageFlat', { year: lastEntered, wage: new Money(lastRow.wiaWage), rate: clientCase.assumptions.wmlIndexation }),
      sources: refs(context.parameters.franchise.cite),
      kind: 'interpretation',
    })
  }
  return notes
}

/** What a calculation can be asked for besides the case. */
export interface AdviseOptions {
  /** The language of every text in the result (reasons, conditions, notes, explanations); Dutch by default. */
  language?: Language
  /**
   * False: the figures, reasons, conditions, warnings and suggestion only, without explanations
   * and the list of assumptions (empty). For the triage of a client book, which reads no trace;
   * every advice shown or stored is calculated with them (the default).
   */
  traces?: boolean
}

/** Compare all options for a validated case (see `parseClientCase`). Never throws on a valid case. */
export function advise(clientCase: ClientCase, adviseOptions: AdviseOptions = {}): AdviceResult {
  const traces = adviseOptions.traces ?? true
  const context = createContext(clientCase, adviseOptions.language ?? 'nl', traces)
  const { say } = context.texts
  const { client, calculationYear } = clientCase
  const aow = context.aow
  const yearStart = `${calculationYear}-01-01`
  const age = ageOn(client.birthDate, yearStart)
  const insured = insuredStatus(context, age, yearStart >= aow.date)
  const shared = { context, aow, insured, ...sharedFigures(context, aow) }
  if (traces) explainBazPremium(context, calculationYear)
  const options = compareOptions(shared)
  const wml = context.years.wml(calculationYear)
  const assumptions = traces ? collectAssumptions(context, shared) : []
  const parameterSet = parameterSetLabel(context.texts.language)
  return {
    schemaVersion: 1,
    scenario: clientCase.scenario,
    scenarioLabel: context.parameters.label[context.texts.language],
    parameterHash: parameterHash(clientCase.scenario),
    ...(parameterSet ? { parameterSet } : {}),
    calculationYear,
    scenarioStartYear: context.parameters.startYear.value,
    switchRule: context.parameters.switchRule.value,
    client: {
      age,
      aowDate: aow.date,
      aowAge: { years: aow.years, months: aow.months, projected: aow.projected },
      insured: insured.insured,
      insuredReasons: insured.reasons,
    },
    wml: { annual: toEuros(wml.annual), monthly: toEuros(wml.monthly), projected: wml.projected, cap: toEuros(wml.cap) },
    options,
    criterion: criterionComparison(context, [
      ...(clientCase.existingPolicy ? [{ label: say('criterion.existing'), policy: clientCase.existingPolicy }] : []),
      ...(clientCase.privateQuote ? [{ label: say('criterion.quote'), policy: clientCase.privateQuote }] : []),
      ...(clientCase.topUpQuote ? [{ label: say('criterion.topUp'), policy: clientCase.topUpQuote }] : []),
    ]),
    assumptions,
    explanations: context.trace.explanations,
    suggestion: suggestOption(clientCase, options, context.texts.language),
  }
}
