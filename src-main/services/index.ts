/**
 * The service layer behind every channel of shared/ipc.ts: plain Node modules with their
 * dependencies passed in (paths, the OS keychain wrapper, the rules, the report maker, the desktop
 * shell), so the Electron IPC handlers (src-main/main/ipc.ts) and the browser host
 * (src-main/browser-host/) run the same code, and vitest runs it without Electron.
 *
 * The services never log payloads; errors carry plain Dutch messages without personal data.
 */
import { existsSync } from 'node:fs'
import { z } from 'zod'
import type {
  AdviceVersionDetail,
  AdviceVersionSummary,
  AdviserProfile,
  CaseDraft,
  CertificateStatus,
  IpcErrorCode,
  ClientRecord,
  ClientSummary,
  ReportInfo,
  VaultStatus,
  VerifyResult,
} from '../../shared/ipc'
import { incomeYearSchema, parseClientCase, privatePolicySchema, type ClientCase, type PrivatePolicy } from '../../shared/schema/case'
import type { AdviceResult, OptionId } from '../../shared/schema/result'
import { createVault, openVault, VaultError, type Client, type KeyWrapper, type LockReason, type Vault, type VaultOptions } from '../store'
import { createSelfSignedP12, inspectP12 } from './certificate'
import { describeChanges, readRecommendation, writeRecommendation } from './advice-text'
import type { ServiceHandlers } from './dispatch'
import { ServiceError } from './errors'
import { paramsServices } from './params'
import { portfolioServices } from './portfolio'
import { SettingsFile } from './settings'

/** What the desktop shell (or the browser host) does with a finished PDF. */
export interface DesktopPort {
  /** Open the PDF in the system viewer; false when that is not possible here. */
  openPdf(fileName: string, pdf: Buffer): Promise<boolean>
  /** Ask where to save a copy and write it there (owner-only, 0600); null when the adviser cancels. */
  savePdfAs(fileName: string, pdf: Buffer): Promise<string | null>
  /** Remove the copies openPdf wrote for the viewer: they hold client data. Called on lock and quit. */
  discardOpenedCopies?(): void
}

export interface ReportRequest {
  clientCase: ClientCase
  result: AdviceResult
  adviser: AdviserProfile
  recommendation: { optionId: OptionId; motivation: string }
  reportDate: string
  language: 'nl' | 'en'
  appVersion: string
  certificate: { p12: Buffer; password: string; selfSigned: boolean }
}

/** The report helper's functions (src-main/reports), injected. */
export interface ReportPort {
  /** Render and sign; returns the signed PDF. */
  makeSigned(request: ReportRequest): Promise<Buffer>
  verify(pdf: Buffer): Promise<VerifyResult>
}

export interface ServiceDependencies {
  vaultPath: string
  settingsPath: string
  host: 'electron' | 'browser-host'
  appVersion: string
  /** The OS keychain ("onthoud op dit apparaat"); null where there is none. */
  keyWrapper: KeyWrapper | null
  desktop: DesktopPort
  advise: (clientCase: ClientCase) => AdviceResult
  reports: ReportPort
  /** Passed to the vault (tests lower the KDF cost; the app passes the Electron native binding). */
  vaultOptions?: Pick<VaultOptions, 'kdf' | 'nativeBinding' | 'now'>
  /** The parameter publisher's public key; only tests pass a throwaway one. */
  packPublicKey?: string
  /** Called when the vault locks itself (idle) or is locked. */
  onLocked?: (reason: LockReason) => void
  now?: () => Date
}

export interface Services {
  handlers: ServiceHandlers
  /** Lock and forget everything (app quit, test teardown). */
  dispose(): void
}

const recentLimit = 6

function asServiceError(error: unknown): unknown {
  if (error instanceof VaultError) {
    const known: Partial<Record<string, IpcErrorCode>> = {
      'wrong-passphrase': 'wrong-passphrase',
      locked: 'locked',
      'not-found': 'not-found',
      'unknown-record': 'not-found',
      'already-exists': 'already-exists',
      damaged: 'damaged',
      'invalid-input': 'invalid-input',
    }
    return new ServiceError(known[error.code] ?? 'unavailable', error.message)
  }
  return error
}

function summary(client: Client): ClientSummary {
  return { id: client.id, name: client.name, birthDate: client.birthDate, updatedAt: client.updatedAt }
}

function amountText(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace('.', ',')
}

function percentText(fraction: number): string {
  return String(Number((fraction * 100).toPrecision(12))).replace('.', ',')
}

