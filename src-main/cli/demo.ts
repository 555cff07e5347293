/**
 * `npm run demo` (`vangnet demo [CASE.json] [--out DIR] [--sign CERT.p12] [--lang nl|en]`):
 * writes a signed sample advice report for a sample client. Without --sign it creates a
 * self-signed demo certificate next to the report (passphrase from VANGNET_P12_PASSPHRASE, else
 * "vangnet-demo"); the report says it is self-signed. The adviser below is fictitious.
 */
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { join, relative, resolve } from 'node:path'
import { advise } from '../../shared/rules/advise'
import type { Language, Recommendation } from '../../shared/report'
import { parseClientCase } from '../../shared/schema/case'
import type { AdviceResult, OptionId } from '../../shared/schema/result'
import { CertificateError, createSelfSignedCertificate, renderAdviceReport, reportHash, verifyPdf } from '../reports'
import { exitCodes, UserError, type CliIo, type Subcommand } from './command'

const usage = `Gebruik: npm run demo  (of: npm run -s vangnet -- demo [CASE.json] [opties])

Schrijft een ondertekend voorbeeld-adviesrapport voor een voorbeeldklant.

Opties:
  --out MAP          uitvoermap (standaard out/demo)
  --sign CERT.p12    onderteken met dit certificaat (wachtwoordzin: VANGNET_P12_PASSPHRASE);
                     zonder --sign wordt een zelfondertekend democertificaat gemaakt
  --lang nl|en       taal van het rapport (standaard nl)
  --help             deze hulp
`

const defaultCase = fileURLToPath(new URL('../../resources/cases/starter.json', import.meta.url))
const demoPassphrase = 'vangnet-demo'

export const demoAdviser = {
  name: 'Mr. drs. Ö. Bakker-Ünal',
  firm: 'Bakker & Ünal Financieel Advies (fictief)',
  afmNumber: '12345678',
  kifidNumber: '300.099999',
  email: 'advies@voorbeeld.nl',
  phone: '030 123 45 67',
  address: 'Voorbeeldstraat 1, 3511 AA Utrecht',
}

/** Why an adviser might choose each option: sample wording for the demo only. */
const sampleMotivation: Record<OptionId, string> = {
  baz: 'De Baz geeft u een basisdekking tegen een premie die met uw winst meebeweegt. Uw buffer en het broodfonds overbruggen de wachttijd van twee jaar.\n\nWij adviseren de Baz zonder aanvulling, omdat uw vaste lasten laag zijn en u weinig premie wilt betalen.',
  'baz-top-up': 'De Baz alleen laat een groot inkomensgat: twee jaar wachttijd en daarna hooguit 70 % van een gemaximeerde grondslag. Een aanvullende AOV met één jaar eigen risico dekt uw beroep en verkleint het gat.\n\nWij adviseren de Baz met een private aanvulling.',
  'opt-out': 'De offerte voor een private AOV voldoet aan alle voorwaarden voor de opt-out, keert uit bij arbeidsongeschiktheid voor uw eigen beroep en begint na één jaar in plaats van twee.\n\nWij adviseren de opt-out met deze private AOV, ingaand op 1 januari.',
  transitional: 'Uw lopende AOV valt naar verwachting onder het overgangsrecht. U houdt de dekking voor uw eigen beroep en betaalt geen Baz-premie.\n\nWij adviseren de lopende AOV te houden en vrijstelling onder het overgangsrecht aan te vragen.',
  'keep-both': 'U houdt de lopende AOV en neemt deel aan de Baz. Let op oververzekering: samen mogen de uitkeringen niet boven 80 à 90 % van uw inkomen komen.\n\nWij adviseren beide te houden en het verzekerde bedrag van de AOV te verlagen.',
}

/** The demo recommends the first available option in this order of preference. */
function sampleRecommendation(result: AdviceResult): Recommendation | undefined {
  const preference: OptionId[] = ['transitional', 'opt-out', 'baz-top-up', 'baz', 'keep-both']
  const chosen = preference.map((id) => result.options.find((option) => option.id === id && option.available)).find(Boolean)
  return chosen ? { optionId: chosen.id, motivation: sampleMotivation[chosen.id] } : undefined
}

