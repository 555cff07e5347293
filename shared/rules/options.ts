/**
 * The options an adviser compares (domain brief §6–7): the Baz alone; the Baz with a private
 * top-up; a private opt-out; transitional law with the existing policy; keeping the existing
 * policy next to the Baz. Each gets the calculation year's premium and benefit, a projection per
 * year until the AOW age and the illustration of a disability at the chosen age and degree.
 */
import type Decimal from 'decimal.js'
import { centsToEuros, Money, maxMoney, roundCents, toEuros, toWholeCents, zero } from '../money'
import type { PrivatePolicy } from '../schema/case'
import type { Condition, Illustration, OptionId, OptionResult, ProjectionYear } from '../schema/result'
import type { AowDate } from './aow'
import { benefitBase, publicBenefit, type BenefitBase, type PublicBenefit } from './benefit'
import type { RuleContext } from './context'
import { addDays, addYears, ageOn, daysBetween, maxDate, minDate, yearOf } from './dates'
import { formatDate, formatNumber } from '../format'
import { euro, percent, refs } from './explain'
import { incomeForYear } from './income'
import type { InsuredStatus } from './insured'
import { optOutConditions, transitionalConditions, transitionalPeildatum } from './opt-out'
import { bazPremiumForYear, type YearPremium } from './premium'
import { privateAnnualBenefit, privatePremiumForYear } from './private-aov'

const one = new Money(1)
const twelve = new Money(12)

/** What the options share: computed once per case. */
export interface Shared {
  context: RuleContext
  aow: AowDate
  insured: InsuredStatus
  calculationYear: number
  years: number[]
  bazYears: YearPremium[]
  calcYearPremium: YearPremium
  /** The yearly Baz premiums, gross and net, in whole cents, shared by every option. */
  bazYearCents: number[]
  bazYearNetCents: number[]
  contractBase: BenefitBase
  contractBenefitAtFull: Decimal
  disabledFrom: string
  illnessBase: BenefitBase
  illnessBenefit: PublicBenefit
}

interface Component {
  kind: 'baz' | 'private'
  from: string
  until: string
  annual: Decimal
}

interface OptionPlan {
  id: OptionId
  label: string
  includesBaz: boolean
  policy: PrivatePolicy | null
  stabiliteitsbijdrage: boolean
  available: boolean
  reasons: string[]
  warnings: string[]
  conditions?: Condition[]
  effectiveFrom: string | null
  /** The option lacks the input it needs (no policy entered): no figures, only the reason. */
  missingInput?: boolean
}

function deductibleFactor(context: RuleContext, deductible: boolean): Decimal {
  return deductible ? context.netFactor : one
}

function policyEndDate(shared: Shared, policy: PrivatePolicy): string {
  if (policy.endAge === 'aow') return shared.aow.date
  return minDate(shared.aow.date, addYears(shared.context.clientCase.client.birthDate, policy.endAge))
}

/** Years in which the projection shows the Baz premium for a plan (an opt-out starts on its switch date). */
function paysBazIn(plan: OptionPlan, year: number): boolean {
  if (plan.includesBaz) return true
  return plan.effectiveFrom !== null && year < yearOf(plan.effectiveFrom)
}

function components(shared: Shared, plan: OptionPlan): Component[] {
  const { context, disabledFrom, aow } = shared
  const { degree } = context.clientCase.disability
  const out: Component[] = []
  if (plan.includesBaz && shared.insured.insured) {
    const from = addDays(disabledFrom, context.parameters.waitingDays.value)
    if (from < aow.date && shared.illnessBenefit.annual.greaterThan(0)) out.push({ kind: 'baz', from, until: aow.date, annual: shared.illnessBenefit.annual })
  }
  if (plan.policy) {
    const from = addDays(disabledFrom, plan.policy.waitingDays)
    const until = policyEndDate(shared, plan.policy)
    const annual = privateAnnualBenefit(plan.policy, degree)
    if (from < until && annual.greaterThan(0)) out.push({ kind: 'private', from, until, annual })
  }
  return out
}

/** Days since 1970-01-01 of an ISO date (for fast overlap arithmetic in the projection). */
function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
}

interface BenefitPart {
  fromDay: number
  untilDay: number
  annual: Decimal
  /** The yearly amount in whole cents (it is rounded to cents already). */
  annualCents: number
}

/**
 * The benefit paid in calendar year `year`, in euros: each component's yearly amount for the days
 * of the year it runs. Full years add whole cents; a part of a year is prorated in decimal.
 */
