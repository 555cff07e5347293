/**
 * The CMS SignedData of a PAdES baseline signature (ETSI EN 319 142-1 §6.3, ETSI EN 319 122-1
 * §5.2), written and read here rather than by node-forge's pkcs7 module, which can neither add
 * the ESS signing-certificate-v2 attribute nor hand back the bytes a signature covers.
 *
 * Signed attributes: content-type, signing-time, message-digest and signing-certificate-v2
 * (RFC 5035 §3: the SHA-256 of the signer's certificate and its issuer and serial number). The
 * last one binds the certificate to the signature: a certificate whose name or serial number was
 * changed afterwards no longer has the hash the signature names.
 */
import { createHash } from 'node:crypto'
import type Forge from 'node-forge'
import { forge, onFirstUse } from './signing-libraries'

const asn1 = onFirstUse(() => forge.asn1)
type Asn1 = Forge.asn1.Asn1

export const oids = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  /** id-aa-signingCertificateV2, RFC 5035 §3. */
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
} as const

const sequence = (items: Asn1[]): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, items)
const set = (items: Asn1[]): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, items)
const oid = (value: string): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(value).getBytes())
const octets = (bytes: Buffer): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary'))
const integer = (value: number): Asn1 => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes())
const algorithm = (value: string, nullParameters = false): Asn1 => sequence(nullParameters ? [oid(value), asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, '')] : [oid(value)])

export const der = (node: Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary')
export const fromDer = (bytes: Buffer): Asn1 =>
  (asn1.fromDer as unknown as (input: Forge.util.ByteStringBuffer, options: object) => Asn1)(forge.util.createBuffer(bytes.toString('binary')), {
    strict: true,
    parseAllBytes: false,
    decodeBitStrings: false,
  })

/** The parts of an X.509 certificate a SignerInfo and an ESSCertIDv2 name: Name and serial, as DER. */
export function issuerAndSerial(certificateDer: Buffer): { issuer: Asn1; serial: Asn1 } {
  const tbs = (fromDer(certificateDer).value as Asn1[])[0]
  const fields = tbs?.value as Asn1[] | undefined
  if (!fields) throw new Error('not a certificate')
  // TBSCertificate: [0] version (optional), serialNumber, signature, issuer, ...
  const offset = fields[0]?.tagClass === asn1.Class.CONTEXT_SPECIFIC ? 1 : 0
  const serial = fields[offset]
  const issuer = fields[offset + 2]
  if (!serial || !issuer) throw new Error('not a certificate')
  return { issuer, serial }
}

/** DER SET OF: the elements in ascending order of their encodings (X.690 §11.6). */
function derSetOf(items: Asn1[]): Buffer {
  const encoded = items.map(der).sort(Buffer.compare)
  const content = Buffer.concat(encoded)
  return Buffer.concat([der(asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, [])).subarray(0, 1), lengthBytes(content.length), content])
}

function lengthBytes(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length])
  const bytes: number[] = []
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

function attribute(type: string, value: Asn1): Asn1 {
  return sequence([oid(type), set([value])])
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } with SHA-256 (the default, so omitted). */
export function signingCertificateV2(certificateDer: Buffer): Asn1 {
  const { issuer, serial } = issuerAndSerial(certificateDer)
  const certHash = createHash('sha256').update(certificateDer).digest()
  // IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber } with GeneralName directoryName [4] EXPLICIT Name.
  const generalNames = sequence([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer])])
  return sequence([sequence([sequence([octets(certHash), sequence([generalNames, serial])])])])
}

export interface CmsInput {
  /** SHA-256 of the signed byte range. */
  contentDigest: Buffer
  signingTime: Date
  /** The signer's certificate first, then the rest of its chain, each as DER. */
  certificates: Buffer[]
  /** RSASSA-PKCS1-v1_5 with SHA-256 over the given bytes. */
  sign: (signedAttributes: Buffer) => Buffer
}

/** A detached CMS SignedData (RFC 5652) with the PAdES baseline signed attributes, as DER. */
export function createSignedData(input: CmsInput): Buffer {
  const [signerCertificate] = input.certificates
  if (!signerCertificate) throw new Error('no signer certificate')
  const signingTime = input.signingTime
  // UTCTime for years 1950–2049 (RFC 5652 §11.3), GeneralizedTime after.
  const time =
    signingTime.getUTCFullYear() < 2050
      ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(signingTime))
      : asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(signingTime))
  const attributes = [
    attribute(oids.contentType, oid(oids.data)),
    attribute(oids.signingTime, time),
    attribute(oids.messageDigest, octets(input.contentDigest)),
    attribute(oids.signingCertificateV2, signingCertificateV2(signerCertificate)),
  ]
  // The signature covers the attributes encoded as a DER SET OF (RFC 5652 §5.4); in the
  // SignerInfo the same bytes carry the tag [0] IMPLICIT instead.
  const signedSet = derSetOf(attributes)
  const signature = input.sign(signedSet)
  const signedAttributesField = Buffer.concat([Buffer.from([0xa0]), signedSet.subarray(1)])
  const { issuer, serial } = issuerAndSerial(signerCertificate)
  const signerInfo = sequence([
    integer(1),
    sequence([issuer, serial]),
    algorithm(oids.sha256),
    fromDer(signedAttributesField),
    algorithm(oids.rsaEncryption, true),
    octets(signature),
  ])
  const certificates = asn1.create(
    asn1.Class.CONTEXT_SPECIFIC,
    0,
    true,
    input.certificates.map((certificate) => fromDer(certificate)),
  )
  const signedData = sequence([integer(1), set([algorithm(oids.sha256)]), sequence([oid(oids.data)]), certificates, set([signerInfo])])
  return der(sequence([oid(oids.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])]))
}
