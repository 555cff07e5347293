/** Every subcommand of the headless `vangnet` command, in the order `--help` lists them. */
import { adviseCommand } from './advise'
import type { Subcommand } from './command'
import { vaultCommand } from './vault'

export const subcommands: Subcommand[] = [adviseCommand, vaultCommand]
