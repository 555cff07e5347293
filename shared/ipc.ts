/**
 * The typed contract between the renderer and the main process.
 *
 * Every channel is declared once here: its name, the zod schema of its argument and the type of
 * its result. The preload exposes one object (`window.vangnet`) with one method per channel
 * (`apiMethods` below) and nothing else; the main process registers one handler per channel and
 * validates every payload with the same schema (Electron security checklist: validate the sender
 * and the payload of every IPC message; no generic "call anything" channel). The browser host used
 * by the end-to-end tests implements the same object over loopback HTTP with the same services.
 *
 * Every method resolves to an envelope, `{ ok: true, value }` or `{ ok: false, error }`, so that an
 * error code and plain Dutch message survive both Electron's IPC and HTTP unchanged.
 */
import { z } from 'zod'
import { clientCaseSchema, scenarioIdSchema, scenarioIds, scenarioIdsAvailable, type ClientCase, type ClientCaseInput } from './schema/case'
import { optionIds, type AdviceResult, type OptionId } from './schema/result'
import type { FieldProblem } from './schema/messages'
import { importMappingSchema } from './portfolio/mapping'
import { groupIds, type GroupId } from './portfolio/groups'
import type { ParameterUpdate } from './parameters/update'
import { apiMethods, type ApiMethod, type IpcChannel } from './ipc-methods'

export { apiMethods, type ApiMethod, type IpcChannel }

// ---------------------------------------------------------------------------------------------
// Shared request pieces

const id = z.number().int().positive()
const empty = z.object({}).strict()

/** The adviser's passphrase: long enough to resist guessing; the strength meter asks for more. */
export const minimumPassphraseLength = 12
export const passphraseSchema = z.string().min(minimumPassphraseLength, `moet minstens ${minimumPassphraseLength} tekens lang zijn`).max(1024, 'mag hoogstens 1024 tekens lang zijn')

export const adviserProfileSchema = z
  .object({
    name: z.string().trim().min(1, 'mag niet leeg zijn').max(200),
    firm: z.string().trim().max(200).default(''),
    /** Registration number in the AFM register (Wft), printed on the report. */
    afmNumber: z.string().trim().max(40).default(''),
    kifidNumber: z.string().trim().max(40).default(''),
  })
  .strict()
export type AdviserProfile = z.output<typeof adviserProfileSchema>

export const languages = ['nl-NL', 'en-GB'] as const
export type UiLanguage = (typeof languages)[number]

export const settingsSchema = z
  .object({
    /** Lock the vault after this many idle minutes; 0 = never. */
    autoLockMinutes: z.number().int().min(0).max(240),
    language: z.enum(languages),
  })
  .strict()
export type Settings = z.output<typeof settingsSchema>
export const defaultSettings: Settings = { autoLockMinutes: 10, language: 'nl-NL' }

/**
 * What the intake form autosaves: the client case as typed so far. It need not be a valid case
 * yet (nothing typed may be lost), but it is bounded in size and shape: a JSON object whose
 * leaves are strings, numbers, booleans or null.
 */
/** The longest free text the adviser can type (advice motivation, notes): fields stop there. */
export const longTextMaxLength = 20_000
const draftLeaf = z.union([z.string().max(longTextMaxLength), z.number().finite(), z.boolean(), z.null()])
type DraftValue = z.infer<typeof draftLeaf> | DraftValue[] | { [key: string]: DraftValue }
const draftValue: z.ZodType<DraftValue> = z.lazy(() =>
  z.union([draftLeaf, z.array(draftValue).max(100), z.record(z.string().max(80), draftValue)]),
)
export const caseDraftSchema = z
  .record(z.string().max(80), draftValue)
  .refine((value) => JSON.stringify(value).length <= 200_000, 'het dossier is te groot')
export type CaseDraft = Record<string, unknown>

// ---------------------------------------------------------------------------------------------
// Results

export interface AppInfo {
  name: string
  version: string
  /** Where the app runs: the desktop shell, or the loopback browser host used in tests. */
  host: 'electron' | 'browser-host'
}

export interface VaultStatus {
  /** A vault file exists at the configured place (else: first run). */
  exists: boolean
  unlocked: boolean
  /** The OS keychain can hold the key ("onthoud op dit apparaat"). */
  keychainAvailable: boolean
  /** This vault's key is remembered on this device. */
  remembered: boolean
}

