/**
 * The app icon in every size the installers need, and small readers/writers for the three
 * container formats (PNG, Windows ICO, Apple ICNS).
 *
 * The writers are used once, by make-icons.ts, to turn resources/icons/vangnet.svg into committed
 * files; the readers are used by the packaging check, so `npm test` needs no image tool at all.
 * Both formats are simple enough that writing them here is clearer than adding a dependency.
 */

/** Where the icon files live, relative to the project root (referenced by electron-builder.yml). */
export const iconPaths = {
  source: 'resources/icons/vangnet.svg',
  pngDir: 'resources/icons/png',
  ico: 'resources/icons/vangnet.ico',
  icns: 'resources/icons/vangnet.icns',
} as const

/**
 * Linux (AppImage, deb): one PNG per hicolor size, named `NxN.png` as electron-builder expects
 * when `linux.icon` is a folder. 1024 doubles as the master PNG.
 */
export const linuxPngSizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const

/**
 * Windows (NSIS installer, uninstaller, taskbar, Explorer at every zoom level): electron-builder
 * requires 256; the smaller ones keep Explorer and the title bar sharp instead of downscaled.
 */
export const icoSizes = [16, 24, 32, 48, 64, 128, 256] as const

/**
 * macOS (Finder, Dock, DMG): the PNG-based ICNS element types and the pixel size each holds
 * (the `@2x` variants are the Retina versions of the size below them).
 */
export const icnsTypes = {
  icp4: 16,
  icp5: 32,
  icp6: 64,
  ic07: 128,
  ic08: 256,
  ic09: 512,
  ic10: 1024, // 512@2x
  ic11: 32, // 16@2x
  ic12: 64, // 32@2x
  ic13: 256, // 128@2x
  ic14: 512, // 256@2x
} as const satisfies Record<string, number>

export type IcnsType = keyof typeof icnsTypes

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

export interface Size {
  width: number
  height: number
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
export function pngSize(png: Uint8Array): Size | null {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength)
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(pngSignature)) return null
  if (bytes.toString('latin1', 12, 16) !== 'IHDR') return null
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }
}

/** One image of an ICO file: its size as the directory says, and as its own data says. */
export interface IcoImage {
  declared: Size
  actual: Size
  bitCount: number
  format: 'png' | 'bmp'
}

/** An image for an ICO file: straight-alpha RGBA pixels (for BMP) and the PNG encoding (for 256). */
export interface IcoSource {
  size: number
  rgba: Uint8Array
  png: Uint8Array
}

/**
 * Writes an ICO: sizes below 256 as classic 32-bit BMP images, 256 as PNG. Classic BMP keeps the
 * small sizes readable by every consumer, including NSIS, which has rejected PNG-compressed small
 * icons in some versions; PNG keeps the 256 image small.
 */
export function writeIco(images: IcoSource[]): Buffer {
  const sorted = [...images].sort((a, b) => a.size - b.size)
  const payloads = sorted.map((image) => (image.size >= 256 ? Buffer.from(image.png) : bmpDib(image.size, image.rgba)))
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // 1 = icon
  header.writeUInt16LE(sorted.length, 4)
  const directory = Buffer.alloc(16 * sorted.length)
  let offset = header.length + directory.length
  sorted.forEach((image, index) => {
    const entry = index * 16
    const payload = payloads[index] as Buffer
    directory.writeUInt8(image.size >= 256 ? 0 : image.size, entry) // 0 means 256
    directory.writeUInt8(image.size >= 256 ? 0 : image.size, entry + 1)
    directory.writeUInt8(0, entry + 2) // no palette
    directory.writeUInt8(0, entry + 3)
    directory.writeUInt16LE(1, entry + 4) // colour planes
    directory.writeUInt16LE(32, entry + 6) // bits per pixel
    directory.writeUInt32LE(payload.length, entry + 8)
    directory.writeUInt32LE(offset, entry + 12)
    offset += payload.length
  })
  return Buffer.concat([header, directory, ...payloads])
}

