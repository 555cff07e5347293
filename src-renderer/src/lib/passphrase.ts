/**
 * A passphrase strength estimate for the meter on the first-run screen: length and variety, with
 * a penalty for repeats and well-known patterns. It guides; the hard rule (at least 12 characters)
 * is in shared/ipc.ts.
 */
import { minimumPassphraseLength } from '../../../shared/ipc'

export type Strength = 0 | 1 | 2 | 3 | 4

const weak = /(wachtwoord|password|welkom|qwerty|azerty|123456|abcdef|vangnet)/i

export function passphraseStrength(text: string): Strength {
  if (text.length === 0) return 0
  let pool = 0
  if (/[a-z]/.test(text)) pool += 26
  if (/[A-Z]/.test(text)) pool += 26
  if (/\d/.test(text)) pool += 10
  if (/[^A-Za-z0-9]/.test(text)) pool += 20
  const unique = new Set(text).size
  let bits = Math.log2(Math.max(pool, 2)) * Math.min(text.length, unique * 2)
  if (weak.test(text)) bits -= 25
  if (/(.)\1{2,}/.test(text)) bits -= 10
  if (text.length < minimumPassphraseLength) return 1
  if (bits < 50) return 1
  if (bits < 70) return 2
  if (bits < 90) return 3
  return 4
}
