/**
 * The options an adviser compares (domain brief §6–7): the Baz alone; the Baz with a private
 * top-up; a private opt-out; transitional law with the existing policy; keeping the existing
 * policy next to the Baz. Each gets the calculation year's premium and benefit, a projection per
 * year until the AOW age and the illustration of a disability at the chosen age and degree.
 */
import { centsToEuros, centsToMoney, eurosToCents, Money, toEuros, zero } from '../money'
import type { PrivatePolicy } from '../schema/case'
import type { Condition, OptionId, OptionResult } from '../schema/result'
import { addDays, ageOn, maxDate, yearOf } from './dates'
import { refs } from './explain'
import { components, illustrate } from './illustration'
import { incomePicture } from './income-picture'
import { optOutConditions, transitionalConditions, transitionalPeildatum } from './opt-out'
import { policyEndDate, type OptionPlan, type Shared } from './option-plan'
import { projectOption } from './projection'

const twelve = new Money(12)

/** An option that lacks its input: no figures, only why (and its conditions list, if any). */
function optionWithoutFigures(shared: Shared, plan: OptionPlan): OptionResult {
  const noMoney = { base: 0, rate: 0, annual: 0, monthly: 0, netAnnual: 0, netMonthly: 0, privateAnnual: 0, publicAnnual: 0 }
  return {
    id: plan.id,
    label: plan.label,
    available: false,
    reasons: plan.reasons,
    warnings: plan.warnings,
    ...(plan.conditions ? { conditions: plan.conditions } : {}),
    effectiveFrom: null,
    premium: noMoney,
    benefit: { base: 0, annualAtFullDisability: 0, annualForIllustration: 0, startsAfterDays: 0, startAge: 0, endAge: shared.aow.years + shared.aow.months / 12 },
    illustration: {
      disabledFrom: shared.disabledFrom,
      degree: shared.context.clientCase.disability.degree,
      annualBenefit: 0,
      monthlyBenefit: 0,
      publicAnnual: 0,
      privateAnnual: 0,
      benefitFrom: null,
      benefitUntil: null,
      gapDays: 0,
      gapMonths: 0,
      gapAmount: 0,
      broodfondsBridged: 0,
      remainingGap: 0,
      notes: [],
    },
    projection: [],
    totals: { premium: 0, netPremium: 0 },
  }
}

