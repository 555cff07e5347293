/**
 * PAdES signing (SubFilter ETSI.CAdES.detached, ETSI EN 319 142-1) with the adviser's PKCS#12
 * certificate. The signature placeholder is added to the pdfkit document while pdfmake renders
 * (the route that leaves a file `qpdf --check` accepts); @signpdf fills in the byte range and
 * the CMS signature, written by cms.ts with the signer's certificate bound to it (ESS
 * signing-certificate-v2); the RSA operation runs in Node's native crypto.
 */
import { createHash, sign as cryptoSign } from 'node:crypto'
import type Forge from 'node-forge'
import { forge, signpdf } from './signing-libraries'
import type { SigningIdentity } from './certificate'
import { createSignedData, der } from './cms'
import type { PdfKitDocument } from './render'

/** Bytes reserved for the CMS signature: room for a 4096-bit key and a chain of a few certificates. */
export const signatureLength = 16_384

/** The certificate as DER, the exact bytes embedded in the signature and hashed into its signing-certificate-v2 attribute. */
export function certificateDer(certificate: Forge.pki.Certificate): Buffer {
  return der(forge.pki.certificateToAsn1(certificate))
}

type IdentitySigner = new (identity: SigningIdentity) => InstanceType<typeof signpdf.utils.Signer>
let identitySigner: IdentitySigner | undefined

/** A @signpdf Signer that writes the CMS with cms.ts; made on first use, as @signpdf is loaded then. */
function identitySignerClass(): IdentitySigner {
  identitySigner ??= class extends signpdf.utils.Signer {
    constructor(private readonly identity: SigningIdentity) {
      super()
    }

    override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
      const signer = this.identity.certificate
      const chain = this.identity.chain.filter((certificate) => certificate !== signer)
      return createSignedData({
        contentDigest: createHash('sha256').update(pdfBuffer).digest(),
        signingTime: signingTime ?? new Date(),
        certificates: [signer, ...chain].map(certificateDer),
        // RSASSA-PKCS1-v1_5 with SHA-256 in Node's native crypto: far below 100 ms.
        sign: (signedAttributes) => cryptoSign('sha256', signedAttributes, this.identity.privateKey),
      })
    }
  }
  return identitySigner
}

export interface SignatureDetails {
  reason: string
  location: string
  contactInfo: string
  signingTime: Date
}

/**
 * Adds the empty signature field to the rendered document, on its last page (the signature page).
 * PDF/A-2 wants every annotation printable (ISO 19005-2, 6.3.2: the F key with the Print flag);
 * @signpdf writes the invisible signature widget without F, so the widget it asks pdfkit for is
 * given F = 4 (Print) as it is made.
 */
export function addSignaturePlaceholder(document: PdfKitDocument, identity: SigningIdentity, details: SignatureDetails): void {
  const makeRef = document.ref
  document.ref = (data) => makeRef.call(document, data?.Subtype === 'Widget' && data.F === undefined ? { ...data, F: printFlag } : data)
  try {
    signpdf.placeholder.pdfkitAddPlaceholder({
      pdf: document,
      pdfBuffer: Buffer.alloc(0),
      reason: details.reason,
      contactInfo: details.contactInfo,
      name: identity.info.commonName,
      location: details.location,
      signingTime: details.signingTime,
      signatureLength,
      subFilter: signpdf.utils.SUBFILTER_ETSI_CADES_DETACHED,
      appName: 'Vangnet',
    })
  } finally {
    document.ref = makeRef
  }
}

/** Annotation flag Print (PDF 32000-1, table 165: bit 3). */
const printFlag = 4

/** Fills the placeholder of a PDF rendered with addSignaturePlaceholder. */
export async function signPlaceholder(pdf: Buffer, identity: SigningIdentity, signingTime: Date): Promise<Buffer> {
  const IdentitySigner = identitySignerClass()
  return new signpdf.signer.SignPdf().sign(pdf, new IdentitySigner(identity), signingTime)
}

/** SHA-256 of the finished file, hex: stored with the advice version to make the dossier tamper-evident. */
export function reportHash(pdf: Uint8Array): string {
  return createHash('sha256').update(pdf).digest('hex')
}
