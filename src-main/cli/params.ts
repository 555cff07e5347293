/**
 * `vangnet params …`: signed parameter packs. Advisers import, list and roll back; the publisher
 * makes a key pair once and signs packs (private key from VANGNET_PACK_PRIVATE_KEY, never a file
 * in the repository).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { generatePublisherKeys, PackError, packStorePath, PackStore, signPack } from '../params'
import { scenarioIdsAvailable } from '../../shared/schema/case'
import { exitCodes, UserError, type CliIo, type Subcommand } from './command'

const usage = `Gebruik: npm run -s vangnet -- params <actie> [opties]

Parameterpakketten: nieuwe minimumlonen, AOW-leeftijden en waarden van het wetsvoorstel zonder
nieuwe versie van Vangnet, alleen als de uitgever ze heeft ondertekend.

Acties voor de adviseur:
  import BESTAND --db KLUIS [--dry-run]   controleer het pakket, toon wat het verandert en gebruik het
  list --db KLUIS                         de geïmporteerde pakketten en welk actief is
  rollback --db KLUIS                     terug naar het vorige pakket (of de ingebouwde parameters)

Acties voor de uitgever:
  keygen                                  maak een sleutelpaar (bewaar de privésleutel buiten de repository)
  sign --in INHOUD.json --out PAKKET.json onderteken; privésleutel (PEM) uit VANGNET_PACK_PRIVATE_KEY

Afsluitcodes: 0 gelukt, 2 ongeldig of niet ondertekend pakket (er verandert niets), 4 handtekening klopt niet.
`

const optionSpec = {
  db: { type: 'string' },
  'dry-run': { type: 'boolean' },
  in: { type: 'string' },
  out: { type: 'string' },
} as const

/**
 * Lay a vault's active parameter pack (verified again) over the built-in parameters in this
 * process, for `advise --db` and `portfolio`; a pack that cannot be used is a plain message in the
 * command's language. Returns the bill versions then available (a pack may add one).
 */
export function useVaultPacks(vaultPath: string, language: 'nl' | 'en'): readonly string[] {
  try {
    new PackStore(packStorePath(vaultPath)).activate()
  } catch (error) {
    if (error instanceof PackError) throw new UserError(error.in(language))
    throw error
  }
  return scenarioIdsAvailable()
}

function needDb(db: string | undefined, io: CliIo): PackStore {
  if (!db) throw new UserError('Optie --db ontbreekt: de kluis waarvoor het pakket geldt. Zie: vangnet params --help')
  return new PackStore(packStorePath(resolve(io.cwd, db)))
}

function asUserError(error: unknown): unknown {
  if (!(error instanceof PackError)) return error
  return new UserError(error.message, /handtekening .* klopt niet/.test(error.message) ? exitCodes.signatureInvalid : exitCodes.invalidInput)
}

export const paramsCommand: Subcommand = {
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    let parsed: { values: { db?: string; 'dry-run'?: boolean; in?: string; out?: string }; positionals: string[] }
    try {
      parsed = parseArgs({ args, options: optionSpec, allowPositionals: true, strict: true })
    } catch (error) {
      throw new UserError(`Ongeldige opties: ${(error as Error).message}. Zie: vangnet params --help`)
    }
    const [action, file, ...extra] = parsed.positionals
    const options = parsed.values
    if (extra.length > 0) throw new UserError(`Onverwacht argument "${extra[0]}". Zie: vangnet params --help`)
    try {
      switch (action) {
        case undefined:
          io.stdout(usage)
          return exitCodes.ok
        case 'keygen': {
          const keys = generatePublisherKeys()
          io.stdout(`Publieke sleutel (in src-main/params/publisher-key.ts):\n${keys.publicKey}\nPrivésleutel (alleen voor de uitgever; zet hem in VANGNET_PACK_PRIVATE_KEY bij het ondertekenen):\n${keys.privateKey}`)
          return exitCodes.ok
        }
        case 'sign': {
          const privateKey = io.env['VANGNET_PACK_PRIVATE_KEY']
          if (!privateKey) throw new UserError('VANGNET_PACK_PRIVATE_KEY ontbreekt: de privésleutel (PEM) van de uitgever.')
          if (!options.in || !options.out) throw new UserError('Gebruik: vangnet params sign --in INHOUD.json --out PAKKET.json')
          let content: unknown
          try {
            content = JSON.parse(await readFile(resolve(io.cwd, options.in), 'utf8'))
          } catch {
            throw new UserError(`${options.in}: niet te lezen of geen geldige JSON.`)
          }
          const envelope = signPack(content, privateKey)
          await writeFile(resolve(io.cwd, options.out), JSON.stringify(envelope, null, 2) + '\n')
          io.stdout(`Ondertekend pakket geschreven: ${options.out}\n`)
          return exitCodes.ok
        }
        case 'import': {
          if (!file) throw new UserError('Welk pakket? Gebruik: vangnet params import BESTAND --db KLUIS')
          const store = needDb(options.db, io)
          let bytes: Buffer
          try {
            bytes = await readFile(resolve(io.cwd, file))
          } catch {
            throw new UserError(`${file}: bestand niet gevonden of niet leesbaar.`)
          }
          const { content, changes } = await store.import(bytes, { dryRun: options['dry-run'] === true, now: new Date() })
          io.stdout(`Parameterpakket ${content.id}: ${content.label} (gepubliceerd ${content.publishedAt}), handtekening in orde.\nWat het verandert:\n${changes.map((line) => `  ${line}`).join('\n')}\n`)
          io.stdout(options['dry-run'] ? 'Proef: er is niets veranderd.\n' : 'Het pakket is nu actief. Terugdraaien: vangnet params rollback --db KLUIS\n')
          return exitCodes.ok
        }
        case 'list': {
          const packs = needDb(options.db, io).list()
          if (packs.length === 0) io.stdout('Geen parameterpakketten: de ingebouwde parameters zijn actief.\n')
          for (const pack of packs) io.stdout(`${pack.active ? '*' : ' '} ${pack.id}  ${pack.label} (gepubliceerd ${pack.publishedAt}, geïmporteerd ${pack.importedAt.slice(0, 10)})\n`)
          if (packs.length > 0 && !packs.some((pack) => pack.active)) io.stdout('Actief: de ingebouwde parameters.\n')
          return exitCodes.ok
        }
        case 'rollback': {
          const now = await needDb(options.db, io).rollback()
          io.stdout(now ? `Actief: parameterpakket ${now.id} (${now.label}).\n` : 'Actief: de ingebouwde parameters.\n')
          return exitCodes.ok
        }
        default:
          throw new UserError(`Onbekende actie "${action}". Zie: vangnet params --help`)
      }
    } catch (error) {
      throw asUserError(error)
    }
  },
}
