/**
 * The adviser's signing certificate, via the report helper's functions (src-main/reports): import a
 * PKCS#12 (.p12/.pfx) after checking that its password opens it and that it holds a key with its
 * certificate, or make a self-signed one. The file is kept inside the vault with a readable label;
 * its password is never stored.
 */
import { CertificateError, createSelfSignedCertificate, readSigningIdentity, type CertificateInfo } from '../reports'
import { ServiceError } from './errors'

export interface CertificateFile {
  p12: Buffer
  label: string
  info: CertificateInfo
}

function label(info: CertificateInfo): string {
  // The certificate's own name carries the marker "(zelfondertekend)"; the label says it in words.
  const name = info.commonName.replace(/\s*\(zelfondertekend\)$/, '')
  return `${name} (${info.selfSigned ? 'zelf ondertekend, ' : ''}geldig tot ${info.notAfter.slice(0, 10)})`
}

export function inspectP12(p12: Buffer, password: string, now: Date = new Date()): CertificateFile {
  try {
    const { info } = readSigningIdentity(p12, password)
    if (Date.parse(info.notAfter) < now.getTime()) throw new ServiceError('invalid-input', 'Dit certificaat is verlopen.')
    return { p12, label: label(info), info }
  } catch (error) {
    if (error instanceof CertificateError) throw new ServiceError('invalid-input', error.message)
    throw error
  }
}

export function createSelfSignedP12(name: string, organisation: string, password: string, now: Date = new Date()): CertificateFile {
  const p12 = Buffer.from(createSelfSignedCertificate({ name, organisation: organisation || undefined, passphrase: password, now }))
  return inspectP12(p12, password, now)
}
