/**
 * `vangnet office …`: the firm administrator's commands for office mode, run with the schema
 * owner's login (see the README, "Office mode for the firm's administrator"). The password comes
 * from VANGNET_OFFICE_PASSWORD or, in a terminal, from a hidden prompt; a new adviser's password
 * from VANGNET_ADVISER_PASSWORD. TLS is always verified against --ca-file (verify-full).
 */
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { exitCodes, UserError, type CliIo, type Subcommand, actionSubcommand } from './command'
import { prompt } from './vault'
import { addAdviser, listAdvisers, migrate, removeAdviser, setAdviserDisabled, status } from '../office/admin'
import type { OfficeConnectionSettings } from '../office/connection'
import { latestOfficeVersion } from '../office/migrations'
import { asVaultError, VaultError } from '../store'

const usage = `Gebruik: npm run -s vangnet -- office <actie> --host HOST --database DB --user EIGENAAR --ca-file CA.crt [opties]

Acties:
  init          richt een lege database in: rollen, schema, rechten, rijbeveiliging
  migrate       werk het schema bij naar deze versie van Vangnet
  add-adviser   --role GEBRUIKERSNAAM --name NAAM [--firm KANTOOR] [--afm NR] [--office-admin] [--certificate-login]
                voeg een adviseur toe (eigen inlogrol); wachtwoord uit VANGNET_ADVISER_PASSWORD,
                of --certificate-login voor een clientcertificaat (CN = gebruikersnaam)
  advisers      de adviseurs van het kantoor: beheerder, uitgezet, aantal klanten  [--json]
  disable-adviser  --role GEBRUIKERSNAAM   zet de toegang uit: kan niet meer inloggen, klanten blijven
  enable-adviser   --role GEBRUIKERSNAAM   zet de toegang weer aan
  remove-adviser   --role GEBRUIKERSNAAM --successor GEBRUIKERSNAAM
                verwijder een adviseur; de klanten gaan naar de opvolger (elke klant in het logboek)
  status        servercontrole (TLS, versie) en de stand van het schema  [--json]

Verbinding: --host, --port (standaard 5432), --database, --user, --ca-file (het CA-certificaat van
het kantoor; het servercertificaat moet daaronder vallen en de servernaam dragen), en een
wachtwoord uit VANGNET_OFFICE_PASSWORD of --cert/--key (clientcertificaat).
Afsluitcodes: 0 gelukt, 2 ongeldige invoer, 3 server onbereikbaar, onveilig of aanmelding geweigerd.
`

