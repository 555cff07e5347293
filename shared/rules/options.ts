/**
 * The options an adviser compares (domain brief §6–7): the Baz alone; the Baz with a private
 * top-up; a private opt-out; transitional law with the existing policy; keeping the existing
 * policy next to the Baz. Each gets the calculation year's premium and benefit, a projection per
 * year until the AOW age and the illustration of a disability at the chosen age and degree.
 */
import { formatDate, formatNumber } from '../format'
import { centsToEuros, Money, toEuros, zero } from '../money'
import type { PrivatePolicy } from '../schema/case'
import type { OptionId, OptionResult } from '../schema/result'
import { ageOn, maxDate, yearOf } from './dates'
import { euro, percent, refs } from './explain'
import { components, illustrate } from './illustration'
import { optOutConditions, transitionalConditions, transitionalPeildatum } from './opt-out'
import type { OptionPlan, Shared } from './option-plan'
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
  const birthDate = context.clientCase.client.birthDate
  const parts = components(shared, plan)
  const illustration = illustrate(shared, plan, parts)
  const stabiliteit = plan.stabiliteitsbijdrage ? context.stabiliteitsbijdrage : zero
  const { years: projection, totalCents, totalNetCents } = projectOption(shared, plan, parts)

  // Calculation-year figures (contract: premium.annual is the premium for calculationYear).
  const first = projection[0]
  const publicAnnual = first ? new Money(first.publicPremium) : zero
  const privateAnnual = first ? new Money(first.privatePremium) : zero
  const annual = publicAnnual.plus(privateAnnual)
  const netAnnual = first ? new Money(first.netPremium) : zero
  const includesPublic = plan.includesBaz && shared.insured.insured
  context.trace.money(
    `option.${plan.id}.premium`,
    `${plan.label}: premie ${calculationYear}`,
    annual,
    () =>
      [
        includesPublic || publicAnnual.greaterThan(0) ? `Baz-premie ${euro(publicAnnual)}` : null,
        plan.policy ? `private premie ${euro(privateAnnual.minus(stabiliteit))}` : null,
        stabiliteit.greaterThan(0) ? `stabiliteitsbijdrage ${euro(stabiliteit)} (invoer adviseur)` : null,
      ]
        .filter(Boolean)
        .join(' + ') + ` = ${euro(annual)} per jaar, ${euro(annual.dividedBy(twelve))} per maand; netto na belasting ${euro(netAnnual)}`,
    refs(
      { source: 'MKB-2024', locator: 'Bekostiging van de verzekering' },
      stabiliteit.greaterThan(0) || plan.stabiliteitsbijdrage ? { source: 'MKB-2024', locator: 'Stabiliteitsbijdrage' } : undefined,
    ),
    [includesPublic || publicAnnual.greaterThan(0) ? context.trace.explanations[`baz.premium.${calculationYear}`] : undefined],
  )
  const illustrationAnnual = new Money(illustration.annualBenefit)
  context.trace.money(
    `option.${plan.id}.illustration`,
    `${plan.label}: uitkering bij ${percent(context.clientCase.disability.degree)} arbeidsongeschiktheid (eerste ziektedag ${formatDate(illustration.disabledFrom)}${illustration.benefitFrom ? `, uitkering vanaf ${formatDate(illustration.benefitFrom)}` : ''})`,
    illustrationAnnual,
    () =>
      parts.length
        ? parts
            .map((part) => `${part.kind === 'baz' ? 'Baz' : 'private AOV'} ${euro(part.annual)} per jaar van ${formatDate(part.from)} tot ${formatDate(part.until)}`)
            .join(' + ') + ` = ${euro(illustrationAnnual)} per jaar (${euro(illustrationAnnual.dividedBy(twelve))} per maand)`
        : `geen uitkering = ${euro(zero)}`,
    refs(
      plan.includesBaz ? { source: 'MKB-2024', locator: 'De hoogte van de uitkering' } : undefined,
      plan.policy ? { source: 'RADI-2024', locator: 'vraag 12 (uitkeringsschaal AOV)' } : undefined,
    ),
    [plan.includesBaz && shared.insured.insured ? shared.illnessBenefit.explanation : undefined],
  )
  context.trace.money(
    `option.${plan.id}.gap`,
    `${plan.label}: inkomensgat tijdens de wachttijd`,
    new Money(illustration.gapAmount),
    () =>
      `verwachte winst ${yearOf(shared.disabledFrom)} × ${percent(context.clientCase.disability.degree)} × ${illustration.gapDays}/365 (${illustration.gapDays} dagen zonder uitkering, ${formatNumber(illustration.gapMonths, 1)} maanden) = ${euro(new Money(illustration.gapAmount))}; broodfonds ${euro(new Money(illustration.broodfondsBridged))}; resterend ${euro(new Money(illustration.remainingGap))}`,
    refs(
      plan.includesBaz ? context.parameters.waitingDays.cite : undefined,
      { source: 'RADI-2024', locator: 'vraag 8 (eigen risicoperiode, broodfondsen)' },
    ),
  )

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
      annual: toEuros(annual),
      monthly: toEuros(annual.dividedBy(twelve)),
      netAnnual: toEuros(netAnnual),
      netMonthly: toEuros(netAnnual.dividedBy(twelve)),
      privateAnnual: toEuros(privateAnnual),
      publicAnnual: toEuros(publicAnnual),
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
  }
}

