import type { Messages } from './nl'

export const en: Messages = {
  app: {
    name: 'Vangnet',
    tagline: 'Advice on the Baz, opt-out and transitional law',
    lawNotFinal: 'Note: the Baz act is not final. Calculations follow the chosen version of the bill.',
  },
  nav: { clients: 'Clients', compare: 'Compare', settings: 'Settings' },
  home: {
    title: 'Welcome to Vangnet',
    intro: 'Compare, per client, the public disability insurance for the self-employed (Baz), a private AOV (opt-out) and transitional law, year by year until state pension age.',
    version: 'Version {version}',
  },
}
