/**
 * The one list of IPC channels: each method of `window.vangnet` and the channel it is bound to.
 * Everything else is derived from it or checked against it: the request schemas and result types
 * in ipc.ts (the compiler checks they cover exactly these channels), the preload (built from this
 * object), the service handlers (a mapped type over these channels) and the browser host.
 *
 * This module imports nothing, so the sandboxed preload can bundle it without pulling zod in.
 */
export const apiMethods = {
  appInfo: 'app:info',
  vaultStatus: 'vault:status',
  createVault: 'vault:create',
  unlockVault: 'vault:unlock',
  unlockRemembered: 'vault:unlockRemembered',
  lockVault: 'vault:lock',
  forgetDevice: 'vault:forgetDevice',
  changePassphrase: 'vault:changePassphrase',
  renewVaultKey: 'vault:renewKey',
  getSettings: 'settings:get',
  saveSettings: 'settings:save',
  getAdviser: 'adviser:get',
  saveAdviser: 'adviser:save',
  certificateStatus: 'certificate:status',
  importCertificate: 'certificate:import',
  createSelfSignedCertificate: 'certificate:createSelfSigned',
  listClients: 'clients:list',
  recentClients: 'clients:recent',
  getClient: 'clients:get',
  createClient: 'clients:create',
  saveDraft: 'clients:saveDraft',
  eraseClient: 'clients:erase',
  clientOffice: 'clients:office',
  shareClient: 'clients:share',
  takeOverDraftCopy: 'clients:takeOverCopy',
  discardDraftCopy: 'clients:discardCopy',
  listAdvice: 'advice:list',
  getAdvice: 'advice:get',
  saveAdvice: 'advice:save',
  makeReport: 'report:make',
  verifyReport: 'report:verify',
  openReport: 'report:open',
  saveReportAs: 'report:saveAs',
  startPortfolio: 'portfolio:start',
  stepPortfolio: 'portfolio:step',
  cancelPortfolio: 'portfolio:cancel',
  exportPortfolio: 'portfolio:export',
  importClients: 'import:run',
  paramsStatus: 'params:status',
  importParams: 'params:import',
  rollbackParams: 'params:rollback',
  officeStatus: 'office:status',
  connectOffice: 'office:connect',
  disconnectOffice: 'office:disconnect',
  officeAdvisers: 'office:advisers',
  setAdviserAccess: 'office:setAdviserAccess',
  removeAdviser: 'office:removeAdviser',
} as const

export type ApiMethod = keyof typeof apiMethods
export type IpcChannel = (typeof apiMethods)[ApiMethod]