/** After a passphrase change or a key renewal: the database is under a new key. */
export interface KeyRenewal {
  /** Pages of the vault re-encrypted (4 KiB each). */
  pages: number
  /** "Onthoud op dit apparaat" holds the new key (it was on and the keychain is here). */
  remembered: boolean
  status: VaultStatus
}

export interface CertificateStatus {
  present: boolean
  /** The label stored with it, e.g. "J. de Adviseur (zelf ondertekend, geldig tot 2031-05-01)". */
  label: string | null
}

/** The portfolio screen's run: started, then evaluated slice by slice (progress, cancel). */
export interface PortfolioRun {
  runId: string
  total: number
}

export interface PortfolioRow {
  id: number
  name: string
  groups: GroupId[]
  /** The reasons of every group, in group order, one line each. */
  reasons: string[]
}

export interface PortfolioView {
  scenario: string
  parameterHash: string
  clients: number
  groups: { id: GroupId; label: string; count: number }[]
  rows: PortfolioRow[]
}

export interface PortfolioStep {
  done: number
  total: number
  /** Set when the run is finished. */
  view: PortfolioView | null
}

/**
 * An export of the client book: saved through the desktop's save dialog (`savedTo`, null when the
 * adviser cancelled), or, in the browser host, handed to the window to download.
 */
export interface PortfolioExport {
  savedTo: string | null
  download: { fileName: string; mediaType: string; contentBase64: string } | null
}

/** The parameter packs of the vault (src-main/params) and the update the rules must use. */
export interface ParamsStatus {
  packs: { id: string; label: string; publishedAt: string; importedAt: string; active: boolean }[]
  /** The active pack's name, or null: the built-in parameters. */
  activeLabel: string | null
  /** The active update, for the rules in the window (shared/parameters/update.ts). */
  update: ParameterUpdate | null
  /** Set when the kept packs could not be verified (then the built-in parameters apply). */
  problem: string | null
}

export interface ParamsImportResult {
  id: string
  label: string
  publishedAt: string
  /** What the pack changes, one plain Dutch line each. */
  changes: string[]
  status: ParamsStatus
}

/** An import's preview (dry run) or its outcome: see src-main/import. */
export interface ImportResult {
  file: string
  columns: { header: string; field: string }[]
  unknownColumns: string[]
  notes: string[]
  problems: { row: number; message: string }[]
  duplicates: { row: number; name: string; birthDate: string; existingClientId: number | null; sameAsRow: number | null; action: string }[]
  created: number
  merged: number
  skipped: number
  written: boolean
}

export interface ClientSummary {
  id: number
  name: string
  birthDate: string | null
  updatedAt: string
}

/** A row of the client list: where the dossier stands, at a glance. */
export interface ClientListEntry extends ClientSummary {
  /** The intake as last saved is a complete, valid case. */
  intakeComplete: boolean
  /** The number of the latest advice version, or null when there is none yet. */
  adviceVersion: number | null
  /** A signed report is attached to at least one advice version. */
  signedReport: boolean
  /** The latest change to the dossier: intake, advice or report (ISO timestamp). */
  lastEdited: string
}

export interface ClientRecord extends ClientSummary {
  /** The case as last saved (possibly incomplete). */
  draft: CaseDraft
  /** Whether the saved draft is a complete, valid case. */
  complete: boolean
}

export interface SaveDraftResult {
  savedAt: string
  /** Problems of the saved draft as a case (the draft is saved anyway). */
  problems: FieldProblem[]
}

/**
 * What an AVG erase did. The client is gone from the book at once; `goneFromFile` says whether
 * the old data also left the storage itself: the vault file (false while another program holds
 * it open for reading; then at the latest at the next unlock), or, in office mode, never at once
 * (the server's data files drop dead rows at its next (auto)vacuum).
 */
export interface ErasureOutcome {
  erased: true
  book: 'vault' | 'office'
  goneFromFile: boolean
}

/** Office mode, one client: shared with the office, who is responsible, and a draft copy to resolve. */
export interface ClientOfficeInfo {
  sharedWithOffice: boolean
  /** The signed-in adviser is the responsible adviser (only they may share, stop sharing or erase). */
  responsible: boolean
  /** The responsible adviser's name (colleagues see whose client it is). */
  responsibleName: string
  /**
   * This adviser's text kept when a save lost against a colleague's, if any, with the draft the
   * server holds now (the colleague's), so the screen can show what differs.
   */
  copy: { savedAt: string; draft: CaseDraft; current: CaseDraft | null } | null
}