/**
 * When an exemption (opt-out, transitional law) takes effect under the bill's switch rule, from
 * the policy's start date, and the first day it could end again (KB-2025: "alleen op 1 januari
 * starten en op 31 december eindigen"; under the earlier versions any day).
 */
function exemptionStart(shared: Shared, policy: PrivatePolicy): { date: string; note: string | null; earliestEnd: string | null } {
  const { context, calculationYear } = shared
  const yearStart = `${calculationYear}-01-01`
  if (context.parameters.switchRule.value === 'first-of-january') {
    const date = policy.startDate <= yearStart ? yearStart : `${yearOf(policy.startDate) + (policy.startDate.endsWith('-01-01') ? 0 : 1)}-01-01`
    const earliestEnd = `${yearOf(date)}-12-31`
    const startNote =
      date === yearStart
        ? ''
        : `De ontheffing kan alleen op 1 januari ingaan (KB-2025): vanaf ${formatDate(date)}. Tot dan blijft de klant Baz-premie betalen over de hele winst van het jaar. `
    return {
      date,
      earliestEnd,
      note: `${startNote}Terug naar de Baz kan alleen per 31 december: de ontheffing eindigt op zijn vroegst op ${formatDate(earliestEnd)}, de Baz geldt dan weer vanaf ${formatDate(`${yearOf(date) + 1}-01-01`)} (KB-2025).`,
    }
  }
  return { date: maxDate(yearStart, policy.startDate), note: null, earliestEnd: null }
}

function notInsuredReasons(shared: Shared, what: string): string[] {
  return [`${what} is niet aan de orde: de klant valt niet onder de Baz.`, ...shared.insured.reasons]
}

