/**
 * The browser host: a loopback-only HTTP server for development and the end-to-end tests. It serves
 * the built renderer (out/renderer) and implements `window.vangnet` over the same services as the
 * Electron IPC handlers, so a real browser (Debian's Chromium under Playwright) drives the real
 * vault, rules and reports. It is never part of the packaged app (electron-builder ships out/ only,
 * and this module is not imported by src-main/main).
 *
 * Guard rails: binds 127.0.0.1 only; a random token is required once (`/?token=…`) and then kept in
 * an HttpOnly, SameSite=Strict cookie; every request must carry the exact Host header (against DNS
 * rebinding) and every API call a same-origin Origin header; the page gets the app's strict CSP, so
 * the `window.vangnet` shim is a served script file, never an inline one.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { apiMethods } from '../../shared/ipc'
import { contentSecurityPolicy } from '../main/security'
import { dispatch, type ServiceHandlers } from '../services/dispatch'

export interface BrowserHostOptions {
  /** The built renderer folder (contains index.html). */
  rendererDir: string
  handlers: ServiceHandlers
  /** 0 (default) picks a free port. */
  port?: number
  /** Called for unexpected service errors (channel only; never the payload). */
  onInternalError?: (channel: string, error: unknown) => void
}

export interface BrowserHost {
  /** The URL to open once: it carries the token and sets the session cookie. */
  url: string
  origin: string
  token: string
  close(): Promise<void>
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
}

const shimPath = '/__vangnet/shim.js'
const apiPrefix = '/__vangnet/api/'
const cookieName = 'vangnet_host'
const maxBody = 1_000_000

/** The shim: one method per declared channel, each a POST to that channel; nothing generic. */
function shimSource(): string {
  const methods = Object.entries(apiMethods)
    .map(([method, channel]) => `  ${JSON.stringify(method)}: (request) => call(${JSON.stringify(channel)}, request),`)
    .join('\n')
  return `// Vangnet browser host: window.vangnet over loopback HTTP (tests and development only).
(() => {
  'use strict'
  async function call(channel, request) {
    try {
      const response = await fetch(${JSON.stringify(apiPrefix)} + encodeURIComponent(channel), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(request === undefined ? {} : request),
      })
      return await response.json()
    } catch {
      return { ok: false, error: { code: 'unavailable', message: 'De verbinding met Vangnet is verbroken.' } }
    }
  }
  const api = Object.freeze({
${methods}
  })
  Object.defineProperty(window, 'vangnet', { value: api, writable: false, configurable: false })
})()
`
}

function securityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', contentSecurityPolicy)
  response.setHeader('X-Content-Type-Options', 'nosniff')
  response.setHeader('Referrer-Policy', 'no-referrer')
  response.setHeader('Cache-Control', 'no-store')
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin')
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin')
}

function send(response: ServerResponse, status: number, body: string | Buffer, type = 'text/plain; charset=utf-8'): void {
  response.statusCode = status
  response.setHeader('Content-Type', type)
  response.end(body)
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBody) {
        reject(new Error('too large'))
        request.destroy()
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function sameToken(candidate: string | undefined, token: string): boolean {
  if (!candidate) return false
  const a = Buffer.from(candidate)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

function cookieToken(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie ?? ''
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === cookieName) return rest.join('=')
  }
  return undefined
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = randomBytes(24).toString('base64url')
  const root = normalize(options.rendererDir)
  const indexHtml = await readFile(join(root, 'index.html'), 'utf8')
  // A classic (non-module) script runs before the deferred module bundle: window.vangnet exists first.
  const injected = indexHtml.replace('<head>', `<head>\n    <script src="${shimPath}"></script>`)
  if (injected === indexHtml) throw new Error('browser host: index.html has no <head>')
  const shim = shimSource()
  let expectedHost = ''

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    securityHeaders(response)
    if (request.headers.host !== expectedHost) return send(response, 421, 'wrong host')
    const url = new URL(request.url ?? '/', `http://${expectedHost}`)
    let authorised = sameToken(cookieToken(request), token)
    if (!authorised && url.pathname === '/' && sameToken(url.searchParams.get('token') ?? undefined, token)) {
      response.setHeader('Set-Cookie', `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`)
      authorised = true
    }
    if (!authorised) return send(response, 403, 'forbidden')

    if (url.pathname.startsWith(apiPrefix)) {
      if (request.method !== 'POST') return send(response, 405, 'method not allowed')
      if (request.headers.origin !== `http://${expectedHost}`) return send(response, 403, 'forbidden')
      if (!(request.headers['content-type'] ?? '').startsWith('application/json')) return send(response, 415, 'json only')
      let payload: unknown
      try {
        payload = JSON.parse(await readBody(request))
      } catch {
        return send(response, 400, JSON.stringify({ ok: false, error: { code: 'invalid-input', message: 'Ongeldige aanvraag.' } }), 'application/json')
      }
      const channel = decodeURIComponent(url.pathname.slice(apiPrefix.length))
      const result = await dispatch(options.handlers, channel, payload, { onInternalError: options.onInternalError })
      return send(response, 200, JSON.stringify(result), 'application/json; charset=utf-8')
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'method not allowed')
    if (url.pathname === shimPath) return send(response, 200, shim, contentTypes['.js'])
    if (url.pathname === '/' || url.pathname === '/index.html') return send(response, 200, injected, contentTypes['.html'])
    const file = normalize(join(root, decodeURIComponent(url.pathname)))
    if (!file.startsWith(root + sep)) return send(response, 404, 'not found')
    try {
      const body = await readFile(file)
      return send(response, 200, body, contentTypes[extname(file)] ?? 'application/octet-stream')
    } catch {
      return send(response, 404, 'not found')
    }
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'internal error')
      else response.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('browser host: no port')
  expectedHost = `127.0.0.1:${address.port}`
  const origin = `http://${expectedHost}`
  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
