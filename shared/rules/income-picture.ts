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
 */
import type Decimal from 'decimal.js'
import type { Language } from '../format'
import { Money, roundCents, toEuros, zero } from '../money'
import type { Explanation, IncomePhase, IncomePhaseId, IncomePicture } from '../schema/result'
import { addDays, addMonths, parseIsoDate } from './dates'
import { formattersFor } from '../messages/format'
import { refs, type Trace } from './explain'
import type { Component } from './illustration'

const twelve = new Money(12)

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
  need: Decimal
  partner: Decimal
  other: Decimal
  /** Yearly gross earnings next to the benefit (the illustration's input). */
  earningsAnnual: Decimal
  /** Tax rate on benefits and earnings; null when the adviser gave none. */
  taxRate: Decimal | null
  broodfondsMonthly: Decimal
  broodfondsMonths: number
  buffer: Decimal
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
  benefitNet: Decimal | null
  earningsNet: Decimal | null
}

/** A net monthly amount from a gross yearly one: / 12 × (1 − rate), rounded once to cents. */
function netMonthly(annual: Decimal, taxRate: Decimal | null): Decimal | null {
  if (annual.isZero()) return zero
  if (taxRate === null) return null
  return roundCents(annual.dividedBy(twelve).times(new Money(1).minus(taxRate)))
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
  const earningsNet = netMonthly(input.earningsAnnual, input.taxRate)
  const stretches: Stretch[] = []
  for (let index = 0; index + 1 < bounds.length; index++) {
    const from = bounds[index]!
    const until = bounds[index + 1]!
    // A month belongs to the situation on its first day.
    const start = addMonths(first, from)
    let gross = zero
    let running = 0
    for (const part of input.parts) {
      if (part.from <= start && start < part.until) {
        gross = gross.plus(part.annual)
        running++
      }
    }
    let id: IncomePhaseId
    if (running > 0) id = 'benefit'
    else if (start < input.waitingEnd) id = 'waiting'
    else if (input.policyEnds !== null && start >= input.policyEnds) id = 'after-policy-end'
    // After the waiting period without any benefit (none is due at this degree): the benefit
    // phase with no benefit, so the reader sees the loss continue.
    else id = 'benefit'
    stretches.push({ from, until, start, id, benefitNet: netMonthly(gross, input.taxRate), earningsNet })
  }
  return stretches
}

const sameAmount = (a: Decimal | null, b: Decimal | null) => a === b || (a !== null && b !== null && a.equals(b))

