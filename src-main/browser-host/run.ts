/**
 * Development only: `npx electron-vite build && npx tsx src-main/browser-host/run.ts [data-folder]`
 * serves the built renderer with the real services on 127.0.0.1 and prints the one-time URL.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startVangnetHost } from './index'

const dataDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'vangnet-host-'))
const host = await startVangnetHost({ dataDir, onInternalError: (channel) => process.stderr.write(`interne fout op kanaal ${channel}\n`) })
process.stdout.write(`Vangnet (browser host) draait op ${host.url}\nGegevensmap: ${dataDir}\nStoppen: Ctrl+C\n`)
process.on('SIGINT', () => void host.close().then(() => process.exit(0)))
