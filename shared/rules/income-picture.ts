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
import { addDays, addMonths } from './dates'
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

interface Month {
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

function monthsOf(input: IncomePictureInput): Month[] {
  const months: Month[] = []
  const earningsNet = netMonthly(input.earningsAnnual, input.taxRate)
  // The same parts run for years on end: each combination's net benefit is worked out once, so
  // consecutive months share one amount (and one Decimal).
  const benefitByParts = new Map<number, Decimal | null>()
  for (let index = 0; ; index++) {
    const start = addMonths(input.disabledFrom, index)
    if (start >= input.aowDate) break
    let key = 0
    let running = 0
    input.parts.forEach((part, partIndex) => {
      if (part.from <= start && start < part.until) {
        key |= 1 << partIndex
        running++
      }
    })
    let benefitNet = benefitByParts.get(key)
    if (benefitNet === undefined) {
      let gross = zero
      input.parts.forEach((part, partIndex) => {
        if (key & (1 << partIndex)) gross = gross.plus(part.annual)
      })
      benefitNet = netMonthly(gross, input.taxRate)
      benefitByParts.set(key, benefitNet)
    }
    let id: IncomePhaseId
    if (running > 0) id = 'benefit'
    else if (start < input.waitingEnd) id = 'waiting'
    else if (input.policyEnds !== null && start >= input.policyEnds) id = 'after-policy-end'
    // After the waiting period without any benefit (none is due at this degree): the benefit
    // phase with no benefit, so the reader sees the loss continue.
    else id = 'benefit'
    months.push({ start, id, benefitNet, earningsNet })
  }
  return months
}

const sameAmount = (a: Decimal | null, b: Decimal | null) => a === b || (a !== null && b !== null && a.equals(b))

interface PhaseSums {
  phase: Omit<IncomePhase, 'months'>
  months: number
  income: Decimal | null
  shortfall: Decimal | null
  shortfallTotal: Decimal | null
  broodfonds: Decimal
  buffer: Decimal
  uncovered: Decimal | null
  firstMonthIndex: number
  nextStart: string
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
  const months = monthsOf(input)
  const phases: PhaseSums[] = []
  let bufferLeft = input.buffer
  months.forEach((month, index) => {
    let current = phases.at(-1)
    if (!current || current.phase.id !== month.id || !sameAmount(current.benefitNet, month.benefitNet) || !sameAmount(current.earningsNet, month.earningsNet)) {
      const income = month.benefitNet === null || month.earningsNet === null ? null : month.benefitNet.plus(month.earningsNet).plus(fixedIncome)
      const shortfall = income === null ? null : Money.max(zero, input.need.minus(income))
      current = {
        phase: { id: month.id, from: month.start, to: month.start, benefitNetMonthly: null, earningsNetMonthly: null, incomeNetMonthly: null, shortfallMonthly: null, shortfallTotal: null, broodfonds: 0, buffer: 0, uncovered: null },
        months: 0,
        income,
        shortfall,
        shortfallTotal: shortfall === null ? null : zero,
        broodfonds: zero,
        buffer: zero,
        uncovered: shortfall === null ? null : zero,
        firstMonthIndex: index,
        nextStart: month.start,
        benefitNet: month.benefitNet,
        earningsNet: month.earningsNet,
      }
      phases.push(current)
    }
    current.months++
    current.nextStart = months[index + 1]?.start ?? addMonths(input.disabledFrom, index + 1)
    if (current.shortfall === null) return
    // Outside the waiting period nothing fills the shortfall: its totals are the monthly amount
    // times the months, worked out when the phase is summed up below.
    if (month.id !== 'waiting') return
    let open = current.shortfall
    // Broodfonds first (gifts for its first months of illness), then the buffer.
    if (index < input.broodfondsMonths) {
      const gift = Money.min(open, input.broodfondsMonthly)
      current.broodfonds = current.broodfonds.plus(gift)
      open = open.minus(gift)
    }
    const fromBuffer = Money.min(open, bufferLeft)
    bufferLeft = bufferLeft.minus(fromBuffer)
    current.buffer = current.buffer.plus(fromBuffer)
    open = open.minus(fromBuffer)
    current.shortfallTotal = current.shortfallTotal!.plus(current.shortfall)
    current.uncovered = current.uncovered!.plus(open)
  })

  for (const sums of phases) {
    if (sums.phase.id === 'waiting' || sums.shortfall === null) continue
    // Whole cents times whole months: exactly the sum of the months.
    sums.shortfallTotal = sums.shortfall.times(sums.months)
    sums.uncovered = sums.shortfallTotal
  }
  const lastDay = addDays(input.aowDate, -1)
  const out: IncomePhase[] = phases.map((sums, index) => {
    const to = addDays(sums.nextStart, -1)
    const phase: IncomePhase = {
      id: sums.phase.id,
      from: sums.phase.from,
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
      `${input.label}: ${words[input.language].uncoveredUntilAow}`,
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
  const w = words[input.language]
  const { euro, percent, date } = formattersFor(input.language)
  const label = `${input.label}: ${w.uncoveredPhase}, ${w.phase[phase.id]} ${date(phase.from)} – ${date(phase.to)} (${phase.months} ${w.months})`
  const id = `${input.id}.income.${index}`
  if (sums.income === null || sums.shortfall === null || sums.uncovered === null) {
    trace.add({
      id,
      label,
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
