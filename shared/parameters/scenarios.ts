/**
 * Bill versions ("regeling-versies") as data. A version extends another and overrides only what
 * changed; each value keeps its own source. Adding a bill version is adding an entry here.
 * Rates and factors are decimal strings (never floats), converted by the rules with decimal.js.
 */
import type { Sourced } from './types'

/** How disability gives a right to benefit. */
export type DisabilityCriterion =
  /** Income loss of at least 35 % of the income before disability (WIA-like; MKB-2024). */
  | 'income-loss-35'
  /** Absolute: no benefit while the person can still earn the WML in generally accepted work. */
  | 'absolute-wml'

/** How the benefit follows the degree of disability. */
export type PartialBenefitRule =
  /** Degree × the full benefit ("navenant minder", MKB-2024). */
  | 'proportional'
  /** The WIA class table of RADI-2024 q12 (share of income per class). */
  | 'wia-classes'
  /** Only full disability (degree of 80 % or more, the WIA's full class) gives a benefit. */
  | 'full-only'

/** Which WML the premium and benefit cap use for a calendar year (an open question: RADI-2024 q2). */
export type WmlYearRule = 'average-of-half-years' | 'january' | 'july'

export type SwitchRule = 'any-moment' | 'first-of-january'

/** The languages every bill version is named in (the screen, the report, the headless command). */
export const labelLanguages = ['nl', 'en'] as const
export type LabelLanguage = (typeof labelLanguages)[number]

/** One class of the WIA benefit table: from this degree of disability, this share of income. */
export interface WiaClass {
  from: string
  share: string
}

/** A maximum premium stated as an amount per month at the WML of a given year, indexed with the WML. */
export interface PremiumMaximum {
  monthly: string
  wmlYear: number
}

export interface ScenarioParameters {
  id: string
  /** The version's name, long (report, result) and short (choice lists), in every label language. */
  label: Record<LabelLanguage, string>
  shortLabel: Record<LabelLanguage, string>
  /** The version this one builds on; only the fields below that differ are given. */
  extends?: string
  /** The date up to which this version's values were checked against public sources. */
  verifiedThrough: string
  /** First calendar year the Baz would apply under this version. */
  startYear: Sourced<number>
  premiumRate: Sourced<string>
  /** Maximum premium and benefit base as a factor of the annual WML (1.43 or 1.4286). */
  capFactor: Sourced<string>
  /** Whether the annual WML includes 8 % holiday pay (RADI-2024 does; KB-2025's € 171 does not). */
  wmlIncludesHolidayPay: Sourced<boolean>
  /** The factor for holiday pay when it counts (1,08: 8 % vakantiegeld). */
  holidayPayFactor: Sourced<string>
  /** A maximum premium stated as an amount (null: only the maximum base limits the premium). */
  premiumMaximum: Sourced<PremiumMaximum | null>
  wmlYearRule: Sourced<WmlYearRule>
  waitingDays: Sourced<number>
  /** Benefit as a share of the (capped) base at full disability. */
  benefitPercentage: Sourced<string>
  /** Share of earnings next to the benefit that is deducted from it. */
  earningsOffset: Sourced<string>
  /** Benefit base: the prior year, or the average of this many prior years when higher. */
  averagingYears: Sourced<number>
  criterion: Sourced<DisabilityCriterion>
  /** Threshold of income loss for a benefit under the income-loss criterion. */
  incomeLossThreshold: Sourced<string>
  partialBenefit: Sourced<PartialBenefitRule>
  /** The degree of disability from which the WIA speaks of full disability. */
  fullDisabilityFrom: Sourced<string>
  /** The WIA benefit table by class of disability (for the `wia-classes` rule), highest class first. */
  wiaClasses: Sourced<readonly WiaClass[]>
  /** Baz plus private cover above this share of income is flagged as over-insurance. */
  overInsuranceLimit: Sourced<string>
  /** A negative profit gives a base of zero, never a refund. */
  negativeProfitGivesZero: Sourced<boolean>
  /** Franchise for people also insured under the WIA as employees (KB-2025). */
  franchise: Sourced<{ enabled: boolean; formula: 'cap-minus-wia-wage' | 'none' }>
  partnerInsured: Sourced<boolean>
  switchRule: Sourced<SwitchRule>
  /** Opt-out: longest waiting period (days) a private policy may have. */
  optOutMaxWaitingDays: Sourced<number>
  /** Opt-out: highest disability threshold (percent) a private policy may have. */
  optOutMaxThresholdPercent: Sourced<number>
  /** Transitional law: policies in force on this date qualify (null: not fixed by any source). */
  transitionalPeildatum: Sourced<string | null>
}