/** Office mode: an adviser as the office administrator sees them. */
export interface OfficeAdviser {
  roleName: string
  name: string
  officeAdmin: boolean
  /** Disabled: cannot log in; their clients stay. */
  disabled: boolean
  clients: number
}

export interface AdviceVersionSummary {
  id: number
  clientId: number
  versionNo: number
  createdAt: string
  scenario: string
  chosenOption: OptionId
  recommendation: string
  /** Short Dutch lines: what differs from the previous version. */
  changes: string[]
  report: ReportInfo | null
}

export interface AdviceVersionDetail extends AdviceVersionSummary {
  clientCase: ClientCase
  result: AdviceResult
}

export interface ReportInfo {
  adviceId: number
  fileName: string
  signed: boolean
  sha256: string
  bytes: number
}

export interface VerifyResult {
  valid: boolean
  /** Plain Dutch: "Handtekening geldig, gezet door … op …" or why not. */
  message: string
  signer: string | null
  signedAt: string | null
}

export type IpcErrorCode =
  | 'invalid-input'
  | 'wrong-passphrase'
  | 'locked'
  | 'not-found'
  | 'already-exists'
  | 'damaged'
  | 'unavailable'
  | 'forbidden'
  /** Office mode: a colleague saved the same client in between; the text was kept as a copy. */
  | 'conflict'
  | 'internal'

export interface IpcError {
  code: IpcErrorCode
  /** Plain Dutch, free of personal data. */
  message: string
  problems?: FieldProblem[]
}

export type IpcResponse<T> = { ok: true; value: T } | { ok: false; error: IpcError }

/**
 * Office mode: the firm's PostgreSQL server. The CA certificate (PEM text of the file the adviser
 * chose) is required: the server's certificate is always verified (verify-full). A password or a
 * client certificate with its key; all of it is kept inside the encrypted vault.
 */
export const pemTextSchema = z.string().max(20_000).regex(/^-----BEGIN [A-Z ]+-----[\s\S]+-----END [A-Z ]+-----\s*$/, 'moet een PEM-bestand zijn')
export const officeConnectSchema = z
  .object({
    host: z.string().trim().min(1, 'mag niet leeg zijn').max(253),
    port: z.number().int().min(1).max(65_535),
    database: z.string().trim().min(1, 'mag niet leeg zijn').max(63),
    user: z.string().trim().min(1, 'mag niet leeg zijn').max(63),
    caPem: pemTextSchema,
    password: z.string().min(1, 'mag niet leeg zijn').max(1024).optional(),
    certPem: pemTextSchema.optional(),
    keyPem: pemTextSchema.optional(),
  })
  .strict()

/** A PostgreSQL login role of an adviser (see `vangnet office add-adviser`). */
export const officeRoleSchema = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'is geen geldige gebruikersnaam')

export interface OfficeStatus {
  /** This laptop works in office mode (a connection is configured). */
  linked: boolean
  /** The firm's server answered and the schema is current. */
  connected: boolean
  /** host:port/database and the login, for the screen; never the password. */
  server: string | null
  user: string | null
  /** Drafts typed while the server was unreachable, kept encrypted here until sent. */
  unsent: number
  /** A plain sentence when something is wrong (unreachable, refused), else null. */
  message: string | null
  /** Changes colleagues made since the app started (server notifications): the client list reloads when it moves. */
  changes: number
  /** The signed-in adviser is an office administrator (may manage advisers). */
  officeAdmin: boolean
  /** How this laptop logs in: password or client certificate. */
  login: 'password' | 'certificate' | null
}

// ---------------------------------------------------------------------------------------------
// The channels

