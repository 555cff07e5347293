/**
 * The renderer's only door to the main process: `window.vangnet` (preload in the app, a served shim
 * in the browser host). `call` unwraps the IpcResponse envelope and throws an ApiError with the
 * plain Dutch message and code when the main process refuses.
 */
import type { ApiMethod, IpcError, IpcErrorCode, IpcRequest, IpcResults, apiMethods } from '../../../shared/ipc'
import type { FieldProblem } from '../../../shared/schema/messages'
import { announceLocked } from './api-events'

export class ApiError extends Error {
  readonly code: IpcErrorCode
  readonly problems: FieldProblem[]
  constructor(error: IpcError) {
    super(error.message)
    this.name = 'ApiError'
    this.code = error.code
    this.problems = error.problems ?? []
  }
}

type ChannelOf<M extends ApiMethod> = (typeof apiMethods)[M]

export async function call<M extends ApiMethod>(method: M, request: IpcRequest<ChannelOf<M>>): Promise<IpcResults[ChannelOf<M>]> {
  const api = window.vangnet
  if (!api) throw new ApiError({ code: 'unavailable', message: 'Vangnet is niet goed gestart (geen verbinding met het hoofdproces).' })
  const invoke = api[method] as unknown as (request: unknown) => Promise<{ ok: true; value: IpcResults[ChannelOf<M>] } | { ok: false; error: IpcError }>
  const response = await invoke(request)
  if (!response.ok) {
    if (response.error.code === 'locked' && method !== 'lockVault') announceLocked()
    throw new ApiError(response.error)
  }
  return response.value
}

/** The message to show for any error: our own plain Dutch text, or a neutral fallback. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) return error.message
  return 'Er ging iets mis. Probeer het opnieuw.'
}