const optionSpec = {
  host: { type: 'string' },
  port: { type: 'string' },
  database: { type: 'string' },
  user: { type: 'string' },
  'ca-file': { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  role: { type: 'string' },
  successor: { type: 'string' },
  name: { type: 'string' },
  firm: { type: 'string' },
  afm: { type: 'string' },
  'office-admin': { type: 'boolean' },
  'certificate-login': { type: 'boolean' },
  json: { type: 'boolean' },
} as const

type Options = ReturnType<typeof parseArgs<{ options: typeof optionSpec; allowPositionals: true }>>['values']

function required(options: Options, name: keyof Options): string {
  const value = options[name]
  if (typeof value !== 'string' || value.trim() === '') throw new UserError(`Optie --${name} ontbreekt. Zie: vangnet office --help`)
  return value
}

function toUserError(thrown: unknown): unknown {
  const error = asVaultError(thrown)
  if (!(error instanceof VaultError)) return error
  const inputProblem = error.code === 'invalid-input' || error.code === 'unknown-record' || error.code === 'already-exists'
  return new UserError(error.message, inputProblem ? exitCodes.invalidInput : exitCodes.vault)
}

async function connection(options: Options, io: CliIo): Promise<OfficeConnectionSettings> {
  const portText = options.port ?? '5432'
  if (!/^[1-9][0-9]{0,4}$/.test(portText) || Number(portText) > 65535) throw new UserError('--port moet een poortnummer zijn (1 tot 65535).')
  const settings: OfficeConnectionSettings = {
    host: required(options, 'host'),
    port: Number(portText),
    database: required(options, 'database'),
    user: required(options, 'user'),
    caFile: resolve(io.cwd, required(options, 'ca-file')),
  }
  if (options.cert || options.key) {
    settings.clientCertificate = { certFile: resolve(io.cwd, required(options, 'cert')), keyFile: resolve(io.cwd, required(options, 'key')) }
  } else {
    settings.password = io.env['VANGNET_OFFICE_PASSWORD'] ?? (await prompt(`Wachtwoord van ${settings.user}: `))
  }
  return settings
}

const actions: Record<string, (options: Options, io: CliIo) => Promise<void>> = {
  async init(options, io) {
    const settings = await connection(options, io)
    const before = await status(settings)
    if (before.schemaVersion > 0) throw new UserError(`Deze database is al ingericht (schemaversie ${before.schemaVersion}). Gebruik vangnet office migrate om bij te werken.`)
    const applied = await migrate(settings)
    io.stdout(`Kantoordatabase ingericht: migraties ${applied.join(', ')} uitgevoerd (schemaversie ${latestOfficeVersion}). Voeg nu adviseurs toe met vangnet office add-adviser.\n`)
  },

  async migrate(options, io) {
    const settings = await connection(options, io)
    const before = await status(settings)
    if (before.schemaVersion === 0) throw new UserError('Deze database is nog niet ingericht. Gebruik eerst vangnet office init.')
    const applied = await migrate(settings)
    io.stdout(applied.length ? `Schema bijgewerkt: migraties ${applied.join(', ')} uitgevoerd (nu versie ${latestOfficeVersion}).\n` : `Het schema is al bij (versie ${latestOfficeVersion}).\n`)
  },

  async 'add-adviser'(options, io) {
    const roleName = required(options, 'role')
    const name = required(options, 'name')
    let password: string | undefined
    if (!options['certificate-login']) {
      password = io.env['VANGNET_ADVISER_PASSWORD']
      if (password === undefined) {
        password = await prompt(`Nieuw wachtwoord voor ${roleName} (minstens 12 tekens): `)
        if ((await prompt('Herhaal het wachtwoord: ')) !== password) throw new UserError('De twee wachtwoorden zijn niet gelijk.')
      }
    }
    const settings = await connection(options, io)
    const { id } = await addAdviser(settings, {
      roleName,
      name,
      firm: options.firm ?? '',
      afmNumber: options.afm ?? null,
      officeAdmin: options['office-admin'] === true,
      ...(password !== undefined ? { password } : {}),
    })
    io.stdout(`Adviseur ${id} toegevoegd met inlogrol ${roleName}${options['office-admin'] ? ' (ook kantoorbeheerder)' : ''}.\n`)
  },

  async advisers(options, io) {
    const rows = await listAdvisers(await connection(options, io))
    if (options.json) {
      io.stdout(JSON.stringify(rows, null, 2) + '\n')
      return
    }
    const lines = rows.map((row) => `${row.roleName}  ${row.name}${row.officeAdmin ? '  (beheerder)' : ''}${row.disabled ? '  UITGEZET' : ''}  ${row.clients} klant(en)`)
    io.stdout((lines.length ? lines.join('\n') : 'Nog geen adviseurs.') + '\n')
  },

  async 'disable-adviser'(options, io) {
    const roleName = required(options, 'role')
    await setAdviserDisabled(await connection(options, io), roleName, true)
    io.stdout(`Toegang van ${roleName} uitgezet: inloggen lukt niet meer; de klanten blijven in het kantoor.\n`)
  },

  async 'enable-adviser'(options, io) {
    const roleName = required(options, 'role')
    await setAdviserDisabled(await connection(options, io), roleName, false)
    io.stdout(`Toegang van ${roleName} weer aangezet.\n`)
  },

  async 'remove-adviser'(options, io) {
    const roleName = required(options, 'role')
    const successor = required(options, 'successor')
    const moved = await removeAdviser(await connection(options, io), roleName, successor)
    io.stdout(`Adviseur ${roleName} verwijderd; ${moved} klant(en) nu onder verantwoordelijkheid van ${successor}. De inlogrol bestaat nog (zonder toegang); verwijder haar zo nodig met DROP ROLE.\n`)
  },

  async status(options, io) {
    const state = await status(await connection(options, io))
    if (options.json) {
      io.stdout(JSON.stringify(state, null, 2) + '\n')
      return
    }
    const major = Math.floor(state.serverVersion / 10_000)
    io.stdout(
      [
        `Server: PostgreSQL ${major} (${state.serverVersion}), verbinding versleuteld (TLS, certificaat en servernaam gecontroleerd).`,
        state.schemaVersion === 0 ? 'Schema: nog niet ingericht (vangnet office init).' : `Schema: versie ${state.schemaVersion} van ${state.latestVersion}${state.pending.length ? ` — bijwerken met vangnet office migrate` : ', bij'}.`,
        `Adviseurs: ${state.advisers}.`,
        '',
      ].join('\n'),
    )
  },
}

export const officeCommand: Subcommand = actionSubcommand({
  name: 'office',
  usage,
  parse: (args) => parseArgs({ args, options: optionSpec, allowPositionals: true, strict: true }),
  actions,
  toUserError,
})
