/**
 * Window hardening that does not depend on a live window: the Content Security Policy and the
 * web preferences every Vangnet window gets (Electron security checklist items 1–8, 13, 14).
 */

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

/** The app URL the renderer may stay on; anything else is a navigation we refuse. */
export function isOwnAppUrl(url: string, devServerUrl: string | undefined): boolean {
  try {
    const target = new URL(url)
    if (devServerUrl) {
      const dev = new URL(devServerUrl)
      if (target.origin === dev.origin) return true
    }
    return target.protocol === 'file:'
  } catch {
    return false
  }
}
