/**
 * `vangnet vault …`: the encrypted client vault without a window, for automation and support.
 * The passphrase comes from VANGNET_PASSPHRASE or, in a terminal, from a hidden prompt; a new one
 * (init, change-passphrase) from VANGNET_NEW_PASSPHRASE for change-passphrase. Vault problems
 * (wrong passphrase, damaged file, other vault, locked) exit with code 3 and one plain sentence.
 */
import { readFile, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { minimumPassphraseLength } from '../../shared/ipc'
import { exitCodes, UserError, type CliIo, type Subcommand, actionSubcommand } from './command'
import { asVaultError, createVault, openVault, restoreVault, vaultBook, VaultError, type ClientBook, type Vault } from '../store'
import { importMappingSchema, type ImportMapping } from '../../shared/portfolio/import'
import { dutchErrorMap, problemsOf } from '../../shared/schema/messages'

const usage = `Gebruik: npm run -s vangnet -- vault <actie> [opties]

Acties:
  init               --db PATH                        maak een nieuwe, versleutelde kluis
  add-client         --db PATH --name NAAM --birth-date JJJJ-MM-DD [--email E] [--phone T]
                                                      voeg een klant toe (drukt het nummer af)
  list               --db PATH [--search TEKST] [--json]
  import             --db PATH --from BESTAND [--mapping KOPPELING.json] [--duplicates skip|merge] [--dry-run]
                                                      klanten uit CSV of Excel (.xlsx); alle geldige rijen in één keer,
                                                      rijen met problemen en dubbele klanten op stderr
  export-client      --db PATH --id NR                alle gegevens van één klant als JSON (AVG-inzage)
  erase-client       --db PATH --id NR                wis een klant, ook uit het bestand (AVG)
  backup             --db PATH --out BESTAND          één versleuteld back-upbestand
  restore            --from BESTAND --db PATH         herstel na controle; overschrijft nooit met een slecht bestand
  change-passphrase  --db PATH                        nieuw wachtwoord uit VANGNET_NEW_PASSPHRASE; de kluis
                                                      krijgt ook een nieuwe sleutel
  renew-key          --db PATH                        nieuwe databasesleutel, zelfde wachtwoord (alles opnieuw
                                                      versleuteld: het oude sleutelbestand opent niets nieuws)

Een back-up van vóór een wachtwoord- of sleutelwijziging opent met het wachtwoord van toen; herstelt u
haar over de huidige kluis en was dat een ander wachtwoord, zet het dan in VANGNET_BACKUP_PASSPHRASE.

Wachtwoord: VANGNET_PASSPHRASE, of een vraag als u in een terminal werkt.
Afsluitcodes: 0 gelukt, 2 ongeldige invoer, 3 kluis vergrendeld, onjuist wachtwoord of beschadigd bestand.
`

const optionSpec = {
  db: { type: 'string' },
  name: { type: 'string' },
  'birth-date': { type: 'string' },
  email: { type: 'string' },
  phone: { type: 'string' },
  id: { type: 'string' },
  out: { type: 'string' },
  from: { type: 'string' },
  search: { type: 'string' },
  json: { type: 'boolean' },
  mapping: { type: 'string' },
  duplicates: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const

type Options = ReturnType<typeof parseArgs<{ options: typeof optionSpec; allowPositionals: true }>>['values']

/** Vault errors become exit code 3 (2 for input problems), with the store's own Dutch message. */
function toUserError(thrown: unknown): unknown {
  const error = asVaultError(thrown)
  if (!(error instanceof VaultError)) return error
  const inputProblem = error.code === 'invalid-input' || error.code === 'unknown-record' || error.code === 'already-exists'
  return new UserError(error.message, inputProblem ? exitCodes.invalidInput : exitCodes.vault)
}

function required(options: Options, name: keyof Options): string {
  const value = options[name]
  if (typeof value !== 'string' || value.trim() === '') throw new UserError(`Optie --${name} ontbreekt. Zie: vangnet vault --help`)
  return value
}

function clientId(options: Options): number {
  const text = required(options, 'id')
  if (!/^[1-9][0-9]{0,15}$/.test(text)) throw new UserError('--id moet een klantnummer zijn (een positief geheel getal).')
  return Number(text)
}

/** Ask without echo; only in a terminal, so scripts never hang on a prompt. */
export async function prompt(question: string): Promise<string> {
  if (!process.stdin.isTTY) {
    throw new UserError('Geen wachtwoord: zet VANGNET_PASSPHRASE of start de opdracht in een terminal.', exitCodes.vault)
  }
  process.stderr.write(question)
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() })
  const reader = createInterface({ input: process.stdin, output: silent, terminal: true })
  try {
    return await new Promise<string>((resolveAnswer) => reader.question('', resolveAnswer))
  } finally {
    reader.close()
    process.stderr.write('\n')
  }
}