function policyDraft(policy: PrivatePolicy): CaseDraft {
  return {
    insurer: policy.insurer ?? '',
    insuredAmount: amountText(policy.insuredAmount),
    waitingDays: String(policy.waitingDays),
    endAge: String(policy.endAge),
    disabilityThresholdPercent: String(policy.disabilityThresholdPercent).replace('.', ','),
    criterion: policy.criterion,
    medicalExclusions: policy.medicalExclusions,
    annualPremium: amountText(policy.annualPremium),
    premiumType: policy.premiumType,
    premiumIndexation: percentText(policy.premiumIndexation),
    taxDeductible: policy.taxDeductible,
    startDate: policy.startDate,
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

export function createServices(deps: ServiceDependencies): Services {
  const settingsFile = new SettingsFile(deps.settingsPath)
  const now = deps.now ?? (() => new Date())
  let vault: Vault | null = null
  /**
   * The intake as typed, per client. The vault keeps the structured fields it has tables for (name,
   * birth date, income years, policies) and the whole form as typed (vault.drafts, encrypted like
   * everything else), written on every save. These maps are only a cache of vault.drafts for the
   * unlocked session: emptied when the vault locks, filled again from the vault on the next read.
   */
  const drafts = new Map<string, CaseDraft>()
  /** Whether the cached draft was a complete, valid case when it was saved. */
  const completeness = new Map<string, boolean>()

  function forgetCachedDrafts(): void {
    drafts.clear()
    completeness.clear()
    portfolio.clear()
  }

  function draftKey(clientId: number): string {
    return `${vault?.vaultId ?? ''}:${clientId}`
  }

  function open(): Vault {
    if (!vault || vault.isLocked) throw new ServiceError('locked', 'De kluis is vergrendeld. Ontgrendel haar opnieuw met het wachtwoord.')
    return vault
  }

  const portfolio = portfolioServices(open, now)
  const params = paramsServices(deps.vaultPath, now, deps.packPublicKey)

  async function vaultOptions(): Promise<VaultOptions> {
    const settings = await settingsFile.read()
    return {
      ...deps.vaultOptions,
      actor: 'adviseur',
      autoLockAfterMs: settings.autoLockMinutes * 60_000,
      onLock: (reason) => {
        forgetCachedDrafts()
        deps.desktop.discardOpenedCopies?.()
        deps.onLocked?.(reason)
      },
    }
  }

  function status(): VaultStatus {
    const unlocked = vault !== null && !vault.isLocked
    return {
      exists: existsSync(deps.vaultPath),
      unlocked,
      keychainAvailable: deps.keyWrapper?.isAvailable() ?? false,
      remembered: rememberedHint,
    }
  }
  /** Whether the key file holds a device wrap; known after an unlock, remembered across locks. */
  let rememberedHint = false

  async function remember(v: Vault, wanted: boolean): Promise<void> {
    if (wanted && deps.keyWrapper?.isAvailable() && !v.rememberedOnDevice) await v.rememberOnDevice(deps.keyWrapper)
    rememberedHint = v.rememberedOnDevice
  }

  /** The saved draft of a client: from the cache, else from the vault (after an unlock or restart). */
  function savedDraft(v: Vault, clientId: number): { draft: CaseDraft; complete: boolean } | null {
    const key = draftKey(clientId)
    const cached = drafts.get(key)
    if (cached) return { draft: cached, complete: completeness.get(key) === true }
    const stored = v.drafts.get(clientId)
    if (!stored) return null
    drafts.set(key, stored.draft)
    completeness.set(key, stored.complete)
    return { draft: stored.draft, complete: stored.complete }
  }

  function record(v: Vault, client: Client): ClientRecord {
    const saved = savedDraft(v, client.id)
    let draft = saved?.draft
    if (!draft) {
      const policies = v.policies.list(client.id)
      const existing = policies.find((p) => p.kind === 'existing')
      const quote = policies.find((p) => p.kind === 'quote')
      const income = v.incomeYears.list(client.id)
      draft = {
        client: { name: client.name, birthDate: client.birthDate },
        ...(income.length ? { income: income.map((row) => ({ year: String(row.year), profit: amountText(row.profit), wiaWage: amountText(row.wiaWage) })) } : {}),
        existingPolicy: existing ? policyDraft(existing.policy) : null,
        privateQuote: quote ? policyDraft(quote.policy) : null,
      }
    }
    return { ...summary(client), draft, complete: saved?.complete === true }
  }

  /** Update the vault's structured fields from the parts of the case input that are valid. */
  function storeStructured(v: Vault, client: Client, caseInput: Record<string, unknown>): void {
    const person = z.object({ name: z.string().trim().min(1).max(200), birthDate: z.iso.date() }).safeParse(caseInput['client'] ?? {})
    if (person.success && (person.data.name !== client.name || person.data.birthDate !== client.birthDate)) {
      v.clients.update(client.id, { name: person.data.name, birthDate: person.data.birthDate, email: client.email, phone: client.phone })
    }
    const income = z.array(incomeYearSchema).max(80).safeParse(caseInput['income'])
    if (income.success && new Set(income.data.map((row) => row.year)).size === income.data.length) {
      const sorted = [...income.data].sort((a, b) => a.year - b.year)
      if (!same(sorted, v.incomeYears.list(client.id))) v.incomeYears.replace(client.id, sorted)
    }
    const stored = v.policies.list(client.id)
    for (const [field, kind] of [
      ['existingPolicy', 'existing'],
      ['privateQuote', 'quote'],
    ] as const) {
      const value = caseInput[field]
      const current = stored.filter((p) => p.kind === kind)
      if (value === null || value === undefined) {
        for (const p of current) v.policies.remove(p.id)
        continue
      }
      const parsed = privatePolicySchema.safeParse(value)
      if (!parsed.success) continue
      if (current.length === 1 && same(current[0]!.policy, parsed.data)) continue
      for (const p of current) v.policies.remove(p.id)
      v.policies.add(client.id, kind, parsed.data)
    }
  }

  function adviceSummary(v: Vault, id: number, previous?: AdviceVersionDetail | null): AdviceVersionSummary {
    const version = v.adviceVersions.get(id)
    if (!version) throw new ServiceError('not-found', 'Deze adviesversie bestaat niet (meer).')
    const recommendation = readRecommendation(version.recommendation)
    const pdf = version.reportSha256 ? v.adviceVersions.reportPdf(id) : null
    return {
      id: version.id,
      clientId: version.clientId,
      versionNo: version.versionNo,
      createdAt: version.createdAt,
      scenario: version.billVersion,
      chosenOption: recommendation.optionId,
      recommendation: recommendation.motivation,
      changes: previous === undefined ? [] : describeChanges(previous, { clientCase: version.case, result: version.result, chosenOption: recommendation.optionId }),
      report: pdf ? reportInfo(version.id, version.versionNo, pdf, version.reportSha256!) : null,
    }
  }

  function reportInfo(adviceId: number, versionNo: number, pdf: Buffer, sha256: string): ReportInfo {
    return { adviceId, fileName: `Vangnet-advies-versie-${versionNo}.pdf`, signed: true, sha256, bytes: pdf.length }
  }

  function detail(v: Vault, id: number): AdviceVersionDetail {
    const version = v.adviceVersions.get(id)
    if (!version) throw new ServiceError('not-found', 'Deze adviesversie bestaat niet (meer).')
    return { ...adviceSummary(v, id), clientCase: version.case, result: version.result }
  }

  function reportOf(v: Vault, adviceId: number): { pdf: Buffer; info: ReportInfo } {
    const version = v.adviceVersions.get(adviceId)
    const pdf = version ? v.adviceVersions.reportPdf(adviceId) : null
    if (!version || !pdf) throw new ServiceError('not-found', 'Voor deze adviesversie is nog geen rapport gemaakt.')
    return { pdf, info: reportInfo(adviceId, version.versionNo, pdf, version.reportSha256!) }
  }

  function certificateStatus(v: Vault): CertificateStatus {
    const adviser = v.adviser.get()
    return { present: adviser?.hasStoredCertificate ?? false, label: adviser?.hasStoredCertificate ? (adviser.signingCertificateRef ?? null) : null }
  }

  function adviserOut(v: Vault): AdviserProfile | null {
    const adviser = v.adviser.get()
    return adviser ? { name: adviser.name, firm: adviser.firm, afmNumber: adviser.afmNumber ?? '', kifidNumber: adviser.kifidNumber ?? '' } : null
  }

  const handlers: ServiceHandlers = {
    'app:info': () => ({ name: 'Vangnet', version: deps.appVersion, host: deps.host }),
    'vault:status': () => status(),
    'vault:create': async ({ passphrase, adviser, remember: wanted }) => {
      if (existsSync(deps.vaultPath)) throw new ServiceError('already-exists', 'Er is al een kluis op dit apparaat. Ontgrendel die met het wachtwoord.')
      vault?.lock()
      vault = await createVault(deps.vaultPath, passphrase, await vaultOptions())
      params.activate()
      vault.adviser.save({ name: adviser.name, firm: adviser.firm, afmNumber: adviser.afmNumber || null, kifidNumber: adviser.kifidNumber || null })
      await remember(vault, wanted)
      return status()
    },
    'vault:unlock': async ({ passphrase, remember: wanted }) => {
      if (!existsSync(deps.vaultPath)) throw new ServiceError('not-found', 'Er is nog geen kluis op dit apparaat.')
      if (vault && !vault.isLocked) return status()
      vault = await openVault(deps.vaultPath, { passphrase }, await vaultOptions())
      params.activate()
      await remember(vault, wanted)
      return status()
    },
    'vault:unlockRemembered': async () => {
      if (!deps.keyWrapper?.isAvailable()) throw new ServiceError('unavailable', 'Onthouden op dit apparaat is hier niet beschikbaar; gebruik het wachtwoord.')
      if (vault && !vault.isLocked) return status()
      vault = await openVault(deps.vaultPath, { device: deps.keyWrapper }, await vaultOptions())
      params.activate()
      rememberedHint = vault.rememberedOnDevice
      return status()
    },
    'vault:lock': () => {
      vault?.lock()
      return status()
    },
    'vault:forgetDevice': async () => {
      const v = open()
      await v.forgetOnDevice()
      rememberedHint = false
      return status()
    },
    'settings:get': () => settingsFile.read(),
    'settings:save': (settings) => settingsFile.write(settings),
    'adviser:get': () => adviserOut(open()),
    'adviser:save': (profile) => {
      const v = open()
      const current = v.adviser.get()
      v.adviser.save({
        name: profile.name,
        firm: profile.firm,
        afmNumber: profile.afmNumber || null,
        kifidNumber: profile.kifidNumber || null,
        signingCertificateRef: current?.signingCertificateRef ?? null,
      })
      return adviserOut(v)!
    },
    'certificate:status': () => certificateStatus(open()),
    'certificate:import': ({ p12Base64, password }) => {
      const v = open()
      const file = inspectP12(Buffer.from(p12Base64, 'base64'), password, now())
      v.adviser.storeSigningCertificate(file.p12, file.label)
      return certificateStatus(v)
    },
    'certificate:createSelfSigned': ({ commonName, password }) => {
      const v = open()
      const file = createSelfSignedP12(commonName, v.adviser.get()?.firm ?? '', password, now())
      v.adviser.storeSigningCertificate(file.p12, file.label)
      return certificateStatus(v)
    },
    'clients:list': ({ query }) => open().clients.search(query, { limit: 100 }).map(summary),
    'clients:recent': () =>
      open()
        .clients.list()
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .slice(0, recentLimit)
        .map(summary),
    'clients:get': ({ id }) => {
      const v = open()
      const client = v.clients.get(id)
      if (!client) throw new ServiceError('not-found', 'Deze klant staat niet (meer) in de kluis.')
      return record(v, client)
    },
    'clients:create': ({ name, birthDate }) => {
      const v = open()
      const client = v.clients.create({ name, birthDate })
      return record(v, client)
    },
    'clients:saveDraft': ({ id, draft, caseInput }) => {
      const v = open()
      const client = v.clients.get(id)
      if (!client) throw new ServiceError('not-found', 'Deze klant staat niet (meer) in de kluis.')
      const parsed = parseClientCase(caseInput)
      // The form as typed goes to the vault first (nothing typed may be lost), then the cache.
      v.drafts.save(id, draft, { complete: parsed.ok })
      drafts.set(draftKey(id), draft)
      completeness.set(draftKey(id), parsed.ok)
      storeStructured(v, client, caseInput)
      return { savedAt: now().toISOString(), problems: parsed.ok ? [] : parsed.problems }
    },
    'clients:erase': ({ id, confirmName }) => {
      const v = open()
      const client = v.clients.get(id)
      if (!client) throw new ServiceError('not-found', 'Deze klant staat niet (meer) in de kluis.')
      if (confirmName.trim().toLocaleLowerCase('nl') !== client.name.trim().toLocaleLowerCase('nl')) {
        throw new ServiceError('invalid-input', 'Typ de naam van de klant precies over om te bevestigen.')
      }
      // The stored draft goes with the client (ON DELETE CASCADE); the cached copy too.
      v.privacy.eraseClient(id)
      drafts.delete(draftKey(id))
      completeness.delete(draftKey(id))
      return { erased: true as const }
    },
    'advice:list': ({ clientId }) => {
      const v = open()
      const versions = v.adviceVersions.list(clientId).sort((a, b) => a.versionNo - b.versionNo)
      const out: AdviceVersionSummary[] = []
      let previous: AdviceVersionDetail | null = null
      for (const version of versions) {
        out.push(adviceSummary(v, version.id, previous))
        previous = detail(v, version.id)
      }
      return out.reverse()
    },
    'advice:get': ({ adviceId }) => detail(open(), adviceId),
    'advice:save': ({ clientId, clientCase, chosenOption, recommendation }) => {
      const v = open()
      // The result is computed here from the validated case, never taken from the renderer.
      const result = deps.advise(clientCase)
      if (!result.options.some((option) => option.id === chosenOption)) {
        throw new ServiceError('invalid-input', 'De gekozen optie hoort niet bij deze berekening.')
      }
      const created = v.adviceVersions.create({ clientId, case: clientCase, result, recommendation: writeRecommendation(chosenOption, recommendation) })
      const versions = v.adviceVersions.list(clientId).sort((a, b) => a.versionNo - b.versionNo)
      const before = versions.filter((version) => version.versionNo < created.versionNo).at(-1)
      return adviceSummary(v, created.id, before ? detail(v, before.id) : null)
    },
    'report:make': async ({ adviceId, certificatePassword }) => {
      const v = open()
      const version = v.adviceVersions.get(adviceId)
      if (!version) throw new ServiceError('not-found', 'Deze adviesversie bestaat niet (meer).')
      if (version.reportSha256) return reportOf(v, adviceId).info
      const p12 = v.adviser.signingCertificate()
      const adviser = adviserOut(v)
      if (!p12 || !adviser) throw new ServiceError('not-found', 'Er is nog geen ondertekeningscertificaat. Voeg er een toe bij Instellingen.')
      const { info } = inspectP12(p12, certificatePassword, now())
      const settings = await settingsFile.read()
      const pdf = await deps.reports.makeSigned({
        clientCase: version.case,
        result: version.result,
        adviser,
        recommendation: readRecommendation(version.recommendation),
        reportDate: version.createdAt.slice(0, 10),
        language: settings.language === 'en-GB' ? 'en' : 'nl',
        appVersion: deps.appVersion,
        certificate: { p12, password: certificatePassword, selfSigned: info.selfSigned },
      })
      v.adviceVersions.attachReport(adviceId, pdf)
      return reportOf(v, adviceId).info
    },
    'report:verify': async ({ adviceId }) => {
      const v = open()
      const { pdf } = reportOf(v, adviceId)
      const stored = v.adviceVersions.verify(adviceId)
      const signature = await deps.reports.verify(pdf)
      if (stored.reportOk === false) return { ...signature, valid: false, message: 'Het rapport in de kluis komt niet overeen met de opgeslagen vingerafdruk.' }
      return signature
    },
    'portfolio:start': (request) => portfolio.start(request),
    'portfolio:step': (request) => portfolio.step(request),
    'portfolio:cancel': (request) => portfolio.cancel(request),
    'import:run': (request) => portfolio.importFile(request),
    'params:status': () => {
      open()
      return params.status()
    },
    'params:import': (request) => {
      open()
      return params.import(request)
    },
    'params:rollback': () => {
      open()
      return params.rollback()
    },
    'report:open': async ({ adviceId }) => {
      const { pdf, info } = reportOf(open(), adviceId)
      return { opened: await deps.desktop.openPdf(info.fileName, pdf) }
    },
    'report:saveAs': async ({ adviceId }) => {
      const { pdf, info } = reportOf(open(), adviceId)
      return { savedTo: await deps.desktop.savePdfAs(info.fileName, pdf) }
    },
  }

  const wrapped = Object.fromEntries(
    Object.entries(handlers).map(([channel, run]) => [
      channel,
      async (request: unknown) => {
        try {
          return await (run as (request: unknown) => unknown)(request)
        } catch (error) {
          throw asServiceError(error)
        }
      },
    ]),
  ) as ServiceHandlers

  return {
    handlers: wrapped,
    dispose() {
      vault?.lock()
      vault = null
      forgetCachedDrafts()
      deps.desktop.discardOpenedCopies?.()
    },
  }
}
