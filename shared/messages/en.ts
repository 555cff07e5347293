/**
 * The rules' texts in English: the same ids and parameters as the Dutch catalog (nl.ts), English
 * words and English number conventions (`€1,234.56`, `5.4%`). The place names of the Dutch source
 * documents (RADI-2024 vraag 9, KB-2025) are kept as the documents name them.
 */
import type Decimal from 'decimal.js'
import type { Formatters } from './format'
import type { Catalog } from './nl'

type Amount = Decimal | number
type Fraction = Decimal | string | number

const waitingWords = (f: Formatters, days: number): string => (days >= 728 ? 'two years' : days >= 364 ? 'one year' : `${days} days`)

export const en: Catalog = {
  'insured.alternatives': () =>
    'What remains: a private disability insurance (AOV), a broodfonds or gift circle for the first two years, own savings, and social assistance as the last safety net.',
  'insured.aowReached': () => 'The client reaches the state pension (AOW) age in the calculation year; the Baz insures until the AOW age.',
  'insured.objector': () => 'The client is a conscientious objector and therefore exempt from the insurance obligation.',
  'insured.ibUnder18': () => 'Self-employed for income tax, but younger than 18: from which age the insurance applies is still open (RADI-2024 vraag 10).',
  'insured.ib': () => 'Self-employed with business profit for income tax: insured by law, with or without staff.',
  'insured.partner': () => "Partner working in a self-employed person's business: insured under this version of the bill.",
  'insured.partnerNot': () => 'Partners working in the business are not covered by the Baz under this version of the bill (uncertain: according to public summaries).',
  'insured.dga': () => 'A director and major shareholder (DGA) has no business profit for income tax and is not covered by the Baz.',
  'insured.resultaatgenieter': () => 'Someone with income from other activities (resultaatgenieter) has no business profit and is not covered by the Baz.',
  'insured.werknemer': () => 'An employee without business profit is not covered by the Baz; they are insured under the WIA through their employer.',

  'option.baz': () => 'Baz (public insurance)',
  'option.bazTopUp': () => 'Baz with a private top-up',
  'option.optOutQuote': () => 'Opt-out with a private AOV (quote)',
  'option.optOutExisting': () => 'Opt-out with the current AOV',
  'option.optOut': () => 'Opt-out with a private AOV',
  'option.privateQuote': () => 'Private AOV (quote)',
  'option.privateExisting': () => 'Private AOV (current policy)',
  'option.transitional': () => 'Transitional law with the current AOV',
  'option.keepBoth': () => 'Keep the Baz and the current AOV',
  'option.notApplicable.topUp': () => 'A top-up to the Baz does not apply: the client is not covered by the Baz.',
  'option.notApplicable.optOut': () => 'An opt-out does not apply: the client is not covered by the Baz.',
  'option.notApplicable.transitional': () => 'Transitional law does not apply: the client is not covered by the Baz.',
  'option.notApplicable.keepBoth': () => 'Keeping both does not apply: the client is not covered by the Baz.',
  'option.noTopUpQuote': () => 'No quote for a private top-up has been entered.',
  'option.noPrivatePolicy': () => 'No private AOV (quote or current policy) has been entered to test against the opt-out conditions.',
  'option.noExistingPolicy': () => 'No current AOV has been entered.',
  'option.failedOptOut': (f: Formatters, p: { condition: string }) => `Does not meet the opt-out condition: ${p.condition}.`,
  'option.failedTransitional': (f: Formatters, p: { condition: string }) => `Does not meet the condition for transitional law: ${p.condition}.`,
  'option.peildatumAssumed': (f: Formatters, p: { date: string }) => `The reference date (peildatum) has not been set; Vangnet assumes ${f.date(p.date)}.`,
  'option.exemptionFromJanuary': (f: Formatters, p: { date: string }) =>
    `The exemption can only start on 1 January (KB-2025): from ${f.date(p.date)}. Until then the client keeps paying the Baz premium on the whole year's profit.`,
  'option.switchBack': (f: Formatters, p: { end: string; bazFrom: string }) =>
    `Returning to the Baz is only possible on 31 December: the exemption ends on ${f.date(p.end)} at the earliest, and the Baz applies again from ${f.date(p.bazFrom)} (KB-2025).`,
  'option.doublePremium': () => 'Double premium: the client pays the Baz premium and the premium of the current AOV.',
  'option.overInsured': (f: Formatters, p: { baz: Amount; policy: Amount; combined: Amount; limit: Fraction; income: Amount }) =>
    `Over-insurance: Baz ${f.euro(p.baz)} + AOV ${f.euro(p.policy)} = ${f.euro(p.combined)} a year is more than ${f.percent(p.limit)} of income (${f.euro(p.income)}); insurers often pay no more than 80–90% of income (RADI-2024 vraag 13). Consider reducing the AOV to a top-up.`,
  'trace.optionPremium.label': (f: Formatters, p: { option: string; year: number }) => `${p.option}: premium ${p.year}`,
  'trace.optionPremium.baz': (f: Formatters, p: { amount: Amount }) => `Baz premium ${f.euro(p.amount)}`,
  'trace.optionPremium.private': (f: Formatters, p: { amount: Amount }) => `private premium ${f.euro(p.amount)}`,
  'trace.optionPremium.stabiliteit': (f: Formatters, p: { amount: Amount }) => `stability levy ${f.euro(p.amount)} (adviser input)`,
  'trace.optionPremium.total': (f: Formatters, p: { annual: Amount; monthly: Amount; net: Amount }) =>
    ` = ${f.euro(p.annual)} a year, ${f.euro(p.monthly)} a month; after tax ${f.euro(p.net)}`,
  'trace.illustration.label': (f: Formatters, p: { option: string; degree: number; disabledFrom: string; benefitFrom: string | null }) =>
    `${p.option}: benefit at ${f.percent(p.degree)} disability (first day of illness ${f.date(p.disabledFrom)}${p.benefitFrom ? `, benefit from ${f.date(p.benefitFrom)}` : ''})`,
  'trace.illustration.part': (f: Formatters, p: { public: boolean; annual: Amount; from: string; until: string }) =>
    `${p.public ? 'Baz' : 'private AOV'} ${f.euro(p.annual)} a year from ${f.date(p.from)} to ${f.date(p.until)}`,
  'trace.illustration.total': (f: Formatters, p: { annual: Amount; monthly: Amount }) => ` = ${f.euro(p.annual)} a year (${f.euro(p.monthly)} a month)`,
  'trace.illustration.none': (f: Formatters) => `no benefit = ${f.euro(0)}`,
  'trace.gap.label': (f: Formatters, p: { option: string }) => `${p.option}: income gap during the waiting period`,
  'trace.gap.expression': (f: Formatters, p: { year: number; degree: number; days: number; months: number; gap: Amount; broodfonds: Amount; remaining: Amount }) =>
    `expected profit ${p.year} × ${f.percent(p.degree)} × ${p.days}/365 (${p.days} days without benefit, ${f.number(p.months, 1)} months) = ${f.euro(p.gap)}; broodfonds ${f.euro(p.broodfonds)}; remaining ${f.euro(p.remaining)}`,

  'illustration.noBenefitAfterWaiting': () => 'At this degree of disability no benefit follows the waiting period: the loss of income runs on until the AOW age.',
  'illustration.atOrAfterAow': () => 'The chosen age is at or after the AOW age: no benefit.',
  'illustration.beforeCalculationYear': (f: Formatters, p: { disabledFrom: string; year: number; fromAge: number }) =>
    `The chosen age at disability (${f.date(p.disabledFrom)}) lies before the calculation year ${p.year}: the illustration does not apply. The comparison of premiums and cover still holds; choose an age of ${p.fromAge} or more for an illustration.`,
  'illustration.beforePolicyStart': (f: Formatters, p: { start: string }) =>
    `The first day of illness lies before the policy's start date (${f.date(p.start)}): the policy does not pay for this illness.`,
  'illustration.waitingPastAow': () => 'The waiting period runs past the AOW age: no Baz benefit (RADI-2024 vraag 9).',
  'illustration.noBazAtDegree': () => 'At this degree of disability there is no Baz benefit.',
  'illustration.differentStarts': () => 'The private benefit and the Baz benefit start on different dates; between those dates only the first one runs.',
  'illustration.broodfonds': (f: Formatters, p: { amount: Amount }) =>
    `A broodfonds bridges ${f.euro(p.amount)} of the income gap (gifts, not insurance: it does not count for opt-out or transitional law, RADI-2024 vraag 17–18).`,
  'illustration.bazIndexation': () => 'The Baz benefit probably follows the rise of the minimum wage (RADI-2024 vraag 3, "aannemelijk"); the amounts here are not indexed.',

  'trace.premiumBase.label': (f: Formatters, p: { year: number }) => `Premium base ${p.year}`,
  'trace.premiumBase.entered': (f: Formatters, p: { year: number; profit: Amount }) => `business profit ${p.year} ${f.euro(p.profit)}`,
  'trace.premiumBase.projected': (f: Formatters, p: { year: number; profit: Amount; fromYear: number; growth: Fraction }) =>
    `expected profit ${p.year} ${f.euro(p.profit)} (profit entered for ${p.fromYear}, growth ${f.percent(p.growth)} a year: assumption)`,
  'trace.premiumBase.estimated': (f: Formatters, p: { year: number; profit: Amount; fromYear: number; growth: Fraction }) =>
    `estimated profit ${p.year} ${f.euro(p.profit)} (first year entered ${p.fromYear}, taken back with growth ${f.percent(p.growth)} a year: assumption)`,
  'trace.premiumBase.negative': () => 'a negative profit counts as €0 (no refund)',
  'trace.franchise': (f: Formatters, p: { cap: Amount; wiaWage: Amount; limit: Amount }) => `franchise: maximum ${f.euro(p.cap)} − WIA wage ${f.euro(p.wiaWage)} = ${f.euro(p.limit)}`,
  'trace.cappedAt': (f: Formatters, p: { cap: Amount }) => `capped at ${f.euro(p.cap)}`,
  'trace.premium.label': (f: Formatters, p: { year: number }) => `Premium ${p.year}`,
  'trace.premium.rateOverridden': (f: Formatters, p: { rate: Fraction }) => `${f.percent(p.rate)} (premium chosen by the adviser)`,
  'trace.premium.base': (f: Formatters, p: { base: Amount; capped: boolean; capFactor: Fraction }) =>
    `${f.euro(p.base)} (base${p.capped ? `, capped at ${f.percent(p.capFactor)} × minimum wage` : ''})`,
  'trace.premium.maximum': (f: Formatters, p: { monthly: Amount; year: number; wml: Amount; wmlYear: number; wmlReference: Amount; rates: readonly [Fraction, Fraction] | null; maximum: Amount }) =>
    `; capped at ${f.euro(p.monthly)} × 12 × minimum wage ${p.year} ${f.euro(p.wml)} / minimum wage ${p.wmlYear} ${f.euro(p.wmlReference)}${p.rates ? ` × ${f.percent(p.rates[0])} / ${f.percent(p.rates[1])}` : ''} = ${f.euro(p.maximum)}`,
  'trace.premium.partYear': (f: Formatters, p: { full: Amount; days: number; daysInYear: number; until: string }) =>
    ` = ${f.euro(p.full)} a year × ${p.days}/${p.daysInYear} days before the AOW date ${f.date(p.until)} (assumption: pro rata)`,
  'trace.netPremium.label': (f: Formatters, p: { year: number }) => `Net premium ${p.year}`,
  'trace.netPremium.expression': (f: Formatters, p: { premium: Amount; tax: Fraction; net: Amount }) =>
    `${f.euro(p.premium)} × (1 − ${f.percent(p.tax)} marginal tax rate, adviser input) = ${f.euro(p.net)}`,

  'trace.benefitBase.label': (f: Formatters, p: { year: number }) => `Benefit base (first day of illness in ${p.year})`,
  'trace.benefitBase.prior': (f: Formatters, p: { year: number; profit: Amount }) => `profit ${p.year} ${f.euro(p.profit)}`,
  'trace.benefitBase.average': (f: Formatters, p: { years: string; average: Amount }) => `average ${p.years} ${f.euro(p.average)}`,
  'trace.benefitBase.highest': (f: Formatters, p: { average: boolean }) => `highest: ${p.average ? 'the average' : 'the year before'}`,
  'trace.benefit.label': () => 'Baz benefit a year',
  'trace.benefit.full': (f: Formatters, p: { degree: number; percentage: Fraction; base: Amount }) =>
    `fully disabled (${f.percent(p.degree)}): ${f.percent(p.percentage)} × ${f.euro(p.base)}`,
  'trace.benefit.absoluteNone': (f: Formatters, p: { degree: number }) =>
    `${f.percent(p.degree)} disabled: under the absolute criterion no benefit while the client can still earn the minimum wage`,
  'trace.benefit.fullOnlyNone': (f: Formatters, p: { degree: number; fullFrom: Fraction }) =>
    `${f.percent(p.degree)} disabled: a benefit only at full disability (${f.percent(p.fullFrom)} or more)`,
  'trace.benefit.belowThreshold': (f: Formatters, p: { degree: number; threshold: Fraction }) =>
    `${f.percent(p.degree)} disabled is less than the threshold of ${f.percent(p.threshold)}: no benefit`,
  'trace.benefit.wiaClass': (f: Formatters, p: { degree: number; share: Fraction; base: Amount }) =>
    `${f.percent(p.degree)} disabled: ${f.percent(p.share)} × ${f.euro(p.base)} (WIA class)`,
  'trace.benefit.proportional': (f: Formatters, p: { degree: number; percentage: Fraction; base: Amount }) =>
    `${f.percent(p.degree)} × ${f.percent(p.percentage)} × ${f.euro(p.base)}`,
  'trace.benefit.offset': (f: Formatters, p: { share: Fraction; earnings: Amount; offset: Amount }) =>
    `; less ${f.percent(p.share)} × earnings next to the benefit ${f.euro(p.earnings)} = ${f.euro(p.offset)}`,
  'trace.benefit.rule.proportional': () => 'in proportion to the degree of disability',
  'trace.benefit.rule.wiaClasses': () => 'by the WIA class table (RADI-2024 vraag 12)',
  'trace.benefit.rule.fullOnly': (f: Formatters, p: { fullFrom: Fraction }) => `only at full disability (${f.percent(p.fullFrom)} or more)`,
  'trace.benefitAtFull.label': (f: Formatters, p: { year: number }) => `Baz benefit a year at full disability (first day of illness 1 January ${p.year})`,

  'trace.wml.january': (f: Formatters, p: { amount: Amount; year: number }) => `${f.euro(p.amount)} (1 January ${p.year})`,
  'trace.wml.july': (f: Formatters, p: { amount: Amount; year: number }) => `${f.euro(p.amount)} (1 July ${p.year})`,
  'trace.wml.average': (f: Formatters, p: { january: Amount; july: Amount }) => `(${f.euro(p.january)} from 1 January + ${f.euro(p.july)} from 1 July) / 2`,
  'trace.wml.label': (f: Formatters, p: { year: number }) => `Minimum wage ${p.year}, annual`,
  'trace.wml.expression': (f: Formatters, p: { monthly: string; holidayPay: number | null; indexation: Fraction | null; annual: Amount }) =>
    `12 × ${p.monthly}${p.holidayPay !== null ? ` × ${f.number(p.holidayPay, 2)} (holiday pay)` : ' (without holiday pay)'}${p.indexation !== null ? `, indexed by ${f.percent(p.indexation)} a year from the last known amount (assumption)` : ''} = ${f.euro(p.annual)}`,
  'trace.cap.label': (f: Formatters, p: { year: number }) => `Maximum base ${p.year}`,
  'trace.cap.expression': (f: Formatters, p: { factor: Fraction; annual: Amount; cap: Amount }) => `${f.percent(p.factor)} × ${f.euro(p.annual)} (annual minimum wage) = ${f.euro(p.cap)}`,

  'condition.waiting': (f: Formatters, p: { days: number }) =>
    p.days % 365 === 0 && p.days > 0 ? (p.days === 365 ? '1 year' : `${p.days / 365} years`) : p.days % 7 === 0 && p.days >= 28 ? `${p.days / 7} weeks` : `${p.days} days`,
  'condition.aowAge': (f: Formatters, p: { years: number; months: number }) => (p.months ? `${p.years} years and ${p.months} months` : `${p.years} years`),
  'condition.threshold': (f: Formatters, p: { passed: boolean; threshold: number; max: number }) =>
    `disability threshold ${f.number(p.threshold)}% is ${p.passed ? 'not higher than' : 'higher than'} allowed (max. ${f.number(p.max)}%)`,
  'condition.waitingPeriod': (f: Formatters, p: { passed: boolean; waiting: string; max: string }) =>
    `waiting period ${p.waiting} is ${p.passed ? 'not longer than' : 'longer than'} allowed (max. ${p.max})`,
  'condition.endAge.passed': (f: Formatters, p: { aowAge: string }) => `cover runs until the AOW age (${p.aowAge})`,
  'condition.endAge.failed': (f: Formatters, p: { endAge: number; aowAge: string }) => `cover ends at ${p.endAge}, before the AOW age of ${p.aowAge}`,
  'condition.medical': (f: Formatters, p: { passed: boolean }) => (p.passed ? 'no medical exclusions' : 'the policy has medical exclusions; these are not allowed'),
  'condition.benefit': (f: Formatters, p: { passed: boolean; insured: Amount; baz: Amount }) =>
    `insured benefit ${f.euro(p.insured)} a year is ${p.passed ? 'at least' : 'lower than'} the Baz benefit of ${f.euro(p.baz)}`,
  'condition.premium': (f: Formatters, p: { passed: boolean; premium: Amount; baz: Amount }) =>
    `premium ${f.euro(p.premium)} a year is ${p.passed ? 'at least' : 'lower than'} the Baz premium of ${f.euro(p.baz)}`,
  'condition.inForce': (f: Formatters, p: { passed: boolean; peildatum: string; assumed: boolean; start: string }) =>
    p.passed
      ? `the policy was already running on the reference date ${f.date(p.peildatum)} (${p.assumed ? 'assumed; ' : ''}start date ${f.date(p.start)})`
      : `the policy started on ${f.date(p.start)}, after the reference date ${f.date(p.peildatum)}${p.assumed ? ' (assumed reference date)' : ''}`,
  'condition.relaxed': (f: Formatters, p: { condition: string }) => `${p.condition} — relaxed under transitional law (adviser's assumption)`,

  'criterion.baz.absolute': (f: Formatters, p: { waitingDays: number }) =>
    `The Baz only pays if, after the waiting period of ${waitingWords(f, p.waitingDays)}, you can no longer earn the minimum wage in any generally accepted work (an absolute criterion, assessed by UWV). If you can still do other work, even outside your trade, you get no benefit, not even a partial one.`,
  'criterion.baz.incomeLoss': (f: Formatters, p: { waitingDays: number; threshold: Fraction }) =>
    `After the waiting period of ${waitingWords(f, p.waitingDays)} the Baz pays if illness costs you at least ${f.percent(p.threshold)} of your income, measured against what you can still earn in generally accepted work (as under the WIA). With partial disability the benefit is lower accordingly.`,
  'criterion.policy.beroeps': () =>
    'pays if you can no longer practise your own occupation (occupational disability), even if you could still do other work. That happens far more often than a Baz benefit.',
  'criterion.policy.passende': () =>
    'pays if you can no longer do your own occupation or work that suits your training and experience (suitable work): wider than the Baz, stricter than an own-occupation AOV.',
  'criterion.policy.gangbare': () => 'only pays if you can no longer do any generally accepted work: a criterion as strict as that of the Baz.',
  'criterion.existing': () => 'Your current AOV',
  'criterion.quote': () => 'The quote for a private AOV',
  'criterion.topUp': () => 'The top-up AOV',

  'assumption.parameter': (f: Formatters, p: { name: string; text: string; range: readonly [Fraction, Fraction] | null; value: Fraction }) =>
    `${p.name}: ${p.text}${p.range ? ` Range ${f.percent(p.range[0])} to ${f.percent(p.range[1])}; Vangnet uses ${f.percent(p.value)}.` : ''}`,
  'assumption.premiumRate': (f: Formatters, p: { rate: Fraction; own: Fraction }) => `The adviser uses a premium of ${f.percent(p.rate)} instead of the bill's ${f.percent(p.own)}.`,
  'assumption.beforeStart': (f: Formatters, p: { year: number; startYear: number }) =>
    `The calculation year ${p.year} lies before the intended first year ${p.startYear}: the amounts show what the Baz would cost if the law applied in ${p.year} already.`,
  'assumption.wmlIndexation': (f: Formatters, p: { rate: Fraction }) => `The minimum wage after the last known amount rises by ${f.percent(p.rate)} a year (adviser input).`,
  'assumption.profitGrowth': (f: Formatters, p: { rate: Fraction }) => `Profit after the last year entered grows by ${f.percent(p.rate)} a year (adviser input).`,
  'assumption.marginalTax': (f: Formatters, p: { rate: Fraction }) =>
    `Net premium: the premium is deductible at a marginal rate of ${f.percent(p.rate)} (adviser input; the actual relief depends on income and deductions, RADI-2024 vraag 5).`,
  'assumption.stabiliteit': (f: Formatters, p: { amount: Amount }) => `Stability levy on a private opt-out policy: ${f.euro(p.amount)} a year (adviser input; the amount is not yet known).`,
  'assumption.stabiliteitUnknown': () => 'The stability levy on a private opt-out policy is not yet known and has been set to €0 (RADI-2024 vraag 19).',
  'assumption.wmlProjected': (f: Formatters, p: { date: string; rate: Fraction }) =>
    `Amounts after ${f.date(p.date)} use a projected minimum wage (${f.percent(p.rate)} a year); such years are marked in the table.`,
  'assumption.aowYear': (f: Formatters, p: { year: number; date: string; days: number; daysInYear: number }) =>
    `In ${p.year} the client reaches the AOW age on ${f.date(p.date)}. The sources do not say how that year's premium is levied (RADI-2024 vraag 9 asks whether it can be "pro rata"); Vangnet counts cover and premium pro rata: ${p.days} of the ${p.daysInYear} days.`,
  'assumption.wiaWageFlat': (f: Formatters, p: { year: number; wage: Amount; rate: Fraction }) =>
    `The wage insured under the WIA after ${p.year} stays at ${f.euro(p.wage)} a year: no assumption about its growth has been entered. The minimum wage, and with it the maximum base, does rise by ${f.percent(p.rate)} a year; the franchise (maximum base − WIA wage) therefore leaves a higher Baz base in later years.`,
  'assumption.aowProjected': (f: Formatters, p: { lastYear: number; years: number; months: number }) =>
    `The AOW age after ${p.lastYear} has not been set yet; Vangnet assumes the last age set (${p.years} years and ${p.months} months). If life expectancy rises, it will be higher (art. 7a AOW).`,
  'assumption.benefitTaxRateMissing': () =>
    'Net income when disabled: the tax rate on benefits has not been entered. Vangnet has no official table of tax brackets and credits with a source; without this rate the net amounts of benefits and earnings stay open.',
  'assumption.benefitTaxRate': (f: Formatters, p: { rate: number }) =>
    `Net income when disabled: benefits and earnings next to them are taxed at ${f.percent(p.rate)} (adviser input); partner and other income are already net.`,
  'assumption.incomePictureMonths': () =>
    'The income picture counts whole months from the first day of illness; a month belongs to the phase in force on its first day. Benefits are not indexed. Broodfonds and buffer only fill the shortfall in the waiting period.',
  'assumption.aowBeforeTable': () => 'Year before the table: the AOW age of 2024 has been used.',
  'override.chosen': () => 'Chosen by the adviser.',
  'override.partialBenefit': (f: Formatters, p: { rule: string; own: string }) => `The adviser uses the partial-disability rule "${p.rule}" instead of "${p.own}".`,
  'override.wmlYearRule': (f: Formatters, p: { rule: string }) => `The adviser chooses the rule "${p.rule}" for the minimum wage of a calendar year.`,
  'override.holidayPay': (f: Formatters, p: { included: boolean }) => `The adviser counts the minimum wage ${p.included ? 'with' : 'without'} 8% holiday pay.`,
  'override.optOutWaiting': (f: Formatters, p: { days: number }) => `The adviser tests the opt-out against a waiting period of at most ${p.days} days.`,
  'override.partner': (f: Formatters, p: { insured: boolean }) => `The adviser assumes that a partner working in the business is ${p.insured ? '' : 'not '}insured.`,
  'override.franchise': (f: Formatters, p: { enabled: boolean }) => `The adviser calculates ${p.enabled ? 'with' : 'without'} a franchise for wages insured under the WIA.`,

  'parameter.startYear': () => 'First year',
  'parameter.premiumRate': () => 'Premium rate',
  'parameter.capFactor': () => 'Maximum base',
  'parameter.wmlIncludesHolidayPay': () => 'Minimum wage with or without holiday pay',
  'parameter.holidayPayFactor': () => 'Holiday pay',
  'parameter.premiumMaximum': () => 'Maximum premium',
  'parameter.wmlYearRule': () => 'Minimum wage for a calendar year',
  'parameter.waitingDays': () => 'Waiting period',
  'parameter.benefitPercentage': () => 'Benefit percentage',
  'parameter.earningsOffset': () => 'Offset of earnings',
  'parameter.averagingYears': () => 'Averaging of the benefit base',
  'parameter.criterion': () => 'Disability criterion',
  'parameter.incomeLossThreshold': () => 'Income-loss threshold',
  'parameter.partialBenefit': () => 'Benefit at partial disability',
  'parameter.fullDisabilityFrom': () => 'Fully disabled from',
  'parameter.wiaClasses': () => 'WIA class table',
  'parameter.overInsuranceLimit': () => 'Over-insurance limit',
  'parameter.negativeProfitGivesZero': () => 'Negative profit',
  'parameter.franchise': () => 'Franchise',
  'parameter.partnerInsured': () => 'Partner in the business insured',
  'parameter.switchRule': () => 'Switch moment',
  'parameter.optOutMaxWaitingDays': () => 'Opt-out: longest waiting period',
  'parameter.optOutMaxThresholdPercent': () => 'Opt-out: highest threshold',
  'parameter.transitionalPeildatum': () => 'Reference date for transitional law',

  'explain.seeAbove': () => 'see above',
  'explain.source': () => 'source',
  'explain.uncertain': () => '[uncertain / assumption]',
}
