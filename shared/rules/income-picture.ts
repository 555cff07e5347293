/**
 * The household's income picture for one option: if the client becomes disabled as in the
 * illustration, what comes in net each month until the AOW date, against what the household needs.
 *
 * Month by month from the first day of illness: net benefit (public and private, after the tax rate
 * on benefits) + net earnings next to it + the partner's and other net income that continue. The
 * shortfall is the need minus that income (never below zero). In the waiting period the broodfonds
 * bridges first (its monthly gift, for its months), then the client's buffer, until it is used up;
 * what remains is `uncovered`. After the waiting period the shortfall is uncovered as it stands
 * (contract advise-v1, Additions). Consecutive months with the same income form one phase.
 *
 * A month belongs to the situation on its first day (a benefit that starts on the 10th counts from
 * the next month): printed as an assumption, so the figures can be followed by hand.
 *
 * Every monthly amount is in whole cents: the case's amounts are, and a net amount from a gross
 * yearly one is worked out in decimal and rounded once (roundCents). Its sums and multiples by
 * whole months are then exact integer arithmetic in whole cents (see toWholeCents), as in the
 * premium projection, and need no decimal object per month or phase.
 */
import type Decimal from 'decimal.js'
import type { Language } from '../format'
import { centsToEuros, Money, roundCents, toWholeCents } from '../money'
import type { Explanation, IncomePhase, IncomePhaseId, IncomePicture } from '../schema/result'
import { addDays, addMonths, parseIsoDate } from './dates'
import { formattersFor } from '../messages/format'
import { refs, type Trace } from './explain'
import type { Component } from './illustration'

const twelve = new Money(12)
const one = new Money(1)

export interface IncomePictureInput {
  /** Trace key prefix and label of the option, e.g. `option.opt-out` and "Opt-out met …". */
  id: string
  label: string
  /** The language of the trace texts (the result's language). */
  language: Language
  disabledFrom: string
  aowDate: string
  /** The first day after the option's shortest waiting period: no benefit before it. */
  waitingEnd: string
  parts: readonly Component[]
  /** The day a private policy's cover ends when that is before the AOW date. */
  policyEnds: string | null
  /** The household's monthly need and net incomes that continue, in whole cents. */
  needCents: number
  partnerCents: number
  otherCents: number
  /** Yearly gross earnings next to the benefit (the illustration's input). */
  earningsAnnual: Decimal
  /** Tax rate on benefits and earnings; null when the adviser gave none. */
  taxRate: Decimal | null
  broodfondsMonthlyCents: number
  broodfondsMonths: number
  bufferCents: number
  /** The explanation of the option's benefit in the illustration, linked as a step. */
  benefitExplanation?: Explanation
}

/** A stretch of whole months in which the same benefits run: months `from` up to `until` (exclusive). */
interface Stretch {
  /** Month indices counted from the first day of illness (month 0 starts on it). */
  from: number
  until: number
  /** The first day of its first month. */
  start: string
  id: IncomePhaseId
  /** Net per month in whole cents; null when the tax rate is missing. */
  benefitNet: number | null
  earningsNet: number | null
}

/** A net monthly amount in whole cents from a gross yearly one: / 12 × (1 − rate), rounded once to cents. */
function netMonthlyCents(annual: Decimal, netShare: Decimal | null): number | null {
  if (annual.isZero()) return 0
  if (netShare === null) return null
  return toWholeCents(roundCents(annual.dividedBy(twelve).times(netShare)))
}

/**
 * The index of the first month (counted from `first`, each starting on `addMonths(first, index)`)
 * that starts on or after `date`: whole months between the two, one more when the month in
 * `date`'s own month starts before it. Never below 0.
 */
export function firstMonthOnOrAfter(first: string, date: string): number {
  const from = parseIsoDate(first)
  const to = parseIsoDate(date)
  const index = (to.year - from.year) * 12 + (to.month - from.month)
  if (index <= 0) return first >= date ? 0 : Math.max(0, index + 1)
  // The month `index` starts in `date`'s month, on the same day number where it exists.
  return addMonths(first, index) >= date ? index : index + 1
}

