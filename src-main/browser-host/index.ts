/**
 * Start Vangnet in the browser host: the real services (vault, rules, reports) over a temporary or
 * given data folder, served on loopback. Used by the end-to-end tests, `npm run bench` and for
 * development in a normal browser (`npx tsx src-main/browser-host/run.ts`). Never packaged.
 *
 * Where the desktop shell would use the OS, this host uses stand-ins: the keychain is a key held
 * in this process's memory (so "onthoud op dit apparaat" can be exercised), "open" and "save as"
 * write the PDF into the data folder.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import { promises as fs, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import packageJson from '../../package.json' with { type: 'json' }
import { advise } from '../../shared/rules/advise'
import type { KeyWrapper, KdfParameters } from '../store'
import { createServices, type Services } from '../services'
import { reportPort } from '../services/reports'
import { startBrowserHost, type BrowserHost } from './server'

export interface VangnetHostOptions {
  dataDir: string
  rendererDir?: string
  port?: number
  /** Lower key-derivation cost for tests (never for real data). */
  kdf?: KdfParameters
  /** Tests only: a throwaway parameter-pack publisher key instead of the real one. */
  packPublicKey?: string
  onInternalError?: (channel: string, error: unknown) => void
}

export interface VangnetHost extends BrowserHost {
  services: Services
  dataDir: string
}

/** A keychain stand-in: AES-256-GCM with a key that lives only as long as this process. */
export function memoryKeyWrapper(options: { id?: string; available?: boolean } = {}): KeyWrapper {
  const key = randomBytes(32)
  return {
    id: options.id ?? 'browser-host-memory',
    isAvailable: () => options.available ?? true,
    wrap(secret) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(secret), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    unwrap(wrapped) {
      const decipher = createDecipheriv('aes-256-gcm', key, wrapped.subarray(0, 12))
      decipher.setAuthTag(wrapped.subarray(12, 28))
      return Buffer.concat([decipher.update(wrapped.subarray(28)), decipher.final()])
    },
  }
}

export async function startVangnetHost(options: VangnetHostOptions): Promise<VangnetHost> {
  const dataDir = resolve(options.dataDir)
  await fs.mkdir(dataDir, { recursive: true })
  const writeCopy = async (folder: string, fileName: string, pdf: Buffer) => {
    const dir = join(dataDir, folder)
    await fs.mkdir(dir, { recursive: true })
    const path = join(dir, fileName.replace(/[^A-Za-z0-9._-]/g, '_'))
    await fs.writeFile(path, pdf, { mode: 0o600 })
    return path
  }
  const services = createServices({
    vaultPath: join(dataDir, 'vangnet.vault'),
    settingsPath: join(dataDir, 'settings.json'),
    host: 'browser-host',
    appVersion: packageJson.version,
    keyWrapper: memoryKeyWrapper(),
    advise,
    reports: reportPort(),
    desktop: {
      openPdf: async (fileName, pdf) => (await writeCopy('opened', fileName, pdf), true),
      savePdfAs: (fileName, pdf) => writeCopy('saved', fileName, pdf),
      discardOpenedCopies: () => rmSync(join(dataDir, 'opened'), { recursive: true, force: true }),
    },
    ...(options.kdf ? { vaultOptions: { kdf: options.kdf } } : {}),
    ...(options.packPublicKey ? { packPublicKey: options.packPublicKey } : {}),
  })
  const host = await startBrowserHost({
    rendererDir: options.rendererDir ?? resolve('out/renderer'),
    handlers: services.handlers,
    port: options.port,
    onInternalError: options.onInternalError,
  })
  return {
    ...host,
    services,
    dataDir,
    close: async () => {
      services.dispose()
      await host.close()
    },
  }
}