/** The request schema of each channel (the channel names themselves are declared in ipc-methods.ts). */
export const ipcChannels = {
  'app:info': { request: empty },
  'vault:status': { request: empty },
  'vault:create': {
    request: z.object({ passphrase: passphraseSchema, adviser: adviserProfileSchema, remember: z.boolean() }).strict(),
  },
  'vault:unlock': { request: z.object({ passphrase: z.string().min(1).max(1024), remember: z.boolean() }).strict() },
  'vault:unlockRemembered': { request: empty },
  'vault:lock': { request: empty },
  'vault:forgetDevice': { request: empty },
  /** A new passphrase, and with it a new database key (the whole vault is re-encrypted). */
  'vault:changePassphrase': { request: z.object({ current: z.string().min(1).max(1024), next: passphraseSchema }).strict() },
  /** A new database key under the same passphrase. */
  'vault:renewKey': { request: z.object({ passphrase: z.string().min(1).max(1024) }).strict() },
  'settings:get': { request: empty },
  'settings:save': { request: settingsSchema },
  'adviser:get': { request: empty },
  'adviser:save': { request: adviserProfileSchema },
  'certificate:status': { request: empty },
  'certificate:import': {
    request: z
      .object({ p12Base64: z.string().max(200_000).regex(/^[A-Za-z0-9+/]*={0,2}$/), password: z.string().max(1024) })
      .strict(),
  },
  'certificate:createSelfSigned': {
    request: z.object({ commonName: z.string().trim().min(1, 'mag niet leeg zijn').max(200), password: z.string().min(8, 'moet minstens 8 tekens lang zijn').max(1024) }).strict(),
  },
  'clients:list': { request: z.object({ query: z.string().max(200) }).strict() },
  'clients:recent': { request: empty },
  'clients:get': { request: z.object({ id }).strict() },
  'clients:create': {
    request: z
      .object({
        name: z.string().trim().min(1, 'mag niet leeg zijn').max(200),
        // A birth date in the future is a typing error; a day of slack for time zones.
        birthDate: z.iso.date().refine((date) => date <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), 'mag niet in de toekomst liggen'),
      })
      .strict(),
  },
  /**
   * `draft` is the form as typed, kept whole. The main process derives the case from it with the
   * same code as the screen (shared/intake/draft.ts) and updates the vault's structured fields
   * (name, birth date, income years, policies) where they are valid: one owner of the draft.
   */
  'clients:saveDraft': { request: z.object({ id, draft: caseDraftSchema }).strict() },
  'clients:erase': { request: z.object({ id, confirmName: z.string().max(200) }).strict() },
  /** Office mode: sharing and the draft copy of one client (null in local mode). */
  'clients:office': { request: z.object({ id }).strict() },
  'clients:share': { request: z.object({ id, shared: z.boolean() }).strict() },
  /** Office mode: the kept copy becomes the draft (replacing the colleague's); the copy is removed. */
  'clients:takeOverCopy': { request: z.object({ id }).strict() },
  'clients:discardCopy': { request: z.object({ id }).strict() },
  'advice:list': { request: z.object({ clientId: id }).strict() },
  'advice:get': { request: z.object({ adviceId: id }).strict() },
  'advice:save': {
    request: z
      .object({
        clientId: id,
        clientCase: clientCaseSchema,
        chosenOption: z.enum(optionIds),
        recommendation: z.string().trim().min(1, 'mag niet leeg zijn').max(longTextMaxLength),
      })
      .strict(),
  },
  /** Render the report, sign it with the adviser's stored certificate and attach it to the version. */
  'report:make': { request: z.object({ adviceId: id, certificatePassword: z.string().max(1024) }).strict() },
  'report:verify': { request: z.object({ adviceId: id }).strict() },
  'report:open': { request: z.object({ adviceId: id }).strict() },
  'report:saveAs': { request: z.object({ adviceId: id }).strict() },
  'portfolio:start': { request: z.object({ scenario: scenarioIdSchema }).strict() },
  'portfolio:step': { request: z.object({ runId: z.string().regex(/^[a-f0-9]{16}$/) }).strict() },
  'portfolio:cancel': { request: z.object({ runId: z.string().regex(/^[a-f0-9]{16}$/) }).strict() },
  /** The finished run's list, the whole book or one group, as CSV or Excel. */
  'portfolio:export': { request: z.object({ runId: z.string().regex(/^[a-f0-9]{16}$/), format: z.enum(['csv', 'xlsx']), group: z.enum(groupIds).nullable() }).strict() },
  /** A client file (CSV or XLSX, at most 50 MB) with the adviser's column mapping and duplicate choice. */
  'params:status': { request: empty },
  /** A signed parameter pack file; `dryRun` shows what it changes without keeping it. */
  'params:import': { request: z.object({ fileBase64: z.string().max(7_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/), dryRun: z.boolean() }).strict() },
  'params:rollback': { request: empty },
  'import:run': {
    request: z
      .object({
        fileName: z.string().trim().min(1).max(260),
        contentBase64: z.string().max(70_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/),
        mapping: importMappingSchema.nullable(),
        duplicates: z.enum(['skip', 'merge']),
        dryRun: z.boolean(),
      })
      .strict(),
  },
  'office:status': { request: empty },
  /** Test the connection first; only a connection that works is kept. */
  'office:connect': { request: officeConnectSchema },
  /** Back to the local vault; the office data stays on the server. */
  'office:disconnect': { request: empty },
  /** The office administrator: the advisers, disable or enable a login, remove an adviser (clients go to a successor). */
  'office:advisers': { request: empty },
  'office:setAdviserAccess': { request: z.object({ roleName: officeRoleSchema, disabled: z.boolean() }).strict() },
  'office:removeAdviser': { request: z.object({ roleName: officeRoleSchema, successor: officeRoleSchema }).strict() },
} as const

