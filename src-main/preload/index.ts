/**
 * Preload: runs sandboxed, with context isolation. It exposes exactly one object,
 * `window.vangnet`, with one method per channel, built from the one list of channels
 * (shared/ipc-methods.ts); each method invokes only its own fixed channel. No ipcRenderer, no Node
 * API and no generic invoke reaches the page. ipc-methods.ts imports nothing and shared/ipc.ts is
 * imported for types only: a sandboxed preload can require nothing but `electron`, so it must not
 * pull zod in (test/ui/ipc.test.ts checks both).
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { VangnetApi } from '../../shared/ipc'
import { apiMethods, type IpcChannel } from '../../shared/ipc-methods'

const on =
  (channel: IpcChannel) =>
  (request: unknown): Promise<unknown> =>
    ipcRenderer.invoke(channel, request ?? {})

// The result types are the channels' own (VangnetApi); the main process validates every request.
const api = Object.fromEntries(Object.entries(apiMethods).map(([method, channel]) => [method, on(channel)])) as unknown as VangnetApi

contextBridge.exposeInMainWorld('vangnet', Object.freeze(api))