function buildOption(shared: Shared, plan: OptionPlan): OptionResult {
  if (plan.missingInput) return optionWithoutFigures(shared, plan)
  const { context, calculationYear } = shared
  const { say } = context.texts
  const birthDate = context.clientCase.client.birthDate
  const parts = components(shared, plan)
  const illustration = illustrate(shared, plan, parts)
  const stabiliteit = plan.stabiliteitsbijdrage ? context.stabiliteitsbijdrage : zero
  const { years: projection, totalCents, totalNetCents, first } = projectOption(shared, plan, parts)

  // Calculation-year figures (contract: premium.annual is the premium for calculationYear), from
  // the projection's whole cents; decimals only where a monthly amount is divided out.
  const { publicCents, privateCents, netCents } = first
  const annual = centsToMoney(publicCents + privateCents)
  const netAnnual = centsToMoney(netCents)
  const includesPublic = plan.includesBaz && shared.insured.insured
  context.trace.money(
    `option.${plan.id}.premium`,
    () => say('trace.optionPremium.label', { option: plan.label, year: calculationYear }),
    annual,
    () =>
      [
        includesPublic || publicCents > 0 ? say('trace.optionPremium.baz', { amount: centsToMoney(publicCents) }) : null,
        plan.policy ? say('trace.optionPremium.private', { amount: centsToMoney(privateCents).minus(stabiliteit) }) : null,
        stabiliteit.greaterThan(0) ? say('trace.optionPremium.stabiliteit', { amount: stabiliteit }) : null,
      ]
        .filter(Boolean)
        .join(' + ') + say('trace.optionPremium.total', { annual, monthly: annual.dividedBy(twelve), net: netAnnual }),
    refs(
      { source: 'MKB-2024', locator: 'Bekostiging van de verzekering' },
      stabiliteit.greaterThan(0) || plan.stabiliteitsbijdrage ? { source: 'MKB-2024', locator: 'Stabiliteitsbijdrage' } : undefined,
    ),
    [includesPublic || publicCents > 0 ? context.trace.explanations[`baz.premium.${calculationYear}`] : undefined],
  )
  context.trace.money(
    `option.${plan.id}.illustration`,
    () => say('trace.illustration.label', { option: plan.label, degree: context.clientCase.disability.degree, disabledFrom: illustration.disabledFrom, benefitFrom: illustration.benefitFrom }),
    illustration.annualBenefit,
    () => {
      if (!parts.length) return say('trace.illustration.none')
      const annual = new Money(illustration.annualBenefit)
      return (
        parts.map((part) => say('trace.illustration.part', { public: part.kind === 'baz', annual: part.annual, from: part.from, until: part.until })).join(' + ') +
        say('trace.illustration.total', { annual, monthly: annual.dividedBy(twelve) })
      )
    },
    refs(
      plan.includesBaz ? { source: 'MKB-2024', locator: 'De hoogte van de uitkering' } : undefined,
      plan.policy ? { source: 'RADI-2024', locator: 'vraag 12 (uitkeringsschaal AOV)' } : undefined,
    ),
    [plan.includesBaz && shared.insured.insured ? shared.illnessBenefit.explanation : undefined],
  )
  context.trace.money(
    `option.${plan.id}.gap`,
    () => say('trace.gap.label', { option: plan.label }),
    illustration.gapAmount,
    () =>
      say('trace.gap.expression', {
        year: yearOf(shared.disabledFrom),
        degree: context.clientCase.disability.degree,
        days: illustration.gapDays,
        months: illustration.gapMonths,
        gap: illustration.gapAmount,
        broodfonds: illustration.broodfondsBridged,
        remaining: illustration.remainingGap,
      }),
    refs(
      plan.includesBaz ? context.parameters.waitingDays.cite : undefined,
      { source: 'RADI-2024', locator: 'vraag 8 (eigen risicoperiode, broodfondsen)' },
    ),
  )

  const picture = optionIncomePicture(shared, plan, parts)
  const bazAtFull = includesPublic ? shared.contractBenefitAtFull : zero
  const privateAtFull = plan.policy ? new Money(plan.policy.insuredAmount) : zero
  const startsAfterDays = Math.min(
    ...(includesPublic ? [context.parameters.waitingDays.value] : []),
    ...(plan.policy ? [plan.policy.waitingDays] : []),
    Number.POSITIVE_INFINITY,
  )
  const endAgeYears = plan.policy && plan.policy.endAge !== 'aow' && !includesPublic ? plan.policy.endAge : shared.aow.years + shared.aow.months / 12
  return {
    id: plan.id,
    label: plan.label,
    available: plan.available,
    reasons: plan.reasons,
    warnings: plan.warnings,
    ...(plan.conditions ? { conditions: plan.conditions } : {}),
    effectiveFrom: plan.effectiveFrom,
    ...(plan.exemptionEarliestEnd ? { exemptionEarliestEnd: plan.exemptionEarliestEnd } : {}),
    premium: {
      base: includesPublic ? toEuros(shared.calcYearPremium.base) : 0,
      rate: includesPublic ? context.premiumRate.toNumber() : 0,
      annual: centsToEuros(publicCents + privateCents),
      monthly: toEuros(annual.dividedBy(twelve)),
      netAnnual: centsToEuros(netCents),
      netMonthly: toEuros(netAnnual.dividedBy(twelve)),
      privateAnnual: centsToEuros(privateCents),
      publicAnnual: centsToEuros(publicCents),
    },
    benefit: {
      base: includesPublic ? toEuros(shared.contractBase.base) : toEuros(privateAtFull),
      annualAtFullDisability: toEuros(bazAtFull.plus(privateAtFull)),
      annualForIllustration: illustration.annualBenefit,
      startsAfterDays: Number.isFinite(startsAfterDays) ? startsAfterDays : 0,
      startAge: illustration.benefitFrom ? ageOn(birthDate, illustration.benefitFrom) : 0,
      endAge: Math.round(endAgeYears * 100) / 100,
    },
    illustration,
    projection,
    totals: { premium: centsToEuros(totalCents), netPremium: centsToEuros(totalNetCents) },
    ...(picture ? { incomePicture: picture } : {}),
  }
}

/**
 * The household's income picture for an option that holds cover (the Baz for an insured client,
 * or a private policy), when the case records the household's need.
 */
