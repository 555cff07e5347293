/**
 * The intake as the adviser types it: the shape of a client case, but every number is the text in
 * its field ("42.000", "5,4"), so nothing typed is ever lost or rewritten while typing. `toCaseInput`
 * turns it into the input of the shared schema (clientCaseSchema) and `validateDraft` returns the
 * case or the problems, keyed by the same paths the form uses ("income[0].profit").
 */
import { defaultScenarioId, parseClientCase, type ClientCase, type ClientRole, type OptOutConditionId, type PolicyAcceptance, type ServiceType, type PrivatePolicy } from '../schema/case'
import type { FieldProblem } from '../schema/messages'
import { amountText, parseDutchNumber, parsePercent, percentText } from './numbers'
import { todayIso } from './dates'

export interface PolicyDraft {
  insurer: string
  insuredAmount: string
  waitingDays: string
  /** "aow" or an age. */
  endAge: string
  disabilityThresholdPercent: string
  criterion: 'beroeps' | 'passende' | 'gangbare'
  medicalExclusions: boolean
  annualPremium: string
  premiumType: 'level' | 'rising'
  premiumIndexation: string
  taxDeductible: boolean
  startDate: string
  /** Product details for the product sheet; empty = not recorded. */
  product: string
  offerDate: string
  validUntil: string
  acceptance: PolicyAcceptance | ''
  /** Yearly indexation of the benefit, percent; empty = not recorded. */
  benefitIndexation: string
}

export interface IncomeDraft {
  year: string
  profit: string
  wiaWage: string
}

export interface IntakeDraft {
  draftVersion: 1
  scenario: string
  calculationYear: string
  client: { name: string; birthDate: string; role: ClientRole | ''; conscientiousObjector: boolean; occupation: string; weeklyHours: string }
  /** The household's net budget; an empty need means "not recorded". */
  household: { netMonthlyNeed: string; partnerNetMonthly: string; otherNetMonthly: string }
  income: IncomeDraft[]
  existingPolicy: PolicyDraft | null
  privateQuote: PolicyDraft | null
  /** A quote for a private AOV on top of the Baz (the "Baz + aanvulling" option). */
  topUpQuote: PolicyDraft | null
  assumptions: {
    /** Empty: the bill version's own rate. */
    premiumRate: string
    wmlIndexation: string
    profitGrowth: string
    marginalTaxRate: string
    stabiliteitsbijdrage: string
    broodfondsMember: boolean
    broodfondsMonthly: string
    broodfondsMonths: string
    /** Tax rate on benefits, percent; empty = not given (no default). */
    benefitTaxRate: string
    /** Transitional law: the peildatum the adviser assumes (ISO, or as typed); empty = the bill version's. */
    transitionalPeildatum: string
    /** The opt-out conditions the adviser assumes transitional law relaxes (RADI-2024 q17: not fixed). */
    transitionalRelaxed: OptOutConditionId[]
    /**
     * The adviser's choices for uncertain parameters (from a case file or an import): not typed on
     * a screen, carried so that a case opened in the app keeps them.
     */
    parameterOverrides: NonNullable<ClientCase['assumptions']['parameterOverrides']> | null
  }
  /** The illustration: age and degree of disability, and yearly earnings next to the benefit. */
  disability: { age: string; degree: string; earnings: string }
  profile: { goals: string; financialBuffer: string; riskAppetite: 'laag' | 'gemiddeld' | 'hoog'; knowledgeAndExperience: string }
  /** The adviser's own notes: never shown in presentation mode, never in the report. */
  adviserNotes: string
  /**
   * The advice being written on the Advies tab (chosen option and motivation), kept with the rest
   * of the dossier as typed so it survives a tab switch, a lock and a restart. Saving the advice
   * makes an immutable version of it; this stays the text being worked on.
   */
  advice: AdviceDraft
}

export interface AdviceDraft {
  /** An option id, or '' when none is chosen yet. */
  chosenOption: string
  motivation: string
  /** Why the choice differs from Vangnet's suggestion (the dossier's deviation statement). */
  deviationReason: string
  /** Advies, bemiddeling or execution-only; empty = not recorded. */
  serviceType: ServiceType | ''
  /** The fee: amount as typed (empty = not recorded), VAT status and basis. */
  feeAmount: string
  feeVat: 'vrijgesteld' | 'inclusief' | 'exclusief'
  feeBasis: 'vast' | 'uur'
  /** Execution-only: the knowledge-and-experience check (Wft art. 4:24a); null = not recorded. */
  executionOnlyCheck: { passed: boolean; notes: string } | null
}

