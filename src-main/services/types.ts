/** What the services are given (ports to the OS, the rules and the reports) and share among themselves. */
import type { Language } from '../../shared/format'
import type { AdviserProfile, VerifyResult } from '../../shared/ipc'
import type { ClientCase } from '../../shared/schema/case'
import type { AdviceResult, OptionId } from '../../shared/schema/result'
import type { OfficeBook } from '../office/book'
import type { OfficeConnectionSettings } from '../office/connection'
import type { ClientBook, KeyWrapper, LockReason, VaultOptions } from '../store'
import type { ServiceHandlers } from './dispatch'
import type { SettingsFile } from './settings'

/** What the desktop shell (or the browser host) does with a finished PDF. */
export interface DesktopPort {
  /** Open the PDF in the system viewer; false when that is not possible here. */
  openPdf(fileName: string, pdf: Buffer): Promise<boolean>
  /** Ask where to save a copy and write it there (owner-only, 0600); null when the adviser cancels. */
  savePdfAs(fileName: string, pdf: Buffer): Promise<string | null>
  /**
   * Ask where to save an export (the client book as CSV or Excel) and write it there owner-only;
   * null when the adviser cancels. Without it (the browser host) the window downloads the file.
   */
  saveFileAs?(fileName: string, bytes: Buffer, filter: { name: string; extensions: string[] }): Promise<string | null>
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
  /** Get the renderer ready for the first report (called, not awaited, after unlocking). */
  warm?(): Promise<void>
}

export interface ServiceDependencies {
  vaultPath: string
  settingsPath: string
  host: 'electron' | 'browser-host'
  appVersion: string
  /** The OS keychain ("onthoud op dit apparaat"); null where there is none. */
  keyWrapper: KeyWrapper | null
  desktop: DesktopPort
  /** The rules; the texts in the result in `language` (Dutch by default: the stored advice). */
  advise: (clientCase: ClientCase, options?: { language?: Language }) => AdviceResult
  reports: ReportPort
  /**
   * Passed to the vault (tests lower the KDF cost and may shorten the idle lock, which otherwise
   * follows the settings; the app passes the Electron native binding).
   */
  vaultOptions?: Pick<VaultOptions, 'kdf' | 'nativeBinding' | 'now' | 'autoLockAfterMs'>
  /** The parameter publisher's public key; only tests pass a throwaway one. */
  packPublicKey?: string
  /** Called when the vault locks itself (idle) or is locked. */
  onLocked?: (reason: LockReason) => void
  /** Office mode: open the firm's client book (default: openOfficeBook; tests pass options). */
  openOffice?: (settings: OfficeConnectionSettings) => Promise<OfficeBook>
  /** Office mode: a colleague changed a client (LISTEN/NOTIFY); the shell tells the screen to refresh. */
  onClientsChanged?: (clientId: number | null) => void
  now?: () => Date
}

export interface Services {
  handlers: ServiceHandlers
  /** Lock and forget everything (app quit, test teardown). */
  dispose(): void
}

/** What the handler modules share: the dependencies, the settings and the open client book. */
export interface ServiceContext {
  deps: ServiceDependencies
  settingsFile: SettingsFile
  now(): Date
  /** The open client book; throws ServiceError('locked') when there is none. */
  book(): ClientBook
}