/** The fields that name and date a version rather than parameterise it. */
export const bookkeepingFields = ['id', 'label', 'shortLabel', 'extends', 'verifiedThrough'] as const

export type ScenarioOverrides = Partial<Omit<ScenarioParameters, (typeof bookkeepingFields)[number]>> &
  Pick<ScenarioParameters, (typeof bookkeepingFields)[number]>

/** The first version: the bill as described to SMEs in February 2024. Complete; the others extend it. */
const mkbToets2024: ScenarioParameters = {
  id: 'mkb-toets-2024',
  label: { nl: 'Wetsvoorstel zoals in de MKB-toets (februari 2024)', en: 'Bill as presented in the SME test (February 2024)' },
  shortLabel: { nl: 'MKB-toets (februari 2024)', en: 'SME test (February 2024)' },
  verifiedThrough: '2024-02-29',
  startYear: {
    value: 2027,
    cite: { source: 'RADI-2024', locator: 'vraag 24: "inwerkingtreding wordt niet voor 2027 verwacht"' },
    uncertain: 'Geen ingangsdatum vastgesteld; 2027 is het vroegste jaar dat RADI noemt.',
  },
  premiumRate: {
    value: '0.08',
    range: ['0.075', '0.08'],
    cite: { source: 'MKB-2024', locator: 'Bekostiging: "rond de 7,5 à 8% van de grondslag"' },
    uncertain: 'De bron noemt een bandbreedte van 7,5 tot 8 %; Vangnet rekent met 8 % (het voorbeeld van de MKB-toets).',
  },
  capFactor: { value: '1.43', cite: { source: 'MKB-2024', locator: 'Bekostiging: maximale premiegrondslag 143% van het minimumloon' } },
  wmlIncludesHolidayPay: {
    value: true,
    cite: { source: 'RADI-2024', locator: 'vraag 2: minimumloon op jaarbasis inclusief 8% vakantiegeld' },
  },
  holidayPayFactor: { value: '1.08', cite: { source: 'RADI-2024', locator: 'vraag 2: "het minimumloon op jaarbasis inclusief 8% vakantiegeld"' } },
  premiumMaximum: {
    value: null,
    cite: { source: 'MKB-2024', locator: 'Bekostiging: premie = premiepercentage × premiegrondslag, begrensd door de maximale premiegrondslag' },
  },
  wmlYearRule: {
    value: 'average-of-half-years',
    cite: { source: 'RADI-2024', locator: 'vraag 2: "Neemt men een gemiddelde hiervan over het hele jaar?"' },
    uncertain:
      'Het minimumloon wijzigt op 1 januari en 1 juli; de bronnen zeggen niet welk bedrag voor een kalenderjaar geldt. Vangnet neemt het gemiddelde van beide halfjaren.',
  },
  waitingDays: { value: 364, cite: { source: 'MKB-2024', locator: 'Wachttijd: 52 weken (één jaar)' } },
  benefitPercentage: { value: '0.70', cite: { source: 'MKB-2024', locator: 'De hoogte van de uitkering: 70% van 143% van het minimumloon' } },
  earningsOffset: { value: '0.70', cite: { source: 'MKB-2024', locator: 'Verrekening van inkomsten naast de uitkering: voor 70% verrekend' } },
  averagingYears: {
    value: 3,
    cite: { source: 'MKB-2024', locator: 'De hoogte van de uitkering: gemiddelde van de drie jaren voorafgaand aan de eerste ziektedag' },
  },
  criterion: {
    value: 'income-loss-35',
    cite: { source: 'MKB-2024', locator: 'Het recht op uitkering: inkomensverlies van 35% of meer' },
  },
  incomeLossThreshold: { value: '0.35', cite: { source: 'MKB-2024', locator: 'Het recht op uitkering: inkomensverlies van 35% of meer' } },
  partialBenefit: {
    value: 'proportional',
    cite: { source: 'MKB-2024', locator: 'De hoogte van de uitkering: "navenant minder"' },
    uncertain:
      'De bron zegt alleen dat de uitkering bij gedeeltelijke arbeidsongeschiktheid "navenant minder" is. Vangnet rekent evenredig (mate × volledige uitkering); de WIA-klassentabel (RADI vraag 12) is het alternatief.',
  },
  fullDisabilityFrom: { value: '0.80', cite: { source: 'RADI-2024', locator: 'vraag 12: uitkeringsschaal WIA, klasse 80–100 %' } },
  wiaClasses: {
    value: [
      { from: '0.80', share: '0.70' },
      { from: '0.65', share: '0.5075' },
      { from: '0.55', share: '0.42' },
      { from: '0.45', share: '0.35' },
      { from: '0.35', share: '0.28' },
    ],
    cite: { source: 'RADI-2024', locator: 'vraag 12: uitkeringsschaal WIA (% van inkomen); onder 35 % geen uitkering' },
  },
  overInsuranceLimit: {
    value: '0.80',
    range: ['0.80', '0.90'],
    cite: { source: 'RADI-2024', locator: 'vraag 13: "voor meer dan 80%, 85% of 90% van het inkomen is verzekerd"' },
    uncertain: 'Het acceptatiebeleid verschilt per verzekeraar (80, 85 of 90 % van het inkomen); Vangnet waarschuwt vanaf 80 %, de strengste grens.',
  },
  negativeProfitGivesZero: {
    value: true,
    cite: { source: 'RADI-2024', locator: 'vraag 2: "Krijg je bij een negatief inkomen een bedrag terug?"' },
    uncertain: 'Open vraag in de bron; Vangnet rekent bij negatieve winst met grondslag € 0 en geen teruggave.',
  },
  franchise: { value: { enabled: false, formula: 'none' }, cite: { source: 'MKB-2024', locator: 'geen franchise in het voorstel' } },
  partnerInsured: { value: true, cite: { source: 'MKB-2024', locator: 'II Voorstel: IB-ondernemers en meewerkende partners' } },
  switchRule: {
    value: 'any-moment',
    cite: { source: 'KB-2025', locator: 'Aanpassingen aan het overgangsrecht en de opt-out: "gedurende elk moment in het belastingjaar"' },
  },
  optOutMaxWaitingDays: { value: 365, cite: { source: 'MKB-2024', locator: 'De opt-out: "een wachttijd van niet langer dan één jaar"' } },
  optOutMaxThresholdPercent: { value: 35, cite: { source: 'MKB-2024', locator: 'De opt-out: "arbeidsongeschiktheidsdrempel van niet hoger dan 35%"' } },
  transitionalPeildatum: {
    value: null,
    cite: { source: 'RADI-2024', locator: 'vraag 17: "Wat wordt de peildatum?"' },
    uncertain:
      'De peildatum voor het overgangsrecht is niet vastgesteld. Zonder invoer van de adviseur neemt Vangnet aan dat een polis die loopt op 1 januari van het startjaar meetelt (of van het rekenjaar, als dat eerder ligt: dan rekent Vangnet alsof de wet in dat jaar gold).',
  },
}