function optionIncomePicture(shared: Shared, plan: OptionPlan, parts: ReturnType<typeof components>) {
  const { context, disabledFrom, aow } = shared
  const { household, profile, assumptions, disability } = context.clientCase
  const includesPublic = plan.includesBaz && shared.insured.insured
  if (!household || (!includesPublic && !plan.policy)) return undefined
  const waitingPeriods = [...(includesPublic ? [context.parameters.waitingDays.value] : []), ...(plan.policy ? [plan.policy.waitingDays] : [])]
  const policyEnd = plan.policy ? policyEndDate(shared, plan.policy) : null
  return incomePicture(
    {
      id: `option.${plan.id}`,
      label: plan.label,
      language: context.texts.language,
      disabledFrom,
      aowDate: aow.date,
      waitingEnd: addDays(disabledFrom, Math.min(...waitingPeriods)),
      parts,
      policyEnds: policyEnd !== null && policyEnd < aow.date ? policyEnd : null,
      needCents: eurosToCents(household.netMonthlyNeed),
      partnerCents: eurosToCents(household.partnerNetMonthly),
      otherCents: eurosToCents(household.otherNetMonthly),
      earningsAnnual: new Money(disability.earnings),
      taxRate: assumptions.benefitTaxRate === null ? null : new Money(assumptions.benefitTaxRate),
      broodfondsMonthlyCents: eurosToCents(assumptions.broodfondsMonthly),
      broodfondsMonths: assumptions.broodfondsMonths,
      bufferCents: eurosToCents(profile?.financialBuffer ?? 0),
      benefitExplanation: context.trace.explanations[`option.${plan.id}.illustration`],
    },
    context.trace,
  )
}

/**
 * When an exemption (opt-out, transitional law) takes effect under the bill's switch rule, from
 * the policy's start date, and the first day it could end again (KB-2025: "alleen op 1 januari
 * starten en op 31 december eindigen"; under the earlier versions any day).
 */
function exemptionStart(shared: Shared, policy: PrivatePolicy): { date: string; note: string | null; earliestEnd: string | null } {
  const { context, calculationYear } = shared
  const { say } = context.texts
  const yearStart = `${calculationYear}-01-01`
  if (context.parameters.switchRule.value === 'first-of-january') {
    const date = policy.startDate <= yearStart ? yearStart : `${yearOf(policy.startDate) + (policy.startDate.endsWith('-01-01') ? 0 : 1)}-01-01`
    const earliestEnd = `${yearOf(date)}-12-31`
    const startNote = date === yearStart ? '' : `${say('option.exemptionFromJanuary', { date })} `
    return {
      date,
      earliestEnd,
      note: `${startNote}${say('option.switchBack', { end: earliestEnd, bazFrom: `${yearOf(date) + 1}-01-01` })}`,
    }
  }
  return { date: maxDate(yearStart, policy.startDate), note: null, earliestEnd: null }
}

function notInsuredReasons(shared: Shared, what: 'option.notApplicable.topUp' | 'option.notApplicable.optOut' | 'option.notApplicable.transitional' | 'option.notApplicable.keepBoth'): string[] {
  return [shared.context.texts.say(what), ...shared.insured.reasons]
}