export function emptyPolicy(): PolicyDraft {
  return {
    insurer: '',
    insuredAmount: '',
    waitingDays: '30',
    endAge: 'aow',
    disabilityThresholdPercent: '25',
    criterion: 'beroeps',
    medicalExclusions: false,
    annualPremium: '',
    premiumType: 'level',
    premiumIndexation: '0',
    taxDeductible: true,
    startDate: '',
    product: '',
    offerDate: '',
    validUntil: '',
    acceptance: '',
    benefitIndexation: '',
  }
}

/**
 * The income years a calculation year needs: the three calendar years before it (the benefit is
 * based on the profit of the years before the year of disability; the starting case shows 2027–2029
 * for 2030).
 */
export function incomeYearsFor(calculationYear: number): number[] {
  return [3, 2, 1].map((back) => calculationYear - back)
}

export function newDraft(name: string, birthDate: string, today: Date = new Date()): IntakeDraft {
  const calculationYear = Math.max(2030, today.getFullYear())
  return {
    draftVersion: 1,
    scenario: defaultScenarioId,
    calculationYear: String(calculationYear),
    client: { name, birthDate, role: 'ib-ondernemer', conscientiousObjector: false, occupation: '', weeklyHours: '' },
    household: { netMonthlyNeed: '', partnerNetMonthly: '0', otherNetMonthly: '0' },
    income: incomeYearsFor(calculationYear).map((year) => ({ year: String(year), profit: '', wiaWage: '0' })),
    existingPolicy: null,
    privateQuote: null,
    topUpQuote: null,
    assumptions: {
      premiumRate: '',
      wmlIndexation: '2',
      profitGrowth: '0',
      marginalTaxRate: '37',
      stabiliteitsbijdrage: '0',
      broodfondsMember: false,
      broodfondsMonthly: '0',
      broodfondsMonths: '24',
      benefitTaxRate: '',
      transitionalPeildatum: '',
      transitionalRelaxed: [],
      parameterOverrides: null,
    },
    disability: { age: '', degree: '100', earnings: '0' },
    profile: { goals: '', financialBuffer: '0', riskAppetite: 'gemiddeld', knowledgeAndExperience: '' },
    adviserNotes: '',
    advice: emptyAdvice(),
  }
}

function emptyAdvice(): AdviceDraft {
  return { chosenOption: '', motivation: '', deviationReason: '', serviceType: '', feeAmount: '', feeVat: 'vrijgesteld', feeBasis: 'vast', executionOnlyCheck: null }
}

/** Fill a saved draft up to the current shape (older or partial drafts never break the form). */
export function normaliseDraft(saved: unknown, fallbackName = '', fallbackBirthDate = ''): IntakeDraft {
  const base = newDraft(fallbackName, fallbackBirthDate)
  if (!saved || typeof saved !== 'object') return base
  const s = saved as Partial<IntakeDraft>
  const policy = (p: unknown): PolicyDraft | null => (p && typeof p === 'object' ? { ...emptyPolicy(), ...(p as Partial<PolicyDraft>) } : null)
  return {
    ...base,
    ...s,
    draftVersion: 1,
    client: { ...base.client, ...(s.client ?? {}) },
    household: { ...base.household, ...(s.household ?? {}) },
    income: Array.isArray(s.income) && s.income.length > 0 ? s.income.map((row) => ({ ...{ year: '', profit: '', wiaWage: '0' }, ...row })) : base.income,
    existingPolicy: policy(s.existingPolicy),
    privateQuote: policy(s.privateQuote),
    topUpQuote: policy(s.topUpQuote),
    assumptions: assumptionsDraft(base.assumptions, s.assumptions),
    disability: { ...base.disability, ...(s.disability ?? {}) },
    profile: { ...base.profile, ...(s.profile ?? {}) },
    adviserNotes: typeof s.adviserNotes === 'string' ? s.adviserNotes : '',
    advice: adviceDraft(s.advice),
  }
}

