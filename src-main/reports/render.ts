/**
 * pdfmake rendering of a document definition from shared/report. pdfmake may read neither URLs
 * nor local files other than the embedded fonts; images come only as data URLs.
 */
import pdfmake from 'pdfmake'
import type { DocumentDefinition } from '../../shared/report'
import path from 'node:path'
import { loadFonts } from './fonts'

/** The pdfkit document pdfmake builds, before it is ended; the signer adds its placeholder here. */
export type PdfKitDocument = {
  end(): void
  on(event: string, listener: (...args: unknown[]) => void): unknown
  read(size?: number): Buffer | null
}

let configuredFontsDir: string | undefined

function configure(fontsDir?: string): void {
  const key = fontsDir ?? ''
  if (configuredFontsDir === key) return
  const fonts = loadFonts(fontsDir)
  pdfmake.setFonts(fonts.descriptors)
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fonts.fontsDir + path.sep))
  configuredFontsDir = key
}

export interface RenderOptions {
  fontsDir?: string
  /** Called on the finished layout before the PDF is written out (the signature placeholder). */
  beforeEnd?: (document: PdfKitDocument) => void
}

export async function renderPdf(definition: DocumentDefinition, options: RenderOptions = {}): Promise<Buffer> {
  configure(options.fontsDir)
  const document = (await pdfmake.createPdf(definition as object).getStream()) as PdfKitDocument
  options.beforeEnd?.(document)
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    document.on('readable', () => {
      let chunk: Buffer | null
      while ((chunk = document.read()) !== null) chunks.push(chunk)
    })
    document.on('end', () => resolve(Buffer.concat(chunks)))
    document.on('error', (error) => reject(error instanceof Error ? error : new Error(String(error))))
    document.end()
  })
}