async function passphrase(io: CliIo): Promise<string> {
  return io.env['VANGNET_PASSPHRASE'] ?? prompt('Wachtwoord van de kluis: ')
}

async function newPassphrase(io: CliIo, variable: 'VANGNET_PASSPHRASE' | 'VANGNET_NEW_PASSPHRASE'): Promise<string> {
  const fromEnvironment = io.env[variable]
  if (fromEnvironment !== undefined) return fromEnvironment
  const first = await prompt(`Nieuw wachtwoord (minstens ${minimumPassphraseLength} tekens): `)
  const second = await prompt('Herhaal het nieuwe wachtwoord: ')
  if (first !== second) throw new UserError('De twee wachtwoorden zijn niet gelijk.')
  return first
}

/** Re-encrypting a large vault takes a while: say so on stderr, with its size. */
function progress(io: CliIo): (step: { step: 're-encrypting' | 'done'; pages: number }) => void {
  return ({ step, pages }) => {
    if (step === 're-encrypting') io.stderr(`Kluis wordt opnieuw versleuteld (${pages} pagina's)…\n`)
  }
}

async function withVault<T>(io: CliIo, options: Options, work: (vault: Vault) => Promise<T> | T, knownPassphrase?: string): Promise<T> {
  return withVaultAt(io, required(options, 'db'), work, knownPassphrase)
}

/** Open the vault at `db` (passphrase from the environment or a prompt), work, lock. Vault errors become plain UserErrors. */
export async function withVaultAt<T>(io: CliIo, db: string, work: (vault: Vault) => Promise<T> | T, knownPassphrase?: string): Promise<T> {
  let vault: Vault
  try {
    vault = await openVault(resolve(io.cwd, db), { passphrase: knownPassphrase ?? (await passphrase(io)) }, { actor: 'cli', autoLockAfterMs: 0 })
  } catch (error) {
    throw toUserError(error)
  }
  try {
    return await work(vault)
  } catch (error) {
    throw toUserError(error)
  } finally {
    vault.lock()
  }
}

/** A mapping file: { "columns": { "Kolom in het bestand": "naam" | "winst 2027" | … | null } }. */
async function readMapping(path: string, shown: string): Promise<ImportMapping> {
  let json: unknown
  try {
    json = JSON.parse(await readFile(path, 'utf8'))
  } catch {
    throw new UserError(`${shown}: het koppelbestand is niet te lezen (geen geldige JSON).`)
  }
  const parsed = importMappingSchema.safeParse(json, { error: dutchErrorMap })
  if (!parsed.success) {
    const lines = problemsOf(parsed.error).map((problem) => `${shown}: ${problem.path}: ${problem.message}`)
    throw new UserError(`${lines.join('\n')}\nVoorbeeld: { "columns": { "Klantnaam": "naam", "Omzet 2027": "winst 2027", "Notities": null } }`)
  }
  return parsed.data
}

/** Client work goes through the client book, like the services. */
async function withBook<T>(io: CliIo, options: Options, work: (book: ClientBook) => Promise<T>): Promise<T> {
  return withVault(io, options, (vault) => work(vaultBook(vault)))
}

