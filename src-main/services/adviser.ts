/** The adviser's profile and signing certificate, kept in the client book. */
import type { AdviserProfile, CertificateStatus } from '../../shared/ipc'
import type { ClientBook } from '../store'
import { createSelfSignedP12, inspectP12 } from './certificate'
import type { ServiceHandlers } from './dispatch'
import type { ServiceContext } from './types'

type AdviserHandlers = Pick<ServiceHandlers, 'adviser:get' | 'adviser:save' | 'certificate:status' | 'certificate:import' | 'certificate:createSelfSigned'>

export async function certificateStatus(book: ClientBook): Promise<CertificateStatus> {
  const adviser = await book.adviser.get()
  return { present: adviser?.hasStoredCertificate ?? false, label: adviser?.hasStoredCertificate ? (adviser.signingCertificateRef ?? null) : null }
}

export async function adviserOut(book: ClientBook): Promise<AdviserProfile | null> {
  const adviser = await book.adviser.get()
  return adviser ? { name: adviser.name, firm: adviser.firm, afmNumber: adviser.afmNumber ?? '', kifidNumber: adviser.kifidNumber ?? '' } : null
}

export function adviserServices(context: ServiceContext): AdviserHandlers {
  return {
    'adviser:get': () => adviserOut(context.book()),
    'adviser:save': async (profile) => {
      const book = context.book()
      const current = await book.adviser.get()
      await book.adviser.save({
        name: profile.name,
        firm: profile.firm,
        afmNumber: profile.afmNumber || null,
        kifidNumber: profile.kifidNumber || null,
        signingCertificateRef: current?.signingCertificateRef ?? null,
      })
      return (await adviserOut(book))!
    },
    'certificate:status': () => certificateStatus(context.book()),
    'certificate:import': async ({ p12Base64, password }) => {
      const book = context.book()
      const file = inspectP12(Buffer.from(p12Base64, 'base64'), password, context.now())
      await book.adviser.storeSigningCertificate(file.p12, file.label)
      return certificateStatus(book)
    },
    'certificate:createSelfSigned': async ({ commonName, password }) => {
      const book = context.book()
      const file = createSelfSignedP12(commonName, (await book.adviser.get())?.firm ?? '', password, context.now())
      await book.adviser.storeSigningCertificate(file.p12, file.label)
      return certificateStatus(book)
    },
  }
}