function benefitInYear(parts: readonly BenefitPart[], year: number): number {
  const start = Date.UTC(year, 0, 1) / 86_400_000
  const end = Date.UTC(year + 1, 0, 1) / 86_400_000
  const daysInYear = end - start
  let fullYearCents = 0
  let prorated = zero
  for (const part of parts) {
    const days = Math.min(part.untilDay, end) - Math.max(part.fromDay, start)
    if (days <= 0) continue
    if (days === daysInYear) fullYearCents += part.annualCents
    else prorated = prorated.plus(part.annual.times(days).dividedBy(daysInYear))
  }
  return centsToEuros(fullYearCents + (prorated.isZero() ? 0 : toWholeCents(prorated)))
}

function illustrate(shared: Shared, plan: OptionPlan, parts: Component[]): Illustration {
  const { context, disabledFrom, aow } = shared
  const { degree } = context.clientCase.disability
  const assumptions = context.clientCase.assumptions
  const notes: string[] = []
  const benefitFrom = parts.length ? parts.map((part) => part.from).sort()[0]! : null
  const benefitUntil = parts.length ? parts.map((part) => part.until).sort().at(-1)! : null
  const publicAnnual = parts.filter((part) => part.kind === 'baz').reduce((sum, part) => sum.plus(part.annual), zero)
  const privateAnnual = parts.filter((part) => part.kind === 'private').reduce((sum, part) => sum.plus(part.annual), zero)
  const annual = publicAnnual.plus(privateAnnual)
  // The gap is the waiting period: from the first day of illness until the first benefit, or,
  // when no benefit follows at this degree, until the shortest waiting period of the option ends.
  const waitingPeriods = [
    ...(plan.includesBaz && shared.insured.insured ? [context.parameters.waitingDays.value] : []),
    ...(plan.policy ? [plan.policy.waitingDays] : []),
  ]
  const waitingEnd = waitingPeriods.length ? addDays(disabledFrom, Math.min(...waitingPeriods)) : disabledFrom
  const gapEnd = minDate(benefitFrom ?? waitingEnd, aow.date)
  const gapDays = Math.max(0, daysBetween(disabledFrom, gapEnd))
  if (!benefitFrom && waitingPeriods.length && disabledFrom < aow.date) {
    notes.push('Bij deze mate van arbeidsongeschiktheid volgt na de wachttijd geen uitkering: het inkomensverlies loopt door tot de AOW-leeftijd.')
  }
  const gapMonths = new Money(gapDays).times(twelve).dividedBy(365).toDecimalPlaces(1)
  const lostIncomePerYear = maxMoney(zero, incomeForYear(context, yearOf(disabledFrom)).profit).times(degree)
  const gapAmount = roundCents(lostIncomePerYear.times(gapDays).dividedBy(365))
  const broodfondsMonths = Money.min(gapMonths, assumptions.broodfondsMonths)
  const broodfonds = Money.min(gapAmount, roundCents(new Money(assumptions.broodfondsMonthly).times(broodfondsMonths)))
  if (disabledFrom >= aow.date) notes.push('De gekozen leeftijd ligt op of na de AOW-leeftijd: geen uitkering.')
  if (plan.includesBaz && shared.insured.insured && !parts.some((part) => part.kind === 'baz')) {
    const from = addDays(disabledFrom, context.parameters.waitingDays.value)
    if (from >= aow.date) notes.push('De wachttijd loopt tot na de AOW-leeftijd: geen Baz-uitkering (RADI-2024 vraag 9).')
    else if (benefitFrom) notes.push('Bij deze mate van arbeidsongeschiktheid is er geen Baz-uitkering.')
  }
  if (parts.length === 2 && parts[0]!.from !== parts[1]!.from) {
    notes.push('De private uitkering en de Baz-uitkering beginnen op verschillende data; tussen die data loopt alleen de eerste.')
  }
  if (broodfonds.greaterThan(0)) notes.push(`Een broodfonds overbrugt ${euro(broodfonds)} van het inkomensgat (schenkingen, geen verzekering: telt niet voor opt-out of overgangsrecht, RADI-2024 vraag 17–18).`)
  notes.push('De Baz-uitkering volgt waarschijnlijk de stijging van het minimumloon (RADI-2024 vraag 3, "aannemelijk"); de bedragen hier zijn niet geïndexeerd.')
  return {
    disabledFrom,
    degree,
    annualBenefit: toEuros(annual),
    monthlyBenefit: toEuros(annual.dividedBy(twelve)),
    publicAnnual: toEuros(publicAnnual),
    privateAnnual: toEuros(privateAnnual),
    benefitFrom,
    benefitUntil,
    gapMonths: gapMonths.toNumber(),
    gapAmount: toEuros(gapAmount),
    broodfondsBridged: toEuros(broodfonds),
    remainingGap: toEuros(gapAmount.minus(broodfonds)),
    notes,
  }
}

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