const consultatie2024: ScenarioOverrides = {
  id: 'consultatie-2024',
  label: { nl: 'Wetsvoorstel internetconsultatie (2024)', en: 'Bill of the internet consultation (2024)' },
  shortLabel: { nl: 'Internetconsultatie (2024)', en: 'Internet consultation (2024)' },
  extends: 'mkb-toets-2024',
  verifiedThrough: '2025-09-15',
  premiumRate: {
    value: '0.065',
    cite: { source: 'KB-2025', locator: 'Betaalbaarheid: internetconsultatie 2024, premie ingeschat op 6,5%' },
    uncertain: 'Een inschatting; de premie wordt jaarlijks lastendekkend vastgesteld.',
  },
  capFactor: {
    value: '1.4286',
    cite: { source: 'KB-2025', locator: 'Betaalbaarheid: maximale premiegrondslag 142,86% van het wettelijk minimumloon' },
  },
  wmlIncludesHolidayPay: {
    value: false,
    cite: { source: 'BOUVY-2025', locator: 'verplichte AOV: premie ongeveer € 195 per maand bij 6,5 %' },
    uncertain:
      'Geen primaire bron zegt of het minimumloon van deze versie vakantiegeld bevat. Openbare samenvattingen noemen ongeveer € 195 per maand (6,5 % van ongeveer € 36.000); dat volgt alleen zonder vakantiegeld: 6,5 % × 142,86 % × 12 × € 2.101,50 (gemiddeld maandloon 2024) = € 195,14 per maand. Met 8 % vakantiegeld zou het ongeveer € 211 zijn.',
  },
  waitingDays: { value: 365, cite: { source: 'KB-2025', locator: 'Verlenging van de wachttijd van een naar twee jaar (was: een jaar)' } },
  criterion: {
    value: 'absolute-wml',
    cite: { source: 'SAMENVATTING-2025', locator: 'absoluut criterium: kan nog minimaal het WML verdienen in gangbare arbeid' },
    uncertain:
      'Niet uit de wettekst: openbare samenvattingen beschrijven een absoluut criterium (basisfunctiebeoordeling door UWV). KB-2025 noemt alleen "de aard van het gehanteerde arbeidsongeschiktheidscriterium".',
  },
  partialBenefit: {
    value: 'full-only',
    cite: { source: 'KAG-2025', locator: 'lezing van het absolute criterium: uitkering alleen bij volledige arbeidsongeschiktheid' },
    uncertain:
      'Onder het absolute criterium is er alleen een uitkering als de klant het WML niet meer kan verdienen; Vangnet rekent dit als volledige arbeidsongeschiktheid (80 % of meer, de volledige WIA-klasse).',
  },
}

