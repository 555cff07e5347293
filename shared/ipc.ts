/**
 * The typed contract between the renderer and the main process.
 *
 * Every channel is declared once here: its name, the zod schema of its argument and the type of
 * its result. The preload exposes one object (`window.vangnet`) that satisfies `VangnetApi`; the
 * main process registers one handler per channel and validates every payload with the same schema
 * (Electron security checklist: validate the sender and the payload of every IPC message; no
 * generic "call anything" channel).
 */
import { z } from 'zod'

export const ipcChannels = {
  'app:info': {
    request: z.object({}).strict(),
  },
} as const

export type IpcChannel = keyof typeof ipcChannels

export interface AppInfo {
  name: string
  version: string
  /** Where the app runs: the desktop shell, or the loopback browser host used in tests. */
  host: 'electron' | 'browser-host'
}

export interface IpcResults {
  'app:info': AppInfo
}

export type IpcRequest<C extends IpcChannel> = z.infer<(typeof ipcChannels)[C]['request']>

/** The object the preload exposes as `window.vangnet`. */
export interface VangnetApi {
  appInfo(): Promise<AppInfo>
}