/** A BITMAPINFOHEADER image as ICO stores it: BGRA rows bottom-up, then a 1-bit AND mask. */
function bmpDib(size: number, rgba: Uint8Array): Buffer {
  const maskRowBytes = Math.ceil(size / 32) * 4
  const header = Buffer.alloc(40)
  header.writeUInt32LE(40, 0)
  header.writeInt32LE(size, 4)
  header.writeInt32LE(size * 2, 8) // ICO convention: height covers colour data plus mask
  header.writeUInt16LE(1, 12)
  header.writeUInt16LE(32, 14)
  header.writeUInt32LE(0, 16) // BI_RGB
  header.writeUInt32LE(size * size * 4 + maskRowBytes * size, 20)
  const pixels = Buffer.alloc(size * size * 4)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4
      const to = ((size - 1 - y) * size + x) * 4
      pixels[to] = rgba[from + 2] ?? 0
      pixels[to + 1] = rgba[from + 1] ?? 0
      pixels[to + 2] = rgba[from] ?? 0
      pixels[to + 3] = rgba[from + 3] ?? 0
    }
  }
  // All-zero mask: the alpha channel decides transparency on every Windows since XP.
  return Buffer.concat([header, pixels, Buffer.alloc(maskRowBytes * size)])
}

/** Reads an ICO's directory and checks each image's own header. Throws on a malformed file. */
export function readIco(file: Uint8Array): IcoImage[] {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength)
  if (bytes.length < 6 || bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) {
    throw new Error('not an ICO file')
  }
  const count = bytes.readUInt16LE(4)
  const images: IcoImage[] = []
  for (let index = 0; index < count; index++) {
    const entry = 6 + index * 16
    if (entry + 16 > bytes.length) throw new Error('ICO directory is truncated')
    const declared = { width: bytes.readUInt8(entry) || 256, height: bytes.readUInt8(entry + 1) || 256 }
    const bitCount = bytes.readUInt16LE(entry + 6)
    const length = bytes.readUInt32LE(entry + 8)
    const offset = bytes.readUInt32LE(entry + 12)
    if (offset + length > bytes.length) throw new Error(`ICO image ${index} lies outside the file`)
    const data = bytes.subarray(offset, offset + length)
    const png = pngSize(data)
    if (png) {
      images.push({ declared, actual: png, bitCount, format: 'png' })
    } else {
      if (data.length < 40 || data.readUInt32LE(0) !== 40) throw new Error(`ICO image ${index} is neither PNG nor BMP`)
      const actual = { width: data.readInt32LE(4), height: data.readInt32LE(8) / 2 }
      images.push({ declared, actual, bitCount: data.readUInt16LE(14), format: 'bmp' })
    }
  }
  return images
}

/** Writes an ICNS from PNG-encoded images, one per element type. */
export function writeIcns(elements: Array<{ type: IcnsType; png: Uint8Array }>): Buffer {
  const chunks = elements.map(({ type, png }) => {
    const header = Buffer.alloc(8)
    header.write(type, 0, 'latin1')
    header.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([header, Buffer.from(png)])
  })
  const header = Buffer.alloc(8)
  header.write('icns', 0, 'latin1')
  header.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4)
  return Buffer.concat([header, ...chunks])
}

/** Reads an ICNS: each element's type and, for PNG elements, its pixel size. */
export function readIcns(file: Uint8Array): Array<{ type: string; size: Size | null }> {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength)
  if (bytes.length < 8 || bytes.toString('latin1', 0, 4) !== 'icns') throw new Error('not an ICNS file')
  if (bytes.readUInt32BE(4) !== bytes.length) throw new Error('ICNS length does not match the file')
  const elements: Array<{ type: string; size: Size | null }> = []
  let offset = 8
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length) throw new Error('ICNS element header is truncated')
    const type = bytes.toString('latin1', offset, offset + 4)
    const length = bytes.readUInt32BE(offset + 4)
    if (length < 8 || offset + length > bytes.length) throw new Error(`ICNS element ${type} has a bad length`)
    elements.push({ type, size: pngSize(bytes.subarray(offset + 8, offset + length)) })
    offset += length
  }
  return elements
}

/** tiny-skia (behind resvg) hands out premultiplied RGBA; ICO's BMP images want straight alpha. */
export function unpremultiply(rgba: Uint8Array): Uint8Array {
  const out = new Uint8Array(rgba.length)
  for (let i = 0; i < rgba.length; i += 4) {
    const alpha = rgba[i + 3] ?? 0
    for (let c = 0; c < 3; c++) {
      const value = rgba[i + c] ?? 0
      out[i + c] = alpha === 0 ? 0 : Math.min(255, Math.round((value * 255) / alpha))
    }
    out[i + 3] = alpha
  }
  return out
}
