/**
 * pdfmake rendering of a document definition from shared/report. pdfmake may read neither URLs
 * nor local files other than the embedded fonts; images come only as data URLs.
 */
import { createRequire, Module } from 'node:module'
import { crc32 } from 'node:zlib'
import type { DocumentDefinition } from '../../shared/report'
import path from 'node:path'
import { loadFonts } from './fonts'
import { correctForPdfA } from './pdfa'
import { installLayoutShortcuts, type DocMeasureClass, type LayoutBuilderClass, type StyleContextStackClass, type Uninstall } from './pdfmake-speed'

/** The pdfkit document pdfmake builds, before it is ended; the signer adds its placeholder here. */
export type PdfKitDocument = {
  end(): void
  /** A new indirect object (the signature field and its widget). */
  ref(data?: Record<string, unknown>): unknown
  on(event: string, listener: (...args: unknown[]) => void): unknown
  read(size?: number): Buffer | null
}

let configuredFontsDir: string | undefined

type PdfMake = typeof import('pdfmake').default

/**
 * Modules pdfkit and fontkit load when they are loaded, but a report never calls: pdfkit's
 * encryption (@noble/hashes, @noble/ciphers, js-md5; PDF/A forbids encryption) and fontkit's WOFF2
 * decoder (brotli; the report's fonts are TrueType). Together several percent of the first report
 * in a fresh process. Each goes into the CommonJS module cache as a stand-in that loads the real
 * module the first time it is called or read from, and then answers from it.
 */
function deferUntilUsed(require: NodeJS.Require, from: string, ids: string[]): void {
  const requireFrom = createRequire(from)
  for (const id of ids) {
    let file: string
    try {
      file = requireFrom.resolve(id)
    } catch {
      continue
    }
    if (require.cache[file]) continue
    let real: object | undefined
    const load = (): object => {
      if (real === undefined) {
        if (require.cache[file] === standIn) delete require.cache[file]
        real = requireFrom(id) as object
      }
      return real
    }
    const exports = new Proxy(() => undefined, {
      apply: (_target, self, args: unknown[]) => Reflect.apply(load() as (...args: unknown[]) => unknown, self, args),
      get: (_target, property) => Reflect.get(load(), property),
      has: (_target, property) => Reflect.has(load(), property),
    })
    const standIn = new Module(file)
    standIn.filename = file
    standIn.loaded = true
    standIn.exports = exports
    require.cache[file] = standIn
  }
}

/**
 * pdfkit parses each font file again for every document (fontkit decodes the glyph, layout and
 * substitution tables: about a quarter of a report's rendering time). A parsed fontkit font is
 * not changed by a document (each document subsets it into its own EmbeddedFont), so pdfkit is
 * given a fontkit whose `create` shares parsed fonts between documents, keyed by the file's
 * length and CRC-32. fontkit's own exports cannot be redefined, so the shared version goes into
 * the CommonJS module cache before pdfmake (and through it pdfkit) is loaded.
 */
function loadPdfmake(): PdfMake {
  const require = createRequire(import.meta.url)
  try {
    const pdfkitPath = createRequire(require.resolve('pdfmake')).resolve('pdfkit')
    const fontkitPath = createRequire(pdfkitPath).resolve('fontkit')
    deferUntilUsed(require, pdfkitPath, ['@noble/hashes/utils', '@noble/hashes/sha2', '@noble/ciphers/aes', 'js-md5'])
    deferUntilUsed(require, fontkitPath, ['brotli/decompress.js'])
    const fontkit = require(fontkitPath) as { create: (bytes: Uint8Array, postscriptName?: string) => unknown }
    const cached = require.cache[fontkitPath]
    if (cached && cached.exports === fontkit) {
      const parsed = new Map<string, unknown>()
      const create = (bytes: Uint8Array, postscriptName?: string) => {
        const key = `${bytes.byteLength}:${crc32(bytes)}:${postscriptName ?? ''}`
        let font = parsed.get(key)
        if (font === undefined) {
          font = fontkit.create(bytes, postscriptName)
          // The report has four font files; anything beyond a few is parsed as usual.
          if (parsed.size < 16) parsed.set(key, font)
        }
        return font
      }
      cached.exports = Object.create(fontkit as object, { create: { value: create, enumerable: true } })
    }
  } catch {
    // Sharing parsed fonts only saves time; without it rendering works the same.
  }
  const pdfmake = require('pdfmake') as PdfMake
  try {
    const folder = path.dirname(require.resolve('pdfmake'))
    const styles = require(path.join(folder, 'StyleContextStack.js')) as { default: StyleContextStackClass }
    const measure = require(path.join(folder, 'DocMeasure.js')) as { default: DocMeasureClass }
    const builder = require(path.join(folder, 'LayoutBuilder.js')) as { default: LayoutBuilderClass }
    shortcutClasses = { styles: styles.default, measure: measure.default, builder: builder.default }
    uninstallShortcuts = installLayoutShortcuts(styles.default, measure.default, builder.default)
  } catch {
    // The layout shortcuts (pdfmake-speed.ts) only save time, as above.
  }
  return pdfmake
}

let pdfmakeInstance: PdfMake | undefined
let shortcutClasses: { styles: StyleContextStackClass; measure: DocMeasureClass; builder: LayoutBuilderClass } | undefined
let uninstallShortcuts: Uninstall | undefined

/**
 * Switches pdfmake-speed.ts's layout shortcuts off and on again: the tests lay the same report
 * out both ways and compare. On by default.
 */
export function setLayoutShortcuts(enabled: boolean): void {
  pdfmakeInstance ??= loadPdfmake()
  if (!shortcutClasses) return
  uninstallShortcuts?.()
  uninstallShortcuts = enabled ? installLayoutShortcuts(shortcutClasses.styles, shortcutClasses.measure, shortcutClasses.builder) : undefined
}

function configure(fontsDir?: string): PdfMake {
  const key = fontsDir ?? ''
  if (configuredFontsDir === key && pdfmakeInstance) return pdfmakeInstance
  const pdfmake = (pdfmakeInstance ??= loadPdfmake())
  const fonts = loadFonts(fontsDir)
  pdfmake.setFonts(fonts.descriptors)
  pdfmake.setUrlAccessPolicy(() => false)
  pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fonts.fontsDir + path.sep))
  configuredFontsDir = key
  return pdfmake
}

export interface RenderOptions {
  fontsDir?: string
  /** Called on the finished layout before the PDF is written out (the signature placeholder). */
  beforeEnd?: (document: PdfKitDocument) => void
}

export async function renderPdf(definition: DocumentDefinition, options: RenderOptions = {}): Promise<Buffer> {
  const pdfmake = configure(options.fontsDir)
  const document = (await pdfmake.createPdf(definition as object).getStream()) as PdfKitDocument
  correctForPdfA(document)
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