export function compareOptions(shared: Shared): OptionResult[] {
  const { context } = shared
  const { existingPolicy, privateQuote, topUpQuote } = context.clientCase
  const insured = shared.insured.insured
  const stabiliteitsbijdrage = context.stabiliteitsbijdrage
  // The opt-out compares yearly premiums: the Baz premium of a whole calculation year.
  const bazPremium = shared.calcYearPremium.fullYearPremium
  const plans: OptionPlan[] = []

  plans.push({
    id: 'baz',
    label: 'Baz (publieke verzekering)',
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
    label: 'Baz met aanvullende AOV',
    includesBaz: true,
    policy: topUpQuote,
    stabiliteitsbijdrage: false,
    available: insured && topUpQuote !== null,
    reasons: !insured ? notInsuredReasons(shared, 'Een aanvulling op de Baz') : topUpQuote ? [] : ['Er is geen offerte voor een aanvullende AOV ingevoerd.'],
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
  if (optOutPolicy) {
    const conditions = optOutConditions(context, conditionInputs(optOutPolicy))
    const failed = conditions.filter((condition) => !condition.passed)
    const start = exemptionStart(shared, optOutPolicy)
    plans.push({
      id: 'opt-out',
      label: privateQuote ? 'Opt-out met private AOV (offerte)' : 'Opt-out met de lopende AOV',
      includesBaz: false,
      policy: optOutPolicy,
      stabiliteitsbijdrage: true,
      available: insured && failed.length === 0,
      reasons: !insured
        ? notInsuredReasons(shared, 'Een opt-out')
        : failed.map((condition) => `Voldoet niet aan de opt-out-voorwaarde: ${condition.explanation}.`),
      warnings: start.note && insured && failed.length === 0 ? [start.note] : [],
      conditions,
      effectiveFrom: insured && failed.length === 0 ? start.date : null,
      exemptionEarliestEnd: insured && failed.length === 0 ? start.earliestEnd : null,
    })
  } else {
    plans.push({
      id: 'opt-out',
      label: 'Opt-out met private AOV',
      includesBaz: false,
      policy: null,
      stabiliteitsbijdrage: true,
      available: false,
      reasons: !insured ? notInsuredReasons(shared, 'Een opt-out') : ['Er is geen private AOV (offerte of lopende polis) ingevoerd om aan de opt-out-voorwaarden te toetsen.'],
      warnings: [],
      conditions: [],
      effectiveFrom: null,
      missingInput: true,
    })
  }

  if (existingPolicy) {
    const conditions = transitionalConditions(context, conditionInputs(existingPolicy))
    const failed = conditions.filter((condition) => !condition.passed)
    const peildatum = transitionalPeildatum(context)
    const transitionalStart = exemptionStart(shared, existingPolicy)
    plans.push({
      id: 'transitional',
      label: 'Overgangsrecht met de lopende AOV',
      includesBaz: false,
      policy: existingPolicy,
      stabiliteitsbijdrage: true,
      available: insured && failed.length === 0,
      reasons: !insured
        ? notInsuredReasons(shared, 'Overgangsrecht')
        : failed.map((condition) => `Voldoet niet aan de voorwaarde voor overgangsrecht: ${condition.explanation}.`),
      warnings: [
        ...(peildatum.assumed ? [`De peildatum is niet vastgesteld; Vangnet neemt ${formatDate(peildatum.date)} aan.`] : []),
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
      label: 'Baz én de lopende AOV houden',
      includesBaz: true,
      policy: existingPolicy,
      stabiliteitsbijdrage: false,
      available: insured,
      reasons: insured ? [] : notInsuredReasons(shared, 'Beide houden'),
      warnings: [
        'Dubbele premie: de klant betaalt de Baz-premie én de premie van de lopende AOV.',
        ...(overInsured
          ? [
              `Oververzekering: Baz ${euro(shared.contractBenefitAtFull)} + AOV ${euro(new Money(existingPolicy.insuredAmount))} = ${euro(combinedAtFull)} per jaar is meer dan ${percent(limit)} van het inkomen (${euro(incomeForCheck)}); verzekeraars keren vaak niet meer uit dan 80–90 % van het inkomen (RADI-2024 vraag 13). Overweeg de AOV te verlagen tot een aanvulling.`,
            ]
          : []),
      ],
      effectiveFrom: insured ? `${shared.calculationYear}-01-01` : null,
    })
  } else {
    const none = ['Er is geen lopende AOV ingevoerd.']
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
    plans.push(empty('transitional', 'Overgangsrecht met de lopende AOV', false), empty('keep-both', 'Baz én de lopende AOV houden', true))
  }

  return plans.map((plan) => buildOption(shared, plan))
}

