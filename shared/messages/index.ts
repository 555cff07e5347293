/**
 * Rule texts in the adviser's language. The rules name each text by a message id with its
 * parameters; `textsFor(language)` renders them from the Dutch or English catalog, with numbers,
 * amounts and dates in that language's conventions. The screen, the report and the headless
 * command get the texts in the language they ask `advise()` for.
 */
import type { Language } from '../format'
import { en } from './en'
import { formattersFor, type Formatters } from './format'
import { nl, type Catalog, type MessageId } from './nl'

export type { Formatters, Language, MessageId }

export const catalogs: Record<Language, Catalog> = { nl, en }

/** A catalog entry's parameters (none for a fixed text). */
export type MessageParams<K extends MessageId> = Parameters<Catalog[K]>[1]

/** Render message `id` with its parameters in `language`. */
export function renderMessage<K extends MessageId>(language: Language, id: K, ...params: MessageParams<K> extends undefined ? [] : [MessageParams<K>]): string {
  const entry = catalogs[language][id] as (f: Formatters, p: unknown) => string
  return entry(formattersFor(language), params[0])
}

/** The texts of one calculation: `say(id, params)` in its language, and its formatters. */
export interface Texts {
  language: Language
  f: Formatters
  say<K extends MessageId>(id: K, ...params: MessageParams<K> extends undefined ? [] : [MessageParams<K>]): string
}

const texts: Record<Language, Texts> = {
  nl: { language: 'nl', f: formattersFor('nl'), say: (id, ...params) => renderMessage('nl', id, ...params) },
  en: { language: 'en', f: formattersFor('en'), say: (id, ...params) => renderMessage('en', id, ...params) },
}

export function textsFor(language: Language): Texts {
  return texts[language]
}

/** A text the data gives in both languages (a parameter's reason for uncertainty, a version's name). */
export type LocalText = Record<Language, string>
