/**
 * `vangnet verify FILE.pdf [--json]`: is this advice report signed, by whom, when, and is it
 * unchanged since? Exit 0 when every signature is intact and the last one covers the whole
 * file; exit 4 when not (also for an unsigned file). Trust in the certificate is reported, not
 * judged: a self-signed certificate proves integrity, not identity.
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { formatDate } from '../../shared/format'
import { reportHash, verifyPdf } from '../reports'
import { exitCodes, UserError, type CliIo, type Subcommand } from './command'

const usage = `Gebruik: npm run -s vangnet -- verify FILE.pdf [--json]

Controleert de digitale handtekening van een adviesrapport: wie tekende (met de SHA-256-
vingerafdruk van het certificaat, om te vergelijken met die van de adviseur), wanneer, en of het
hele document gedekt en ongewijzigd is. Het certificaat moet het certificaat zijn dat de
handtekening zelf noemt (signing-certificate-v2).

Opties:
  --json   één JSON-document op stdout
  --help   deze hulp

Afsluitcodes: 0 handtekening geldig, 2 ongeldige invoer, 4 handtekening niet geldig of ontbreekt.
`

function time(iso: string | null): string {
  return iso ? `${formatDate(iso)} ${iso.slice(11, 19)} UTC` : 'onbekend'
}

/** "AB:CD:…", the way certificate viewers show a fingerprint, so an adviser can compare it by eye. */
function fingerprint(hex: string): string {
  return (hex.toUpperCase().match(/../g) ?? []).join(':')
}

export const verifyCommand: Subcommand = {
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    const json = args.includes('--json')
    const unknown = args.filter((arg) => arg.startsWith('--') && arg !== '--json')
    const files = args.filter((arg) => !arg.startsWith('--'))
    if (unknown.length > 0) throw new UserError(`Onbekende optie: ${unknown.join(', ')}`)
    if (files.length !== 1) throw new UserError('Geef precies één PDF-bestand op. Zie: vangnet verify --help')
    let bytes: Buffer
    try {
      bytes = await readFile(resolve(io.cwd, files[0]!))
    } catch {
      throw new UserError(`${files[0]}: bestand niet gevonden of niet leesbaar`)
    }
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') throw new UserError(`${files[0]}: geen PDF-bestand`)
    const result = verifyPdf(bytes)
    if (json) {
      io.stdout(JSON.stringify({ ...result, sha256: reportHash(bytes) }) + '\n')
    } else {
      const lines: string[] = []
      result.signatures.forEach((signature, index) => {
        lines.push(`Handtekening ${index + 1}:`)
        lines.push(`  ondertekenaar:        ${signature.signer ? signature.signer.commonName : 'onbekend'}${signature.signer?.organisation ? `, ${signature.signer.organisation}` : ''}`)
        if (signature.signer) lines.push(`  vingerafdruk:         SHA-256 ${fingerprint(signature.signer.fingerprint)}`)
        if (signature.signer?.selfSigned) lines.push('  certificaat:          zelfondertekend (bewijst dat het document ongewijzigd is, niet wie tekende)')
        lines.push(`  tijdstip:             ${time(signature.signingTime)}`)
        lines.push(`  hele document gedekt: ${signature.coversWholeDocument ? 'ja' : 'nee'}`)
        lines.push(`  ongewijzigd:          ${signature.digestMatches && signature.signatureValid ? 'ja' : 'nee'}`)
        for (const problem of signature.problems) lines.push(`  probleem:             ${problem}`)
      })
      for (const problem of result.problems) lines.push(`Probleem: ${problem}`)
      lines.push(`SHA-256: ${reportHash(bytes)}`)
      lines.push(result.valid ? 'Handtekening geldig.' : 'Handtekening NIET geldig.')
      io.stdout(lines.join('\n') + '\n')
    }
    return result.valid ? exitCodes.ok : exitCodes.signatureInvalid
  },
}
