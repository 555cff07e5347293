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

/**
 * A subcommand made of named actions (`vangnet vault init`, `vangnet office status`): the options
 * are parsed strictly, exactly one action runs, and what it throws is made plain by `toUserError`.
 */
export function actionSubcommand<Options>(spec: {
  name: string
  usage: string
  parse: (args: string[]) => { values: Options; positionals: string[] }
  actions: Record<string, (options: Options, io: CliIo) => Promise<void>>
  toUserError: (thrown: unknown) => unknown
}): Subcommand {
  const help = `Zie: vangnet ${spec.name} --help`
  return {
    usage: spec.usage,
    async run(args, io) {
      let parsed: { values: Options; positionals: string[] }
      try {
        parsed = spec.parse(args)
      } catch (error) {
        throw new UserError(`Ongeldige opties: ${(error as Error).message}. ${help}`)
      }
      const [actionName, ...extra] = parsed.positionals
      if (actionName === undefined) {
        io.stdout(spec.usage)
        return exitCodes.ok
      }
      const action = spec.actions[actionName]
      if (!action) throw new UserError(`Onbekende actie "${actionName}". ${help}`)
      if (extra.length > 0) throw new UserError(`Onverwacht argument "${extra[0]}". ${help}`)
      try {
        await action(parsed.values, io)
      } catch (error) {
        throw spec.toUserError(error)
      }
      return exitCodes.ok
    },
  }
}