/**
 * The months from the first day of illness to the AOW date, as stretches in which the same
 * benefits run: a situation changes only where a benefit starts or ends, the waiting period ends
 * or the policy ends, so the months are not walked one by one (years of them run alike).
 */
function stretchesOf(input: IncomePictureInput): Stretch[] {
  const first = input.disabledFrom
  const total = firstMonthOnOrAfter(first, input.aowDate)
  const at = (date: string) => Math.min(total, firstMonthOnOrAfter(first, date))
  const cuts = new Set<number>([0, total, at(input.waitingEnd)])
  if (input.policyEnds !== null) cuts.add(at(input.policyEnds))
  for (const part of input.parts) cuts.add(at(part.from)).add(at(part.until))
  const bounds = [...cuts].sort((a, b) => a - b)
  const netShare = input.taxRate === null ? null : one.minus(input.taxRate)
  const earningsNet = netMonthlyCents(input.earningsAnnual, netShare)
  const stretches: Stretch[] = []
  for (let index = 0; index + 1 < bounds.length; index++) {
    const from = bounds[index]!
    const until = bounds[index + 1]!
    // A month belongs to the situation on its first day.
    const start = addMonths(first, from)
    let gross: Decimal | null = null
    for (const part of input.parts) {
      if (part.from <= start && start < part.until) gross = gross === null ? part.annual : gross.plus(part.annual)
    }
    let id: IncomePhaseId
    if (gross !== null) id = 'benefit'
    else if (start < input.waitingEnd) id = 'waiting'
    else if (input.policyEnds !== null && start >= input.policyEnds) id = 'after-policy-end'
    // After the waiting period without any benefit (none is due at this degree): the benefit
    // phase with no benefit, so the reader sees the loss continue.
    else id = 'benefit'
    stretches.push({ from, until, start, id, benefitNet: gross === null ? 0 : netMonthlyCents(gross, netShare), earningsNet })
  }
  return stretches
}

/** A phase's monthly amounts and sums, in whole cents (null where the net income is unknown). */
interface PhaseSums {
  id: IncomePhaseId
  /** The first day of its first month. */
  from: string
  months: number
  income: number | null
  shortfall: number | null
  shortfallTotal: number | null
  broodfonds: number
  buffer: number
  uncovered: number | null
  /** The month after its last (an index counted from the first day of illness). */
  untilMonth: number
  benefitNet: number | null
  earningsNet: number | null
}

/** The words of the income picture's traces, in the language of the result. */
const words = {
  nl: {
    phase: { waiting: 'wachttijd', benefit: 'uitkering', 'after-policy-end': 'na het einde van de polis' } as Record<IncomePhaseId, string>,
    uncoveredUntilAow: 'niet gedekt tekort tot de AOW-datum',
    uncoveredPhase: 'niet gedekt tekort',
    months: 'maanden',
    unknown: 'onbekend',
    unknownWhy: 'het netto inkomen is onbekend: het belastingtarief op uitkeringen is niet ingevuld (aanname adviseur nodig)',
    benefitNet: 'uitkering netto',
    earningsNet: 'inkomsten ernaast netto',
    gross: 'bruto',
    partner: 'partner',
    other: 'overig',
    incomePerMonth: 'netto inkomen per maand',
    shortfallPerMonth: 'tekort per maand: behoefte',
    notBelow: 'niet minder dan',
    broodfonds: 'broodfonds',
    buffer: 'buffer',
    uncovered: 'niet gedekt',
  },
  en: {
    phase: { waiting: 'waiting period', benefit: 'benefit', 'after-policy-end': 'after the policy ends' } as Record<IncomePhaseId, string>,
    uncoveredUntilAow: 'shortfall not covered until the AOW date',
    uncoveredPhase: 'shortfall not covered',
    months: 'months',
    unknown: 'unknown',
    unknownWhy: 'the net income is unknown: the tax rate on benefits has not been entered (adviser input needed)',
    benefitNet: 'benefit after tax',
    earningsNet: 'earnings next to it after tax',
    gross: 'gross',
    partner: 'partner',
    other: 'other',
    incomePerMonth: 'net income per month',
    shortfallPerMonth: 'shortfall per month: need',
    notBelow: 'not below',
    broodfonds: 'broodfonds',
    buffer: 'buffer',
    uncovered: 'not covered',
  },
} satisfies Record<Language, unknown>

