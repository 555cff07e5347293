/**
 * Checks a signed PDF without trusting the file's own claims: every signature's byte range must
 * start at 0 and (for the last one) end at the end of the file, the SHA-256 of the signed bytes
 * must equal the CMS messageDigest, and the CMS signature must verify with the signer's
 * certificate. This says "unchanged since signing"; whether the certificate is trusted is a
 * separate question (a self-signed certificate is reported as such).
 */
import { createHash, createPublicKey, verify as verifySignature } from 'node:crypto'
import forge from 'node-forge'
import { describeCertificate, type CertificateInfo } from './certificate'

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
  const hex = /^<([0-9a-fA-F]*)>$/.exec(hole.trim())
  if (!hex?.[1]) {
    problems.push('de handtekening ontbreekt of is beschadigd')
    return check
  }
  // The placeholder is padded with zeros after the DER structure; the DER length says where it ends.
  let message: forge.pkcs7.PkcsSignedData
  let signerInfo: forge.asn1.Asn1
  try {
    const der = forge.util.hexToBytes(hex[1])
    const asn1 = (forge.asn1.fromDer as unknown as (bytes: forge.util.ByteStringBuffer, options: object) => forge.asn1.Asn1)(forge.util.createBuffer(der), { strict: false, parseAllBytes: false })
    message = forge.pkcs7.messageFromAsn1(asn1) as forge.pkcs7.PkcsSignedData
    const signerInfos = (message as unknown as { rawCapture: { signerInfos: forge.asn1.Asn1[] } }).rawCapture.signerInfos
    if (!signerInfos[0]) throw new Error('no signer')
    signerInfo = signerInfos[0]
  } catch {
    problems.push('de handtekening is geen leesbare CMS-handtekening')
    return check
  }
  const certificate = message.certificates[0]
  const parts = signerInfo.value as forge.asn1.Asn1[]
  const signedAttributes = parts.find((part) => part.tagClass === forge.asn1.Class.CONTEXT_SPECIFIC && part.type === 0)
  const signatureValue = parts.find((part) => part.tagClass === forge.asn1.Class.UNIVERSAL && part.type === forge.asn1.Type.OCTETSTRING)
  // Pick the certificate the signer identifies (issuer + serial); fall back to the first one.
  const serial = (parts[1]?.value as forge.asn1.Asn1[] | undefined)?.[1]?.value
  const signerCertificate =
    message.certificates.find((candidate) => typeof serial === 'string' && candidate.serialNumber === forge.util.bytesToHex(serial).replace(/^00/, '')) ?? certificate
  if (signerCertificate) check.signer = describeCertificate(signerCertificate)
  if (!signedAttributes || !signatureValue || !signerCertificate) {
    problems.push('de handtekening mist ondertekende kenmerken of het certificaat')
    return check
  }
  let messageDigest: string | undefined
  for (const attribute of signedAttributes.value as forge.asn1.Asn1[]) {
    const [oid, values] = attribute.value as forge.asn1.Asn1[]
    const type = forge.asn1.derToOid(oid?.value as string)
    const first = (values?.value as forge.asn1.Asn1[] | undefined)?.[0]
    if (type === forge.pki.oids.messageDigest && first) messageDigest = forge.util.bytesToHex(first.value as string)
    if (type === forge.pki.oids.signingTime && first) {
      const value = first.value as string
      check.signingTime = (first.type === forge.asn1.Type.UTCTIME ? forge.asn1.utcTimeToDate(value) : forge.asn1.generalizedTimeToDate(value)).toISOString()
    }
  }
  if (!check.signingTime) {
    const dictionaryStart = text.lastIndexOf('<<', text.indexOf('/ByteRange', rangeIndex) >= 0 ? rangeIndex : 0)
    const m = /\/M\s*\((D:[^)]*)\)/.exec(text.slice(dictionaryStart, rangeIndex + 20_000))
    if (m?.[1]) check.signingTime = pdfDateToIso(m[1])
  }
  const digest = createHash('sha256').update(bytes.subarray(start1, start1 + length1)).update(bytes.subarray(start2, start2 + length2)).digest('hex')
  check.digestMatches = messageDigest === digest
  if (!check.digestMatches) problems.push('de inhoud is gewijzigd na ondertekening (digest komt niet overeen)')
  // The signature covers the DER of the signed attributes with the SET OF tag (RFC 5652 §5.4).
  const attributesAsSet = forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SET, true, signedAttributes.value as forge.asn1.Asn1[])
  const signedBytes = Buffer.from(forge.asn1.toDer(attributesAsSet).getBytes(), 'binary')
  const publicKey = createPublicKey(forge.pki.publicKeyToPem(signerCertificate.publicKey))
  check.signatureValid = verifySignature('sha256', signedBytes, publicKey, Buffer.from(signatureValue.value as string, 'binary'))
  if (!check.signatureValid) problems.push('de cryptografische handtekening klopt niet')
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
