/**
 * Renders resources/icons/vangnet.svg into every icon file the installers use:
 *   resources/icons/png/NxN.png  (Linux, and the master 1024 PNG)
 *   resources/icons/vangnet.ico  (Windows)
 *   resources/icons/vangnet.icns (macOS)
 * The outputs are committed, so building and testing need no image tool; run this again only after
 * changing the SVG:  npx tsx test/packaging/make-icons.ts
 *
 * Each size is rendered from the vector source rather than downscaled from 1024, so the small
 * sizes stay crisp.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import { icnsTypes, icoSizes, iconPaths, linuxPngSizes, unpremultiply, writeIcns, writeIco, type IcnsType } from './icons'

const root = resolve(import.meta.dirname, '../..')
const svg = readFileSync(join(root, iconPaths.source), 'utf8')

interface Rendered {
  png: Uint8Array
  rgba: Uint8Array
}

const cache = new Map<number, Rendered>()
function render(size: number): Rendered {
  const cached = cache.get(size)
  if (cached) return cached
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render()
  if (image.width !== size || image.height !== size) throw new Error(`rendered ${image.width}x${image.height}, wanted ${size}`)
  const rendered = { png: image.asPng(), rgba: unpremultiply(image.pixels) }
  cache.set(size, rendered)
  return rendered
}

mkdirSync(join(root, iconPaths.pngDir), { recursive: true })
for (const size of linuxPngSizes) {
  writeFileSync(join(root, iconPaths.pngDir, `${size}x${size}.png`), render(size).png)
}

writeFileSync(
  join(root, iconPaths.ico),
  writeIco(icoSizes.map((size) => ({ size, ...render(size) }))),
)

const icnsElements = (Object.entries(icnsTypes) as Array<[IcnsType, number]>).map(([type, size]) => ({
  type,
  png: render(size).png,
}))
writeFileSync(join(root, iconPaths.icns), writeIcns(icnsElements))

process.stdout.write(`icons written from ${iconPaths.source}\n`)
