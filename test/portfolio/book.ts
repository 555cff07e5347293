/**
 * A generated client book as a Dutch office's CRM exports it (semicolons, dd-mm-jjjj, "€ 1.234,56",
 * a running AOV for about half the clients, some DGAs, a buffer), deterministic for a given size.
 * Used by the portfolio benchmark and the browser test; never real people.
 */
const firstNames = ['Jan', 'Anna', 'Mohammed', 'Sanne', 'Pieter', 'Fatima', 'Daan', 'Élodie', 'Kees', 'Noor', 'Liam', 'Emma', 'Sem', 'Zoë', 'Bram', 'Yara']
const lastNames = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'el Amrani', 'Müller', 'van Dijk', 'Yılmaz', 'de Boer', 'Mulder', 'Bos', 'Vos', 'Peters', 'Hendriks']
const insurers = ['Movir', 'Nationale-Nederlanden', 'a.s.r.', 'Allianz', 'De Goudse', 'Callas']

function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

function euro(value: number): string {
  const [whole, cents] = value.toFixed(2).split('.') as [string, string]
  return `€ ${whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${cents}`
}

function two(value: number): string {
  return String(value).padStart(2, '0')
}

export const bookHeader = 'Naam;Geboortedatum;Rol;Winst 2025;Winst 2026;Buffer;Verzekeraar;Verzekerd bedrag;Eigen risico;Eindleeftijd;Ingangsdatum;Jaarpremie'

export function bookCsv(count: number, seed = 14): string {
  const random = seeded(seed)
  const lines = [bookHeader]
  for (let index = 0; index < count; index++) {
    const name = `${firstNames[index % firstNames.length]} ${lastNames[Math.floor(index / firstNames.length) % lastNames.length]} ${index + 1}`
    const birth = `${two(1 + Math.floor(random() * 28))}-${two(1 + Math.floor(random() * 12))}-${1962 + Math.floor(random() * 40)}`
    const role = random() < 0.08 ? 'DGA' : random() < 0.05 ? 'meewerkende partner' : 'zzp'
    const profit = Math.round(18000 + random() * 110000)
    const buffer = random() < 0.6 ? euro(Math.round(random() * 40000)) : ''
    const cells = [`"${name}"`, birth, role, euro(profit), euro(Math.round(profit * (0.95 + random() * 0.15))), buffer]
    if (random() < 0.5) {
      const waiting = ['30', '90 dagen', '3 maanden', '1 jaar', '2 jaar'][Math.floor(random() * 5)]!
      const endAge = random() < 0.6 ? 'AOW' : String(60 + Math.floor(random() * 8))
      const start = `01-${two(1 + Math.floor(random() * 12))}-${2005 + Math.floor(random() * 26)}`
      cells.push(insurers[index % insurers.length]!, euro(Math.round(profit * (0.4 + random() * 0.5))), waiting, endAge, start, euro(Math.round(1500 + random() * 6000)))
    } else {
      cells.push('', '', '', '', '', '')
    }
    lines.push(cells.join(';'))
  }
  return lines.join('\r\n') + '\r\n'
}