const raadVanState2025: ScenarioOverrides = {
  id: 'raad-van-state-2025',
  label: { nl: 'Wetsvoorstel Baz naar de Raad van State (september 2025)', en: 'Baz bill sent to the Council of State (September 2025)' },
  shortLabel: { nl: 'Naar de Raad van State (september 2025)', en: 'To the Council of State (September 2025)' },
  extends: 'consultatie-2024',
  verifiedThrough: '2026-03-13',
  startYear: {
    value: 2030,
    cite: { source: 'KB-2025', locator: 'Uitvoerbaarheid: Belastingdienst uitvoerbaar per 1 januari 2030' },
    uncertain: 'Vroegst mogelijke datum; UWV ziet geen ruimte in 2030 of de jaren daarna (KB-2025). Bij de indiening (13 maart 2026) is geen datum genoemd.',
  },
  premiumRate: {
    value: '0.054',
    cite: { source: 'KB-2025', locator: 'Betaalbaarheid: verwacht premiepercentage 5,4%' },
    uncertain:
      'Een verwachting; UWV stelt de premie jaarlijks lastendekkend vast. Het Actuarieel Genootschap (KAG-2025) raamt 5,0 % (4,7–5,3 %) bij twee jaar wachttijd: de ondergrens van de bandbreedte; de bovengrens is de 5,4 % van KB-2025.',
    range: ['0.047', '0.054'],
  },
  wmlIncludesHolidayPay: {
    value: false,
    cite: { source: 'KB-2025', locator: 'Betaalbaarheid: "ongeveer € 171 bruto per maand" bij de maximale premiegrondslag, WML 2025' },
    uncertain:
      'KB-2025 zegt niet of vakantiegeld meetelt. Het voorbeeld van € 171 per maand volgt alleen zonder vakantiegeld: 5,4 % × 142,86 % × € 2.218,80 (gemiddeld maandloon 2025) = € 171,17. RADI-2024 rekende wél met vakantiegeld.',
  },
  waitingDays: { value: 730, cite: { source: 'KB-2025', locator: 'Verlenging van de wachttijd van een naar twee jaar' } },
  franchise: {
    value: { enabled: true, formula: 'cap-minus-wia-wage' },
    cite: { source: 'KB-2025', locator: 'Het invoeren van een franchise' },
    uncertain:
      'KB-2025 geeft geen formule, alleen dat premie- en uitkeringsgrondslag lager worden naarmate het WIA-verzekerde loon hoger is, met ten minste het WML als uitkering. Vangnet rekent: Baz-grondslag = min(winst, maximale grondslag − WIA-loon), niet lager dan € 0.',
  },
  partnerInsured: {
    value: false,
    cite: { source: 'SAMENVATTING-2025', locator: 'meewerkende partners niet verzekerd' },
    uncertain: 'Openbare samenvattingen van de versie 2025/2026 noemen meewerkende partners niet verzekerd, anders dan de MKB-toets (2024).',
  },
  switchRule: {
    value: 'first-of-january',
    cite: { source: 'KB-2025', locator: 'Aanpassingen aan het overgangsrecht en de opt-out: ontheffing start begin van het jaar, eindigt aan het einde van het jaar' },
  },
  optOutMaxWaitingDays: {
    value: 730,
    cite: { source: 'KB-2025', locator: 'Verlenging van de wachttijd van een naar twee jaar' },
    uncertain:
      'MKB-2024 stelde maximaal één jaar eigen risico, bij een publieke wachttijd van een jaar. Nu de publieke wachttijd twee jaar is, neemt Vangnet aan dat de eis meeschuift naar twee jaar; geen bron bevestigt dit.',
  },
}

