/**
 * The client book: the one storage interface the services, the screens' handlers, the headless
 * command and the portfolio work use. Two implementations sit behind it:
 *   - the local vault (./vault-book.ts over the SQLCipher repositories, the default), and
 *   - the firm's PostgreSQL server in office mode (src-main/office/).
 * Every method is asynchronous (a server is a network hop away), validates its input with the
 * shared schemas and throws VaultError with a plain Dutch message the adviser can act on. The
 * engines enforce the rules themselves (constraints, triggers, privileges, row-level security);
 * one behaviour suite (test/store/book-behaviour.ts) runs against both.
 */
import type { PortfolioClient } from '../../shared/portfolio/triage'
import type { ImportOutcome, ImportWork } from './repositories/client-import'
import type { z } from 'zod'
import type { CaseDraft } from '../../shared/ipc'
import type { IncomeYear, incomeYearSchema, privatePolicySchema } from '../../shared/schema/case'
import type { AdviceVersion, AdviceVersionSummary, NewAdviceVersion } from './repositories/advice-versions'
import type { AdviserProfile, AdviserProfileInput } from './repositories/adviser'
import type { AuditEntry } from './repositories/audit'
import type { StoredPolicy, PolicyKind } from './repositories/client-finances'
import type { Client, ClientInput } from './repositories/clients'
import type { StoredDraft } from './repositories/drafts'
import type { ClientExport, ErasureResult } from './repositories/privacy'

export interface ClientStore {
  create(input: ClientInput): Promise<Client>
  /** Many clients in one transaction (an import). */
  createMany(inputs: ClientInput[]): Promise<Client[]>
  update(id: number, input: ClientInput): Promise<Client>
  /** null when there is no such client, or the adviser may not see it (office mode). */
  get(id: number): Promise<Client | null>
  /** Sorted by name, then id. */
  list(options?: { limit?: number; offset?: number }): Promise<Client[]>
  count(): Promise<number>
  /** Every word of the query in the name, ignoring case, accents and punctuation. */
  search(query: string, options?: { limit?: number }): Promise<Client[]>
}

export interface IncomeYearStore {
  replace(clientId: number, years: z.input<typeof incomeYearSchema>[]): Promise<IncomeYear[]>
  list(clientId: number): Promise<IncomeYear[]>
  /** Many clients at once (the portfolio): one round trip to a server instead of one per client. */
  listForClients(clientIds: number[]): Promise<Map<number, IncomeYear[]>>
}

export interface PolicyStore {
  add(clientId: number, kind: PolicyKind, policy: z.input<typeof privatePolicySchema>): Promise<StoredPolicy>
  list(clientId: number): Promise<StoredPolicy[]>
  remove(id: number): Promise<void>
}

export interface AdviceVersionStore {
  create(input: NewAdviceVersion): Promise<AdviceVersion>
  /** Attach the report PDF once; a second attach is refused. */
  attachReport(id: number, pdf: Buffer): Promise<AdviceVersionSummary>
  /** Newest version first, without the large fields. */
  list(clientId: number): Promise<AdviceVersionSummary[]>
  get(id: number): Promise<AdviceVersion | null>
  reportPdf(id: number): Promise<Buffer | null>
  /** Recompute the content hash and the report's SHA-256. */
  verify(id: number): Promise<{ contentOk: boolean; reportOk: boolean | null }>
}

export interface DraftSaveOptions {
  complete?: boolean
  /**
   * Optimistic concurrency: the `version` of the draft this edit started from (null: there was
   * none). When someone else saved in between, the save is refused with VaultError('conflict'),
   * and the text is kept as a draft copy so nothing typed is lost. Left out: no check.
   */
  baseVersion?: string | null
}

/** A stored draft with its row version (an opaque token for the optimistic-concurrency check). */
export interface VersionedDraft extends StoredDraft {
  version: string
}

export interface DraftStore {
  get(clientId: number): Promise<VersionedDraft | null>
  save(clientId: number, draft: CaseDraft, options?: DraftSaveOptions): Promise<VersionedDraft>
}

export interface AdviserStore {
  /** The signed-in adviser's profile (the vault's single adviser, or one of the firm's). */
  get(): Promise<AdviserProfile | null>
  save(input: AdviserProfileInput): Promise<AdviserProfile>
  storeSigningCertificate(p12: Buffer, label: string): Promise<void>
  signingCertificate(): Promise<Buffer | null>
}

export interface AuditReader {
  /** Newest first; codes and ids only. */
  list(options?: { limit?: number; clientId?: number }): Promise<AuditEntry[]>
}

export interface PrivacyStore {
  /** Everything about one client (AVG inzage and portability), audited. */
  exportClient(clientId: number): Promise<ClientExport>
  /**
   * Delete the client with everything attached (AVG erase), audited. `goneFromFile`: the vault
   * says whether the old pages are gone from its file too; the office server's dead rows go at
   * its next (auto)vacuum, so there it is false (README, office mode).
   */
  eraseClient(clientId: number): Promise<ErasureResult>
}

/** What changed elsewhere (another adviser in office mode); the vault never reports any. */
export interface BookChange {
  clientId: number | null
}

/** The whole book for the triage, in one read (shared/portfolio/triage.ts). */
export interface PortfolioStore {
  /** How many clients the book has: a large book's worker threads start while it is read. */
  count(): Promise<number>
  load(): Promise<PortfolioClient[]>
}

/** A client import: existing clients by duplicate key, then all rows in one transaction. */
export interface ClientImportStore {
  existingKeys(): Promise<Map<string, number>>
  apply(work: ImportWork): Promise<ImportOutcome>
}

export interface ClientBook {
  readonly kind: 'vault' | 'office'
  /** Stable id of this book (the vault id, or the office database's id): a cache key. */
  readonly id: string
  readonly clients: ClientStore
  readonly incomeYears: IncomeYearStore
  readonly policies: PolicyStore
  readonly adviceVersions: AdviceVersionStore
  readonly drafts: DraftStore
  readonly adviser: AdviserStore
  readonly audit: AuditReader
  readonly privacy: PrivacyStore
  /** The client book's triage read and import (one transaction), in both engines. */
  readonly portfolio: PortfolioStore
  readonly clientImport: ClientImportStore
  /** Listen to changes made by others; returns the unsubscribe function. */
  onChange(listener: (change: BookChange) => void): () => void
  /** Close the connection (office) or nothing (the vault locks through its own session). */
  close(): Promise<void>
}
