/**
 * Every subcommand of the headless `vangnet` command, in the order `--help` lists them. A module
 * is loaded only when its command runs, so `--version`, `--help` and a plain `advise` do not pay
 * for the PDF, signing or spreadsheet libraries that other commands need.
 */
import type { Subcommand } from './command'

export interface CommandEntry {
  name: string
  summary: string
  load(): Promise<Subcommand>
}

export const subcommands: CommandEntry[] = [
  {
    name: 'advise',
    summary: 'vergelijk Baz, opt-out en overgangsrecht voor één klant (CASE.json)',
    load: async () => (await import('./advise')).adviseCommand,
  },
  {
    name: 'vault',
    summary: 'de versleutelde klantenkluis: aanmaken, klanten, import, AVG-export en -wissen, back-up',
    load: async () => (await import('./vault')).vaultCommand,
  },
  {
    name: 'office',
    summary: 'kantoormodus op de PostgreSQL-server van het kantoor: inrichten, bijwerken, adviseurs',
    load: async () => (await import('./office')).officeCommand,
  },
  {
    name: 'portfolio',
    summary: 'de hele klantenkring: wie moet u als eerste bellen, en waarom',
    load: async () => (await import('./portfolio')).portfolioCommand,
  },
  {
    name: 'params',
    summary: 'ondertekende parameterpakketten: importeren, tonen, terugdraaien (en ondertekenen)',
    load: async () => (await import('./params')).paramsCommand,
  },
  {
    name: 'verify',
    summary: 'controleert de handtekening van een PDF-adviesrapport',
    load: async () => (await import('./verify')).verifyCommand,
  },
  {
    name: 'demo',
    summary: 'schrijft een ondertekend voorbeeld-adviesrapport',
    load: async () => (await import('./demo')).demoCommand,
  },
]
