/**
 * Preload: runs sandboxed, with context isolation. It exposes exactly one object,
 * `window.vangnet`, whose methods each invoke one declared channel of shared/ipc.ts.
 * No ipcRenderer, no Node API and no generic invoke reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { VangnetApi } from '../../shared/ipc'

const api = {
  appInfo: () => ipcRenderer.invoke('app:info', {}),
} satisfies VangnetApi

contextBridge.exposeInMainWorld('vangnet', api)