/** Whole cents as euros at the JSON edge; null stays null (a net amount that is unknown). */
function euros(cents: number | null): number | null {
  return cents === null ? null : centsToEuros(cents)
}

/** The income picture of one option, with a trace per phase and one for the total uncovered. */
export function incomePicture(input: IncomePictureInput, trace: Trace): IncomePicture {
  const fixedIncome = input.partnerCents + input.otherCents
  const phases: PhaseSums[] = []
  let bufferLeft = input.bufferCents
  for (const stretch of stretchesOf(input)) {
    let current = phases.at(-1)
    // Consecutive stretches with the same income form one phase.
    if (!current || current.id !== stretch.id || current.benefitNet !== stretch.benefitNet || current.earningsNet !== stretch.earningsNet) {
      const income = stretch.benefitNet === null || stretch.earningsNet === null ? null : stretch.benefitNet + stretch.earningsNet + fixedIncome
      const shortfall = income === null ? null : Math.max(0, input.needCents - income)
      current = {
        id: stretch.id,
        from: stretch.start,
        months: 0,
        income,
        shortfall,
        shortfallTotal: shortfall === null ? null : 0,
        broodfonds: 0,
        buffer: 0,
        uncovered: shortfall === null ? null : 0,
        untilMonth: stretch.from,
        benefitNet: stretch.benefitNet,
        earningsNet: stretch.earningsNet,
      }
      phases.push(current)
    }
    current.months += stretch.until - stretch.from
    current.untilMonth = stretch.until
    // Outside the waiting period nothing fills the shortfall: its totals are the monthly amount
    // times the months, worked out when the phase is summed up below.
    if (current.shortfall === null || stretch.id !== 'waiting') continue
    // Broodfonds first (gifts for its first months of illness), then the buffer until it is used
    // up. Within a stretch every month is alike, so its months are added up at once: the buffer
    // pays min(months × open, what is left), exactly the sum of month after month.
    const withGift = Math.max(0, Math.min(stretch.until, input.broodfondsMonths) - stretch.from)
    const gift = Math.min(current.shortfall, input.broodfondsMonthlyCents)
    for (const [months, monthlyGift] of [[withGift, gift], [stretch.until - stretch.from - withGift, 0]] as const) {
      if (months === 0) continue
      const needed = (current.shortfall - monthlyGift) * months
      const fromBuffer = Math.min(needed, bufferLeft)
      bufferLeft -= fromBuffer
      current.broodfonds += monthlyGift * months
      current.buffer += fromBuffer
      current.shortfallTotal! += current.shortfall * months
      current.uncovered! += needed - fromBuffer
    }
  }

  for (const sums of phases) {
    if (sums.id === 'waiting' || sums.shortfall === null) continue
    // Whole cents times whole months: exactly the sum of the months.
    sums.shortfallTotal = sums.shortfall * sums.months
    sums.uncovered = sums.shortfallTotal
  }
  const lastDay = addDays(input.aowDate, -1)
  const out: IncomePhase[] = phases.map((sums, index) => {
    const to = addDays(addMonths(input.disabledFrom, sums.untilMonth), -1)
    const phase: IncomePhase = {
      id: sums.id,
      from: sums.from,
      to: to < lastDay ? to : lastDay,
      months: sums.months,
      benefitNetMonthly: euros(sums.benefitNet),
      earningsNetMonthly: euros(sums.earningsNet),
      incomeNetMonthly: euros(sums.income),
      shortfallMonthly: euros(sums.shortfall),
      shortfallTotal: euros(sums.shortfallTotal),
      broodfonds: centsToEuros(sums.broodfonds),
      buffer: centsToEuros(sums.buffer),
      uncovered: euros(sums.uncovered),
    }
    explainPhase(input, trace, phase, sums, index)
    return phase
  })

  const known = phases.every((sums) => sums.uncovered !== null)
  const shortfallUntilAow = known ? phases.reduce((sum, sums) => sum + sums.shortfallTotal!, 0) : null
  const uncoveredUntilAow = known ? phases.reduce((sum, sums) => sum + sums.uncovered!, 0) : null
  if (uncoveredUntilAow !== null && trace.enabled) {
    const phaseSteps = out.map((_, index) => trace.explanations[`${input.id}.income.${index}`])
    const { euro } = formattersFor(input.language)
    trace.money(
      `${input.id}.uncovered`,
      () => `${input.label}: ${words[input.language].uncoveredUntilAow}`,
      centsToEuros(uncoveredUntilAow),
      () => out.map((phase) => `${words[input.language].phase[phase.id]} ${euro(phase.uncovered!)}`).join(' + ') + ` = ${euro(centsToEuros(uncoveredUntilAow))}`,
      [],
      phaseSteps,
    )
  }
  return {
    needMonthly: centsToEuros(input.needCents),
    benefitTaxRate: input.taxRate === null ? null : input.taxRate.toNumber(),
    phases: out,
    shortfallUntilAow: euros(shortfallUntilAow),
    uncoveredUntilAow: euros(uncoveredUntilAow),
    policyEnds: input.policyEnds,
  }
}

