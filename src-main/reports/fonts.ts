/**
 * The report's embedded font: Liberation Sans (SIL Open Font License 1.1, which allows embedding;
 * resources/fonts/LICENSE-LiberationSans.txt), embedded from resources/.
 *
 * pdfmake gets the files as paths, and may read nothing outside the fonts folder: the charts'
 * SVG text is drawn by svg-to-pdfkit, which opens fonts by the name pdfmake hands it, so virtual
 * file names or buffers would not reach it.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import path from 'node:path'

export const reportFontFamily = 'LiberationSans'

const files = {
  normal: 'LiberationSans-Regular.ttf',
  bold: 'LiberationSans-Bold.ttf',
  italics: 'LiberationSans-Italic.ttf',
  bolditalics: 'LiberationSans-BoldItalic.ttf',
} as const

/** resources/fonts next to the source tree; the packaged app passes its own resources folder. */
export function defaultFontsDir(): string {
  return fileURLToPath(new URL('../../resources/fonts/', import.meta.url))
}

export interface FontBundle {
  fontsDir: string
  /** pdfmake font descriptors: family -> style -> absolute file path. */
  descriptors: Record<string, Record<keyof typeof files, string>>
}

export function loadFonts(fontsDir: string = defaultFontsDir()): FontBundle {
  const absolute = path.resolve(fontsDir)
  const descriptor = Object.fromEntries(
    Object.entries(files).map(([style, name]) => {
      const file = path.join(absolute, name)
      if (!existsSync(file)) throw new Error(`Lettertype ontbreekt: ${name}`)
      return [style, file]
    }),
  ) as Record<keyof typeof files, string>
  return { fontsDir: absolute, descriptors: { [reportFontFamily]: descriptor } }
}