function assumptionsDraft(base: IntakeDraft['assumptions'], saved: unknown): IntakeDraft['assumptions'] {
  const s = (saved && typeof saved === 'object' ? saved : {}) as Partial<IntakeDraft['assumptions']>
  return {
    ...base,
    ...s,
    transitionalRelaxed: Array.isArray(s.transitionalRelaxed) ? s.transitionalRelaxed.filter((id) => typeof id === 'string') : [],
    parameterOverrides: s.parameterOverrides && typeof s.parameterOverrides === 'object' ? s.parameterOverrides : null,
  }
}

function adviceDraft(saved: unknown): AdviceDraft {
  const s = (saved && typeof saved === 'object' ? saved : {}) as Partial<Record<keyof AdviceDraft, unknown>>
  const text = (value: unknown) => (typeof value === 'string' ? value : '')
  const base = emptyAdvice()
  const check = s.executionOnlyCheck as { passed?: unknown; notes?: unknown } | null | undefined
  return {
    chosenOption: text(s.chosenOption),
    motivation: text(s.motivation),
    deviationReason: text(s.deviationReason),
    serviceType: text(s.serviceType) as AdviceDraft['serviceType'],
    feeAmount: text(s.feeAmount),
    feeVat: (text(s.feeVat) || base.feeVat) as AdviceDraft['feeVat'],
    feeBasis: (text(s.feeBasis) || base.feeBasis) as AdviceDraft['feeBasis'],
    executionOnlyCheck: check && typeof check === 'object' ? { passed: check.passed === true, notes: text(check.notes) } : null,
  }
}

function int(text: string): number | string | undefined {
  return parseDutchNumber(text)
}

function policyInput(p: PolicyDraft | null) {
  if (!p) return null
  return {
    ...(p.insurer.trim() ? { insurer: p.insurer.trim() } : {}),
    insuredAmount: parseDutchNumber(p.insuredAmount),
    waitingDays: int(p.waitingDays),
    endAge: p.endAge.trim().toLowerCase() === 'aow' ? 'aow' : int(p.endAge),
    disabilityThresholdPercent: parseDutchNumber(p.disabilityThresholdPercent),
    criterion: p.criterion,
    medicalExclusions: p.medicalExclusions,
    annualPremium: parseDutchNumber(p.annualPremium),
    premiumType: p.premiumType,
    premiumIndexation: parsePercent(p.premiumIndexation),
    taxDeductible: p.taxDeductible,
    startDate: p.startDate,
    ...(p.product.trim() ? { product: p.product.trim() } : {}),
    ...(p.offerDate.trim() ? { offerDate: p.offerDate.trim() } : {}),
    ...(p.validUntil.trim() ? { validUntil: p.validUntil.trim() } : {}),
    ...(p.acceptance ? { acceptance: p.acceptance } : {}),
    ...(p.benefitIndexation.trim() ? { benefitIndexation: parsePercent(p.benefitIndexation) } : {}),
  }
}

/** The advice record of the case: the deviation reason, service type and fee, when recorded. */
function adviceInput(advice: AdviceDraft): Record<string, unknown> | null {
  const out: Record<string, unknown> = {
    ...(advice.deviationReason.trim() ? { deviationReason: advice.deviationReason.trim() } : {}),
    ...(advice.serviceType ? { serviceType: advice.serviceType } : {}),
    ...(advice.feeAmount.trim() ? { fee: { amount: parseDutchNumber(advice.feeAmount), vat: advice.feeVat, basis: advice.feeBasis } } : {}),
    ...(advice.serviceType === 'execution-only' && advice.executionOnlyCheck ? { executionOnlyCheck: advice.executionOnlyCheck } : {}),
  }
  return Object.keys(out).length > 0 ? out : null
}