/** A premium per projection year, gross and net, in whole cents (see toWholeCents). */
interface PremiumStream {
  grossCents: number[]
  netCents: number[]
}

const privateStreams = new WeakMap<PrivatePolicy, Map<string, PremiumStream>>()

/**
 * A private policy's premium per projection year (plus the stabiliteitsbijdrage where due),
 * gross and net; computed once per policy, as several options can hold the same policy.
 */
function privatePremiumStream(shared: Shared, policy: PrivatePolicy, stabiliteit: Decimal, factor: Decimal, policyEnd: string): PremiumStream {
  let byKey = privateStreams.get(policy)
  if (!byKey) privateStreams.set(policy, (byKey = new Map()))
  const key = `${shared.years[0] ?? ''}|${shared.years.length}|${stabiliteit.toString()}|${factor.toString()}|${policyEnd}`
  const cached = byKey.get(key)
  if (cached) return cached
  const stream: PremiumStream = { grossCents: [], netCents: [] }
  // A premium without indexation is the same every year: work it out once.
  let constant: { gross: number; net: number } | undefined
  for (const year of shared.years) {
    if (`${year}-01-01` >= policyEnd) {
      stream.grossCents.push(0)
      stream.netCents.push(0)
      continue
    }
    if (constant === undefined || policy.premiumIndexation !== 0) {
      const gross = privatePremiumForYear(policy, year - shared.calculationYear).plus(stabiliteit)
      constant = { gross: toWholeCents(gross), net: gross.isZero() ? 0 : toWholeCents(gross.times(factor)) }
    }
    stream.grossCents.push(constant.gross)
    stream.netCents.push(constant.net)
  }
  byKey.set(key, stream)
  return stream
}

function buildOption(shared: Shared, plan: OptionPlan): OptionResult {
  if (plan.missingInput) return optionWithoutFigures(shared, plan)
  const { context, calculationYear } = shared
  const birthDate = context.clientCase.client.birthDate
  const parts = components(shared, plan)
  const illustration = illustrate(shared, plan, parts)
  const stabiliteit = plan.stabiliteitsbijdrage ? context.stabiliteitsbijdrage : zero
  const privateFactor = plan.policy ? deductibleFactor(context, plan.policy.taxDeductible) : one
  const policyEnd = plan.policy ? policyEndDate(shared, plan.policy) : null
  const partDays: BenefitPart[] = parts.map((part) => ({ fromDay: dayNumber(part.from), untilDay: dayNumber(part.until), annual: part.annual, annualCents: toWholeCents(part.annual) }))
  // Age on 1 January: the calendar-year difference, one less when the birthday falls later in the year.
  const ageOffset = birthDate.slice(5) === '01-01' ? 0 : 1
  const birthYear = yearOf(birthDate)

  const privateStream = plan.policy ? privatePremiumStream(shared, plan.policy, stabiliteit, privateFactor, policyEnd!) : null
  // The yearly premiums are already rounded to cents; their sums are kept in whole cents (exact).
  let cumulativeCents = 0
  let cumulativeNetCents = 0
  const projection: ProjectionYear[] = []
  shared.years.forEach((year, index) => {
    const paysBaz = shared.insured.insured && paysBazIn(plan, year)
    const publicCents = paysBaz ? shared.bazYearCents[index]! : 0
    const publicNetCents = paysBaz ? shared.bazYearNetCents[index]! : 0
    const privateCents = privateStream ? privateStream.grossCents[index]! : 0
    const privateNetCents = privateStream ? privateStream.netCents[index]! : 0
    cumulativeCents += publicCents + privateCents
    cumulativeNetCents += publicNetCents + privateNetCents
    projection.push({
      year,
      age: year - birthYear - ageOffset,
      premium: centsToEuros(publicCents + privateCents),
      netPremium: centsToEuros(publicNetCents + privateNetCents),
      cumulativePremium: centsToEuros(cumulativeCents),
      cumulativeNetPremium: centsToEuros(cumulativeNetCents),
      publicPremium: centsToEuros(publicCents),
      privatePremium: centsToEuros(privateCents),
      projected: shared.bazYears[index]!.wml.projected,
      benefitIfDisabled: partDays.length ? benefitInYear(partDays, year) : 0,
    })
  })

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
    `${plan.label}: uitkering bij ${percent(context.clientCase.disability.degree)} arbeidsongeschiktheid vanaf ${formatDate(illustration.disabledFrom)}`,
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
      `${formatNumber(illustration.gapMonths, 1)} maanden zonder uitkering × verwachte winst ${yearOf(shared.disabledFrom)} × ${percent(context.clientCase.disability.degree)} = ${euro(new Money(illustration.gapAmount))}; broodfonds ${euro(new Money(illustration.broodfondsBridged))}; resterend ${euro(new Money(illustration.remainingGap))}`,
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
    totals: { premium: centsToEuros(cumulativeCents), netPremium: centsToEuros(cumulativeNetCents) },
  }
}

