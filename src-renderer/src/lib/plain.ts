/**
 * Text for the client's eyes: the rules cite their sources in brackets ("(RADI-2024 vraag 13)"),
 * which the adviser needs and the report prints, but which mean nothing to a client in presentation
 * mode. The codes are the keys of the source list, so nothing else in brackets is removed.
 */
import { sourceDocuments } from '../../../shared/parameters/sources'

const keys = Object.keys(sourceDocuments).map((key) => key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
const citation = new RegExp(`\\s*\\((?:${keys.join('|')})\\b[^)]*\\)`, 'g')

export function withoutSourceCodes(text: string): string {
  return text.replace(citation, '')
}
