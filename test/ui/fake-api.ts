/** A scripted `window.vangnet` for store and component tests: records calls, answers from a table. */
import { vi } from 'vitest'
import { apiMethods, type ApiMethod, type IpcResponse } from '../../shared/ipc'

export type Answer = (request: unknown) => unknown

export function installFakeApi(answers: Partial<Record<ApiMethod, Answer>>) {
  const calls: { method: ApiMethod; request: unknown }[] = []
  const api = Object.fromEntries(
    (Object.keys(apiMethods) as ApiMethod[]).map((method) => [
      method,
      vi.fn(async (request: unknown): Promise<IpcResponse<unknown>> => {
        calls.push({ method, request: JSON.parse(JSON.stringify(request ?? {})) })
        const answer = answers[method]
        if (!answer) return { ok: false, error: { code: 'internal', message: `not scripted: ${method}` } }
        try {
          return { ok: true, value: await answer(request) }
        } catch (error) {
          return { ok: false, error: error as never }
        }
      }),
    ]),
  )
  Object.defineProperty(window, 'vangnet', { value: api, configurable: true, writable: true })
  return { calls, api }
}
