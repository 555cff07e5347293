export const nl = {
  app: {
    name: 'Vangnet',
    tagline: 'Advies over de Baz, opt-out en overgangsrecht',
    lawNotFinal: 'Let op: de wet (Baz) is nog niet definitief. Berekeningen volgen de gekozen versie van het wetsvoorstel.',
  },
  nav: { clients: 'Klanten', compare: 'Vergelijken', settings: 'Instellingen' },
  home: {
    title: 'Welkom bij Vangnet',
    intro: 'Vergelijk per klant de Basisverzekering arbeidsongeschiktheid zelfstandigen (Baz), een private AOV (opt-out) en het overgangsrecht, jaar voor jaar tot de AOW-leeftijd.',
    version: 'Versie {version}',
  },
}
export type Messages = typeof nl
