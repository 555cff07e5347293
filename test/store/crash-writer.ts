/**
 * Child process for crash.test.ts: one vault operation, run under strace, which kills it with
 * SIGKILL at a chosen system call (a write, a sync, a rename). It prints a line only after the step
 * it names has returned ("acknowledged"); the test then checks that everything acknowledged is
 * there, with its contents.
 *
 * Usage: node crash-writer.js MODE VAULT_PATH [ARG]   (passphrase in VANGNET_PASSPHRASE, the new
 * one for MODE passphrase in VANGNET_NEW_PASSPHRASE)
 *   write      adds clients with an income year each, printing {"id","name","profit"} per client
 *   open       opens (WAL recovery, checks) and locks (checkpoint)
 *   erase ID   erases a client (delete, VACUUM, checkpoint)
 *   backup OUT makes a backup
 *   passphrase changes the passphrase (re-encrypting the vault)
 * The first line is always "ready <durability settings of the open connection as JSON>".
 */
import { openVault } from '../../src-main/store'

const [mode, path, argument] = process.argv.slice(2)
// If the test goes away, stop instead of writing into a closed pipe forever.
process.stdout.on('error', () => process.exit(1))
const say = (line: string) => process.stdout.write(`${line}\n`)

// The tests' cheap scrypt cost for the new wraps of a passphrase change (the lowest Vangnet accepts).
const vault = await openVault(path!, { passphrase: process.env['VANGNET_PASSPHRASE']! }, { autoLockAfterMs: 0, kdf: { algorithm: 'scrypt', N: 2 ** 10, r: 8, p: 1 } })
say(`ready ${JSON.stringify(vault.durability())}`)
switch (mode) {
  case 'write':
    for (let n = 0; n < 30; n++) {
      const name = `${argument ?? 'klant'} ${n}`
      const client = vault.clients.create({ name, birthDate: '1980-01-01', email: `klant${n}@voorbeeld.nl` })
      vault.incomeYears.replace(client.id, [{ year: 2029, profit: 1000 + n }])
      // Pipes are written synchronously on Linux and macOS: the parent has the line once this returns.
      say(JSON.stringify({ id: client.id, name, profit: 1000 + n }))
    }
    break
  case 'open':
    break
  case 'erase':
    vault.privacy.eraseClient(Number(argument))
    say('erased')
    break
  case 'backup':
    await vault.backup(argument!)
    say('backup')
    break
  case 'passphrase':
    await vault.changePassphrase(process.env['VANGNET_PASSPHRASE']!, process.env['VANGNET_NEW_PASSPHRASE']!)
    say('changed')
    break
  default:
    throw new Error(`unknown mode ${mode}`)
}
vault.lock()
say('closed')
