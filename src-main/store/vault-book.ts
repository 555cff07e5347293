/**
 * The local vault as a ClientBook: the synchronous SQLCipher repositories (./repositories) behind
 * the asynchronous interface of ./book.ts. The repositories stay as they are; this file only
 * adapts them. Each call still runs in one SQLite transaction.
 */
import type { ClientBook, VersionedDraft } from './book'
import type { StoredDraft } from './repositories/drafts'
import type { Vault } from './vault'

/**
 * The vault serves one adviser in one session, so two saves of one draft cannot cross: the
 * optimistic check of office mode (DraftSaveOptions.baseVersion) has nothing to guard here. The
 * row version is the time of the last save.
 */
function versioned(draft: StoredDraft): VersionedDraft {
  return { ...draft, version: draft.updatedAt }
}

export function vaultBook(vault: Vault): ClientBook {
  return {
    kind: 'vault',
    get id() {
      return vault.vaultId
    },
    clients: {
      create: async (input) => vault.clients.create(input),
      createMany: async (inputs) => vault.clients.createMany(inputs),
      update: async (id, input) => vault.clients.update(id, input),
      get: async (id) => vault.clients.get(id),
      list: async (options) => vault.clients.list(options),
      count: async () => vault.clients.count(),
      search: async (query, options) => vault.clients.search(query, options),
    },
    incomeYears: {
      replace: async (clientId, years) => vault.incomeYears.replace(clientId, years),
      list: async (clientId) => vault.incomeYears.list(clientId),
      // Local and synchronous: one indexed lookup per client costs microseconds.
      listForClients: async (clientIds) => new Map(clientIds.map((id) => [id, vault.incomeYears.list(id)])),
    },
    policies: {
      add: async (clientId, kind, policy) => vault.policies.add(clientId, kind, policy),
      list: async (clientId) => vault.policies.list(clientId),
      remove: async (id) => vault.policies.remove(id),
    },
    adviceVersions: {
      create: async (input) => vault.adviceVersions.create(input),
      attachReport: async (id, pdf) => vault.adviceVersions.attachReport(id, pdf),
      list: async (clientId) => vault.adviceVersions.list(clientId),
      get: async (id) => vault.adviceVersions.get(id),
      reportPdf: async (id) => vault.adviceVersions.reportPdf(id),
      verify: async (id) => vault.adviceVersions.verify(id),
    },
    drafts: {
      get: async (clientId) => {
        const stored = vault.drafts.get(clientId)
        return stored ? versioned(stored) : null
      },
      save: async (clientId, draft, options = {}) => versioned(vault.drafts.save(clientId, draft, { complete: options.complete })),
    },
    adviser: {
      get: async () => vault.adviser.get(),
      save: async (input) => vault.adviser.save(input),
      storeSigningCertificate: async (p12, label) => vault.adviser.storeSigningCertificate(p12, label),
      signingCertificate: async () => vault.adviser.signingCertificate(),
    },
    audit: {
      list: async (options) => vault.audit.list(options),
    },
    privacy: {
      exportClient: async (clientId) => vault.privacy.exportClient(clientId),
      // Says whether the old pages already left the vault file (the next open removes them in any case).
      eraseClient: async (clientId) => vault.privacy.eraseClient(clientId),
    },
    portfolio: {
      count: async () => vault.portfolio.count(),
      load: async () => vault.portfolio.load(),
    },
    clientImport: {
      existingKeys: async () => vault.clientImport.existingKeys(),
      apply: async (work) => vault.clientImport.apply(work),
    },
    onChange: () => () => {},
    close: async () => {},
  }
}
