/** Shared test inputs for the report tests: the fixture case, run through the real rules. */
import { readFileSync } from 'node:fs'
import { advise } from '../../shared/rules/advise'
import { parseClientCase, type ClientCase } from '../../shared/schema/case'
import type { AdviceResult } from '../../shared/schema/result'
import type { AdviserDetails, Recommendation } from '../../shared/report'

export function fixtureCase(): ClientCase {
  const parsed = parseClientCase(JSON.parse(readFileSync(new URL('./fixtures/client-case.json', import.meta.url), 'utf8')))
  if (!parsed.ok) throw new Error(`fixture case is invalid: ${JSON.stringify(parsed.problems)}`)
  return parsed.value
}

export function fixture(): { clientCase: ClientCase; result: AdviceResult } {
  const clientCase = fixtureCase()
  return { clientCase, result: advise(clientCase) }
}

export const adviser: AdviserDetails = {
  name: 'Mr. Ö. Bakker-Ünal',
  firm: 'Bakker & Ünal Adviseurs',
  afmNumber: '12345678',
  kifidNumber: '300.099999',
  email: 'advies@voorbeeld.nl',
}

export const recommendation: Recommendation = {
  optionId: 'baz-top-up',
  motivation: 'De Baz keert pas na twee jaar uit; een aanvulling met één jaar eigen risico verkleint het gat.\n\nWij adviseren de Baz met een private aanvulling.',
}

export const fee = { amount: 950, description: 'Vaste vergoeding voor analyse en advies.' }

/** Every number anywhere in a JSON value. */
export function numbersIn(value: unknown, into: number[] = []): number[] {
  if (typeof value === 'number') into.push(value)
  else if (Array.isArray(value)) value.forEach((item) => numbersIn(item, into))
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => numbersIn(item, into))
  return into
}

/** Every string anywhere in a JSON value. */
export function stringsIn(value: unknown, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value)
  else if (Array.isArray(value)) value.forEach((item) => stringsIn(item, into))
  else if (value && typeof value === 'object') Object.values(value).forEach((item) => stringsIn(item, into))
  return into
}

/** Euro amounts as they read in text: "€ 1.234,56" (any space after the sign). */
export const euroPattern = /€\s?-?\d{1,3}(?:\.\d{3})*,\d{2}/g
export const normaliseSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ')

/** A small "drawn signature" PNG (a dark wave on white), as the signature pad would deliver it. */
export async function drawnSignatureDataUrl(): Promise<string> {
  const { deflateSync, crc32 } = await import('node:zlib')
  const width = 240
  const height = 70
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3, 255)
    row[0] = 0
    for (let x = 0; x < width; x++) {
      const wave = height / 2 + Math.sin(x / 14) * (height / 3) * Math.cos(x / 50)
      if (Math.abs(y - wave) < 1.6) row.fill(30, 1 + x * 3, 4 + x * 3)
    }
    rows.push(row)
  }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header.set([8, 2, 0, 0, 0], 8)
  const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))])
  return `data:image/png;base64,${png.toString('base64')}`
}
