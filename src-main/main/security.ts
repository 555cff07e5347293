/**
 * Window hardening that does not depend on a live window: the Content Security Policy and the
 * web preferences every Vangnet window gets (Electron security checklist items 1–8, 13, 14), and
 * which URLs are the app's own. Plain functions, no electron import, so the tests can run them.
 */
import { posix, win32 } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * No remote code, no inline script, no eval, no network: the renderer only loads its own bundled
 * files. `style-src 'unsafe-inline'` is needed for Vue's style bindings and ECharts' inline SVG
 * styles; scripts stay strict.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ')

export function hardenedWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableBlinkFeatures: '',
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  } as const
}

/**
 * Where the renderer comes from. The packaged app: only its own files (out/renderer, inside the
 * app archive). An unpackaged app (`npm start`) may use electron-vite's development server, named
 * in ELECTRON_RENDERER_URL, but only on this machine's loopback address: an environment variable
 * must never make an installed app load, trust or accept IPC from another origin.
 */
export interface AppOrigin {
  /** Absolute path of the folder with the renderer's files (index.html and its assets). */
  rendererDir: string
  /** The development server's URL and origin; never set for a packaged app. */
  devServerUrl?: string
  devServerOrigin?: string
  /** Path rules of the platform (the tests check Windows rules on any machine). */
  windows?: boolean
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]'])

export function appOrigin(options: { isPackaged: boolean; rendererDir: string; devServerUrl: string | undefined; windows?: boolean }): AppOrigin {
  const origin: AppOrigin = { rendererDir: options.rendererDir, ...(options.windows ? { windows: true } : {}) }
  if (options.isPackaged || !options.devServerUrl) return origin
  try {
    const dev = new URL(options.devServerUrl)
    if ((dev.protocol === 'http:' || dev.protocol === 'https:') && loopbackHosts.has(dev.hostname)) return { ...origin, devServerUrl: dev.href, devServerOrigin: dev.origin }
  } catch {
    // Not a URL: no development server.
  }
  return origin
}

function isInside(folder: string, target: string, windows: boolean): boolean {
  const path = windows ? win32 : posix
  const relative = path.relative(path.resolve(folder), path.resolve(target))
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
}

/**
 * Is this URL the app's own renderer? Exactly: a file: URL with no host (a UNC path
 * `file://server/share/…` is someone else's file) inside the renderer folder, or, for an
 * unpackaged app, the development server's origin. Navigation, network requests and IPC senders
 * are all judged by this one function.
 */
export function isOwnAppUrl(url: string, origin: AppOrigin): boolean {
  let target: URL
  try {
    target = new URL(url)
  } catch {
    return false
  }
  if (origin.devServerOrigin && target.origin === origin.devServerOrigin) return true
  if (target.protocol !== 'file:' || target.host !== '') return false
  let path: string
  try {
    path = fileURLToPath(target, { windows: origin.windows ?? process.platform === 'win32' })
  } catch {
    return false
  }
  // A Windows path that is still a UNC path (\\server\share) after conversion is not ours either.
  if (path.startsWith('\\\\') || path.startsWith('//')) return false
  return isInside(origin.rendererDir, path, origin.windows ?? process.platform === 'win32')
}

/** Only the app's own top-level frame may call IPC (Electron checklist item 17: validate the sender). */
export function isTrustedSenderFrame(frame: { url: string; parent: unknown } | null | undefined, origin: AppOrigin): boolean {
  return !!frame && frame.parent === null && isOwnAppUrl(frame.url, origin)
}
