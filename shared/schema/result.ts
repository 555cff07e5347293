/**
 * The advice result: what the rules compute for one case under one bill version. The fields of
 * contract advise-v1 (schemaVersion, scenario, calculationYear, options[].id/available/reasons/
 * premium/benefit/projection/conditions) are fixed; everything else is the project's own.
 * Amounts are euros rounded to cents (JSON numbers); rates are fractions.
 */
import { z } from 'zod'

/** Where a number or rule comes from: a source document (see shared/parameters/sources.ts). */
export const sourceRefSchema = z.object({
  /** Key of the source document, e.g. "KB-2025". */
  source: z.string(),
  /** Section, question or paragraph in that document, e.g. "q2" or "Verlenging van de wachttijd". */
  locator: z.string().optional(),
})
export type SourceRef = z.infer<typeof sourceRefSchema>

/**
 * One explained figure: "Premie 2030: 5,4 % × € 42.000,00 (...) = € 2.268,00". `steps` are the
 * figures it was made of, each explained the same way, so the report and the "uitleg" drawer can
 * unfold a number down to the parameters and their sources.
 */
export interface Explanation {
  id: string
  label: string
  value: number | string
  /** What the value is: an amount in euros, a fraction (a rate), or plain text. */
  unit?: 'euro' | 'fraction' | 'text'
  /** The calculation in readable Dutch, with the numbers filled in. */
  expression: string
  sources: SourceRef[]
  /** Set when a value rests on an assumption or an uncertain parameter. */
  uncertain?: boolean
  steps?: Explanation[]
}
export const explanationSchema: z.ZodType<Explanation> = z.lazy(() =>
  z.object({
    id: z.string(),
    label: z.string(),
    value: z.union([z.number(), z.string()]),
    unit: z.enum(['euro', 'fraction', 'text']).optional(),
    expression: z.string(),
    sources: z.array(sourceRefSchema),
    uncertain: z.boolean().optional(),
    steps: z.array(explanationSchema).optional(),
  }),
)

export const optionIds = ['baz', 'baz-top-up', 'opt-out', 'transitional', 'keep-both'] as const
export type OptionId = (typeof optionIds)[number]

export const conditionSchema = z.object({
  id: z.string(),
  passed: z.boolean(),
  /** Plain Dutch, e.g. "eigen risico 2 jaar is langer dan toegestaan (max. 1 jaar)". */
  explanation: z.string(),
  /** True when transitional law relaxes this condition (assumption printed on the report). */
  relaxed: z.boolean().optional(),
  sources: z.array(sourceRefSchema).default([]),
})
export type Condition = z.infer<typeof conditionSchema>

export const projectionYearSchema = z.object({
  year: z.number().int(),
  age: z.number().int(),
  /** Gross premium (public plus private where the option has both) for the year. */
  premium: z.number(),
  /** Premium after tax relief at the marginal rate (MKB-2024; RADI-2024 q5). */
  netPremium: z.number(),
  cumulativePremium: z.number(),
  cumulativeNetPremium: z.number(),
  publicPremium: z.number(),
  privatePremium: z.number(),
  /** The WML used this year was projected with the adviser's indexation (not an official figure). */
  projected: z.boolean(),
  /** Yearly benefit if disabled in this year per the illustration (0 when none is due that year). */
  benefitIfDisabled: z.number(),
  /** The AOW year: cover and Baz premium run only for `days` of the year's `daysInYear`, until the AOW date. */
  partYear: z.object({ until: z.string(), days: z.number().int(), daysInYear: z.number().int() }).optional(),
})
export type ProjectionYear = z.infer<typeof projectionYearSchema>

export const illustrationSchema = z.object({
  disabledFrom: z.string(),
  degree: z.number(),
  /** Public and private benefit per year once both are running. */
  annualBenefit: z.number(),
  monthlyBenefit: z.number(),
  publicAnnual: z.number(),
  privateAnnual: z.number(),
  /** First day on which a benefit is paid (null when none is due). */
  benefitFrom: z.string().nullable(),
  benefitUntil: z.string().nullable(),
  /** The income gap during the waiting period: months without any benefit and their lost income. */
  /** Days from the first day of illness to the first benefit (or the end of the waiting period). */
  gapDays: z.number().int().default(0),
  gapMonths: z.number(),
  gapAmount: z.number(),
  /** What a broodfonds would bridge of that gap (adviser input). */
  broodfondsBridged: z.number(),
  remainingGap: z.number(),
  notes: z.array(z.string()),
})
export type Illustration = z.infer<typeof illustrationSchema>

export const incomePhaseIds = ['waiting', 'benefit', 'after-policy-end'] as const
export type IncomePhaseId = (typeof incomePhaseIds)[number]

/**
 * One stretch of months with the same net income (contract advise-v1, Additions). Amounts net, in
 * euros. `null` where the net amount needs the tax rate on benefits and none was given.
 */