export function compareOptions(shared: Shared): OptionResult[] {
  const { context } = shared
  const { say } = context.texts
  const { existingPolicy, privateQuote, topUpQuote } = context.clientCase
  const insured = shared.insured.insured
  const stabiliteitsbijdrage = context.stabiliteitsbijdrage
  // The opt-out compares yearly premiums: the Baz premium of a whole calculation year.
  const bazPremium = shared.calcYearPremium.fullYearPremium
  const plans: OptionPlan[] = []

  plans.push({
    id: 'baz',
    label: say('option.baz'),
    includesBaz: true,
    policy: null,
    stabiliteitsbijdrage: false,
    available: insured,
    reasons: insured ? [] : shared.insured.reasons,
    warnings: [],
    effectiveFrom: insured ? `${shared.calculationYear}-01-01` : null,
  })

  plans.push({
    id: 'baz-top-up',
    label: say('option.bazTopUp'),
    includesBaz: true,
    policy: topUpQuote,
    stabiliteitsbijdrage: false,
    available: insured && topUpQuote !== null,
    reasons: !insured ? notInsuredReasons(shared, 'option.notApplicable.topUp') : topUpQuote ? [] : [say('option.noTopUpQuote')],
    warnings: [],
    effectiveFrom: insured && topUpQuote ? `${shared.calculationYear}-01-01` : null,
    missingInput: topUpQuote === null || !insured,
  })

  const optOutPolicy = privateQuote ?? existingPolicy
  const conditionInputs = (policy: PrivatePolicy) => ({
    policy,
    aow: shared.aow,
    bazAnnualAtFull: shared.contractBenefitAtFull,
    bazPremium,
    privatePremiumTotal: new Money(policy.annualPremium).plus(stabiliteitsbijdrage),
  })
  // Without a quote the opt-out tests the existing policy: transitional law reuses that test.
  let existingPolicyTest: Condition[] | undefined
  if (optOutPolicy) {
    const conditions = optOutConditions(context, conditionInputs(optOutPolicy))
    if (optOutPolicy === existingPolicy) existingPolicyTest = conditions
    const failed = conditions.filter((condition) => !condition.passed)
    const start = exemptionStart(shared, optOutPolicy)
    plans.push({
      id: 'opt-out',
      // Outside the insured group there is nothing to opt out of: the policy stands on its own.
      label: insured ? (privateQuote ? say('option.optOutQuote') : say('option.optOutExisting')) : privateQuote ? say('option.privateQuote') : say('option.privateExisting'),
      includesBaz: false,
      policy: optOutPolicy,
      stabiliteitsbijdrage: true,
      available: insured && failed.length === 0,
      reasons: !insured
        ? notInsuredReasons(shared, 'option.notApplicable.optOut')
        : failed.map((condition) => say('option.failedOptOut', { condition: condition.explanation })),
      warnings: start.note && insured && failed.length === 0 ? [start.note] : [],
      conditions,
      effectiveFrom: insured && failed.length === 0 ? start.date : null,
      exemptionEarliestEnd: insured && failed.length === 0 ? start.earliestEnd : null,
    })
  } else {
    plans.push({
      id: 'opt-out',
      label: say('option.optOut'),
      includesBaz: false,
      policy: null,
      stabiliteitsbijdrage: true,
      available: false,
      reasons: !insured ? notInsuredReasons(shared, 'option.notApplicable.optOut') : [say('option.noPrivatePolicy')],
      warnings: [],
      conditions: [],
      effectiveFrom: null,
      missingInput: true,
    })
  }

  if (existingPolicy) {
    const conditions = transitionalConditions(context, conditionInputs(existingPolicy), existingPolicyTest)
    const failed = conditions.filter((condition) => !condition.passed)
    const peildatum = transitionalPeildatum(context)
    const transitionalStart = exemptionStart(shared, existingPolicy)
    plans.push({
      id: 'transitional',
      label: say('option.transitional'),
      includesBaz: false,
      policy: existingPolicy,
      stabiliteitsbijdrage: true,
      available: insured && failed.length === 0,
      reasons: !insured
        ? notInsuredReasons(shared, 'option.notApplicable.transitional')
        : failed.map((condition) => say('option.failedTransitional', { condition: condition.explanation })),
      warnings: [
        ...(peildatum.assumed ? [say('option.peildatumAssumed', { date: peildatum.date })] : []),
        ...(transitionalStart.note && insured && failed.length === 0 ? [transitionalStart.note] : []),
      ],
      conditions,
      // As if the law applied in the calculation year, like every other option (contract advise-v1).
      effectiveFrom: insured && failed.length === 0 ? transitionalStart.date : null,
      exemptionEarliestEnd: insured && failed.length === 0 ? transitionalStart.earliestEnd : null,
    })
    const incomeForCheck = shared.contractBase.uncapped
    const combinedAtFull = shared.contractBenefitAtFull.plus(existingPolicy.insuredAmount)
    const limit = context.parameters.overInsuranceLimit.value
    const overInsured = incomeForCheck.greaterThan(0) ? combinedAtFull.greaterThan(incomeForCheck.times(limit)) : combinedAtFull.greaterThan(0)
    plans.push({
      id: 'keep-both',
      label: say('option.keepBoth'),
      includesBaz: true,
      policy: existingPolicy,
      stabiliteitsbijdrage: false,
      available: insured,
      reasons: insured ? [] : notInsuredReasons(shared, 'option.notApplicable.keepBoth'),
      warnings: [
        say('option.doublePremium'),
        ...(overInsured
          ? [
              say('option.overInsured', { baz: shared.contractBenefitAtFull, policy: new Money(existingPolicy.insuredAmount), combined: combinedAtFull, limit, income: incomeForCheck }),
            ]
          : []),
      ],
      effectiveFrom: insured ? `${shared.calculationYear}-01-01` : null,
    })
  } else {
    const none = [say('option.noExistingPolicy')]
    const empty = (id: OptionId, label: string, includesBaz: boolean): OptionPlan => ({
      id,
      label,
      includesBaz,
      policy: null,
      stabiliteitsbijdrage: false,
      available: false,
      reasons: none,
      warnings: [],
      ...(id === 'transitional' ? { conditions: [] } : {}),
      effectiveFrom: null,
      missingInput: true,
    })
    plans.push(empty('transitional', say('option.transitional'), false), empty('keep-both', say('option.keepBoth'), true))
  }

  return plans.map((plan) => buildOption(shared, plan))
}

