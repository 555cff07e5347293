/**
 * The adviser's signing certificate: a PKCS#12 file (.p12) protected by a passphrase, as an
 * adviser gets it from a certificate authority or makes it here. Advisers without one can create
 * a self-signed certificate; it is labelled as such in its name and on the report, because it
 * proves that a document is unchanged, not who signed it.
 */
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto'
import type Forge from 'node-forge'
import { forge } from './signing-libraries'

export interface CertificateInfo {
  commonName: string
  organisation?: string
  selfSigned: boolean
  notBefore: string
  notAfter: string
  /** SHA-256 fingerprint of the certificate, hex. */
  fingerprint: string
}

/** A certificate and key read from a .p12, ready to sign with. */
export interface SigningIdentity {
  info: CertificateInfo
  certificate: Forge.pki.Certificate
  /** Every certificate in the file (the chain), for the signature's certificate set. */
  chain: Forge.pki.Certificate[]
  privateKey: KeyObject
}

/** Why a certificate file cannot sign, in Dutch (the app, the message) and English (`advise --lang en`). */
const certificateProblems = {
  unreadable: {
    nl: 'Het certificaat kan niet worden geopend: verkeerde wachtwoordzin of geen PKCS#12-bestand.',
    en: 'the certificate cannot be opened: wrong passphrase or not a PKCS#12 file.',
  },
  'no-key': { nl: 'Het certificaatbestand bevat geen privésleutel.', en: 'the certificate file holds no private key.' },
  'no-certificate': { nl: 'Het certificaatbestand bevat geen certificaat bij de privésleutel.', en: 'the certificate file holds no certificate for its private key.' },
} as const
export type CertificateProblem = keyof typeof certificateProblems

/** The passphrase is wrong, or the file is not a PKCS#12 certificate with a key and its certificate. */
export class CertificateError extends Error {
  override name = 'CertificateError'

  constructor(readonly problem: CertificateProblem) {
    super(certificateProblems[problem].nl)
  }

  in(language: 'nl' | 'en'): string {
    return certificateProblems[this.problem][language]
  }
}

export const selfSignedMarker = 'zelfondertekend'

function attribute(certificate: Forge.pki.Certificate, shortName: string, from: 'subject' | 'issuer' = 'subject'): string | undefined {
  const field = certificate[from].getField(shortName) as { value?: unknown; valueTagClass?: number } | null
  if (typeof field?.value !== 'string') return undefined
  // forge hands back the raw bytes of a UTF8String; decode them, and keep other strings as they are.
  if (field.valueTagClass !== forge.asn1.Type.UTF8) return field.value
  try {
    return forge.util.decodeUtf8(field.value)
  } catch {
    return field.value
  }
}

/** `der`: the certificate's bytes as they were read, when known (the fingerprint is over exactly those). */
export function describeCertificate(certificate: Forge.pki.Certificate, der?: Buffer): CertificateInfo {
  const bytes = der ?? Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary')
  const fingerprint = createHash('sha256').update(bytes).digest('hex')
  const organisation = attribute(certificate, 'O')
  return {
    commonName: attribute(certificate, 'CN') ?? '(onbekend)',
    ...(organisation ? { organisation } : {}),
    selfSigned: certificate.isIssuer(certificate),
    notBefore: certificate.validity.notBefore.toISOString(),
    notAfter: certificate.validity.notAfter.toISOString(),
    fingerprint,
  }
}

/** Read the certificate and private key from a .p12; a wrong passphrase gives a CertificateError. */
export function readSigningIdentity(p12: Uint8Array, passphrase: string): SigningIdentity {
  let parsed: Forge.pkcs12.Pkcs12Pfx
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')))
    parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase)
  } catch {
    throw new CertificateError('unreadable')
  }
  const bagsOf = (oid: string | undefined): Forge.pkcs12.Bag[] => (oid ? (parsed.getBags({ bagType: oid })[oid] ?? []) : [])
  const certificates = bagsOf(forge.pki.oids.certBag).flatMap((bag) => (bag.cert ? [bag.cert] : []))
  const keyBag = bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag)[0] ?? bagsOf(forge.pki.oids.keyBag)[0]
  const forgeKey = keyBag?.key as Forge.pki.rsa.PrivateKey | undefined
  if (!forgeKey) throw new CertificateError('no-key')
  // The signing certificate is the one whose public key matches the private key.
  const certificate = certificates.find((candidate) => {
    const publicKey = candidate.publicKey as Forge.pki.rsa.PublicKey
    return publicKey.n.equals(forgeKey.n) && publicKey.e.equals(forgeKey.e)
  })
  if (!certificate) throw new CertificateError('no-certificate')
  const privateKey = createPrivateKey(forge.pki.privateKeyToPem(forgeKey))
  return { info: describeCertificate(certificate), certificate, chain: certificates, privateKey }
}

const utf8String = (): Forge.asn1.Class => forge.asn1.Type.UTF8 as unknown as Forge.asn1.Class

/** forge encodes a UTF8String field's value to UTF-8 itself: it gets the text (composed, NFC). */
function utf8Value(name: string): string {
  return name.normalize('NFC')
}

export interface SelfSignedRequest {
  /** The adviser's name, as it should appear as signer. */
  name: string
  organisation?: string
  email?: string
  passphrase: string
  /** Years of validity (default 5). */
  years?: number
  now?: Date
}

/**
 * A new self-signed signing certificate as a .p12 protected by the passphrase. The key is made
 * by Node's crypto (native, fast); node-forge writes the certificate and the PKCS#12 container.
 */
export function createSelfSignedCertificate(request: SelfSignedRequest): Uint8Array {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const forgePrivate = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
  const forgePublic = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString())
  const certificate = forge.pki.createCertificate()
  certificate.publicKey = forgePublic
  // A positive random serial number (first bit cleared), as RFC 5280 asks.
  certificate.serialNumber = '01' + randomBytes(15).toString('hex')
  const now = request.now ?? new Date()
  certificate.validity.notBefore = new Date(now.getTime() - 60_000)
  certificate.validity.notAfter = new Date(now)
  certificate.validity.notAfter.setUTCFullYear(now.getUTCFullYear() + (request.years ?? 5))
  // The name as the adviser wrote it, diacritics included, as UTF8String (RFC 5280 §4.1.2.6;
  // PrintableString, forge's default, has neither "&" nor "Ü").
  const subject: Forge.pki.CertificateField[] = [
    { shortName: 'CN', value: utf8Value(`${request.name} (${selfSignedMarker})`), valueTagClass: utf8String() },
    { shortName: 'O', value: utf8Value(request.organisation ?? 'Vangnet'), valueTagClass: utf8String() },
    { shortName: 'OU', value: 'Vangnet self-signed' },
    { shortName: 'C', value: 'NL' },
  ]
  if (request.email) subject.push({ name: 'emailAddress', value: request.email })
  certificate.setSubject(subject)
  certificate.setIssuer(subject)
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', emailProtection: true },
    { name: 'subjectKeyIdentifier' },
  ])
  certificate.sign(forgePrivate, forge.md.sha256.create())
  const p12 = forge.pkcs12.toPkcs12Asn1(forgePrivate, [certificate], request.passphrase, { algorithm: 'aes256', friendlyName: request.name })
  return new Uint8Array(Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary'))
}
