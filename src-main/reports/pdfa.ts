/**
 * Two corrections to what pdfkit 0.19 writes for PDF/A-2b, applied to the finished layout before
 * the document is ended (both found by test/report/pdfa.test.ts):
 *
 * 1. The XMP metadata: pdfkit pastes the title, author, subject, producer and keywords into the
 *    XML as they are, so an adviser's firm such as "Bakker & Ünal" made the metadata stream
 *    ill-formed XML (ISO 19005-2, 6.6.2.1 requires well-formed XMP). They are escaped for the XMP
 *    only; the Info dictionary keeps the plain text, and both still say the same.
 * 2. The width of glyph 0 (.notdef): pdfkit puts it into /W in the font's own units (1536 for
 *    Liberation Sans, 2048 units to the em) instead of thousandths of an em like every other
 *    width (750), so /W disagreed with the embedded font program (6.2.11.5).
 *
 * Both touch pdfkit's internals; a pdfkit whose document looks different is left as it is.
 */
interface EmbeddedFontLike {
  widths?: number[]
  scale?: number
  font?: { getGlyph(id: number): { advanceWidth: number } }
}

interface PdfKitInternals {
  info?: Record<string, unknown>
  _addInfo?: () => void
  _fontFamilies?: Record<string, EmbeddedFontLike>
}

const xmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' }

/** Text as XML character data. */
function xmlText(value: string): string {
  return value.replace(/[&<>]/g, (character) => xmlEscapes[character]!)
}

export function correctForPdfA(document: object): void {
  const internals = document as PdfKitInternals
  const addInfo = internals._addInfo
  if (typeof addInfo === 'function' && internals.info && typeof internals.info === 'object') {
    internals._addInfo = function (this: PdfKitInternals) {
      const info = this.info!
      this.info = Object.fromEntries(Object.entries(info).map(([key, value]) => [key, typeof value === 'string' ? xmlText(value) : value]))
      try {
        addInfo.call(this)
      } finally {
        this.info = info
      }
    }
  }
  for (const font of new Set(Object.values(internals._fontFamilies ?? {}))) {
    const { widths, scale, font: program } = font
    if (!Array.isArray(widths) || typeof scale !== 'number' || typeof program?.getGlyph !== 'function') continue
    const notdef = program.getGlyph(0).advanceWidth
    // Only while it is still in font units: a pdfkit that fixed this is left alone.
    if (scale !== 1 && widths[0] === notdef) widths[0] = notdef * scale
  }
}
