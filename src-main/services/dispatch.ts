/**
 * One entry point for every channel of shared/ipc.ts, used by the Electron IPC handlers and by the
 * browser host alike: look the channel up (own keys only), validate the payload with the channel's
 * zod schema (plain Dutch messages), run the service and wrap the outcome in an IpcResponse.
 * Errors become `{ ok: false, error }` with a code and a message free of personal data; an
 * unexpected error is reported as "internal" without its text (it might contain data).
 */
import { asChannel, ipcChannels, type IpcChannel, type IpcError, type IpcParsedRequest, type IpcResponse, type IpcResults } from '../../shared/ipc'
import { boundText, dutchErrorMap, problemsOf } from '../../shared/schema/messages'
import { ServiceError } from './errors'

export type ServiceHandlers = {
  [C in IpcChannel]: (request: IpcParsedRequest<C>) => Promise<IpcResults[C]> | IpcResults[C]
}

export interface DispatchOptions {
  /** Called with the channel and error of an unexpected failure (never with the payload). */
  onInternalError?: (channel: string, error: unknown) => void
}

export async function dispatch(
  handlers: ServiceHandlers,
  channelName: string,
  payload: unknown,
  options: DispatchOptions = {},
): Promise<IpcResponse<unknown>> {
  const channel = asChannel(channelName)
  if (!channel) return { ok: false, error: { code: 'forbidden', message: 'Onbekend kanaal.' } }
  // Depth first, iteratively: a deeply nested payload would overflow the validator's recursion.
  if (nestingExceeds(payload, maxPayloadDepth)) {
    return { ok: false, error: { code: 'invalid-input', message: `De invoer is te diep genest (meer dan ${maxPayloadDepth} niveaus).` } }
  }
  let parsed: ReturnType<(typeof ipcChannels)[typeof channel]['request']['safeParse']>
  try {
    parsed = ipcChannels[channel].request.safeParse(payload ?? {}, { error: dutchErrorMap })
  } catch (error) {
    return { ok: false, error: toIpcError(error, channel, options) }
  }
  if (!parsed.success) {
    const problems = problemsOf(parsed.error)
    return { ok: false, error: { code: 'invalid-input', message: boundText(problems.map((p) => `${p.path}: ${p.message}`).join('; '), 1000), problems } }
  }
  try {
    const run = handlers[channel] as (request: unknown) => Promise<unknown> | unknown
    const value = await run(parsed.data)
    return { ok: true, value }
  } catch (error) {
    return { ok: false, error: toIpcError(error, channel, options) }
  }
}

/** No request of shared/ipc.ts nests deeper than a few levels; 32 leaves room and stops abuse. */
export const maxPayloadDepth = 32

/** True when arrays or objects nest deeper than `limit` (checked without recursion). */
export function nestingExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]]
  let visited = 0
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!
    if (current === null || typeof current !== 'object') continue
    if (depth >= limit) return true
    // Wide payloads are the schema's business; this loop only needs to see every container once.
    if (++visited > 1_000_000) return true
    for (const child of Array.isArray(current) ? current : Object.values(current)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
  }
  return false
}

export function toIpcError(error: unknown, channel: string, options: DispatchOptions = {}): IpcError {
  if (error instanceof ServiceError) {
    return { code: error.code, message: error.message, ...(error.problems ? { problems: error.problems } : {}) }
  }
  options.onInternalError?.(channel, error)
  return { code: 'internal', message: 'Er ging iets mis. Probeer het opnieuw; de gegevens in de kluis zijn niet veranderd.' }
}