const actions: Record<string, (options: Options, io: CliIo) => Promise<void>> = {
  async init(options, io) {
    const path = resolve(io.cwd, required(options, 'db'))
    const vault = await createVault(path, await newPassphrase(io, 'VANGNET_PASSPHRASE'), { actor: 'cli', autoLockAfterMs: 0 })
    vault.lock()
    io.stdout(`Kluis gemaakt: ${path} (met sleutelbestand ${path}.keys; bewaar beide en onthoud het wachtwoord).\n`)
  },

  async 'add-client'(options, io) {
    const input = {
      name: required(options, 'name'),
      birthDate: required(options, 'birth-date'),
      email: options.email ?? null,
      phone: options.phone ?? null,
    }
    const client = await withBook(io, options, (book) => book.clients.create(input))
    io.stdout(`${client.id}\n`)
  },

  async list(options, io) {
    const clients = await withBook(io, options, (book) => (options.search ? book.clients.search(options.search, { limit: 10_000 }) : book.clients.list()))
    if (options.json) {
      io.stdout(JSON.stringify(clients, null, 2) + '\n')
      return
    }
    if (clients.length === 0) {
      io.stdout('Geen klanten.\n')
      return
    }
    for (const client of clients) io.stdout(`${String(client.id).padStart(6)}  ${client.birthDate}  ${client.name}\n`)
  },

  async import(options, io) {
    const { importClients, ImportFileError, maxImportBytes, tooLargeMessage } = await import('../import')
    const from = required(options, 'from')
    const duplicates = options.duplicates ?? 'skip'
    if (duplicates !== 'skip' && duplicates !== 'merge') throw new UserError('--duplicates moet skip (overslaan) of merge (samenvoegen) zijn.')
    const path = resolve(io.cwd, from)
    const size = await stat(path).catch(() => null)
    if (!size?.isFile()) throw new UserError(`${from}: bestand niet gevonden of niet leesbaar.`)
    if (size.size > maxImportBytes) throw new UserError(`${from}: ${tooLargeMessage(size.size)}`)
    const mapping = options.mapping === undefined ? undefined : await readMapping(resolve(io.cwd, options.mapping), options.mapping)
    const bytes = await readFile(path)
    const report = await withVault(io, options, (vault) =>
      importClients(vaultBook(vault).clientImport!, { fileName: from, bytes, mapping, duplicates, dryRun: options['dry-run'] === true }).catch((error: unknown) => {
        if (error instanceof ImportFileError) throw new UserError(`${from}: ${error.message}`)
        throw error
      }),
    )
    for (const problem of report.problems) io.stderr(`rij ${problem.row}: ${problem.message}\n`)
    for (const duplicate of report.duplicates) {
      const sameAs = duplicate.sameAsRow !== null ? `rij ${duplicate.sameAsRow}` : `klant ${duplicate.existingClientId} in de kluis`
      io.stderr(`rij ${duplicate.row}: ${duplicate.name} (${duplicate.birthDate}) staat er al in (${sameAs}): ${duplicate.action}\n`)
    }
    io.stdout(`Bestand: ${report.file}\n`)
    io.stdout(`Kolommen: ${report.columns.map((column) => `${column.header} → ${column.field}`).join(', ')}\n`)
    for (const note of report.notes) io.stdout(`${note}\n`)
    if (options['dry-run']) io.stdout('Proefimport: er is niets opgeslagen.\n')
    if (report.merged > 0) io.stdout(`${report.merged} dubbele rij(en) samengevoegd.\n`)
    io.stdout(`${report.created + report.merged} geïmporteerd, ${report.skipped} overgeslagen\n`)
  },

  async 'export-client'(options, io) {
    const id = clientId(options)
    const data = await withBook(io, options, (book) => book.privacy.exportClient(id))
    io.stdout(JSON.stringify(data, null, 2) + '\n')
  },

  async 'erase-client'(options, io) {
    const id = clientId(options)
    const { goneFromFile } = await withBook(io, options, (book) => book.privacy.eraseClient(id))
    io.stdout(
      goneFromFile
        ? `Klant ${id} is gewist, ook uit het kluisbestand. Oudere back-ups bevatten de klant nog.\n`
        : `Klant ${id} is gewist. Een ander programma houdt de kluis open: uit het kluisbestand zelf verdwijnen de gegevens zodra dat de kluis sluit, en anders bij het volgende openen. Oudere back-ups bevatten de klant nog.\n`,
    )
  },

  async backup(options, io) {
    const out = resolve(io.cwd, required(options, 'out'))
    const info = await withVault(io, options, (vault) => vault.backup(out))
    io.stdout(`Back-up gemaakt: ${info.file} (${Math.ceil(info.bytes / 1024)} kB).\n`)
  },

  async restore(options, io) {
    const from = resolve(io.cwd, required(options, 'from'))
    const path = resolve(io.cwd, required(options, 'db'))
    const backupPassphrase = io.env['VANGNET_BACKUP_PASSPHRASE']
    const info = await restoreVault(from, path, { passphrase: await passphrase(io) }, { actor: 'cli', ...(backupPassphrase !== undefined ? { backupPassphrase } : {}) })
    io.stdout(`Kluis hersteld uit de back-up van ${info.createdAt}: ${path}\n`)
  },

  async 'change-passphrase'(options, io) {
    const current = await passphrase(io)
    const next = await newPassphrase(io, 'VANGNET_NEW_PASSPHRASE')
    const path = resolve(io.cwd, required(options, 'db'))
    const vault = await openVault(path, { passphrase: current }, { actor: 'cli', autoLockAfterMs: 0 })
    try {
      await vault.changePassphrase(current, next, { onProgress: progress(io) })
    } finally {
      vault.lock()
    }
    io.stdout('Wachtwoord gewijzigd en de kluis opnieuw versleuteld met een nieuwe sleutel. Oude back-ups openen alleen met het oude wachtwoord.\n')
  },

  async 'renew-key'(options, io) {
    const current = await passphrase(io)
    await withVault(io, options, (vault) => vault.renewKey(current, { onProgress: progress(io) }), current)
    io.stdout('Nieuwe sleutel: de kluis is opnieuw versleuteld. Een oud sleutelbestand opent niets wat vanaf nu wordt opgeslagen; oude back-ups openen met het wachtwoord van hun tijd.\n')
  },
}

export const vaultCommand: Subcommand = actionSubcommand({
  name: 'vault',
  usage,
  parse: (args) => parseArgs({ args, options: optionSpec, allowPositionals: true, strict: true }),
  actions,
  toUserError,
})
