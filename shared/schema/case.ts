/**
 * The client case: everything the adviser enters once, as pure data. Shared by the headless
 * command (CASE.json, contract advise-v1), the main process (IPC payloads, the vault) and the
 * forms. Amounts are euros as JSON numbers with at most two decimals; the rules convert them to
 * decimal.js on entry and never compute with floats.
 */
import { z } from 'zod'
import { optionIds } from './result'
import { isScenarioId, resolveScenario, scenarioIdsAvailable } from '../parameters/resolve'
import { defaultScenarioId } from '../parameters/scenarios'
import type { Language } from '../format'
import { errorMapFor, fieldPath, localText, problemsOf, type FieldProblem } from './messages'

/**
 * The bill versions come from the data (shared/parameters/scenarios.ts), the one place a version
 * is added: the ids here, the schema's check and both labels derive from it.
 */
export const scenarioIds: readonly string[] = scenarioIdsAvailable()
/** Every version now, the built-in ones and those of the active parameter pack: for choice lists. */
export { scenarioIdsAvailable }
export { defaultScenarioId }

/** A known bill version, checked against the list when the case is read (a pack may have added one). */
export const scenarioIdSchema = z.string().max(60).superRefine((value, context) => {
  if (!isScenarioId(value)) {
    const ids = scenarioIdsAvailable().map((id) => JSON.stringify(id)).join(', ')
    context.addIssue({ code: 'custom', params: localText(`moet één van deze waarden zijn: ${ids}`, `must be one of these values: ${ids}`) })
  }
})

export const clientRoles = ['ib-ondernemer', 'meewerkende-partner', 'dga', 'resultaatgenieter', 'werknemer'] as const
export type ClientRole = (typeof clientRoles)[number]

export const disabilityCriteria = ['beroeps', 'passende', 'gangbare'] as const
export type DisabilityCriterion = (typeof disabilityCriteria)[number]

/**
 * A calendar date as JJJJ-MM-DD within the years a client's file can speak of: a date such as
 * 9999-12-31 is a typing error, not a policy, and is refused as bad input.
 */
const isoDate = z.iso
  .date()
    // Only a well-formed date is checked for its range: a malformed one already has its message.
  .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || (value >= '1900-01-01' && value <= '2100-12-31'), { params: localText('moet een datum tussen 1900 en 2100 zijn', 'must be a date between 1900 and 2100') })
/** Euros, at most cents. Kept as a JSON number; converted to Decimal by the rules. */
const euros = z.number().finite().multipleOf(0.01)
const nonNegativeEuros = euros.min(0)
const fraction = z.number().finite().min(0).max(1)

export const incomeYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    /** Winst uit onderneming: taxable profit + ondernemersaftrek + MKB-winstvrijstelling (MKB-2024). */
    profit: euros.min(-10_000_000).max(100_000_000),
    /** Wage insured under the WIA as an employee in that year. */
    wiaWage: nonNegativeEuros.max(100_000_000).default(0),
  })
  .strict()
export type IncomeYear = z.infer<typeof incomeYearSchema>

export const policyAcceptances = ['normaal', 'premietoeslag', 'uitsluiting', 'uitgesteld'] as const
export type PolicyAcceptance = (typeof policyAcceptances)[number]

export const privatePolicySchema = z
  .object({
    insurer: z.string().max(120).optional(),
    /** Insured yearly benefit at full disability, in euros. */
    insuredAmount: nonNegativeEuros.max(1_000_000),
    /** Eigen risico (waiting period) in days. */
    waitingDays: z.number().int().min(0).max(1095),
    /** Age at which cover ends, or "aow" for cover until the AOW age. */
    endAge: z.union([z.literal('aow'), z.number().int().min(50).max(75)]),
    /** Lowest degree of disability (percent) that gives a benefit. */
    disabilityThresholdPercent: z.number().min(0).max(100),
    criterion: z.enum(disabilityCriteria),
    medicalExclusions: z.boolean(),
    annualPremium: nonNegativeEuros.max(1_000_000),
    /** Level premium, or a premium that rises with age (yearly percentage in premiumIndexation). */
    premiumType: z.enum(['level', 'rising']).default('level'),
    /** Yearly premium increase (fraction) for a rising premium or indexation. */
    premiumIndexation: z.number().finite().min(0).max(0.2).default(0),
    /** Whether the premium is tax-deductible (a net policy is not; RADI-2024 q17). */
    taxDeductible: z.boolean().default(true),
    startDate: isoDate,
    // Product details for the product sheet (Wft: the adviser names the product advised on).
    // All optional: absent means "not recorded".
    /** The insurer's product name. */
    product: z.string().trim().max(120).optional(),
    /** Date of the offer (quote) or of the policy schedule. */
    offerDate: isoDate.optional(),
    /** Last day on which the offer can be accepted. */
    validUntil: isoDate.optional(),
    /** Outcome of the medical acceptance: normal terms, a premium loading, an exclusion, or postponed. */
    acceptance: z.enum(policyAcceptances).optional(),
    /** Yearly indexation of the benefit once it is paid (fraction; 0 = none). Recorded, not projected. */
    benefitIndexation: z.number().finite().min(0).max(0.1).optional(),
  })
  .strict()
