/** Errors a service reports to the screen: a code the renderer can act on and a plain Dutch message. */
import type { IpcErrorCode } from '../../shared/ipc'
import type { FieldProblem } from '../../shared/schema/messages'

export class ServiceError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
    readonly problems?: FieldProblem[],
  ) {
    super(message)
    this.name = 'ServiceError'
  }
}
