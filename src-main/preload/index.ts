/**
 * Preload: runs sandboxed, with context isolation. It exposes exactly one object,
 * `window.vangnet`, with one method per channel declared in shared/ipc.ts (`apiMethods`); each
 * method invokes only its own fixed channel. No ipcRenderer, no Node API and no generic invoke
 * reaches the page. Only types are imported from shared/ipc.ts: a sandboxed preload can require
 * nothing but `electron`, so it must not pull zod in (test/ui/ipc-contract.test.ts checks that
 * this list matches `apiMethods`).
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { IpcChannel, VangnetApi } from '../../shared/ipc'

const on =
  (channel: IpcChannel) =>
  // The result type is the channel's (checked by `satisfies VangnetApi` below).
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  (request: unknown): Promise<any> =>
    ipcRenderer.invoke(channel, request ?? {})

const api = {
  appInfo: on('app:info'),
  vaultStatus: on('vault:status'),
  createVault: on('vault:create'),
  unlockVault: on('vault:unlock'),
  unlockRemembered: on('vault:unlockRemembered'),
  lockVault: on('vault:lock'),
  forgetDevice: on('vault:forgetDevice'),
  getSettings: on('settings:get'),
  saveSettings: on('settings:save'),
  getAdviser: on('adviser:get'),
  saveAdviser: on('adviser:save'),
  certificateStatus: on('certificate:status'),
  importCertificate: on('certificate:import'),
  createSelfSignedCertificate: on('certificate:createSelfSigned'),
  listClients: on('clients:list'),
  recentClients: on('clients:recent'),
  getClient: on('clients:get'),
  createClient: on('clients:create'),
  saveDraft: on('clients:saveDraft'),
  eraseClient: on('clients:erase'),
  listAdvice: on('advice:list'),
  getAdvice: on('advice:get'),
  saveAdvice: on('advice:save'),
  makeReport: on('report:make'),
  verifyReport: on('report:verify'),
  openReport: on('report:open'),
  saveReportAs: on('report:saveAs'),
  startPortfolio: on('portfolio:start'),
  stepPortfolio: on('portfolio:step'),
  cancelPortfolio: on('portfolio:cancel'),
  importClients: on('import:run'),
  paramsStatus: on('params:status'),
  importParams: on('params:import'),
  rollbackParams: on('params:rollback'),
  officeStatus: on('office:status'),
  connectOffice: on('office:connect'),
  disconnectOffice: on('office:disconnect'),
} satisfies VangnetApi

contextBridge.exposeInMainWorld('vangnet', Object.freeze(api))
