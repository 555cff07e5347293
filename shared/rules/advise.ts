/**
 * The rules module's entry point: one client case in, every option compared, every figure
 * explained. Pure and synchronous, so the screen can recalculate on each keystroke and the
 * headless command, the main process and the report all use the very same numbers.
 */
import { formatDate } from '../format'
import { Money, toEuros } from '../money'
import { minimumWageKnownThrough, parameterSetLabel } from '../parameters/update'
import { parameterHash, sourcedParameters } from '../parameters/resolve'
import type { ClientCase } from '../schema/case'
import type { AdviceResult, AssumptionNote } from '../schema/result'
import { createContext, type RuleContext } from './context'
import { criterionComparison } from './criterion'
import { ageOn } from './dates'
import { euro, percent, refs } from './explain'
import { insuredStatus } from './insured'
import { sharedFigures } from './option-plan'
import { compareOptions } from './options'
import { aowYearCitation, explainBazPremium } from './premium'
import { wmlForYear } from './wml'

/** Human-readable names of the parameters, for the list of uncertain values on the report. */
const parameterNames: Record<string, string> = {
  startYear: 'Startjaar',
  premiumRate: 'Premiepercentage',
  capFactor: 'Maximale grondslag',
  wmlIncludesHolidayPay: 'Minimumloon met of zonder vakantiegeld',
  wmlYearRule: 'Minimumloon per kalenderjaar',
  waitingDays: 'Wachttijd',
  benefitPercentage: 'Uitkeringspercentage',
  earningsOffset: 'Verrekening van inkomsten',
  averagingYears: 'Middeling van de uitkeringsgrondslag',
  criterion: 'Arbeidsongeschiktheidscriterium',
  incomeLossThreshold: 'Drempel inkomensverlies',
  partialBenefit: 'Uitkering bij gedeeltelijke arbeidsongeschiktheid',
  negativeProfitGivesZero: 'Negatieve winst',
  franchise: 'Franchise',
  partnerInsured: 'Meewerkende partner verzekerd',
  switchRule: 'Overstapmoment',
  optOutMaxWaitingDays: 'Opt-out: maximaal eigen risico',
  optOutMaxThresholdPercent: 'Opt-out: maximale drempel',
  transitionalPeildatum: 'Peildatum overgangsrecht',
  holidayPayFactor: 'Vakantiegeld',
  premiumMaximum: 'Maximale premie',
  fullDisabilityFrom: 'Volledig arbeidsongeschikt vanaf',
  wiaClasses: 'WIA-klassentabel',
  overInsuranceLimit: 'Grens voor oververzekering',
}

function collectAssumptions(context: RuleContext, calculationYear: number, aowProjected: string | undefined): AssumptionNote[] {
  const notes: AssumptionNote[] = [...context.assumptions]
  const { parameters, clientCase } = context
  for (const [name, parameter] of sourcedParameters(parameters)) {
    if (parameter.uncertain) {
      notes.push({
        id: `parameter-${name}`,
        // A documented range (rates and shares, as fractions) is printed with the value used.
        text: `${parameterNames[name] ?? name}: ${parameter.uncertain}${parameter.range ? ` Bandbreedte ${percent(String(parameter.range[0]))} tot ${percent(String(parameter.range[1]))}; Vangnet rekent met ${percent(String(parameter.value))}.` : ''}`,
        sources: refs(parameter.cite),
        kind: 'uncertain-parameter',
      })
    }
  }
  if (context.premiumRateOverridden) {
    notes.push({
      id: 'override-premium-rate',
      text: `De adviseur rekent met een premie van ${percent(context.premiumRate)} in plaats van ${percent(parameters.premiumRate.value)} uit het wetsvoorstel.`,
      sources: refs(parameters.premiumRate.cite),
      kind: 'override',
    })
  }
  if (calculationYear < parameters.startYear.value) {
    notes.push({
      id: 'before-start',
      text: `Het rekenjaar ${calculationYear} ligt vóór het beoogde startjaar ${parameters.startYear.value}: de bedragen laten zien wat de Baz zou kosten als de wet in ${calculationYear} al gold.`,
      sources: refs(parameters.startYear.cite),
      kind: 'interpretation',
    })
  }
  const a = clientCase.assumptions
  notes.push(
    {
      id: 'input-wml-indexation',
      text: `Het minimumloon na het laatst bekende bedrag stijgt met ${percent(a.wmlIndexation)} per jaar (invoer adviseur).`,
      sources: [],
      kind: 'adviser-input',
    },
    {
      id: 'input-profit-growth',
      text: `De winst na het laatst ingevoerde jaar groeit met ${percent(a.profitGrowth)} per jaar (invoer adviseur).`,
      sources: [],
      kind: 'adviser-input',
    },
    {
      id: 'input-marginal-tax',
      text: `Netto premie: de premie is aftrekbaar tegen een marginaal tarief van ${percent(a.marginalTaxRate)} (invoer adviseur; het werkelijke voordeel hangt af van inkomen en aftrekposten, RADI-2024 vraag 5).`,
      sources: refs({ source: 'RADI-2024', locator: 'vraag 5' }),
      kind: 'adviser-input',
    },
    {
      id: 'input-stabiliteitsbijdrage',
      text:
        a.stabiliteitsbijdrage > 0
          ? `Stabiliteitsbijdrage op een private opt-out-polis: ${euro(context.stabiliteitsbijdrage)} per jaar (invoer adviseur; de hoogte is nog onbekend).`
          : 'De stabiliteitsbijdrage op een private opt-out-polis is nog onbekend en is op € 0 gezet (RADI-2024 vraag 19).',
      sources: refs({ source: 'MKB-2024', locator: 'Stabiliteitsbijdrage' }, { source: 'RADI-2024', locator: 'vraag 19' }),
      kind: 'adviser-input',
    },
  )
  if (aowProjected) notes.push({ id: 'aow-projected', text: aowProjected, sources: refs({ source: 'AOW-7A', locator: 'art. 7a' }), kind: 'projection' })
  return notes
}

