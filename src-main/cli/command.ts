/**
 * The shape of a headless subcommand. Each subcommand lives in its own module and is registered,
 * with its name and one-line summary, in ./commands.ts. Commands write to the streams they are given (never to console directly), so
 * tests can run them in-process, and return an exit code:
 *   0 success · 1 unexpected internal error · 2 invalid input · 3 vault locked, wrong passphrase
 *   or damaged file · 4 signature not valid.
 */
export interface CliIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  env: Record<string, string | undefined>
  cwd: string
}

export interface Subcommand {
  usage: string
  run(args: string[], io: CliIo): Promise<number>
}

export const exitCodes = {
  ok: 0,
  internal: 1,
  invalidInput: 2,
  vault: 3,
  signatureInvalid: 4,
} as const

/** A problem the user can fix: printed as a plain message, never with a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = exitCodes.invalidInput,
  ) {
    super(message)
  }
}