export type PrivatePolicy = z.infer<typeof privatePolicySchema>

export const relaxableConditions = ['threshold', 'waiting-period', 'end-age', 'medical-exclusions', 'benefit-level', 'premium-level'] as const
export type OptOutConditionId = (typeof relaxableConditions)[number]

export const assumptionsSchema = z
  .object({
    /** null = the scenario's own rate; a fraction overrides it. */
    premiumRate: z.number().finite().min(0).max(0.3).nullable().default(null),
    wmlIndexation: z.number().finite().min(-0.1).max(0.2).default(0.02),
    profitGrowth: z.number().finite().min(-0.5).max(0.5).default(0),
    marginalTaxRate: z.number().finite().min(0).max(0.6).default(0.37),
    /** Stabiliteitsbijdrage per year on a private opt-out policy: unknown in the sources (RADI-2024 q19). */
    stabiliteitsbijdrage: nonNegativeEuros.max(100_000).default(0),
    /** Transitional law: policies in force on this date qualify (peildatum not yet fixed; MKB-2024). */
    transitionalPeildatum: isoDate.nullable().default(null),
    /** Opt-out conditions that transitional law relaxes (not fixed in the sources: RADI-2024 q17). */
    transitionalRelaxed: z.array(z.enum(relaxableConditions)).default([]),
    /** Monthly gift from a broodfonds during the waiting period, if the client is a member. */
    broodfondsMonthly: nonNegativeEuros.max(10_000).default(0),
    /** How many months a broodfonds pays (typically 24). */
    broodfondsMonths: z.number().int().min(0).max(36).default(24),
    /**
     * Tax rate on benefits and on earnings next to them (fraction), for the net income picture.
     * No default: Vangnet holds no cited box-1 table, so without it the net figures say the rate
     * is missing (contract advise-v1, Additions).
     */
    benefitTaxRate: z.number().finite().min(0).max(0.6).nullable().default(null),
    /** The adviser's choices where a bill version's parameter is uncertain; each is printed. */
    parameterOverrides: z
      .object({
        partialBenefit: z.enum(['proportional', 'wia-classes', 'full-only']).optional(),
        wmlYearRule: z.enum(['average-of-half-years', 'january', 'july']).optional(),
        wmlIncludesHolidayPay: z.boolean().optional(),
        optOutMaxWaitingDays: z.number().int().min(0).max(1095).optional(),
        partnerInsured: z.boolean().optional(),
        franchiseEnabled: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
export type Assumptions = z.infer<typeof assumptionsSchema>

export const clientProfileSchema = z
  .object({
    goals: z.string().max(4000).default(''),
    financialBuffer: nonNegativeEuros.max(100_000_000).default(0),
    riskAppetite: z.enum(['laag', 'gemiddeld', 'hoog']).default('gemiddeld'),
    knowledgeAndExperience: z.string().max(4000).default(''),
  })
  .strict()
export type ClientProfile = z.infer<typeof clientProfileSchema>

/** The household's net monthly budget (contract advise-v1, Additions). */
export const householdSchema = z
  .object({
    /** What the household needs net per month: fixed costs and living. */
    netMonthlyNeed: nonNegativeEuros.max(1_000_000),
    /** The partner's net income per month that continues when the client is disabled. */
    partnerNetMonthly: nonNegativeEuros.max(1_000_000).default(0),
    /** Other net income per month that continues (rent, an annuity). */
    otherNetMonthly: nonNegativeEuros.max(1_000_000).default(0),
  })
  .strict()
export type Household = z.infer<typeof householdSchema>

export const serviceTypes = ['advies', 'bemiddeling', 'execution-only'] as const
export type ServiceType = (typeof serviceTypes)[number]

/** The advice itself: service type, fee, the adviser's choice and why (Wft art. 4:23). */
export const adviceRecordSchema = z
  .object({
    serviceType: z.enum(serviceTypes).optional(),
    fee: z
      .object({
        amount: nonNegativeEuros.max(1_000_000),
        /** Insurance mediation and advice are VAT-exempt (vrijgesteld); otherwise included or excluded. */
        vat: z.enum(['vrijgesteld', 'inclusief', 'exclusief']),
        /** A fixed fee or an hourly rate. */
        basis: z.enum(['vast', 'uur']),
      })
      .strict()
      .optional(),
    /** The option the adviser advises. */
    choice: z.enum(optionIds).optional(),
    motivation: z.string().max(8000).optional(),
    /** Why the choice differs from Vangnet's suggestion (the dossier's deviation statement). */
    deviationReason: z.string().max(4000).optional(),
    /** Execution-only: the check of the client's knowledge and experience (Wft art. 4:24a). */
    executionOnlyCheck: z
      .object({ passed: z.boolean(), notes: z.string().max(4000).default('') })
      .strict()
      .optional(),
  })
  .strict()
export type AdviceRecord = z.infer<typeof adviceRecordSchema>

export const clientCaseSchema = z
  .object({
    schemaVersion: z.literal(1),
    scenario: scenarioIdSchema.default(defaultScenarioId),
    calculationYear: z.number().int().min(2023).max(2080),
    client: z
      .object({
        name: z.string().trim().min(1).max(200),
        birthDate: isoDate,
        role: z.enum(clientRoles),
        conscientiousObjector: z.boolean().default(false),
        /** What the client does for a living (the criterion of a private AOV turns on it). */
        occupation: z.string().trim().max(200).optional(),
        /** Hours worked per week in the business. */
        weeklyHours: z.number().finite().min(0).max(100).optional(),
      })
      .strict(),
    income: z.array(incomeYearSchema).min(1).max(80),
    existingPolicy: privatePolicySchema.nullable().default(null),
    privateQuote: privatePolicySchema.nullable().default(null),
    /** A quote for a private AOV on top of the Baz (the "Baz + aanvulling" option). */
    topUpQuote: privatePolicySchema.nullable().default(null),
    assumptions: assumptionsSchema.default(() => assumptionsSchema.parse({})),
    disability: z
      .object({
        age: z.number().int().min(18).max(75),
        degree: fraction,
        /** Yearly earnings next to the benefit (offset for 70 % against the Baz benefit, MKB-2024). */
        earnings: nonNegativeEuros.max(10_000_000).default(0),
      })
      .strict(),
    profile: clientProfileSchema.optional(),
    household: householdSchema.optional(),
    advice: adviceRecordSchema.optional(),
  })
  .strict()
  .superRefine((value, context) => {
    const seen = new Set<number>()
    value.income.forEach((row, index) => {
      if (seen.has(row.year)) {
        context.addIssue({ code: 'custom', path: ['income', index, 'year'], params: localText(`jaar ${row.year} staat er meer dan eens in`, `year ${row.year} appears more than once`) })
      }
      seen.add(row.year)
    })
    // An illustration that does not fit the client (before the calculation year, after the AOW
    // age) is no reason to refuse the case: the rules compare the options and say why it does not apply.
    const birthYear = Number(value.client.birthDate.slice(0, 4))
    const partialBenefit = value.assumptions.parameterOverrides?.partialBenefit
    if (partialBenefit !== undefined && partialBenefit !== 'full-only' && isScenarioId(value.scenario) && resolveScenario(value.scenario).criterion.value === 'absolute-wml') {
      // Criterion and partial-benefit rule are one decision: under the absolute criterion only full
      // disability gives a benefit, so another rule would be printed without changing anything.
      context.addIssue({
        code: 'custom',
        path: ['assumptions', 'parameterOverrides', 'partialBenefit'],
        params: localText(
          `kan niet onder de versie ${value.scenario}: die kent het absolute criterium (alleen een uitkering bij volledige arbeidsongeschiktheid); kies "full-only" of een versie met het criterium van 35 % inkomensverlies`,
          `not possible under version ${value.scenario}: it has the absolute criterion (a benefit only at full disability); choose "full-only" or a version with the criterion of 35 % loss of income`,
        ),
      })
    }
    const { executionOnlyCheck, serviceType } = value.advice ?? {}
    if (executionOnlyCheck && serviceType !== 'execution-only') {
      context.addIssue({ code: 'custom', path: ['advice', 'executionOnlyCheck'], params: localText('de kennis-en-ervaringstoets hoort alleen bij execution-only', 'the knowledge and experience check belongs only to execution-only') })
    }
    if (birthYear < 1930 || birthYear > value.calculationYear - 15) {
      context.addIssue({ code: 'custom', path: ['client', 'birthDate'], params: localText('geboortedatum is niet aannemelijk voor een zelfstandige in het rekenjaar', 'the birth date is not plausible for a self-employed person in the calculation year') })
    }
  })

export type ClientCaseInput = z.input<typeof clientCaseSchema>
export type ClientCase = z.output<typeof clientCaseSchema>

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] }

const maxNesting = 16

/** How deeply objects and arrays nest in `value`, counted without recursion; stops past `limit`. */
export function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0
  const stack: [unknown, number][] = [[value, 0]]
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!
    if (item === null || typeof item !== 'object') continue
    const level = depth + 1
    if (level > deepest) deepest = level
    if (deepest > limit) return deepest
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, level])
  }
  return deepest
}

/** Validate a case; problems come back one per field, in plain Dutch, never as an exception. */
export function parseClientCase(input: unknown, language: Language = 'nl'): ParseResult<ClientCase> {
  // A case is a few levels deep; a file nested far deeper is not a case, and checking it
  // recursively could exhaust the stack. Measured without recursion, before the schema looks at it.
  if (nestingDepth(input, maxNesting) > maxNesting) {
    const message =
      language === 'en'
        ? `is nested too deeply (more than ${maxNesting} levels): this is not a client file`
        : `is te diep genest (meer dan ${maxNesting} niveaus): dit is geen klantbestand`
    return { ok: false, problems: [{ path: fieldPath([], language), message }] }
  }
  const result = clientCaseSchema.safeParse(input, { error: errorMapFor(language) })
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(result.error, language) }
}