/** When an exemption (opt-out, transitional law) takes effect under the bill's switch rule. */
function exemptionStart(shared: Shared, policy: PrivatePolicy): { date: string; note: string | null } {
  const { context, calculationYear } = shared
  const yearStart = `${calculationYear}-01-01`
  if (context.parameters.switchRule.value === 'first-of-january') {
    if (policy.startDate <= yearStart) return { date: yearStart, note: null }
    const next = `${yearOf(policy.startDate) + (policy.startDate.endsWith('-01-01') ? 0 : 1)}-01-01`
    return {
      date: next,
      note: `De ontheffing kan alleen op 1 januari ingaan (KB-2025): vanaf ${formatDate(next)}. Tot dan blijft de klant Baz-premie betalen over de hele winst van het jaar.`,
    }
  }
  return { date: maxDate(yearStart, policy.startDate), note: null }
}

function notInsuredReasons(shared: Shared, what: string): string[] {
  return [`${what} is niet aan de orde: de klant valt niet onder de Baz.`, ...shared.insured.reasons]
}

export function compareOptions(shared: Shared): OptionResult[] {
  const { context } = shared
  const { existingPolicy, privateQuote, topUpQuote } = context.clientCase
  const insured = shared.insured.insured
  const stabiliteitsbijdrage = context.stabiliteitsbijdrage
  const bazPremium = shared.calcYearPremium.premium
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
      warnings: start.note ? [start.note] : [],
      conditions,
      effectiveFrom: insured && failed.length === 0 ? start.date : null,
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
      warnings: peildatum.assumed ? [`De peildatum is niet vastgesteld; Vangnet neemt ${formatDate(peildatum.date)} aan.`] : [],
      conditions,
      effectiveFrom: insured && failed.length === 0 ? `${Math.max(shared.calculationYear, context.parameters.startYear.value)}-01-01` : null,
    })
    const incomeForCheck = shared.contractBase.uncapped
    const combinedAtFull = shared.contractBenefitAtFull.plus(existingPolicy.insuredAmount)
    const overInsured = incomeForCheck.greaterThan(0) ? combinedAtFull.greaterThan(incomeForCheck.times('0.8')) : combinedAtFull.greaterThan(0)
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
              `Oververzekering: Baz ${euro(shared.contractBenefitAtFull)} + AOV ${euro(new Money(existingPolicy.insuredAmount))} = ${euro(combinedAtFull)} per jaar is meer dan 80 % van het inkomen (${euro(incomeForCheck)}); verzekeraars keren vaak niet meer uit dan 80–90 % van het inkomen (RADI-2024 vraag 13). Overweeg de AOV te verlagen tot een aanvulling.`,
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

export function sharedFigures(context: RuleContext, aow: AowDate): Omit<Shared, 'context' | 'aow' | 'insured'> {
  const calculationYear = context.clientCase.calculationYear
  const lastYear = yearOf(aow.date) - 1
  const years: number[] = []
  for (let year = calculationYear; year <= lastYear; year++) years.push(year)
  const bazYears = years.map((year) => bazPremiumForYear(context, year))
  const bazYearCents = bazYears.map((year) => toWholeCents(year.premium))
  const bazYearNetCents = bazYears.map((year) => toWholeCents(year.netPremium))
  const calcYearPremium = bazYears[0] ?? bazPremiumForYear(context, calculationYear)
  const contractBase = benefitBase(context, calculationYear, 'baz.benefitBase')
  const contractBenefitAtFull = roundCents(contractBase.base.times(context.benefitPercentage))
  context.trace.money(
    'baz.benefitAtFull',
    `Baz-uitkering per jaar bij volledige arbeidsongeschiktheid (eerste ziektedag 1 januari ${calculationYear})`,
    contractBenefitAtFull,
    () => `${percent(context.benefitPercentage)} × ${euro(contractBase.base)} = ${euro(contractBenefitAtFull)}`,
    refs(context.parameters.benefitPercentage.cite),
    [contractBase.explanation],
  )
  const disabledFrom = addYears(context.clientCase.client.birthDate, context.clientCase.disability.age)
  const illnessBase = benefitBase(context, yearOf(disabledFrom), 'illustration.benefitBase')
  const illnessBenefit = publicBenefit(context, illnessBase, context.clientCase.disability.degree, new Money(context.clientCase.disability.earnings), 'illustration.bazBenefit')
  return { calculationYear, years, bazYears, bazYearCents, bazYearNetCents, calcYearPremium, contractBase, contractBenefitAtFull, disabledFrom, illnessBase, illnessBenefit }
}