/** Every channel in apiMethods has its request schema here, and nothing else does (checked by the compiler). */
ipcChannels satisfies Record<IpcChannel, { request: z.ZodType }>

/** The result of each channel; `satisfies` below checks that every channel has one and no other. */
export interface IpcResults {
  'app:info': AppInfo
  'vault:status': VaultStatus
  'vault:create': VaultStatus
  'vault:unlock': VaultStatus
  'vault:unlockRemembered': VaultStatus
  'vault:lock': VaultStatus
  'vault:forgetDevice': VaultStatus
  'vault:changePassphrase': KeyRenewal
  'vault:renewKey': KeyRenewal
  'settings:get': Settings
  'settings:save': Settings
  'adviser:get': AdviserProfile | null
  'adviser:save': AdviserProfile
  'certificate:status': CertificateStatus
  'certificate:import': CertificateStatus
  'certificate:createSelfSigned': CertificateStatus
  'clients:list': ClientListEntry[]
  'clients:recent': ClientListEntry[]
  'clients:get': ClientRecord
  'clients:create': ClientRecord
  'clients:saveDraft': SaveDraftResult
  'clients:erase': ErasureOutcome
  'clients:office': ClientOfficeInfo | null
  'clients:share': ClientOfficeInfo
  'clients:takeOverCopy': ClientRecord
  'clients:discardCopy': ClientRecord
  'advice:list': AdviceVersionSummary[]
  'advice:get': AdviceVersionDetail
  /** `created` is false when nothing changed since the latest version (which is returned). */
  'advice:save': AdviceVersionSummary & { created: boolean }
  'report:make': ReportInfo
  'report:verify': VerifyResult
  'report:open': { opened: boolean }
  'report:saveAs': { savedTo: string | null }
  'portfolio:start': PortfolioRun
  'portfolio:step': PortfolioStep
  'portfolio:cancel': { cancelled: true }
  'portfolio:export': PortfolioExport
  'import:run': ImportResult
  'params:status': ParamsStatus
  'params:import': ParamsImportResult
  'params:rollback': ParamsStatus
  'office:status': OfficeStatus
  'office:connect': OfficeStatus
  'office:disconnect': OfficeStatus
  'office:advisers': OfficeAdviser[]
  'office:setAdviserAccess': OfficeAdviser[]
  'office:removeAdviser': OfficeAdviser[]
}

type ExactlyTheChannels<T> = [Exclude<keyof T, IpcChannel>, Exclude<IpcChannel, keyof T>] extends [never, never] ? true : never
const resultsCoverEveryChannel: ExactlyTheChannels<IpcResults> = true
const schemasCoverEveryChannel: ExactlyTheChannels<typeof ipcChannels> = true
void resultsCoverEveryChannel
void schemasCoverEveryChannel

export type IpcRequest<C extends IpcChannel> = z.input<(typeof ipcChannels)[C]['request']>
export type IpcParsedRequest<C extends IpcChannel> = z.output<(typeof ipcChannels)[C]['request']>


/** The object the preload exposes as `window.vangnet`. */
export type VangnetApi = {
  [M in ApiMethod]: (request: IpcRequest<(typeof apiMethods)[M]>) => Promise<IpcResponse<IpcResults[(typeof apiMethods)[M]]>>
}

/** A channel name from an untrusted source (HTTP path), or null. */
export function asChannel(name: string): IpcChannel | null {
  return Object.prototype.hasOwnProperty.call(ipcChannels, name) ? (name as IpcChannel) : null
}

export { scenarioIds, scenarioIdsAvailable }
export type { ClientCase, ClientCaseInput, AdviceResult, OptionId }
