/**
 * Checks a signed PDF without trusting the file's own claims: every signature's byte range must
 * start at 0 and (for the last one) end at the end of the file, the SHA-256 of the signed bytes
 * must equal the CMS messageDigest, the certificate used must be the one the signed
 * signing-certificate-v2 attribute names (so its name or serial cannot be swapped afterwards),
 * the CMS signature must verify with it, and /Contents may hold nothing but zeros after the CMS. This says "unchanged since signing"; whether the certificate is trusted is a
 * separate question (a self-signed certificate is reported as such).
 */
import { createHash, verify as verifySignature, X509Certificate } from 'node:crypto'
import type Forge from 'node-forge'
import { forge } from './signing-libraries'
import { describeCertificate, type CertificateInfo } from './certificate'
import { der, fromDer, issuerAndSerial, oids as cmsOids } from './cms'

type Asn1 = Forge.asn1.Asn1

export interface SignatureCheck {
  signer: CertificateInfo | null
  /** From the CMS signingTime attribute, else the signature dictionary's /M. */
  signingTime: string | null
  byteRange: [number, number, number, number]
  /** The byte range covers the whole file except the signature itself. */
  coversWholeDocument: boolean
  digestMatches: boolean
  signatureValid: boolean
  problems: string[]
}

export interface VerificationResult {
  /** At least one signature, all intact, and the last one covers the whole file. */
  valid: boolean
  signatures: SignatureCheck[]
  problems: string[]
}

const byteRangePattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g

