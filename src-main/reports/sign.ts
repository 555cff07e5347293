/**
 * PAdES signing (SubFilter ETSI.CAdES.detached, ETSI EN 319 142-1) with the adviser's PKCS#12
 * certificate. The signature placeholder is added to the pdfkit document while pdfmake renders
 * (the route that leaves a file `qpdf --check` accepts); @signpdf fills in the byte range and
 * the CMS signature. node-forge writes the CMS structure; the RSA operation itself runs in
 * Node's native crypto, which keeps signing far below 100 ms.
 */
import { createHash, privateEncrypt, constants } from 'node:crypto'
import forge from 'node-forge'
import { SignPdf } from '@signpdf/signpdf'
import { pdfkitAddPlaceholder } from '@signpdf/placeholder-pdfkit'
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils'
import type { SigningIdentity } from './certificate'
import type { PdfKitDocument } from './render'

/** Bytes reserved for the CMS signature: room for a 4096-bit key and a chain of a few certificates. */
export const signatureLength = 16_384

/** DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2): what RSASSA-PKCS1-v1_5 signs. */
const sha256DigestInfoPrefix = Buffer.from('3031300d060960864801650304020105000420', 'hex')

/** A forge-shaped private key whose signing is done by Node's crypto. */
function nativeRsaKey(identity: SigningIdentity): forge.pki.rsa.PrivateKey {
  return {
    sign(md: forge.md.MessageDigest) {
      const digest = Buffer.from(md.digest().getBytes(), 'binary')
      const signature = privateEncrypt({ key: identity.privateKey, padding: constants.RSA_PKCS1_PADDING }, Buffer.concat([sha256DigestInfoPrefix, digest]))
      return signature.toString('binary')
    },
  } as unknown as forge.pki.rsa.PrivateKey
}

const oids = {
  sha256: forge.pki.oids.sha256 ?? '2.16.840.1.101.3.4.2.1',
  data: forge.pki.oids.data ?? '1.2.840.113549.1.7.1',
  contentType: forge.pki.oids.contentType ?? '1.2.840.113549.1.9.3',
  signingTime: forge.pki.oids.signingTime ?? '1.2.840.113549.1.9.5',
  messageDigest: forge.pki.oids.messageDigest ?? '1.2.840.113549.1.9.4',
}

class IdentitySigner extends Signer {
  constructor(private readonly identity: SigningIdentity) {
    super()
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    const p7 = forge.pkcs7.createSignedData()
    p7.content = forge.util.createBuffer(pdfBuffer.toString('binary'))
    for (const certificate of this.identity.chain) p7.addCertificate(certificate)
    p7.addSigner({
      key: nativeRsaKey(this.identity),
      certificate: this.identity.certificate,
      digestAlgorithm: oids.sha256,
      authenticatedAttributes: [
        { type: oids.contentType, value: oids.data },
        { type: oids.signingTime, value: (signingTime ?? new Date()) as unknown as string },
        { type: oids.messageDigest },
      ],
    })
    p7.sign({ detached: true })
    return Buffer.from(forge.asn1.toDer(p7.toAsn1()).getBytes(), 'binary')
  }
}

export interface SignatureDetails {
  reason: string
  location: string
  contactInfo: string
  signingTime: Date
}

/** Adds the empty signature field to the rendered document, on its last page (the signature page). */
export function addSignaturePlaceholder(document: PdfKitDocument, identity: SigningIdentity, details: SignatureDetails): void {
  pdfkitAddPlaceholder({
    pdf: document,
    pdfBuffer: Buffer.alloc(0),
    reason: details.reason,
    contactInfo: details.contactInfo,
    name: identity.info.commonName,
    location: details.location,
    signingTime: details.signingTime,
    signatureLength,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Vangnet',
  })
}

/** Fills the placeholder of a PDF rendered with addSignaturePlaceholder. */
export async function signPlaceholder(pdf: Buffer, identity: SigningIdentity, signingTime: Date): Promise<Buffer> {
  return new SignPdf().sign(pdf, new IdentitySigner(identity), signingTime)
}

/** SHA-256 of the finished file, hex: stored with the advice version to make the dossier tamper-evident. */
export function reportHash(pdf: Uint8Array): string {
  return createHash('sha256').update(pdf).digest('hex')
}