export const demoCommand: Subcommand = {
  usage,
  async run(args: string[], io: CliIo): Promise<number> {
    let outDir = resolve(io.cwd, 'out/demo')
    let certificatePath: string | undefined
    let language: Language = 'nl'
    let casePath = defaultCase
    for (let index = 0; index < args.length; index++) {
      const arg = args[index]!
      const value = () => {
        const next = args[++index]
        if (next === undefined) throw new UserError(`${arg}: er ontbreekt een waarde`)
        return next
      }
      if (arg === '--out') outDir = resolve(io.cwd, value())
      else if (arg === '--sign') certificatePath = resolve(io.cwd, value())
      else if (arg === '--lang') {
        const lang = value()
        if (lang !== 'nl' && lang !== 'en') throw new UserError('--lang: kies nl of en')
        language = lang
      } else if (arg.startsWith('--')) throw new UserError(`Onbekende optie: ${arg}`)
      else casePath = resolve(io.cwd, arg)
    }
    let raw: unknown
    try {
      raw = JSON.parse(await readFile(casePath, 'utf8'))
    } catch {
      throw new UserError(`${relative(io.cwd, casePath)}: niet gevonden of geen geldige JSON`)
    }
    const parsed = parseClientCase(raw)
    if (!parsed.ok) throw new UserError(parsed.problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n'))
    const clientCase = parsed.value
    // A sample profile when the sample case has none, so every section of the report shows.
    clientCase.profile ??= {
      goals: 'Bij arbeidsongeschiktheid de vaste lasten kunnen blijven betalen; weten wat de Baz kost en oplevert.',
      financialBuffer: 15000,
      riskAppetite: 'gemiddeld',
      knowledgeAndExperience: 'Kent het begrip wachttijd; heeft nog geen eigen AOV gehad.',
    }
    const result = advise(clientCase)
    await mkdir(outDir, { recursive: true })

    let p12: Uint8Array
    let passphrase = io.env.VANGNET_P12_PASSPHRASE ?? ''
    if (certificatePath) {
      if (!passphrase) throw new UserError('VANGNET_P12_PASSPHRASE ontbreekt: de wachtwoordzin van het certificaat')
      try {
        p12 = await readFile(certificatePath)
      } catch {
        throw new UserError(`${relative(io.cwd, certificatePath)}: certificaat niet gevonden`)
      }
    } else {
      passphrase ||= demoPassphrase
      p12 = createSelfSignedCertificate({ name: demoAdviser.name, organisation: demoAdviser.firm, email: demoAdviser.email, passphrase })
      await writeFile(join(outDir, 'demo-certificaat.p12'), p12, { mode: 0o600 })
    }
    const pdf = await renderAdviceReport({
      clientCase,
      result,
      adviser: demoAdviser,
      ...(() => {
        const recommendation = sampleRecommendation(result)
        return recommendation ? { recommendation } : {}
      })(),
      fee: { amount: 950, description: 'Vaste vergoeding voor inventarisatie, analyse en dit advies (eenmalig). Bemiddeling bij het afsluiten van een AOV valt hier niet onder.' },
      language,
      signing: { p12, passphrase, location: 'Utrecht' },
    }).catch((error: unknown) => {
      if (error instanceof CertificateError) throw new UserError(error.message, exitCodes.vault)
      throw error
    })
    const pdfPath = join(outDir, language === 'nl' ? 'adviesrapport-voorbeeld.pdf' : 'advice-report-sample.pdf')
    await writeFile(pdfPath, pdf, { mode: 0o600 })
    await chmod(pdfPath, 0o600)
    const check = verifyPdf(pdf)
    io.stdout(
      [
        `Rapport:      ${relative(io.cwd, pdfPath)}`,
        certificatePath ? `Certificaat:  ${relative(io.cwd, certificatePath)}` : `Certificaat:  ${relative(io.cwd, join(outDir, 'demo-certificaat.p12'))} (zelfondertekend, wachtwoordzin: ${io.env.VANGNET_P12_PASSPHRASE ? 'uit VANGNET_P12_PASSPHRASE' : demoPassphrase})`,
        `SHA-256:      ${reportHash(pdf)}`,
        `Handtekening: ${check.valid ? 'geldig' : 'NIET geldig'}`,
      ].join('\n') + '\n',
    )
    return check.valid ? exitCodes.ok : exitCodes.signatureInvalid
  },
}
