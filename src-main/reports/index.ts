/**
 * Reports: the advice report as PDF, signed and verified. Used by the desktop app's main
 * process (through the worker in render-worker.ts, off the main thread), by `vangnet advise --pdf`
 * and by `vangnet verify`.
 *
 *   renderAdviceReport(request)  -> PDF bytes (signed when request.signing is given)
 *   verifyPdf(bytes)             -> signer, signing time, covered and unchanged?
 *   reportHash(bytes)            -> SHA-256 to store with the advice version
 */
import packageJson from '../../package.json' with { type: 'json' }
import { sourceDocuments } from '../../shared/parameters/sources'
import { activeParameterUpdate } from '../../shared/parameters/update'
import { buildAdviceReport, type AdviceFee, type AdviserDetails, type ClientSignature, type Language, type Recommendation } from '../../shared/report'
import type { ClientCase } from '../../shared/schema/case'
import type { AdviceResult } from '../../shared/schema/result'
import { readSigningIdentity } from './certificate'
import { renderReportCharts } from './charts'
import { renderPdf } from './render'
import { addSignaturePlaceholder, signPlaceholder } from './sign'

export { CertificateError, createSelfSignedCertificate, readSigningIdentity, type CertificateInfo, type CertificateProblem } from './certificate'
export { reportHash } from './sign'
export { verifyPdf, type SignatureCheck, type VerificationResult } from './verify'

export interface SigningRequest {
  /** The adviser's PKCS#12 certificate (.p12) and its passphrase. */
  p12: Uint8Array
  passphrase: string
  location?: string
  /** Defaults to now. */
  signingTime?: Date
}

export interface AdviceReportRequest {
  clientCase: ClientCase
  result: AdviceResult
  /** Printed on the cover; without it the cover says the details are missing. */
  adviser?: AdviserDetails
  recommendation?: Recommendation
  fee?: AdviceFee
  language?: Language
  /** ISO date of the advice; defaults to today. */
  reportDate?: string
  /** The number of this advice version in the client's dossier, printed on the cover. */
  adviceVersion?: number
  clientSignature?: ClientSignature
  /** Sign the PDF (PAdES, ETSI.CAdES.detached) with this certificate. */
  signing?: SigningRequest
  /** Folder with the embedded fonts (the packaged app passes its resources folder). */
  fontsDir?: string
}

const missing = { nl: 'niet ingevuld', en: 'not given' }

/** A draft report (no adviser's details or no choice) is never signed: a signature would vouch for advice nobody gave. */
export class DraftReportError extends Error {
  constructor(language: Language) {
    super(
      language === 'en'
        ? 'the report is a draft (CONCEPT): the adviser’s details or the chosen option are missing, so it cannot be signed'
        : 'het rapport is een concept: de gegevens van de adviseur of de gekozen oplossing ontbreken, dus het kan niet worden ondertekend',
    )
    this.name = 'DraftReportError'
  }
}

/** Whether a report for this request is a draft: no adviser's details, or no chosen option the result knows. */
export function isDraftReport(request: Pick<AdviceReportRequest, 'adviser' | 'recommendation' | 'clientCase' | 'result'>): boolean {
  const choice = request.recommendation?.optionId ?? request.clientCase.advice?.choice
  return !request.adviser || !choice || !request.result.options.some((option) => option.id === choice)
}

function adviserOrPlaceholder(adviser: AdviserDetails | undefined, language: Language): AdviserDetails {
  return adviser ?? { name: missing[language], firm: missing[language], afmNumber: missing[language], kifidNumber: missing[language] }
}

/** The advice report as PDF bytes; signed when `request.signing` is given. */
export async function renderAdviceReport(request: AdviceReportRequest): Promise<Uint8Array> {
  const language = request.language ?? 'nl'
  const signingTime = request.signing?.signingTime ?? new Date()
  const identity = request.signing ? readSigningIdentity(request.signing.p12, request.signing.passphrase) : undefined
  const draft = isDraftReport(request)
  if (identity && draft) throw new DraftReportError(language)
  const reportDate = request.reportDate ?? signingTime.toISOString().slice(0, 10)
  const definition = buildAdviceReport({
    clientCase: request.clientCase,
    result: request.result,
    adviser: adviserOrPlaceholder(request.adviser, language),
    ...(request.adviser ? {} : { adviserMissing: true }),
    ...(draft ? { draft: true } : {}),
    ...(request.adviceVersion !== undefined ? { adviceVersion: request.adviceVersion } : {}),
    ...(request.recommendation ? { recommendation: request.recommendation } : {}),
    ...(request.fee ? { fee: request.fee } : {}),
    ...(request.clientSignature ? { clientSignature: request.clientSignature } : {}),
    ...(identity
      ? { signature: { signerName: identity.info.commonName, selfSigned: identity.info.selfSigned, fingerprint: identity.info.fingerprint, signedOn: signingTime.toISOString().slice(0, 10) } }
      : {}),
    language,
    reportDate,
    // Documents a published parameter pack cites are listed with the built-in ones.
    sources: { ...sourceDocuments, ...Object.fromEntries((activeParameterUpdate()?.sources ?? []).map((document) => [document.key, document])) },
    charts: renderReportCharts(request.result, language, request.clientCase),
    appVersion: packageJson.version,
  })
  if (!identity) return new Uint8Array(await renderPdf(definition, { fontsDir: request.fontsDir }))
  const details = {
    reason: language === 'nl' ? 'Adviesrapport arbeidsongeschiktheid' : 'Disability insurance advice report',
    location: request.signing?.location ?? '',
    contactInfo: request.adviser?.email ?? '',
    signingTime,
  }
  const unsigned = await renderPdf(definition, { fontsDir: request.fontsDir, beforeEnd: (document) => addSignaturePlaceholder(document, identity, details) })
  return new Uint8Array(await signPlaceholder(unsigned, identity, signingTime))
}
export { startReportWorker, type ReportWorker } from './worker-client'
