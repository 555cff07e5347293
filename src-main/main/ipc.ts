/**
 * IPC wiring: one `ipcMain.handle` per channel of shared/ipc.ts, each checking that the sender is
 * the app's own top-level frame, then handing the payload to `dispatch` (zod validation with the
 * channel's schema, then the plain service). No generic channel; nothing else is registered.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron'
import { ipcChannels, type IpcChannel, type IpcResponse } from '../../shared/ipc'
import { dispatch, type ServiceHandlers } from '../services/dispatch'
import { isTrustedSenderFrame, type AppOrigin } from './security'

/** Only our own top-level frame may call IPC (checklist item 17: validate the sender). */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, origin: AppOrigin): boolean {
  return isTrustedSenderFrame(event.senderFrame, origin)
}

export function registerIpc(handlers: ServiceHandlers, origin: AppOrigin, onInternalError: (channel: string, error: unknown) => void): void {
  for (const channel of Object.keys(ipcChannels) as IpcChannel[]) {
    ipcMain.handle(channel, async (event, payload: unknown): Promise<IpcResponse<unknown>> => {
      if (!isTrustedSender(event, origin)) {
        return { ok: false, error: { code: 'forbidden', message: 'IPC-aanroep van een onbekende afzender geweigerd.' } }
      }
      return dispatch(handlers, channel, payload, { onInternalError })
    })
  }
}
