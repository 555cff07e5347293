import { afterAll, describe, expect, it } from 'vitest'
import { CertificateError, createSelfSignedCertificate, startReportWorker, verifyPdf } from '../../src-main/reports'
import { adviser, fixture, recommendation } from './helpers'

const { clientCase, result } = fixture()
const worker = startReportWorker()
afterAll(() => worker.close())

describe('rendering in a worker thread', () => {
  it('renders and signs a report off the main thread', async () => {
    const p12 = createSelfSignedCertificate({ name: 'Worker Test', passphrase: 'w' })
    const pdf = await worker.render({ clientCase, result, adviser, recommendation, reportDate: '2030-01-15', signing: { p12, passphrase: 'w' } })
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
    expect(verifyPdf(pdf).valid).toBe(true)
  })

  it('passes a wrong passphrase back as a CertificateError', async () => {
    const p12 = createSelfSignedCertificate({ name: 'Worker Test', passphrase: 'goed' })
    await expect(worker.render({ clientCase, result, signing: { p12, passphrase: 'fout' } })).rejects.toBeInstanceOf(CertificateError)
  })
})

describe('warming the renderer after unlocking', () => {
  it('renders and signs its sample in the worker: a draft would be refused and the warm-up would load nothing', async () => {
    const { reportPort } = await import('../../src-main/services/reports')
    const rendered: Uint8Array[] = []
    const port = reportPort({ render: async (request) => {
      const pdf = await worker.render(request)
      rendered.push(pdf)
      return pdf
    } })
    await expect(port.warm?.()).resolves.toBeUndefined()
    expect(rendered).toHaveLength(1)
    expect(verifyPdf(rendered[0]!).valid).toBe(true)
  })
})
