/** Every subcommand of the headless `vangnet` command, in the order `--help` lists them. */
import { adviseCommand } from './advise'
import type { Subcommand } from './command'
import { demoCommand } from './demo'
import { officeCommand } from './office'
import { vaultCommand } from './vault'
import { verifyCommand } from './verify'

export const subcommands: Subcommand[] = [adviseCommand, vaultCommand, officeCommand, verifyCommand, demoCommand]
