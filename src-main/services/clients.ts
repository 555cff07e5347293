/**
 * Clients and their intake drafts: search, recent, open, create, autosave, AVG erase.
 *
 * The client book keeps the structured fields it has tables for (name, birth date, income years,
 * policies) and the whole form as typed (the draft), written on every save. The session keeps a
 * cache of the drafts it read or wrote, with their row version: emptied when the session locks.
 * The row version makes the optimistic check of office mode work: a save states which version it
 * started from, and a colleague's save in between makes it fail with a plain message while the
 * text is kept as a draft copy (never lost, never overwriting the colleague's work).
 */
import { z } from 'zod'
import type { CaseDraft, ClientListEntry, ClientOfficeInfo, ClientRecord, ClientSummary } from '../../shared/ipc'
import type { OfficeBook } from '../office/book'
import { normaliseDraft, policyDraft, toCaseInput, validateDraft } from '../../shared/intake/draft'
import { amountText } from '../../shared/intake/numbers'
import { incomeYearSchema, privatePolicySchema } from '../../shared/schema/case'
import { VaultError, type Client, type ClientBook } from '../store'
import type { ServiceHandlers } from './dispatch'
import { ServiceError } from './errors'
import type { Session } from './session'
import type { ServiceContext } from './types'

type ClientHandlers = Pick<
  ServiceHandlers,
  | 'clients:list'
  | 'clients:recent'
  | 'clients:get'
  | 'clients:create'
  | 'clients:saveDraft'
  | 'clients:erase'
  | 'clients:office'
  | 'clients:share'
  | 'clients:takeOverCopy'
  | 'clients:discardCopy'
>

const recentLimit = 6
const notFoundMessage = 'Deze klant staat niet (meer) in de kluis.'