export const incomePhaseSchema = z.object({
  id: z.enum(incomePhaseIds),
  from: z.string(),
  to: z.string(),
  months: z.number().int(),
  /** Net benefit per month in this phase (public and private together). */
  benefitNetMonthly: z.number().nullable(),
  /** Net earnings next to the benefit per month. */
  earningsNetMonthly: z.number().nullable(),
  /** Net benefit + net earnings + partner + other income, per month. */
  incomeNetMonthly: z.number().nullable(),
  shortfallMonthly: z.number().nullable(),
  shortfallTotal: z.number().nullable(),
  /** What the broodfonds and the buffer bridge of the shortfall (waiting phase only). */
  broodfonds: z.number(),
  buffer: z.number(),
  /** The shortfall left after broodfonds and buffer. */
  uncovered: z.number().nullable(),
})
export type IncomePhase = z.infer<typeof incomePhaseSchema>

export const incomePictureSchema = z.object({
  needMonthly: z.number(),
  /** The tax rate on benefits used for net amounts, or null when it is missing. */
  benefitTaxRate: z.number().nullable(),
  phases: z.array(incomePhaseSchema),
  /** Sums over all phases until the AOW date (null when a net amount is missing). */
  shortfallUntilAow: z.number().nullable(),
  uncoveredUntilAow: z.number().nullable(),
  /** The last day of a private policy's cover when it ends before the AOW date. */
  policyEnds: z.string().nullable(),
})
export type IncomePicture = z.infer<typeof incomePictureSchema>

export const optionResultSchema = z.object({
  id: z.enum(optionIds),
  label: z.string(),
  available: z.boolean(),
  reasons: z.array(z.string()),
  warnings: z.array(z.string()).default([]),
  conditions: z.array(conditionSchema).optional(),
  /** The date from which the option takes effect (switch moments: 1 January rule, KB-2025). */
  effectiveFrom: z.string().nullable().default(null),
  /** An exemption that may only end on 31 December (KB-2025): the first day it can end. */
  exemptionEarliestEnd: z.string().optional(),
  premium: z.object({
    base: z.number(),
    rate: z.number(),
    annual: z.number(),
    monthly: z.number(),
    netAnnual: z.number(),
    netMonthly: z.number(),
    privateAnnual: z.number(),
    publicAnnual: z.number(),
  }),
  benefit: z.object({
    base: z.number(),
    annualAtFullDisability: z.number(),
    annualForIllustration: z.number(),
    startsAfterDays: z.number().int(),
    startAge: z.number(),
    endAge: z.number(),
  }),
  illustration: illustrationSchema,
  projection: z.array(projectionYearSchema),
  totals: z.object({ premium: z.number(), netPremium: z.number() }),
  /** Present when the case records the household's need and the option holds cover. */
  incomePicture: incomePictureSchema.optional(),
})
export type OptionResult = z.infer<typeof optionResultSchema>

export const assumptionNoteSchema = z.object({
  id: z.string(),
  /** Plain Dutch: what was assumed and why. */
  text: z.string(),
  sources: z.array(sourceRefSchema).default([]),
  kind: z.enum(['override', 'uncertain-parameter', 'interpretation', 'projection', 'adviser-input']),
})
export type AssumptionNote = z.infer<typeof assumptionNoteSchema>

export const criterionComparisonSchema = z.object({
  /** When the Baz pays, in plain Dutch, for this bill version. */
  baz: z.string(),
  /** When each private policy of the case pays. */
  policies: z.array(z.object({ label: z.string(), criterion: z.enum(['beroeps', 'passende', 'gangbare']), text: z.string() })),
  sources: z.array(sourceRefSchema),
})
export type CriterionComparison = z.infer<typeof criterionComparisonSchema>

/** Vangnet's suggested option (contract advise-v1, Additions); the adviser confirms or deviates. */
export const suggestionSchema = z.object({
  optionId: z.enum(optionIds),
  reasons: z.array(z.string()),
  notChosen: z.array(z.object({ optionId: z.enum(optionIds), reason: z.string() })),
})
export type Suggestion = z.infer<typeof suggestionSchema>

export const adviceResultSchema = z.object({
  schemaVersion: z.literal(1),
  scenario: z.string(),
  scenarioLabel: z.string(),
  /** Hash of the parameter set used: stored with every advice version. */
  parameterHash: z.string(),
  /** The name of the parameter set: built in, or a published parameter pack (absent in older results). */
  parameterSet: z.string().optional(),
  calculationYear: z.number().int(),
  /** The scenario's planned first year; figures for an earlier year are "as if the law applied". */
  scenarioStartYear: z.number().int(),
  /** When an exemption (opt-out, transitional law) may start and end under this bill version. */
  switchRule: z.enum(['any-moment', 'first-of-january']),
  client: z.object({
    age: z.number().int(),
    aowDate: z.string(),
    aowAge: z.object({ years: z.number().int(), months: z.number().int(), projected: z.boolean() }),
    insured: z.boolean(),
    insuredReasons: z.array(z.string()),
  }),
  wml: z.object({ annual: z.number(), monthly: z.number(), projected: z.boolean(), cap: z.number() }),
  options: z.array(optionResultSchema),
  criterion: criterionComparisonSchema,
  assumptions: z.array(assumptionNoteSchema),
  explanations: z.record(z.string(), explanationSchema),
  /** null when no option is available to the client (outside the insured group, no quote). */
  suggestion: suggestionSchema.nullable().default(null),
})
export type AdviceResult = z.infer<typeof adviceResultSchema>
