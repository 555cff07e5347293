/**
 * node-forge and @signpdf, loaded when they are first used: reading a certificate, signing or
 * verifying. A report that is not signed (a draft, `advise --pdf` without `--sign`, the preview)
 * does without them; loading node-forge alone was several percent of the first report in a fresh
 * process.
 */
import { createRequire } from 'node:module'
import type Forge from 'node-forge'
import type * as SignPdfModule from '@signpdf/signpdf'
import type * as PlaceholderModule from '@signpdf/placeholder-pdfkit'
import type * as UtilsModule from '@signpdf/utils'

const require = createRequire(import.meta.url)

/** An object that loads itself on its first property read. */
export function onFirstUse<T extends object>(load: () => T): T {
  let loaded: T | undefined
  return new Proxy({} as T, { get: (_target, property) => Reflect.get((loaded ??= load()), property) })
}

export const forge: typeof Forge = onFirstUse(() => require('node-forge') as typeof Forge)

export const signpdf = onFirstUse(() => ({
  signer: require('@signpdf/signpdf') as typeof SignPdfModule,
  placeholder: require('@signpdf/placeholder-pdfkit') as typeof PlaceholderModule,
  utils: require('@signpdf/utils') as typeof UtilsModule,
}))
