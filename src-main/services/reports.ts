/** The ReportPort over the report helper's functions: render + sign in one step, and verify. */
import type { VerifyResult } from '../../shared/ipc'
import { formatDate } from '../../shared/format'
import { randomBytes } from 'node:crypto'
import { createSelfSignedCertificate, renderAdviceReport, verifyPdf, type AdviceReportRequest } from '../reports'
import type { ReportPort, ReportRequest } from './types'
import { advise } from '../../shared/rules/advise'
import { warmUpCase } from './warm-report'

export interface ReportPortOptions {
  fontsDir?: string
  /** Render elsewhere (the desktop app passes its report worker, off the main thread). */
  render?: (request: AdviceReportRequest) => Promise<Uint8Array>
}

export function reportPort(options: ReportPortOptions = {}): ReportPort {
  const render = options.render ?? renderAdviceReport
  return {
    async makeSigned(request: ReportRequest): Promise<Buffer> {
      const pdf = await render({
        clientCase: request.clientCase,
        result: request.result,
        adviser: request.adviser,
        recommendation: request.recommendation,
        language: request.language,
        reportDate: request.reportDate,
        signing: { p12: request.certificate.p12, passphrase: request.certificate.password },
        ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}),
      })
      return Buffer.from(pdf)
    },
    /**
     * Render and sign one sample report and throw it away: loads pdfmake, the fonts, the charts and
     * the signing code. It signs with a throwaway certificate made for this in memory; neither the
     * key nor the PDF is kept or written anywhere.
     */
    async warm(): Promise<void> {
      const clientCase = warmUpCase()
      const passphrase = randomBytes(16).toString('hex')
      const p12 = createSelfSignedCertificate({ name: 'Vangnet warm-up', passphrase, years: 1 })
      const result = advise(clientCase)
      const chosen = result.options.find((option) => option.available) ?? result.options[0]!
      await render({
        clientCase,
        result,
        // A complete sample: a draft (no adviser or choice) is never signed, and the warm-up must
        // load the signing code too.
        adviser: { name: 'Vangnet warm-up', firm: 'Vangnet', afmNumber: '00000000', kifidNumber: '000.000000' },
        recommendation: { optionId: chosen.id, motivation: 'Warm-up.' },
        language: 'nl',
        reportDate: '2030-01-01',
        signing: { p12, passphrase },
        ...(options.fontsDir ? { fontsDir: options.fontsDir } : {}),
      })
    },
    async verify(pdf: Buffer): Promise<VerifyResult> {
      const result = verifyPdf(pdf)
      const last = result.signatures.at(-1)
      // The self-signed marker in the certificate name is said in words below instead.
      const signer = last?.signer?.commonName.replace(/\s*\(zelfondertekend\)$/, '') ?? null
      const signedAt = last?.signingTime ?? null
      if (result.valid) {
        const when = signedAt ? formatDate(signedAt.slice(0, 10)) : 'onbekende datum'
        const trust = last?.signer?.selfSigned ? ', met een zelf gemaakt certificaat' : ''
        return { valid: true, signer, signedAt, message: `Handtekening geldig: ondertekend door ${signer ?? 'onbekend'} op ${when}${trust}; het rapport is sindsdien niet gewijzigd.` }
      }
      const problems = [...result.problems, ...result.signatures.flatMap((s) => s.problems)]
      return { valid: false, signer, signedAt, message: `Handtekening niet geldig: ${problems.join('; ') || 'onbekende reden'}.` }
    },
  }
}
