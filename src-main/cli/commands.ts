/** Every subcommand of the headless `vangnet` command, in the order `--help` lists them. */
import type { Subcommand } from './command'

export const subcommands: Subcommand[] = []
