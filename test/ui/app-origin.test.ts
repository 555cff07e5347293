/**
 * Which URLs the desktop shell treats as its own (navigation, network requests, IPC senders):
 * exactly the renderer's files, and a development server only for an unpackaged app.
 */
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { appOrigin, isOwnAppUrl, isTrustedSenderFrame } from '../../src-main/main/security'

const rendererDir = '/opt/Vangnet/resources/app.asar/out/renderer'
const index = pathToFileURL(`${rendererDir}/index.html`).href

describe('the app origin', () => {
  it('a packaged app ignores ELECTRON_RENDERER_URL: no development server, its origin is not trusted', () => {
    const origin = appOrigin({ isPackaged: true, rendererDir, devServerUrl: 'http://127.0.0.1:5173/' })
    expect(origin.devServerUrl).toBeUndefined()
    expect(isOwnAppUrl('http://127.0.0.1:5173/index.html', origin)).toBe(false)
    expect(isTrustedSenderFrame({ url: 'http://127.0.0.1:5173/', parent: null }, origin)).toBe(false)
    expect(isTrustedSenderFrame({ url: index, parent: null }, origin)).toBe(true)
  })

  it('an unpackaged app uses a development server on loopback only', () => {
    const dev = appOrigin({ isPackaged: false, rendererDir, devServerUrl: 'http://localhost:5173' })
    expect(dev.devServerUrl).toBe('http://localhost:5173/')
    expect(isOwnAppUrl('http://localhost:5173/src/main.ts', dev)).toBe(true)
    expect(isOwnAppUrl('http://localhost:5174/', dev)).toBe(false)
    expect(appOrigin({ isPackaged: false, rendererDir, devServerUrl: 'https://evil.example/' }).devServerUrl).toBeUndefined()
    expect(appOrigin({ isPackaged: false, rendererDir, devServerUrl: 'file:///etc/' }).devServerUrl).toBeUndefined()
    expect(appOrigin({ isPackaged: false, rendererDir, devServerUrl: 'geen url' }).devServerUrl).toBeUndefined()
  })

  it('"own" means the renderer folder, not any file: URL', () => {
    const origin = appOrigin({ isPackaged: true, rendererDir, devServerUrl: undefined })
    expect(isOwnAppUrl(index, origin)).toBe(true)
    expect(isOwnAppUrl(pathToFileURL(`${rendererDir}/assets/index-abc.js`).href, origin)).toBe(true)
    for (const url of [
      'file:///etc/passwd',
      'file:///home/adviseur/Downloads/aanval.html',
      `file://${rendererDir}/../../evil.html`,
      `file://${rendererDir}/%2e%2e/%2e%2e/evil.html`,
      `file://${rendererDir}-evil/index.html`,
      `file://server/share${rendererDir}/index.html`,
      'file://attacker.example/share/index.html',
      `file://${rendererDir}`,
      'https://example.com/',
      'data:text/html,<script>1</script>',
      'javascript:alert(1)',
      'not a url',
    ]) {
      expect([url, isOwnAppUrl(url, origin)]).toEqual([url, false])
    }
  })

  it('on Windows: a drive path inside the renderer folder, never a UNC path', () => {
    const origin = appOrigin({ isPackaged: true, rendererDir: 'C:\\Users\\a\\AppData\\Local\\Programs\\Vangnet\\resources\\app.asar\\out\\renderer', devServerUrl: undefined, windows: true })
    expect(isOwnAppUrl('file:///C:/Users/a/AppData/Local/Programs/Vangnet/resources/app.asar/out/renderer/index.html', origin)).toBe(true)
    expect(isOwnAppUrl('file:///C:/Users/a/Downloads/index.html', origin)).toBe(false)
    expect(isOwnAppUrl('file://fileserver/share/Vangnet/resources/app.asar/out/renderer/index.html', origin)).toBe(false)
    expect(isOwnAppUrl('file:////fileserver/share/index.html', origin)).toBe(false)
    expect(isOwnAppUrl('file:///D:/out/renderer/index.html', origin)).toBe(false)
  })

  it('a sub-frame is never a trusted IPC sender, even on the app\'s own page', () => {
    const origin = appOrigin({ isPackaged: true, rendererDir, devServerUrl: undefined })
    expect(isTrustedSenderFrame({ url: index, parent: {} }, origin)).toBe(false)
    expect(isTrustedSenderFrame(null, origin)).toBe(false)
  })
})