function pdfDateToIso(value: string): string | null {
  const match = /D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?/.exec(value)
  if (!match) return null
  const zone = !match[7] || match[7] === 'Z' ? 'Z' : match[7].replaceAll("'", '').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')
  const date = new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${zone}`)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** Bytes of the DER element at the start of `bytes` (tag, length and content), or null when it is cut off. */
function derElementLength(bytes: Buffer): number | null {
  if (bytes.length < 2) return null
  const first = bytes[1]!
  if (first < 0x80) return 2 + first
  const count = first & 0x7f
  if (count === 0 || count > 4 || bytes.length < 2 + count) return null
  let length = 0
  for (let index = 0; index < count; index++) length = length * 256 + bytes[2 + index]!
  return 2 + count + length
}

const children = (node: Asn1 | undefined): Asn1[] => (Array.isArray(node?.value) ? (node.value as Asn1[]) : [])
const isContext = (node: Asn1 | undefined, tag: number): boolean => node?.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && node.type === tag
const oidOf = (node: Asn1 | undefined): string | undefined => (node?.type === forge.asn1.Type.OID && typeof node.value === 'string' ? forge.asn1.derToOid(node.value) : undefined)

interface ParsedSignature {
  certificates: Buffer[]
  sid: Buffer
  attributes: Map<string, Asn1[]>
  signedAttributes: Buffer
  signatureValue: Buffer
}

/** The one SignerInfo of a CMS SignedData, with the embedded certificates as their exact DER bytes. */
function parseSignedData(cms: Buffer): ParsedSignature {
  const contentInfo = fromDer(cms)
  const [type, explicit] = children(contentInfo)
  if (oidOf(type) !== cmsOids.signedData || !isContext(explicit, 0)) throw new Error('not SignedData')
  const fields = children(children(explicit)[0])
  const certificateSet = fields.find((field) => isContext(field, 0))
  const signerInfos = children(fields.at(-1))
  if (signerInfos.length !== 1) throw new Error('expected one signer')
  const signerParts = children(signerInfos[0])
  const sid = signerParts[1]
  const signedAttributesNode = signerParts.find((part) => isContext(part, 0))
  const signatureValue = signerParts.at(-1)
  if (!sid || !signedAttributesNode || signatureValue?.type !== forge.asn1.Type.OCTETSTRING) throw new Error('incomplete SignerInfo')
  const attributes = new Map<string, Asn1[]>()
  for (const attribute of children(signedAttributesNode)) {
    const [attributeType, values] = children(attribute)
    const key = oidOf(attributeType)
    // A signed attribute that occurs twice makes the signature ambiguous (RFC 5652 §5.3).
    if (!key || attributes.has(key)) throw new Error('duplicate or unreadable attribute')
    attributes.set(key, children(values))
  }
  // The signature covers the attributes with the SET OF tag instead of [0] (RFC 5652 §5.4).
  const signedAttributes = der(signedAttributesNode)
  signedAttributes[0] = 0x31
  return {
    certificates: children(certificateSet).map(der),
    sid: der(sid),
    attributes,
    signedAttributes,
    signatureValue: Buffer.from(signatureValue.value as string, 'binary'),
  }
}

/** The certificate signing-certificate-v2 names (RFC 5035), found among the embedded ones by its SHA-256. */
function boundCertificate(parsed: ParsedSignature): { certificate: Buffer | null; problem?: string } {
  const value = parsed.attributes.get(cmsOids.signingCertificateV2)
  if (!value || value.length !== 1) return { certificate: null, problem: 'de handtekening noemt het certificaat van de ondertekenaar niet (signing-certificate-v2 ontbreekt)' }
  const essCertId = children(children(children(value[0])[0])[0])
  // hashAlgorithm is optional and then SHA-256; another algorithm is not what Vangnet accepts.
  const hasAlgorithm = essCertId[0]?.type === forge.asn1.Type.SEQUENCE
  if (hasAlgorithm && oidOf(children(essCertId[0])[0]) !== cmsOids.sha256) return { certificate: null, problem: 'het certificaat is met een onbekend hash-algoritme aan de handtekening gebonden' }
  const hashNode = essCertId[hasAlgorithm ? 1 : 0]
  const issuerSerialNode = essCertId[hasAlgorithm ? 2 : 1]
  if (hashNode?.type !== forge.asn1.Type.OCTETSTRING) return { certificate: null, problem: 'signing-certificate-v2 is onleesbaar' }
  const certHash = Buffer.from(hashNode.value as string, 'binary')
  const certificate = parsed.certificates.find((candidate) => createHash('sha256').update(candidate).digest().equals(certHash))
  if (!certificate) return { certificate: null, problem: 'het ingesloten certificaat is niet het certificaat waarmee getekend is: naam, serienummer of sleutel is gewijzigd' }
  const { issuer, serial } = issuerAndSerial(certificate)
  const sid = der(forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, [issuer, serial]))
  if (!sid.equals(parsed.sid)) return { certificate: null, problem: 'de ondertekenaar in de handtekening is een ander dan het gebonden certificaat' }
  if (issuerSerialNode) {
    const [generalNames, boundSerial] = children(issuerSerialNode)
    const boundIssuer = children(children(generalNames)[0])[0]
    if (!boundIssuer || !boundSerial || !der(boundIssuer).equals(der(issuer)) || !der(boundSerial).equals(der(serial))) {
      return { certificate: null, problem: 'uitgever of serienummer van het certificaat wijkt af van de handtekening' }
    }
  }
  return { certificate }
}

function checkSignature(bytes: Buffer, range: [number, number, number, number], text: string, rangeIndex: number): SignatureCheck {
  const [start1, length1, start2, length2] = range
  const problems: string[] = []
  const check: SignatureCheck = { signer: null, signingTime: null, byteRange: range, coversWholeDocument: false, digestMatches: false, signatureValid: false, problems }
  if (start1 !== 0 || start2 < start1 + length1 || start2 + length2 > bytes.length) {
    problems.push('ongeldig ondertekend bereik (ByteRange)')
    return check
  }
  check.coversWholeDocument = start2 + length2 === bytes.length
  const hole = bytes.subarray(start1 + length1, start2).toString('latin1')
  const hex = /^<([0-9a-fA-F]*)>$/.exec(hole)
  if (!hex?.[1] || hex[1].length % 2 !== 0) {
    problems.push('de handtekening ontbreekt of is beschadigd')
    return check
  }
  // /Contents is not covered by the signature: after the DER structure only zero padding may
  // follow, or anything could be hidden there in a file that still reads as "valid".
  const contents = Buffer.from(hex[1], 'hex')
  const cmsLength = derElementLength(contents)
  if (cmsLength === null || cmsLength > contents.length || contents.subarray(cmsLength).some((byte) => byte !== 0)) {
    problems.push('na de handtekening staan nog andere gegevens dan nullen in /Contents')
    return check
  }
  let parsed: ParsedSignature
  try {
    parsed = parseSignedData(contents.subarray(0, cmsLength))
  } catch {
    problems.push('de handtekening is geen leesbare CMS-handtekening')
    return check
  }
  const bound = boundCertificate(parsed)
  if (!bound.certificate) {
    problems.push(bound.problem ?? 'het certificaat van de ondertekenaar ontbreekt')
    return check
  }
  let x509: X509Certificate
  try {
    x509 = new X509Certificate(bound.certificate)
    check.signer = describeCertificate(forge.pki.certificateFromAsn1(forge.asn1.fromDer(bound.certificate.toString('binary'))), bound.certificate)
  } catch {
    problems.push('het certificaat van de ondertekenaar is onleesbaar')
    return check
  }
  // A self-signed certificate must at least carry its own valid signature.
  if (check.signer.selfSigned && !x509.verify(x509.publicKey)) problems.push('het certificaat van de ondertekenaar is beschadigd (eigen handtekening klopt niet)')
  const digestValue = parsed.attributes.get(cmsOids.messageDigest)?.[0]
  const messageDigest = digestValue?.type === forge.asn1.Type.OCTETSTRING ? forge.util.bytesToHex(digestValue.value as string) : undefined
  const time = parsed.attributes.get(cmsOids.signingTime)?.[0]
  if (time && typeof time.value === 'string') {
    const date = time.type === forge.asn1.Type.UTCTIME ? forge.asn1.utcTimeToDate(time.value) : forge.asn1.generalizedTimeToDate(time.value)
    if (!Number.isNaN(date.getTime())) check.signingTime = date.toISOString()
  }
  if (!check.signingTime) {
    const dictionaryStart = text.lastIndexOf('<<', text.indexOf('/ByteRange', rangeIndex) >= 0 ? rangeIndex : 0)
    const m = /\/M\s*\((D:[^)]*)\)/.exec(text.slice(dictionaryStart, rangeIndex + 20_000))
    if (m?.[1]) check.signingTime = pdfDateToIso(m[1])
  }
  const digest = createHash('sha256').update(bytes.subarray(start1, start1 + length1)).update(bytes.subarray(start2, start2 + length2)).digest('hex')
  check.digestMatches = messageDigest === digest
  if (!check.digestMatches) problems.push('de inhoud is gewijzigd na ondertekening (digest komt niet overeen)')
  check.signatureValid = problems.length === 0 && verifySignature('sha256', parsed.signedAttributes, x509.publicKey, parsed.signatureValue)
  if (!check.signatureValid && check.digestMatches && problems.length === 0) problems.push('de cryptografische handtekening klopt niet')
  return check
}

export function verifyPdf(pdf: Uint8Array): VerificationResult {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength)
  const text = bytes.toString('latin1')
  const signatures: SignatureCheck[] = []
  for (const match of text.matchAll(byteRangePattern)) {
    const range = [Number(match[1]), Number(match[2]), Number(match[3]), Number(match[4])] as [number, number, number, number]
    // Skip an unfilled placeholder (the /ByteRange [0 /********** ...] of an unsigned field never matches digits).
    signatures.push(checkSignature(bytes, range, text, match.index))
  }
  const problems: string[] = []
  if (signatures.length === 0) problems.push('het document is niet ondertekend')
  const last = signatures.at(-1)
  if (last && !last.coversWholeDocument) problems.push('na de laatste handtekening is het document nog gewijzigd of aangevuld')
  const valid = signatures.length > 0 && signatures.every((signature) => signature.digestMatches && signature.signatureValid) && !!last?.coversWholeDocument
  return { valid, signatures, problems }
}
