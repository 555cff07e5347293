/**
 * The client case: everything the adviser enters once, as pure data. Shared by the headless
 * command (CASE.json, contract advise-v1), the main process (IPC payloads, the vault) and the
 * forms. Amounts are euros as JSON numbers with at most two decimals; the rules convert them to
 * decimal.js on entry and never compute with floats.
 */
import { z } from 'zod'
import { optionIds } from './result'
import { dutchErrorMap, problemsOf, type FieldProblem } from './messages'

export const scenarioIds = ['mkb-toets-2024', 'consultatie-2024', 'raad-van-state-2025'] as const
export const defaultScenarioId = 'raad-van-state-2025'

export const clientRoles = ['ib-ondernemer', 'meewerkende-partner', 'dga', 'resultaatgenieter', 'werknemer'] as const
export type ClientRole = (typeof clientRoles)[number]

export const disabilityCriteria = ['beroeps', 'passende', 'gangbare'] as const
export type DisabilityCriterion = (typeof disabilityCriteria)[number]

const isoDate = z.iso.date()
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
    scenario: z.enum(scenarioIds).default(defaultScenarioId),
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
        context.addIssue({ code: 'custom', path: ['income', index, 'year'], message: `jaar ${row.year} staat er meer dan eens in` })
      }
      seen.add(row.year)
    })
    const birthYear = Number(value.client.birthDate.slice(0, 4))
    if (birthYear + value.disability.age < value.calculationYear) {
      context.addIssue({
        code: 'custom',
        path: ['disability', 'age'],
        message: `de leeftijd bij arbeidsongeschiktheid ligt vóór het rekenjaar ${value.calculationYear}: kies ${value.calculationYear - birthYear} of ouder`,
      })
    }
    const { executionOnlyCheck, serviceType } = value.advice ?? {}
    if (executionOnlyCheck && serviceType !== 'execution-only') {
      context.addIssue({ code: 'custom', path: ['advice', 'executionOnlyCheck'], message: 'de kennis-en-ervaringstoets hoort alleen bij execution-only' })
    }
    if (birthYear < 1930 || birthYear > value.calculationYear - 15) {
      context.addIssue({ code: 'custom', path: ['client', 'birthDate'], message: 'geboortedatum is niet aannemelijk voor een zelfstandige in het rekenjaar' })
    }
  })

export type ClientCaseInput = z.input<typeof clientCaseSchema>
export type ClientCase = z.output<typeof clientCaseSchema>

export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] }

/** Validate a case; problems come back one per field, in plain Dutch, never as an exception. */
export function parseClientCase(input: unknown): ParseResult<ClientCase> {
  const result = clientCaseSchema.safeParse(input, { error: dutchErrorMap })
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(result.error) }
}