/** The draft as input for clientCaseSchema. Unparseable text is passed on for a clear message. */
export function toCaseInput(draft: IntakeDraft): Record<string, unknown> {
  const a = draft.assumptions
  const birthYear = Number(draft.client.birthDate.slice(0, 4))
  const disabilityAge = draft.disability.age.trim() === '' && birthYear > 0 ? Math.min(75, Math.max(18, Number(draft.calculationYear) - birthYear)) : int(draft.disability.age)
  return {
    schemaVersion: 1,
    scenario: draft.scenario,
    calculationYear: int(draft.calculationYear),
    client: {
      name: draft.client.name,
      birthDate: draft.client.birthDate,
      role: draft.client.role === '' ? undefined : draft.client.role,
      conscientiousObjector: draft.client.conscientiousObjector,
      ...(draft.client.occupation.trim() ? { occupation: draft.client.occupation.trim() } : {}),
      ...(draft.client.weeklyHours.trim() ? { weeklyHours: parseDutchNumber(draft.client.weeklyHours) } : {}),
    },
    ...(draft.household.netMonthlyNeed.trim()
      ? {
          household: {
            netMonthlyNeed: parseDutchNumber(draft.household.netMonthlyNeed),
            partnerNetMonthly: parseDutchNumber(draft.household.partnerNetMonthly) ?? 0,
            otherNetMonthly: parseDutchNumber(draft.household.otherNetMonthly) ?? 0,
          },
        }
      : {}),
    ...(adviceInput(draft.advice) ? { advice: adviceInput(draft.advice) } : {}),
    income: draft.income.map((row) => ({ year: int(row.year), profit: parseDutchNumber(row.profit), wiaWage: parseDutchNumber(row.wiaWage) ?? 0 })),
    existingPolicy: policyInput(draft.existingPolicy),
    privateQuote: policyInput(draft.privateQuote),
    topUpQuote: policyInput(draft.topUpQuote),
    assumptions: {
      premiumRate: a.premiumRate.trim() === '' ? null : parsePercent(a.premiumRate),
      wmlIndexation: parsePercent(a.wmlIndexation) ?? 0,
      profitGrowth: parsePercent(a.profitGrowth) ?? 0,
      marginalTaxRate: parsePercent(a.marginalTaxRate),
      stabiliteitsbijdrage: parseDutchNumber(a.stabiliteitsbijdrage) ?? 0,
      broodfondsMonthly: a.broodfondsMember ? parseDutchNumber(a.broodfondsMonthly) ?? 0 : 0,
      broodfondsMonths: a.broodfondsMember ? int(a.broodfondsMonths) ?? 0 : 0,
      benefitTaxRate: a.benefitTaxRate.trim() === '' ? null : parsePercent(a.benefitTaxRate),
      transitionalPeildatum: a.transitionalPeildatum.trim() === '' ? null : a.transitionalPeildatum.trim(),
      transitionalRelaxed: a.transitionalRelaxed,
      ...(a.parameterOverrides ? { parameterOverrides: a.parameterOverrides } : {}),
    },
    disability: { age: disabilityAge, degree: parsePercent(draft.disability.degree), earnings: parseDutchNumber(draft.disability.earnings) ?? 0 },
    profile: {
      goals: draft.profile.goals,
      financialBuffer: parseDutchNumber(draft.profile.financialBuffer) ?? 0,
      riskAppetite: draft.profile.riskAppetite,
      knowledgeAndExperience: draft.profile.knowledgeAndExperience,
    },
  }
}

export type DraftValidation = { ok: true; value: ClientCase; problems: [] } | { ok: false; problems: FieldProblem[] }

export function validateDraft(draft: IntakeDraft, today: string = todayIso()): DraftValidation {
  const result = parseClientCase(toCaseInput(draft))
  // A birth date in the future is a typing error (the schema only checks that it is a date).
  const future = /^\d{4}-\d{2}-\d{2}$/.test(draft.client.birthDate) && draft.client.birthDate > today
  const futureProblem: FieldProblem[] = future ? [{ path: 'client.birthDate', message: futureDateMessage }] : []
  if (result.ok && !future) return { ok: true, value: result.value, problems: [] }
  return { ok: false, problems: [...futureProblem, ...(result.ok ? [] : result.problems.map(onScreen))] }
}

export const futureDateMessage = 'mag niet in de toekomst liggen'

/** The schema's wording where the screen asks for something else (dates are typed dd-mm-jjjj). */
function onScreen(problem: FieldProblem): FieldProblem {
  if (problem.message === 'moet een datum zijn als JJJJ-MM-DD') return { ...problem, message: 'moet een datum zijn als dd-mm-jjjj (dag-maand-jaar)' }
  return problem
}

/** Problems by field path, first message per field: what the form shows next to each input. */
export function problemsByPath(problems: FieldProblem[]): Record<string, string> {
  const out: Record<string, string> = {}
  for (const problem of problems) out[problem.path] ??= problem.message
  return out
}

