/**
 * The rules' texts in Dutch: reasons, conditions, warnings, notes, assumptions and the labels and
 * calculations of every explained figure. Each message has an id and its parameters; numbers,
 * amounts and dates are formatted by `f` in the language of the text. The English catalog
 * (en.ts) must have every id: TypeScript and test/rules/messages.test.ts refuse a missing one.
 */
import type Decimal from 'decimal.js'
import type { Formatters } from './format'

type Amount = Decimal | number
type Fraction = Decimal | string | number

const waitingWords = (f: Formatters, days: number): string => (days >= 728 ? 'twee jaar' : days >= 364 ? 'één jaar' : `${days} dagen`)

export const nl = {
  // Who is insured (insured.ts)
  'insured.alternatives': () =>
    'Wat overblijft: een private arbeidsongeschiktheidsverzekering (AOV), een broodfonds of schenkkring voor de eerste twee jaar, eigen buffer, en als laatste vangnet de bijstand.',
  'insured.aowReached': () => 'De klant heeft in het rekenjaar de AOW-leeftijd bereikt; de Baz verzekert tot de AOW-leeftijd.',
  'insured.objector': () => 'De klant is gemoedsbezwaard en daarom uitgezonderd van de verzekeringsplicht.',
  'insured.ibUnder18': () => 'IB-ondernemer, maar jonger dan 18: vanaf welke leeftijd de verzekering geldt is nog open (RADI-2024 vraag 10).',
  'insured.ib': () => 'IB-ondernemer met winst uit onderneming: verplicht verzekerd, met of zonder personeel.',
  'insured.partner': () => 'Meewerkende partner van een IB-ondernemer: verzekerd in deze versie van het wetsvoorstel.',
  'insured.partnerNot': () => 'Meewerkende partners vallen in deze versie van het wetsvoorstel niet onder de Baz (onzeker: volgens openbare samenvattingen).',
  'insured.dga': () => 'Een directeur-grootaandeelhouder (DGA) heeft geen winst uit onderneming en valt niet onder de Baz.',
  'insured.resultaatgenieter': () => 'Een resultaatgenieter (resultaat uit overige werkzaamheden) heeft geen winst uit onderneming en valt niet onder de Baz.',
  'insured.werknemer': () => 'Een werknemer zonder winst uit onderneming valt niet onder de Baz; hij is via de werkgever verzekerd voor de WIA.',

  // The options (options.ts)
  'option.baz': () => 'Baz (publieke verzekering)',
  'option.bazTopUp': () => 'Baz met aanvullende AOV',
  'option.optOutQuote': () => 'Opt-out met private AOV (offerte)',
  'option.optOutExisting': () => 'Opt-out met de lopende AOV',
  'option.optOut': () => 'Opt-out met private AOV',
  'option.privateQuote': () => 'Private AOV (offerte)',
  'option.privateExisting': () => 'Private AOV (lopende polis)',
  'option.transitional': () => 'Overgangsrecht met de lopende AOV',
  'option.keepBoth': () => 'Baz én de lopende AOV houden',
  'option.notApplicable.topUp': () => 'Een aanvulling op de Baz is niet aan de orde: de klant valt niet onder de Baz.',
  'option.notApplicable.optOut': () => 'Een opt-out is niet aan de orde: de klant valt niet onder de Baz.',
  'option.notApplicable.transitional': () => 'Overgangsrecht is niet aan de orde: de klant valt niet onder de Baz.',
  'option.notApplicable.keepBoth': () => 'Beide houden is niet aan de orde: de klant valt niet onder de Baz.',
  'option.noTopUpQuote': () => 'Er is geen offerte voor een aanvullende AOV ingevoerd.',
  'option.noPrivatePolicy': () => 'Er is geen private AOV (offerte of lopende polis) ingevoerd om aan de opt-out-voorwaarden te toetsen.',
  'option.noExistingPolicy': () => 'Er is geen lopende AOV ingevoerd.',
  'option.failedOptOut': (f: Formatters, p: { condition: string }) => `Voldoet niet aan de opt-out-voorwaarde: ${p.condition}.`,
  'option.failedTransitional': (f: Formatters, p: { condition: string }) => `Voldoet niet aan de voorwaarde voor overgangsrecht: ${p.condition}.`,
  'option.peildatumAssumed': (f: Formatters, p: { date: string }) => `De peildatum is niet vastgesteld; Vangnet neemt ${f.date(p.date)} aan.`,
  'option.exemptionFromJanuary': (f: Formatters, p: { date: string }) =>
    `De ontheffing kan alleen op 1 januari ingaan (KB-2025): vanaf ${f.date(p.date)}. Tot dan blijft de klant Baz-premie betalen over de hele winst van het jaar.`,
  'option.switchBack': (f: Formatters, p: { end: string; bazFrom: string }) =>
    `Terug naar de Baz kan alleen per 31 december: de ontheffing eindigt op zijn vroegst op ${f.date(p.end)}, de Baz geldt dan weer vanaf ${f.date(p.bazFrom)} (KB-2025).`,
  'option.doublePremium': () => 'Dubbele premie: de klant betaalt de Baz-premie én de premie van de lopende AOV.',
  'option.overInsured': (f: Formatters, p: { baz: Amount; policy: Amount; combined: Amount; limit: Fraction; income: Amount }) =>
    `Oververzekering: Baz ${f.euro(p.baz)} + AOV ${f.euro(p.policy)} = ${f.euro(p.combined)} per jaar is meer dan ${f.percent(p.limit)} van het inkomen (${f.euro(p.income)}); verzekeraars keren vaak niet meer uit dan 80–90 % van het inkomen (RADI-2024 vraag 13). Overweeg de AOV te verlagen tot een aanvulling.`,
  'trace.optionPremium.label': (f: Formatters, p: { option: string; year: number }) => `${p.option}: premie ${p.year}`,
  'trace.optionPremium.baz': (f: Formatters, p: { amount: Amount }) => `Baz-premie ${f.euro(p.amount)}`,
  'trace.optionPremium.private': (f: Formatters, p: { amount: Amount }) => `private premie ${f.euro(p.amount)}`,
  'trace.optionPremium.stabiliteit': (f: Formatters, p: { amount: Amount }) => `stabiliteitsbijdrage ${f.euro(p.amount)} (invoer adviseur)`,
  'trace.optionPremium.total': (f: Formatters, p: { annual: Amount; monthly: Amount; net: Amount }) =>
    ` = ${f.euro(p.annual)} per jaar, ${f.euro(p.monthly)} per maand; netto na belasting ${f.euro(p.net)}`,
  'trace.illustration.label': (f: Formatters, p: { option: string; degree: number; disabledFrom: string; benefitFrom: string | null }) =>
    `${p.option}: uitkering bij ${f.percent(p.degree)} arbeidsongeschiktheid (eerste ziektedag ${f.date(p.disabledFrom)}${p.benefitFrom ? `, uitkering vanaf ${f.date(p.benefitFrom)}` : ''})`,
  'trace.illustration.part': (f: Formatters, p: { public: boolean; annual: Amount; from: string; until: string }) =>
    `${p.public ? 'Baz' : 'private AOV'} ${f.euro(p.annual)} per jaar van ${f.date(p.from)} tot ${f.date(p.until)}`,
  'trace.illustration.total': (f: Formatters, p: { annual: Amount; monthly: Amount }) => ` = ${f.euro(p.annual)} per jaar (${f.euro(p.monthly)} per maand)`,
  'trace.illustration.none': (f: Formatters) => `geen uitkering = ${f.euro(0)}`,
  'trace.gap.label': (f: Formatters, p: { option: string }) => `${p.option}: inkomensgat tijdens de wachttijd`,
  'trace.gap.expression': (f: Formatters, p: { year: number; degree: number; days: number; months: number; gap: Amount; broodfonds: Amount; remaining: Amount }) =>
    `verwachte winst ${p.year} × ${f.percent(p.degree)} × ${p.days}/365 (${p.days} dagen zonder uitkering, ${f.number(p.months, 1)} maanden) = ${f.euro(p.gap)}; broodfonds ${f.euro(p.broodfonds)}; resterend ${f.euro(p.remaining)}`,

  // The illustration (illustration.ts)
  'illustration.noBenefitAfterWaiting': () => 'Bij deze mate van arbeidsongeschiktheid volgt na de wachttijd geen uitkering: het inkomensverlies loopt door tot de AOW-leeftijd.',
  'illustration.atOrAfterAow': () => 'De gekozen leeftijd ligt op of na de AOW-leeftijd: geen uitkering.',
  'illustration.beforeCalculationYear': (f: Formatters, p: { disabledFrom: string; year: number; fromAge: number }) =>
    `De gekozen leeftijd bij arbeidsongeschiktheid (${f.date(p.disabledFrom)}) ligt vóór het rekenjaar ${p.year}: de illustratie is niet van toepassing. De vergelijking van premies en dekking geldt wel; kies een leeftijd vanaf ${p.fromAge} voor een illustratie.`,
  'illustration.beforePolicyStart': (f: Formatters, p: { start: string }) =>
    `De eerste ziektedag ligt vóór de ingangsdatum van de polis (${f.date(p.start)}): de polis keert voor deze ziekte niet uit.`,
  'illustration.waitingPastAow': () => 'De wachttijd loopt tot na de AOW-leeftijd: geen Baz-uitkering (RADI-2024 vraag 9).',
  'illustration.noBazAtDegree': () => 'Bij deze mate van arbeidsongeschiktheid is er geen Baz-uitkering.',
  'illustration.differentStarts': () => 'De private uitkering en de Baz-uitkering beginnen op verschillende data; tussen die data loopt alleen de eerste.',
  'illustration.broodfonds': (f: Formatters, p: { amount: Amount }) =>
    `Een broodfonds overbrugt ${f.euro(p.amount)} van het inkomensgat (schenkingen, geen verzekering: telt niet voor opt-out of overgangsrecht, RADI-2024 vraag 17–18).`,
  'illustration.bazIndexation': () => 'De Baz-uitkering volgt waarschijnlijk de stijging van het minimumloon (RADI-2024 vraag 3, "aannemelijk"); de bedragen hier zijn niet geïndexeerd.',

  // Premium (premium.ts)
  'trace.premiumBase.label': (f: Formatters, p: { year: number }) => `Premiegrondslag ${p.year}`,
  'trace.premiumBase.entered': (f: Formatters, p: { year: number; profit: Amount }) => `winst uit onderneming ${p.year} ${f.euro(p.profit)}`,
  'trace.premiumBase.projected': (f: Formatters, p: { year: number; profit: Amount; fromYear: number; growth: Fraction }) =>
    `verwachte winst ${p.year} ${f.euro(p.profit)} (ingevoerde winst ${p.fromYear}, groei ${f.percent(p.growth)} per jaar: aanname)`,
  'trace.premiumBase.estimated': (f: Formatters, p: { year: number; profit: Amount; fromYear: number; growth: Fraction }) =>
    `geschatte winst ${p.year} ${f.euro(p.profit)} (eerst ingevoerde jaar ${p.fromYear}, teruggerekend met groei ${f.percent(p.growth)} per jaar: aanname)`,
  'trace.premiumBase.negative': () => 'negatieve winst telt als € 0 (geen teruggave)',
  'trace.franchise': (f: Formatters, p: { cap: Amount; wiaWage: Amount; limit: Amount }) => `franchise: maximaal ${f.euro(p.cap)} − WIA-loon ${f.euro(p.wiaWage)} = ${f.euro(p.limit)}`,
  'trace.cappedAt': (f: Formatters, p: { cap: Amount }) => `gemaximeerd op ${f.euro(p.cap)}`,
  'trace.premium.label': (f: Formatters, p: { year: number }) => `Premie ${p.year}`,
  'trace.premium.rateOverridden': (f: Formatters, p: { rate: Fraction }) => `${f.percent(p.rate)} (premie gekozen door de adviseur)`,
  'trace.premium.base': (f: Formatters, p: { base: Amount; capped: boolean; capFactor: Fraction }) =>
    `${f.euro(p.base)} (grondslag${p.capped ? `, gemaximeerd op ${f.percent(p.capFactor)} × minimumloon` : ''})`,
  'trace.premium.maximum': (f: Formatters, p: { monthly: Amount; year: number; wml: Amount; wmlYear: number; wmlReference: Amount; rates: readonly [Fraction, Fraction] | null; maximum: Amount }) =>
    `; gemaximeerd op ${f.euro(p.monthly)} × 12 × minimumloon ${p.year} ${f.euro(p.wml)} / minimumloon ${p.wmlYear} ${f.euro(p.wmlReference)}${p.rates ? ` × ${f.percent(p.rates[0])} / ${f.percent(p.rates[1])}` : ''} = ${f.euro(p.maximum)}`,
  'trace.premium.partYear': (f: Formatters, p: { full: Amount; days: number; daysInYear: number; until: string }) =>
    ` = ${f.euro(p.full)} per jaar × ${p.days}/${p.daysInYear} dagen vóór de AOW-datum ${f.date(p.until)} (aanname: naar rato)`,
  'trace.netPremium.label': (f: Formatters, p: { year: number }) => `Netto premie ${p.year}`,
  'trace.netPremium.expression': (f: Formatters, p: { premium: Amount; tax: Fraction; net: Amount }) =>
    `${f.euro(p.premium)} × (1 − ${f.percent(p.tax)} marginaal belastingtarief, invoer adviseur) = ${f.euro(p.net)}`,

  // Benefit (benefit.ts, option-plan.ts)
  'trace.benefitBase.label': (f: Formatters, p: { year: number }) => `Uitkeringsgrondslag (eerste ziektedag in ${p.year})`,
  'trace.benefitBase.prior': (f: Formatters, p: { year: number; profit: Amount }) => `winst ${p.year} ${f.euro(p.profit)}`,
  'trace.benefitBase.average': (f: Formatters, p: { years: string; average: Amount }) => `gemiddelde ${p.years} ${f.euro(p.average)}`,
  'trace.benefitBase.highest': (f: Formatters, p: { average: boolean }) => `hoogste: ${p.average ? 'het gemiddelde' : 'het jaar ervoor'}`,
  'trace.benefit.label': () => 'Baz-uitkering per jaar',
  'trace.benefit.full': (f: Formatters, p: { degree: number; percentage: Fraction; base: Amount }) =>
    `volledig arbeidsongeschikt (${f.percent(p.degree)}): ${f.percent(p.percentage)} × ${f.euro(p.base)}`,
  'trace.benefit.absoluteNone': (f: Formatters, p: { degree: number }) =>
    `${f.percent(p.degree)} arbeidsongeschikt: onder het absolute criterium geen uitkering zolang de klant het minimumloon nog kan verdienen`,
  'trace.benefit.fullOnlyNone': (f: Formatters, p: { degree: number; fullFrom: Fraction }) =>
    `${f.percent(p.degree)} arbeidsongeschikt: alleen bij volledige arbeidsongeschiktheid (${f.percent(p.fullFrom)} of meer) een uitkering`,
  'trace.benefit.belowThreshold': (f: Formatters, p: { degree: number; threshold: Fraction }) =>
    `${f.percent(p.degree)} arbeidsongeschikt is minder dan de drempel van ${f.percent(p.threshold)}: geen uitkering`,
  'trace.benefit.wiaClass': (f: Formatters, p: { degree: number; share: Fraction; base: Amount }) =>
    `${f.percent(p.degree)} arbeidsongeschikt: ${f.percent(p.share)} × ${f.euro(p.base)} (WIA-klasse)`,
  'trace.benefit.proportional': (f: Formatters, p: { degree: number; percentage: Fraction; base: Amount }) =>
    `${f.percent(p.degree)} × ${f.percent(p.percentage)} × ${f.euro(p.base)}`,
  'trace.benefit.offset': (f: Formatters, p: { share: Fraction; earnings: Amount; offset: Amount }) =>
    `; min ${f.percent(p.share)} × inkomsten naast de uitkering ${f.euro(p.earnings)} = ${f.euro(p.offset)}`,
  'trace.benefit.rule.proportional': () => 'evenredig met de mate van arbeidsongeschiktheid',
  'trace.benefit.rule.wiaClasses': () => 'volgens de WIA-klassentabel (RADI-2024 vraag 12)',
  'trace.benefit.rule.fullOnly': (f: Formatters, p: { fullFrom: Fraction }) => `alleen bij volledige arbeidsongeschiktheid (${f.percent(p.fullFrom)} of meer)`,
  'trace.benefitAtFull.label': (f: Formatters, p: { year: number }) =>
    `Baz-uitkering per jaar bij volledige arbeidsongeschiktheid (eerste ziektedag 1 januari ${p.year})`,

  // Minimum wage and cap (wml.ts)
  'trace.wml.january': (f: Formatters, p: { amount: Amount; year: number }) => `${f.euro(p.amount)} (1 januari ${p.year})`,
  'trace.wml.july': (f: Formatters, p: { amount: Amount; year: number }) => `${f.euro(p.amount)} (1 juli ${p.year})`,
  'trace.wml.average': (f: Formatters, p: { january: Amount; july: Amount }) => `(${f.euro(p.january)} per 1 januari + ${f.euro(p.july)} per 1 juli) / 2`,
  'trace.wml.label': (f: Formatters, p: { year: number }) => `Minimumloon ${p.year} op jaarbasis`,
  'trace.wml.expression': (f: Formatters, p: { monthly: string; holidayPay: number | null; indexation: Fraction | null; annual: Amount }) =>
    `12 × ${p.monthly}${p.holidayPay !== null ? ` × ${f.number(p.holidayPay, 2)} (vakantiegeld)` : ' (zonder vakantiegeld)'}${p.indexation !== null ? `, geïndexeerd met ${f.percent(p.indexation)} per jaar vanaf het laatst bekende bedrag (aanname)` : ''} = ${f.euro(p.annual)}`,
  'trace.cap.label': (f: Formatters, p: { year: number }) => `Maximale grondslag ${p.year}`,
  'trace.cap.expression': (f: Formatters, p: { factor: Fraction; annual: Amount; cap: Amount }) => `${f.percent(p.factor)} × ${f.euro(p.annual)} (minimumloon op jaarbasis) = ${f.euro(p.cap)}`,

  // Opt-out and transitional law (opt-out.ts)
  'condition.waiting': (f: Formatters, p: { days: number }) =>
    p.days % 365 === 0 && p.days > 0 ? (p.days === 365 ? '1 jaar' : `${p.days / 365} jaar`) : p.days % 7 === 0 && p.days >= 28 ? `${p.days / 7} weken` : `${p.days} dagen`,
  'condition.aowAge': (f: Formatters, p: { years: number; months: number }) => (p.months ? `${p.years} jaar en ${p.months} maanden` : `${p.years} jaar`),
  'condition.threshold': (f: Formatters, p: { passed: boolean; threshold: number; max: number }) =>
    `arbeidsongeschiktheidsdrempel ${f.number(p.threshold)} % is ${p.passed ? 'niet hoger dan' : 'hoger dan'} toegestaan (max. ${f.number(p.max)} %)`,
  'condition.waitingPeriod': (f: Formatters, p: { passed: boolean; waiting: string; max: string }) =>
    `eigen risico ${p.waiting} is ${p.passed ? 'niet langer dan' : 'langer dan'} toegestaan (max. ${p.max})`,
  'condition.endAge.passed': (f: Formatters, p: { aowAge: string }) => `dekking loopt tot de AOW-leeftijd (${p.aowAge})`,
  'condition.endAge.failed': (f: Formatters, p: { endAge: number; aowAge: string }) => `dekking eindigt op ${p.endAge} jaar, vóór de AOW-leeftijd van ${p.aowAge}`,
  'condition.medical': (f: Formatters, p: { passed: boolean }) => (p.passed ? 'geen medische uitsluitingen' : 'de polis heeft medische uitsluitingen; die zijn niet toegestaan'),
  'condition.benefit': (f: Formatters, p: { passed: boolean; insured: Amount; baz: Amount }) =>
    `verzekerde uitkering ${f.euro(p.insured)} per jaar is ${p.passed ? 'minstens' : 'lager dan'} de Baz-uitkering van ${f.euro(p.baz)}`,
  'condition.premium': (f: Formatters, p: { passed: boolean; premium: Amount; baz: Amount }) =>
    `premie ${f.euro(p.premium)} per jaar is ${p.passed ? 'minstens' : 'lager dan'} de Baz-premie van ${f.euro(p.baz)}`,
  'condition.inForce': (f: Formatters, p: { passed: boolean; peildatum: string; assumed: boolean; start: string }) =>
    p.passed
      ? `de polis liep al op de peildatum ${f.date(p.peildatum)} (${p.assumed ? 'aangenomen; ' : ''}ingangsdatum ${f.date(p.start)})`
      : `de polis is ingegaan op ${f.date(p.start)}, na de peildatum ${f.date(p.peildatum)}${p.assumed ? ' (aangenomen peildatum)' : ''}`,
  'condition.relaxed': (f: Formatters, p: { condition: string }) => `${p.condition} — versoepeld onder het overgangsrecht (aanname adviseur)`,

  // When each option pays (criterion.ts)
  'criterion.baz.absolute': (f: Formatters, p: { waitingDays: number }) =>
    `De Baz keert pas uit als u na de wachttijd van ${waitingWords(f, p.waitingDays)} in geen enkel algemeen geaccepteerd werk meer het minimumloon kunt verdienen (een absoluut criterium, beoordeeld door UWV). Kunt u nog ander werk doen, ook buiten uw vak, dan krijgt u geen uitkering, ook geen gedeeltelijke.`,
  'criterion.baz.incomeLoss': (f: Formatters, p: { waitingDays: number; threshold: Fraction }) =>
    `De Baz keert na de wachttijd van ${waitingWords(f, p.waitingDays)} uit als u door ziekte minstens ${f.percent(p.threshold)} van uw inkomen verliest, gemeten aan wat u nog kunt verdienen in gangbare arbeid (zoals bij de WIA). Bij gedeeltelijke arbeidsongeschiktheid is de uitkering navenant lager.`,
  'criterion.policy.beroeps': () =>
    'keert uit als u uw eigen beroep niet meer kunt uitoefenen (beroepsarbeidsongeschiktheid), ook als u ander werk nog wel zou kunnen. Dat gebeurt veel vaker dan een Baz-uitkering.',
  'criterion.policy.passende': () =>
    'keert uit als u uw eigen beroep en werk dat past bij uw opleiding en ervaring niet meer kunt doen (passende arbeid): ruimer dan de Baz, strenger dan een beroeps-AOV.',
  'criterion.policy.gangbare': () => 'keert alleen uit als u geen gangbare arbeid meer kunt doen: een criterium zo streng als dat van de Baz.',
  'criterion.existing': () => 'Uw lopende AOV',
  'criterion.quote': () => 'De offerte voor een private AOV',
  'criterion.topUp': () => 'De aanvullende AOV',

  // Assumptions (advise.ts, context.ts)
  'assumption.parameter': (f: Formatters, p: { name: string; text: string; range: readonly [Fraction, Fraction] | null; value: Fraction }) =>
    `${p.name}: ${p.text}${p.range ? ` Bandbreedte ${f.percent(p.range[0])} tot ${f.percent(p.range[1])}; Vangnet rekent met ${f.percent(p.value)}.` : ''}`,
  'assumption.premiumRate': (f: Formatters, p: { rate: Fraction; own: Fraction }) => `De adviseur rekent met een premie van ${f.percent(p.rate)} in plaats van ${f.percent(p.own)} uit het wetsvoorstel.`,
  'assumption.beforeStart': (f: Formatters, p: { year: number; startYear: number }) =>
    `Het rekenjaar ${p.year} ligt vóór het beoogde startjaar ${p.startYear}: de bedragen laten zien wat de Baz zou kosten als de wet in ${p.year} al gold.`,
  'assumption.wmlIndexation': (f: Formatters, p: { rate: Fraction }) => `Het minimumloon na het laatst bekende bedrag stijgt met ${f.percent(p.rate)} per jaar (invoer adviseur).`,
  'assumption.profitGrowth': (f: Formatters, p: { rate: Fraction }) => `De winst na het laatst ingevoerde jaar groeit met ${f.percent(p.rate)} per jaar (invoer adviseur).`,
  'assumption.marginalTax': (f: Formatters, p: { rate: Fraction }) =>
    `Netto premie: de premie is aftrekbaar tegen een marginaal tarief van ${f.percent(p.rate)} (invoer adviseur; het werkelijke voordeel hangt af van inkomen en aftrekposten, RADI-2024 vraag 5).`,
  'assumption.stabiliteit': (f: Formatters, p: { amount: Amount }) =>
    `Stabiliteitsbijdrage op een private opt-out-polis: ${f.euro(p.amount)} per jaar (invoer adviseur; de hoogte is nog onbekend).`,
  'assumption.stabiliteitUnknown': () => 'De stabiliteitsbijdrage op een private opt-out-polis is nog onbekend en is op € 0 gezet (RADI-2024 vraag 19).',
  'assumption.wmlProjected': (f: Formatters, p: { date: string; rate: Fraction }) =>
    `Bedragen na ${f.date(p.date)} rekenen met een geprojecteerd minimumloon (${f.percent(p.rate)} per jaar); zulke jaren zijn in de tabel gemarkeerd.`,
  'assumption.aowYear': (f: Formatters, p: { year: number; date: string; days: number; daysInYear: number }) =>
    `In ${p.year} bereikt de klant op ${f.date(p.date)} de AOW-leeftijd. De bronnen zeggen niet hoe de premie van dat jaar wordt geheven (RADI-2024 vraag 9 vraagt of dat "pro rata" kan); Vangnet rekent dekking en premie naar rato: ${p.days} van de ${p.daysInYear} dagen.`,
  'assumption.wiaWageFlat': (f: Formatters, p: { year: number; wage: Amount; rate: Fraction }) =>
    `Het WIA-verzekerde loon na ${p.year} blijft ${f.euro(p.wage)} per jaar: er is geen aanname over de groei ervan ingevoerd. Het minimumloon, en daarmee de maximale grondslag, stijgt wel met ${f.percent(p.rate)} per jaar; de franchise (maximale grondslag − WIA-loon) laat daardoor in latere jaren een hogere Baz-grondslag over.`,
  'assumption.aowProjected': (f: Formatters, p: { lastYear: number; years: number; months: number }) =>
    `De AOW-leeftijd na ${p.lastYear} is nog niet vastgesteld; Vangnet gaat uit van de laatst vastgestelde leeftijd (${p.years} jaar en ${p.months} maanden). Stijgt de levensverwachting, dan wordt die hoger (art. 7a AOW).`,
  'assumption.benefitTaxRateMissing': () =>
    'Netto inkomen bij arbeidsongeschiktheid: het belastingtarief op uitkeringen is niet ingevuld. Vangnet heeft geen officiële tabel van schijven en heffingskortingen met bron; zonder dit tarief blijven de netto bedragen van uitkeringen en inkomsten open.',
  'assumption.benefitTaxRate': (f: Formatters, p: { rate: number }) =>
    `Netto inkomen bij arbeidsongeschiktheid: uitkeringen en inkomsten ernaast worden belast tegen ${f.percent(p.rate)} (invoer adviseur); partner- en overig inkomen zijn al netto.`,
  'assumption.incomePictureMonths': () =>
    'Het inkomensbeeld telt in hele maanden vanaf de eerste ziektedag; een maand valt in de fase die op de eerste dag van die maand geldt. De uitkeringen zijn niet geïndexeerd. Broodfonds en buffer vullen alleen het tekort in de wachttijd aan.',
  'assumption.aowBeforeTable': () => 'Jaar vóór de tabel: de AOW-leeftijd van 2024 is gebruikt.',
  'override.chosen': () => 'Gekozen door de adviseur.',
  'override.partialBenefit': (f: Formatters, p: { rule: string; own: string }) => `De adviseur rekent met de regel voor gedeeltelijke arbeidsongeschiktheid "${p.rule}" in plaats van "${p.own}".`,
  'override.wmlYearRule': (f: Formatters, p: { rule: string }) => `De adviseur kiest voor het minimumloon per kalenderjaar de regel "${p.rule}".`,
  'override.holidayPay': (f: Formatters, p: { included: boolean }) => `De adviseur rekent het minimumloon ${p.included ? 'met' : 'zonder'} 8 % vakantiegeld.`,
  'override.optOutWaiting': (f: Formatters, p: { days: number }) => `De adviseur toetst de opt-out aan een eigen risico van hoogstens ${p.days} dagen.`,
  'override.partner': (f: Formatters, p: { insured: boolean }) => `De adviseur gaat ervan uit dat een meewerkende partner ${p.insured ? 'wel' : 'niet'} verzekerd is.`,
  'override.franchise': (f: Formatters, p: { enabled: boolean }) => `De adviseur rekent ${p.enabled ? 'met' : 'zonder'} franchise voor WIA-verzekerd loon.`,

  // Names of the parameters, for the list of uncertain values
  'parameter.startYear': () => 'Startjaar',
  'parameter.premiumRate': () => 'Premiepercentage',
  'parameter.capFactor': () => 'Maximale grondslag',
  'parameter.wmlIncludesHolidayPay': () => 'Minimumloon met of zonder vakantiegeld',
  'parameter.holidayPayFactor': () => 'Vakantiegeld',
  'parameter.premiumMaximum': () => 'Maximale premie',
  'parameter.wmlYearRule': () => 'Minimumloon per kalenderjaar',
  'parameter.waitingDays': () => 'Wachttijd',
  'parameter.benefitPercentage': () => 'Uitkeringspercentage',
  'parameter.earningsOffset': () => 'Verrekening van inkomsten',
  'parameter.averagingYears': () => 'Middeling van de uitkeringsgrondslag',
  'parameter.criterion': () => 'Arbeidsongeschiktheidscriterium',
  'parameter.incomeLossThreshold': () => 'Drempel inkomensverlies',
  'parameter.partialBenefit': () => 'Uitkering bij gedeeltelijke arbeidsongeschiktheid',
  'parameter.fullDisabilityFrom': () => 'Volledig arbeidsongeschikt vanaf',
  'parameter.wiaClasses': () => 'WIA-klassentabel',
  'parameter.overInsuranceLimit': () => 'Grens voor oververzekering',
  'parameter.negativeProfitGivesZero': () => 'Negatieve winst',
  'parameter.franchise': () => 'Franchise',
  'parameter.partnerInsured': () => 'Meewerkende partner verzekerd',
  'parameter.switchRule': () => 'Overstapmoment',
  'parameter.optOutMaxWaitingDays': () => 'Opt-out: maximaal eigen risico',
  'parameter.optOutMaxThresholdPercent': () => 'Opt-out: maximale drempel',
  'parameter.transitionalPeildatum': () => 'Peildatum overgangsrecht',

  // Terminal listing of explanations (explain.ts)
  'explain.seeAbove': () => 'zie hierboven',
  'explain.source': () => 'bron',
  'explain.uncertain': () => '[onzeker / aanname]',
} satisfies Record<string, (f: Formatters, p: never) => string>

export type MessageId = keyof typeof nl
/** Every id with its parameters; a catalog in another language must give them all. */
export type Catalog = { [K in MessageId]: (f: Formatters, p: Parameters<(typeof nl)[K]>[1]) => string }