interface PhaseSums {
  id: IncomePhaseId
  /** The first day of its first month. */
  from: string
  months: number
  income: Decimal | null
  shortfall: Decimal | null
  shortfallTotal: Decimal | null
  broodfonds: Decimal
  buffer: Decimal
  uncovered: Decimal | null
  /** The month after its last (an index counted from the first day of illness). */
  untilMonth: number
  benefitNet: Decimal | null
  earningsNet: Decimal | null
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

/** The income picture of one option, with a trace per phase and one for the total uncovered. */
export function incomePicture(input: IncomePictureInput, trace: Trace): IncomePicture {
  const fixedIncome = input.partner.plus(input.other)
  const phases: PhaseSums[] = []
  let bufferLeft = input.buffer
  for (const stretch of stretchesOf(input)) {
    let current = phases.at(-1)
    // Consecutive stretches with the same income form one phase.
    if (!current || current.id !== stretch.id || !sameAmount(current.benefitNet, stretch.benefitNet) || !sameAmount(current.earningsNet, stretch.earningsNet)) {
      const income = stretch.benefitNet === null || stretch.earningsNet === null ? null : stretch.benefitNet.plus(stretch.earningsNet).plus(fixedIncome)
      const shortfall = income === null ? null : Money.max(zero, input.need.minus(income))
      current = {
        id: stretch.id,
        from: stretch.start,
        months: 0,
        income,
        shortfall,
        shortfallTotal: shortfall === null ? null : zero,
        broodfonds: zero,
        buffer: zero,
        uncovered: shortfall === null ? null : zero,
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
    // pays min(months × open, what is left), exactly the sum of month after month (whole cents).
    const phase = current
    const shortfall = current.shortfall
    const fill = (months: number, gift: Decimal) => {
      if (months === 0) return
      const open = shortfall.minus(gift)
      const needed = open.times(months)
      const fromBuffer = Money.min(needed, bufferLeft)
      bufferLeft = bufferLeft.minus(fromBuffer)
      phase.broodfonds = phase.broodfonds.plus(gift.times(months))
      phase.buffer = phase.buffer.plus(fromBuffer)
      phase.shortfallTotal = phase.shortfallTotal!.plus(shortfall.times(months))
      phase.uncovered = phase.uncovered!.plus(needed.minus(fromBuffer))
    }
    const withGift = Math.max(0, Math.min(stretch.until, input.broodfondsMonths) - stretch.from)
    fill(withGift, Money.min(shortfall, input.broodfondsMonthly))
    fill(stretch.until - stretch.from - withGift, zero)
  }

  for (const sums of phases) {
    if (sums.id === 'waiting' || sums.shortfall === null) continue
    // Whole cents times whole months: exactly the sum of the months.
    sums.shortfallTotal = sums.shortfall.times(sums.months)
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
      benefitNetMonthly: sums.benefitNet === null ? null : toEuros(sums.benefitNet),
      earningsNetMonthly: sums.earningsNet === null ? null : toEuros(sums.earningsNet),
      incomeNetMonthly: sums.income === null ? null : toEuros(sums.income),
      shortfallMonthly: sums.shortfall === null ? null : toEuros(sums.shortfall),
      shortfallTotal: sums.shortfallTotal === null ? null : toEuros(sums.shortfallTotal),
      broodfonds: toEuros(sums.broodfonds),
      buffer: toEuros(sums.buffer),
      uncovered: sums.uncovered === null ? null : toEuros(sums.uncovered),
    }
    explainPhase(input, trace, phase, sums, index)
    return phase
  })

  const known = phases.every((sums) => sums.uncovered !== null)
  const shortfallUntilAow = known ? phases.reduce((sum, sums) => sum.plus(sums.shortfallTotal!), zero) : null
  const uncoveredUntilAow = known ? phases.reduce((sum, sums) => sum.plus(sums.uncovered!), zero) : null
  const phaseSteps = out.map((_, index) => trace.explanations[`${input.id}.income.${index}`])
  if (uncoveredUntilAow !== null) {
    trace.money(
      `${input.id}.uncovered`,
      () => `${input.label}: ${words[input.language].uncoveredUntilAow}`,
      uncoveredUntilAow,
      () => out.map((phase) => `${words[input.language].phase[phase.id]} ${formattersFor(input.language).euro(new Money(phase.uncovered!))}`).join(' + ') + ` = ${formattersFor(input.language).euro(uncoveredUntilAow)}`,
      [],
      phaseSteps,
    )
  }
  return {
    needMonthly: toEuros(input.need),
    benefitTaxRate: input.taxRate === null ? null : input.taxRate.toNumber(),
    phases: out,
    shortfallUntilAow: shortfallUntilAow === null ? null : toEuros(shortfallUntilAow),
    uncoveredUntilAow: uncoveredUntilAow === null ? null : toEuros(uncoveredUntilAow),
    policyEnds: input.policyEnds,
  }
}

function explainPhase(input: IncomePictureInput, trace: Trace, phase: IncomePhase, sums: PhaseSums, index: number): void {
  if (!trace.enabled) return
  const w = words[input.language]
  const { euro, percent, date } = formattersFor(input.language)
  const label = () => `${input.label}: ${w.uncoveredPhase}, ${w.phase[phase.id]} ${date(phase.from)} – ${date(phase.to)} (${phase.months} ${w.months})`
  const id = `${input.id}.income.${index}`
  if (sums.income === null || sums.shortfall === null || sums.uncovered === null) {
    trace.add({
      id,
      label: label(),
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
    label,
    uncovered,
    () => {
      const parts = [
        sums.benefitNet && !sums.benefitNet.isZero() && rate ? `${w.benefitNet} ${euro(sums.benefitNet)} (${w.gross} × (1 − ${percent(rate)}))` : null,
        sums.earningsNet && !sums.earningsNet.isZero() && rate ? `${w.earningsNet} ${euro(sums.earningsNet)} (${w.gross} × (1 − ${percent(rate)}))` : null,
        input.partner.isZero() ? null : `${w.partner} ${euro(input.partner)}`,
        input.other.isZero() ? null : `${w.other} ${euro(input.other)}`,
      ].filter(Boolean)
      const incomeText = parts.length ? `${parts.join(' + ')} = ${euro(income)}` : `${euro(zero)}`
      const lines = [
        `${w.incomePerMonth}: ${incomeText}`,
        `${w.shortfallPerMonth} ${euro(input.need)} − ${euro(income)} = ${euro(shortfall)} (${w.notBelow} ${euro(zero)})`,
        `× ${phase.months} ${w.months} = ${euro(sums.shortfallTotal!)}`,
      ]
      if (phase.id === 'waiting') lines.push(`− ${w.broodfonds} ${euro(sums.broodfonds)} − ${w.buffer} ${euro(sums.buffer)} = ${w.uncovered} ${euro(uncovered)}`)
      else lines.push(`${w.uncovered} ${euro(uncovered)}`)
      return lines.join('; ')
    },
    refs(phase.id === 'waiting' ? { source: 'RADI-2024', locator: 'vraag 8 (eigen risicoperiode, broodfondsen)' } : undefined),
    [phase.id === 'waiting' ? undefined : input.benefitExplanation],
    input.taxRate !== null && (sums.benefitNet?.greaterThan(0) || sums.earningsNet?.greaterThan(0)) ? true : undefined,
  )
}