function phaseLabel(input: IncomePictureInput, phase: IncomePhase): string {
  const w = words[input.language]
  const { date } = formattersFor(input.language)
  return `${input.label}: ${w.uncoveredPhase}, ${w.phase[phase.id]} ${date(phase.from)} – ${date(phase.to)} (${phase.months} ${w.months})`
}

function explainPhase(input: IncomePictureInput, trace: Trace, phase: IncomePhase, sums: PhaseSums, index: number): void {
  if (!trace.enabled) return
  const w = words[input.language]
  const { euro, percent } = formattersFor(input.language)
  const id = `${input.id}.income.${index}`
  if (sums.income === null || sums.shortfall === null || sums.uncovered === null) {
    trace.add({
      id,
      label: phaseLabel(input, phase),
      value: w.unknown,
      unit: 'text',
      expression: w.unknownWhy,
      sources: [],
      uncertain: true,
    })
    return
  }
  const income = sums.income
  const shortfall = sums.shortfall
  const uncovered = sums.uncovered
  const rate = input.taxRate
  trace.money(
    id,
    () => phaseLabel(input, phase),
    centsToEuros(uncovered),
    () => {
      const cents = (amount: number) => euro(centsToEuros(amount))
      const parts = [
        sums.benefitNet && rate ? `${w.benefitNet} ${cents(sums.benefitNet)} (${w.gross} × (1 − ${percent(rate)}))` : null,
        sums.earningsNet && rate ? `${w.earningsNet} ${cents(sums.earningsNet)} (${w.gross} × (1 − ${percent(rate)}))` : null,
        input.partnerCents === 0 ? null : `${w.partner} ${cents(input.partnerCents)}`,
        input.otherCents === 0 ? null : `${w.other} ${cents(input.otherCents)}`,
      ].filter(Boolean)
      const incomeText = parts.length ? `${parts.join(' + ')} = ${cents(income)}` : `${cents(0)}`
      const lines = [
        `${w.incomePerMonth}: ${incomeText}`,
        `${w.shortfallPerMonth} ${cents(input.needCents)} − ${cents(income)} = ${cents(shortfall)} (${w.notBelow} ${cents(0)})`,
        `× ${phase.months} ${w.months} = ${cents(sums.shortfallTotal!)}`,
      ]
      if (phase.id === 'waiting') lines.push(`− ${w.broodfonds} ${cents(sums.broodfonds)} − ${w.buffer} ${cents(sums.buffer)} = ${w.uncovered} ${cents(uncovered)}`)
      else lines.push(`${w.uncovered} ${cents(uncovered)}`)
      return lines.join('; ')
    },
    refs(phase.id === 'waiting' ? { source: 'RADI-2024', locator: 'vraag 8 (eigen risicoperiode, broodfondsen)' } : undefined),
    [phase.id === 'waiting' ? undefined : input.benefitExplanation],
    input.taxRate !== null && ((sums.benefitNet ?? 0) > 0 || (sums.earningsNet ?? 0) > 0) ? true : undefined,
  )
}
