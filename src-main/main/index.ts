/**
 * Electron main process: the thin shell. It creates the one hardened window, denies navigation,
 * new windows, permissions and network access, and wires IPC handlers to plain services.
 * All logic lives in plain modules (shared/, src-main/store, src-main/reports) that run under Node.
 */
import { app, BrowserWindow, ipcMain, session, type IpcMainInvokeEvent } from 'electron'
import { join } from 'node:path'
import { contentSecurityPolicy, hardenedWebPreferences, isOwnAppUrl } from './security'
import { ipcChannels, type AppInfo, type IpcChannel } from '../../shared/ipc'

const devServerUrl = process.env['ELECTRON_RENDERER_URL']

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Vangnet',
    webPreferences: hardenedWebPreferences(join(import.meta.dirname, '../preload/index.cjs')),
  })
  window.once('ready-to-show', () => window.show())
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }))
  window.webContents.on('will-navigate', (event, url) => {
    if (!isOwnAppUrl(url, devServerUrl)) event.preventDefault()
  })
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'))
  return window
}

/** Only our own top-level frame may call IPC (checklist item 17: validate the sender). */
function assertTrustedSender(event: IpcMainInvokeEvent): void {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null || !isOwnAppUrl(frame.url, devServerUrl)) {
    throw new Error('IPC-aanroep van een onbekende afzender geweigerd')
  }
}

function handle<C extends IpcChannel>(channel: C, run: (request: unknown) => unknown): void {
  ipcMain.handle(channel, (event, payload: unknown) => {
    assertTrustedSender(event)
    const request = ipcChannels[channel].request.parse(payload)
    return run(request)
  })
}

function registerIpc(): void {
  handle('app:info', (): AppInfo => ({ name: 'Vangnet', version: app.getVersion(), host: 'electron' }))
}

app.enableSandbox()
void app.whenReady().then(() => {
  // No network at run time: every request that is not the app's own files or dev server is cancelled.
  session.defaultSession.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isOwnAppUrl(details.url, devServerUrl) && !details.url.startsWith('devtools:') })
  })
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    })
  })
  session.defaultSession.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  registerIpc()
  createMainWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow()
  })
})

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault())
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
