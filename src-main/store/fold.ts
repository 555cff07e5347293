/**
 * Name folding for client search: "Müller-Özdemir" and "muller ozdemir" find each other.
 * Lower case, diacritics removed, runs of punctuation and spaces become one space.
 */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}