/** A saved case back into a draft (e.g. to start again from an earlier advice version). */
/** A stored policy or quote as the intake's fields show it (the one conversion; import and services use it too). */
export function policyDraft(p: PrivatePolicy): PolicyDraft {
  return {
    insurer: p.insurer ?? '',
    insuredAmount: amountText(p.insuredAmount),
    waitingDays: String(p.waitingDays),
    endAge: String(p.endAge),
    disabilityThresholdPercent: String(p.disabilityThresholdPercent).replace('.', ','),
    criterion: p.criterion,
    medicalExclusions: p.medicalExclusions,
    annualPremium: amountText(p.annualPremium),
    premiumType: p.premiumType,
    premiumIndexation: percentText(p.premiumIndexation),
    taxDeductible: p.taxDeductible,
    startDate: p.startDate,
    product: p.product ?? '',
    offerDate: p.offerDate ?? '',
    validUntil: p.validUntil ?? '',
    acceptance: p.acceptance ?? '',
    benefitIndexation: p.benefitIndexation === undefined ? '' : percentText(p.benefitIndexation),
  }
}

export function draftFromCase(value: ClientCase): IntakeDraft {
  const policy = (p: ClientCase['existingPolicy']): PolicyDraft | null => (p ? policyDraft(p) : null)
  const a = value.assumptions
  return {
    draftVersion: 1,
    scenario: value.scenario,
    calculationYear: String(value.calculationYear),
    client: {
      name: value.client.name,
      birthDate: value.client.birthDate,
      role: value.client.role,
      conscientiousObjector: value.client.conscientiousObjector,
      occupation: value.client.occupation ?? '',
      weeklyHours: value.client.weeklyHours === undefined ? '' : String(value.client.weeklyHours).replace('.', ','),
    },
    household: value.household
      ? { netMonthlyNeed: amountText(value.household.netMonthlyNeed), partnerNetMonthly: amountText(value.household.partnerNetMonthly), otherNetMonthly: amountText(value.household.otherNetMonthly) }
      : { netMonthlyNeed: '', partnerNetMonthly: '0', otherNetMonthly: '0' },
    income: value.income.map((row) => ({ year: String(row.year), profit: amountText(row.profit), wiaWage: amountText(row.wiaWage) })),
    existingPolicy: policy(value.existingPolicy),
    privateQuote: policy(value.privateQuote),
    topUpQuote: policy(value.topUpQuote),
    assumptions: {
      premiumRate: a.premiumRate === null ? '' : percentText(a.premiumRate),
      wmlIndexation: percentText(a.wmlIndexation),
      profitGrowth: percentText(a.profitGrowth),
      marginalTaxRate: percentText(a.marginalTaxRate),
      stabiliteitsbijdrage: amountText(a.stabiliteitsbijdrage),
      broodfondsMember: a.broodfondsMonthly > 0,
      broodfondsMonthly: amountText(a.broodfondsMonthly),
      broodfondsMonths: String(a.broodfondsMonths),
      benefitTaxRate: a.benefitTaxRate === null ? '' : percentText(a.benefitTaxRate),
      transitionalPeildatum: a.transitionalPeildatum ?? '',
      transitionalRelaxed: [...a.transitionalRelaxed],
      parameterOverrides: a.parameterOverrides ? { ...a.parameterOverrides } : null,
    },
    disability: { age: String(value.disability.age), degree: percentText(value.disability.degree), earnings: amountText(value.disability.earnings) },
    profile: {
      goals: value.profile?.goals ?? '',
      financialBuffer: amountText(value.profile?.financialBuffer ?? 0),
      riskAppetite: value.profile?.riskAppetite ?? 'gemiddeld',
      knowledgeAndExperience: value.profile?.knowledgeAndExperience ?? '',
    },
    adviserNotes: '',
    advice: {
      chosenOption: value.advice?.choice ?? '',
      motivation: value.advice?.motivation ?? '',
      deviationReason: value.advice?.deviationReason ?? '',
      serviceType: value.advice?.serviceType ?? '',
      feeAmount: value.advice?.fee ? amountText(value.advice.fee.amount) : '',
      feeVat: value.advice?.fee?.vat ?? 'vrijgesteld',
      feeBasis: value.advice?.fee?.basis ?? 'vast',
      executionOnlyCheck: value.advice?.executionOnlyCheck ? { ...value.advice.executionOnlyCheck } : null,
    },
  }
}
