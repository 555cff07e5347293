/**
 * The service layer behind every channel of shared/ipc.ts: plain Node modules with their
 * dependencies passed in (paths, the OS keychain wrapper, the rules, the report maker, the desktop
 * shell), so the Electron IPC handlers (src-main/main/ipc.ts) and the browser host
 * (src-main/browser-host/) run the same code, and vitest runs it without Electron.
 *
 *   session.ts   the vault session (create, unlock, lock) and settings; hands out the client book
 *   clients.ts   clients and their intake drafts
 *   adviser.ts   the adviser's profile and signing certificate
 *   advice.ts    immutable advice versions and their signed reports
 *   portfolio.ts the client book's triage (slice by slice) and the client import
 *   params.ts    signed parameter packs kept next to the vault
 * Every module reaches stored data only through the client book interface (src-main/store/book.ts),
 * so the same services run over the local vault and over the firm's server in office mode.
 *
 * The services never log payloads; errors carry plain Dutch messages without personal data.
 */
import type { IpcErrorCode } from '../../shared/ipc'
import { VaultError } from '../store'
import { adviceServices } from './advice'
import { adviserServices } from './adviser'
import { clientServices } from './clients'
import type { ServiceHandlers } from './dispatch'
import { ServiceError } from './errors'
import { paramsServices } from './params'
import { portfolioServices } from './portfolio'
import { createSession } from './session'
import { SettingsFile } from './settings'
import type { ServiceContext, ServiceDependencies, Services } from './types'

export type { DesktopPort, ReportPort, ReportRequest, ServiceDependencies, Services } from './types'

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
      conflict: 'conflict',
      forbidden: 'forbidden',
    }
    return new ServiceError(known[error.code] ?? 'unavailable', error.message)
  }
  return error
}

export function createServices(deps: ServiceDependencies): Services {
  const base = { deps, settingsFile: new SettingsFile(deps.settingsPath), now: deps.now ?? (() => new Date()) }
  const session = createSession(base)
  const context: ServiceContext = { ...base, book: () => session.book() }
  const clients = clientServices(context, session)
  session.onLock(() => clients.forget())
  const portfolio = portfolioServices(context)
  session.onLock(() => portfolio.clear())
  const params = paramsServices(deps.vaultPath, context.now, deps.packPublicKey)

  const handlers: ServiceHandlers = {
    ...session.handlers,
    ...adviserServices(context),
    ...clients.handlers,
    ...adviceServices(context),
    'portfolio:start': (request) => portfolio.start(request),
    'portfolio:step': (request) => portfolio.step(request),
    'portfolio:cancel': (request) => portfolio.cancel(request),
    'portfolio:export': (request) => portfolio.exportList(request),
    'import:run': (request) => portfolio.importFile(request),
    // The window asks for the status right after every unlock: that is when the vault's active
    // pack is (re)applied in this process too, so both sides calculate with the same parameters.
    'params:status': () => {
      context.book()
      params.activate()
      return params.status()
    },
    'params:import': (request) => {
      context.book()
      return params.import(request)
    },
    'params:rollback': () => {
      context.book()
      return params.rollback()
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
      session.dispose()
    },
  }
}