export function summary(client: Client): ClientSummary {
  return { id: client.id, name: client.name, birthDate: client.birthDate, updatedAt: client.updatedAt }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

interface CachedDraft {
  draft: CaseDraft | null
  complete: boolean
  /** The row version this session last read or wrote; null: no draft stored yet. */
  version: string | null
}

export interface ClientServices {
  handlers: ClientHandlers
  /** Empty the draft cache (the session locked). */
  forget(): void
}

export function clientServices(context: ServiceContext, session: Pick<Session, 'keepUnsent' | 'beforeSave' | 'officeBook'>): ClientServices {
  const cache = new Map<string, CachedDraft>()

  function cacheKey(book: ClientBook, clientId: number): string {
    return `${book.id}:${clientId}`
  }

  /** The saved draft of a client: from the cache, else from the book (after an unlock or restart). */
  async function savedDraft(book: ClientBook, clientId: number): Promise<CachedDraft> {
    const key = cacheKey(book, clientId)
    const cached = cache.get(key)
    if (cached) return cached
    const stored = await book.drafts.get(clientId)
    const entry: CachedDraft = stored ? { draft: stored.draft, complete: stored.complete, version: stored.version } : { draft: null, complete: false, version: null }
    cache.set(key, entry)
    return entry
  }

  async function record(book: ClientBook, client: Client): Promise<ClientRecord> {
    const saved = await savedDraft(book, client.id)
    let draft = saved.draft
    if (!draft) {
      const [policies, income] = await Promise.all([book.policies.list(client.id), book.incomeYears.list(client.id)])
      const existing = policies.find((p) => p.kind === 'existing')
      const quote = policies.find((p) => p.kind === 'quote')
      draft = {
        client: { name: client.name, birthDate: client.birthDate },
        ...(income.length ? { income: income.map((row) => ({ year: String(row.year), profit: amountText(row.profit), wiaWage: amountText(row.wiaWage) })) } : {}),
        existingPolicy: existing ? policyDraft(existing.policy) : null,
        privateQuote: quote ? policyDraft(quote.policy) : null,
      }
    }
    return { ...summary(client), draft, complete: saved.complete }
  }

  /** Update the book's structured fields from the parts of the case input that are valid. */
  async function storeStructured(book: ClientBook, client: Client, caseInput: Record<string, unknown>): Promise<void> {
    const person = z.object({ name: z.string().trim().min(1).max(200), birthDate: z.iso.date() }).safeParse(caseInput['client'] ?? {})
    if (person.success && (person.data.name !== client.name || person.data.birthDate !== client.birthDate)) {
      await book.clients.update(client.id, { name: person.data.name, birthDate: person.data.birthDate, email: client.email, phone: client.phone })
    }
    const income = z.array(incomeYearSchema).max(80).safeParse(caseInput['income'])
    if (income.success && new Set(income.data.map((row) => row.year)).size === income.data.length) {
      const sorted = [...income.data].sort((a, b) => a.year - b.year)
      if (!same(sorted, await book.incomeYears.list(client.id))) await book.incomeYears.replace(client.id, sorted)
    }
    const stored = await book.policies.list(client.id)
    for (const [field, kind] of [
      ['existingPolicy', 'existing'],
      ['privateQuote', 'quote'],
    ] as const) {
      const value = caseInput[field]
      const current = stored.filter((p) => p.kind === kind)
      if (value === null || value === undefined) {
        for (const p of current) await book.policies.remove(p.id)
        continue
      }
      const parsed = privatePolicySchema.safeParse(value)
      if (!parsed.success) continue
      if (current.length === 1 && same(current[0]!.policy, parsed.data)) continue
      for (const p of current) await book.policies.remove(p.id)
      await book.policies.add(client.id, kind, parsed.data)
    }
  }

  /** A row of the client list: where the dossier stands (intake complete, advice, signed report, last edit). */
  async function listEntry(book: ClientBook, client: Client): Promise<ClientListEntry> {
    const [saved, versions] = await Promise.all([book.drafts.get(client.id), book.adviceVersions.list(client.id)])
    const latest = versions.reduce<(typeof versions)[number] | null>((best, version) => (best && best.versionNo > version.versionNo ? best : version), null)
    const moments = [client.updatedAt, saved?.updatedAt ?? '', ...versions.map((version) => version.createdAt)]
    return {
      ...summary(client),
      intakeComplete: saved?.complete === true,
      adviceVersion: latest?.versionNo ?? null,
      signedReport: versions.some((version) => version.reportSha256 !== null),
      lastEdited: moments.reduce((a, b) => (a > b ? a : b)),
    }
  }

  async function existing(book: ClientBook, id: number): Promise<Client> {
    const client = await book.clients.get(id)
    if (!client) throw new ServiceError('not-found', notFoundMessage)
    return client
  }

  /**
   * The row version this session last saw for a client in any book; null when unknown, so a late
   * send can never overwrite a colleague's draft (it becomes a draft copy instead).
   */
  function knownVersion(clientId: number): string | null {
    for (const [key, entry] of cache) if (key.endsWith(`:${clientId}`)) return entry.version
    return null
  }

  function keepUnsent(clientId: number, draft: CaseDraft, complete: boolean, baseVersion: string | null): void {
    session.keepUnsent({ clientId, draft, complete, baseVersion, typedAt: context.now().toISOString() })
  }

  /** Office mode only: the sharing, responsibility and draft copy of one visible client. */
  async function officeInfo(book: OfficeBook, id: number): Promise<ClientOfficeInfo> {
    const [state, copy] = await Promise.all([book.clientOffice(id), book.draftCopy(id)])
    if (!state) throw new ServiceError('not-found', notFoundMessage)
    return { ...state, copy: copy ? { ...copy, current: (await book.drafts.get(id))?.draft ?? null } : null }
  }

  function officeOnly(): OfficeBook {
    const book = session.officeBook()
    if (!book) throw new ServiceError('forbidden', 'Dit kan alleen als Vangnet met de kantoorserver werkt (Instellingen → Kantoor).')
    return book
  }

  /** Read the client afresh (no cached draft): the start of a new edit. */
  async function reopen(book: ClientBook, id: number): Promise<ClientRecord> {
    const client = await existing(book, id)
    cache.delete(cacheKey(book, id))
    return record(book, client)
  }

  const handlers: ClientHandlers = {
    'clients:list': async ({ query }) => {
      const book = context.book()
      return Promise.all((await book.clients.search(query, { limit: 100 })).map((client) => listEntry(book, client)))
    },
    'clients:recent': async () => {
      const book = context.book()
      const entries = await Promise.all((await book.clients.list()).map((client) => listEntry(book, client)))
      // The most recently edited dossiers, newest first (ISO timestamps sort as text).
      return entries.sort((a, b) => b.lastEdited.localeCompare(a.lastEdited)).slice(0, recentLimit)
    },
    'clients:get': async ({ id }) => {
      const book = context.book()
      const client = await existing(book, id)
      // Opening a client reads the newest draft: the start of a new edit.
      cache.delete(cacheKey(book, id))
      return record(book, client)
    },
    'clients:create': async ({ name, birthDate }) => {
      const book = context.book()
      return record(book, await book.clients.create({ name, birthDate }))
    },
    'clients:saveDraft': async ({ id, draft }) => {
      // The case is derived here from the draft, with the screen's own code: the renderer sends only the draft.
      const intake = normaliseDraft(draft)
      const caseInput = toCaseInput(intake)
      const parsed = validateDraft(intake, context.now().toISOString().slice(0, 10))
      let book: ClientBook
      try {
        book = context.book()
      } catch (error) {
        // Office server away: keep the text encrypted in the vault's outbox, sent when it is back.
        if (error instanceof ServiceError && error.code === 'unavailable') keepUnsent(id, draft, parsed.ok, knownVersion(id))
        throw error
      }
      const base = cache.get(cacheKey(book, id))
      await session.beforeSave(id)
      // The form as typed goes to the book first (nothing typed may be lost), then the cache.
      let client: Client
      try {
        client = await existing(book, id)
        const saved = await book.drafts.save(id, draft, { complete: parsed.ok, ...(base ? { baseVersion: base.version } : {}) })
        cache.set(cacheKey(book, id), { draft, complete: parsed.ok, version: saved.version })
      } catch (error) {
        if (error instanceof VaultError && error.code === 'unreachable') keepUnsent(id, draft, parsed.ok, base ? base.version : null)
        throw error
      }
      await storeStructured(book, client, caseInput)
      return { savedAt: context.now().toISOString(), problems: parsed.ok ? [] : parsed.problems }
    },
    'clients:erase': async ({ id, confirmName }) => {
      const book = context.book()
      const client = await existing(book, id)
      if (confirmName.trim().toLocaleLowerCase('nl') !== client.name.trim().toLocaleLowerCase('nl')) {
        throw new ServiceError('invalid-input', 'Typ de naam van de klant precies over om te bevestigen.')
      }
      // The stored draft goes with the client; the cached copy too.
      const { goneFromFile } = await book.privacy.eraseClient(id)
      cache.delete(cacheKey(book, id))
      return { erased: true as const, book: book.kind, goneFromFile }
    },
    'clients:office': async ({ id }) => {
      const book = session.officeBook()
      return book ? officeInfo(book, id) : null
    },
    'clients:share': async ({ id, shared }) => {
      const book = officeOnly()
      await book.shareWithOffice(id, shared)
      return officeInfo(book, id)
    },
    'clients:takeOverCopy': async ({ id }) => {
      const book = officeOnly()
      const copy = await book.draftCopy(id)
      if (!copy) throw new ServiceError('not-found', 'Er is geen conceptkopie (meer) van deze klant.')
      // Deliberately over the colleague's version the adviser has now seen: the newest one is the base.
      const current = await book.drafts.get(id)
      const draft = normaliseDraft(copy.draft)
      const parsed = validateDraft(draft, context.now().toISOString().slice(0, 10))
      await book.drafts.save(id, copy.draft, { complete: parsed.ok, baseVersion: current?.version ?? null })
      await book.discardDraftCopy(id)
      const client = await existing(book, id)
      await storeStructured(book, client, toCaseInput(draft))
      return reopen(book, id)
    },
    'clients:discardCopy': async ({ id }) => {
      const book = officeOnly()
      await book.discardDraftCopy(id)
      return reopen(book, id)
    },
  }

  return { handlers, forget: () => cache.clear() }
}
