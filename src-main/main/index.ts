/**
 * Electron main process: the thin shell. It creates the one hardened window, denies navigation,
 * new windows, permissions and network access, and wires IPC to the plain services in
 * src-main/services (the same ones the browser host uses in the end-to-end tests).
 */
import { app, BrowserWindow, session } from 'electron'
import { join } from 'node:path'
import { advise } from '../../shared/rules/advise'
import { createServices } from '../services'
import { startReportWorker } from '../reports/worker-client'
import { reportPort } from '../services/reports'
import { electronDesktop } from './desktop'
import { registerIpc } from './ipc'
import { safeStorageKeyWrapper } from './keychain'
import { nativeSqliteBinding } from './native-sqlite'
import { appOrigin, contentSecurityPolicy, hardenedWebPreferences, isOwnAppUrl } from './security'

const rendererDir = join(import.meta.dirname, '../renderer')
// The development server only for an unpackaged app (`npm start`); an installed app ignores it.
const origin = appOrigin({ isPackaged: app.isPackaged, rendererDir, devServerUrl: process.env['ELECTRON_RENDERER_URL'] })
let mainWindow: BrowserWindow | null = null

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1366,
    height: 880,
    minWidth: 1000,
    minHeight: 680,
    show: false,
    title: 'Vangnet',
    webPreferences: hardenedWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  window.webContents.on('will-navigate', (event, url) => {
    if (!isOwnAppUrl(url, origin)) event.preventDefault()
  })
  window.webContents.on('will-redirect', (event, url) => {
    if (!isOwnAppUrl(url, origin)) event.preventDefault()
  })
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  if (origin.devServerUrl) void window.loadURL(origin.devServerUrl)
  else void window.loadFile(join(rendererDir, 'index.html'))
  return window
}

// Dates in inputs follow the browser language: Dutch (dd-mm-jjjj) for Dutch advisers.
app.commandLine.appendSwitch('lang', 'nl-NL')
app.enableSandbox()
void app.whenReady().then(() => {
  // No network at run time: every request that is not the app's own files or dev server is cancelled.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isOwnAppUrl(details.url, origin) && !details.url.startsWith('devtools:') })
  })
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    })
  })
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)

  const userData = app.getPath('userData')
  const reportWorker = startReportWorker(new URL('./render-worker.js', import.meta.url))
  const services = createServices({
    vaultPath: join(userData, 'vangnet.vault'),
    settingsPath: join(userData, 'settings.json'),
    host: 'electron',
    appVersion: app.getVersion(),
    keyWrapper: safeStorageKeyWrapper(),
    desktop: electronDesktop(() => mainWindow),
    advise,
    // Reports render in a worker thread (built as its own entry), so the window stays responsive.
    reports: reportPort({ fontsDir: join(app.getAppPath(), 'resources', 'fonts'), render: (request) => reportWorker.render(request) }),
    vaultOptions: {
      nativeBinding: nativeSqliteBinding({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath, platform: process.platform, arch: process.arch }),
    },
  })
  // Errors are logged by channel and type only: a message could contain client data.
  registerIpc(services.handlers, origin, (channel, error) => console.error(`Vangnet: interne fout op ${channel}: ${error instanceof Error ? error.name : 'onbekend'}`))
  app.on('before-quit', () => {
    services.dispose()
    void reportWorker.close()
  })

  mainWindow = createMainWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow()
  })
})

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