/** Compare all options for a validated case (see `parseClientCase`). Never throws on a valid case. */
export function advise(clientCase: ClientCase): AdviceResult {
  const context = createContext(clientCase)
  const { client, calculationYear } = clientCase
  const aow = context.aow
  const yearStart = `${calculationYear}-01-01`
  const age = ageOn(client.birthDate, yearStart)
  const insured = insuredStatus(context, age, yearStart >= aow.date)
  const shared = { context, aow, insured, ...sharedFigures(context, aow) }
  explainBazPremium(context, calculationYear)
  const options = compareOptions(shared)
  const wml = wmlForYear(context, calculationYear)
  const assumptions = collectAssumptions(context, calculationYear, aow.projected ? aow.uncertain : undefined)
  if (shared.bazYears.some((year) => year.wml.projected)) {
    assumptions.push({
      id: 'wml-projected',
      text: `Bedragen na ${formatDate(minimumWageKnownThrough())} rekenen met een geprojecteerd minimumloon (${percent(clientCase.assumptions.wmlIndexation)} per jaar); zulke jaren zijn in de tabel gemarkeerd.`,
      sources: [],
      kind: 'projection',
    })
  }
  const aowYear = shared.bazYears.at(-1)?.partYear
  if (aowYear && insured.insured) {
    assumptions.push({
      id: 'aow-year-part',
      text: `In ${shared.years.at(-1)} bereikt de klant op ${formatDate(aowYear.until)} de AOW-leeftijd. De bronnen zeggen niet hoe de premie van dat jaar wordt geheven (RADI-2024 vraag 9 vraagt of dat "pro rata" kan); Vangnet rekent dekking en premie naar rato: ${aowYear.days} van de ${aowYear.daysInYear} dagen.`,
      sources: refs(aowYearCitation),
      kind: 'interpretation',
    })
  }
  const lastEntered = Math.max(...clientCase.income.map((row) => row.year))
  const lastRow = clientCase.income.find((row) => row.year === lastEntered)!
  if (lastRow.wiaWage > 0 && context.parameters.franchise.value.enabled && shared.years.some((year) => year > lastEntered)) {
    assumptions.push({
      id: 'wia-wage-flat',
      text: `Het WIA-verzekerde loon na ${lastEntered} blijft ${euro(new Money(lastRow.wiaWage))} per jaar: er is geen aanname over de groei ervan ingevoerd. Het minimumloon, en daarmee de maximale grondslag, stijgt wel met ${percent(clientCase.assumptions.wmlIndexation)} per jaar; de franchise (maximale grondslag − WIA-loon) laat daardoor in latere jaren een hogere Baz-grondslag over.`,
      sources: refs(context.parameters.franchise.cite),
      kind: 'interpretation',
    })
  }
  return {
    schemaVersion: 1,
    scenario: clientCase.scenario,
    scenarioLabel: context.parameters.label.nl,
    parameterHash: parameterHash(clientCase.scenario),
    ...(parameterSetLabel() ? { parameterSet: parameterSetLabel() } : {}),
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
      ...(clientCase.existingPolicy ? [{ label: 'Uw lopende AOV', policy: clientCase.existingPolicy }] : []),
      ...(clientCase.privateQuote ? [{ label: 'De offerte voor een private AOV', policy: clientCase.privateQuote }] : []),
      ...(clientCase.topUpQuote ? [{ label: 'De aanvullende AOV', policy: clientCase.topUpQuote }] : []),
    ]),
    assumptions,
    explanations: context.trace.explanations,
  }
}