const tweedeKamer2026: ScenarioOverrides = {
  id: 'tweede-kamer-2026',
  label: { nl: 'Wetsvoorstel Baz naar de Tweede Kamer (maart 2026)', en: 'Baz bill sent to the House of Representatives (March 2026)' },
  shortLabel: { nl: 'Naar de Tweede Kamer (maart 2026)', en: 'To the House of Representatives (March 2026)' },
  extends: 'raad-van-state-2025',
  verifiedThrough: '2026-11-30',
  premiumRate: {
    value: '0.054',
    range: ['0.047', '0.054'],
    cite: { source: 'RO-2026-03-13', locator: 'premie 5,4 % van de winst' },
    uncertain:
      'Uit het nieuwsbericht bij de indiening, niet uit de wettekst; UWV stelt de premie jaarlijks lastendekkend vast. Het Actuarieel Genootschap (KAG-2025) raamt 5,0 % (4,7–5,3 %) bij twee jaar wachttijd.',
  },
  premiumMaximum: {
    value: { monthly: '171', wmlYear: 2025 },
    cite: { source: 'RO-2026-03-13', locator: 'maximaal € 171 bruto per maand, "gebaseerd op het wettelijk minimumloon uit 2025 en zal worden geïndexeerd"' },
    uncertain:
      'Het nieuwsbericht noemt een maximum van € 171 bruto per maand op basis van het minimumloon van 2025, dat wordt geïndexeerd, maar niet hoe. Vangnet indexeert het bedrag met het minimumloon op jaarbasis: € 171 × minimumloon van het jaar / minimumloon 2025.',
  },
  averagingYears: {
    value: 3,
    cite: { source: 'EW-2025-12-16', locator: 'advies Raad van State: middeling van de winst over meerdere jaren' },
    uncertain:
      'De bronnen verschillen: Movir (MOVIR-2025) beschrijft de uitkering als 70 % van de winst van het kalenderjaar vóór de arbeidsongeschiktheid, EW (16 december 2025) een middeling over meerdere jaren. Vangnet houdt de middeling over drie jaar van de MKB-toets aan.',
  },
}

/**
 * The bill versions, in the order advisers see them. A plain list: a parameter pack can add a
 * version at run time by appending an overlay (see `resolveScenario`).
 */
export const scenarioDefinitions: (ScenarioParameters | ScenarioOverrides)[] = [mkbToets2024, consultatie2024, raadVanState2025, tweedeKamer2026]

/** The version a new case uses: the latest bill (sent to the Tweede Kamer on 13 March 2026). */
export const defaultScenarioId = 'tweede-kamer-2026'

/** The short name of every version in one language, keyed by id: the screens' choice lists. */
export function scenarioShortLabels(language: LabelLanguage): Record<string, string> {
  return Object.fromEntries(scenarioDefinitions.map((definition) => [definition.id, definition.shortLabel[language]]))
}
