/**
 * Child process for crash.test.ts: opens the vault and writes clients in a loop, printing each
 * id only after its commit returned ("acknowledged"). The test kills it with SIGKILL.
 * Usage: node --import tsx crash-writer.ts VAULT_PATH PREFIX   (passphrase in VANGNET_PASSPHRASE)
 */
import { openVault } from '../../src-main/store'

const [path, prefix] = process.argv.slice(2)
// If the test goes away, stop instead of writing into a closed pipe forever.
process.stdout.on('error', () => process.exit(1))
const vault = await openVault(path!, { passphrase: process.env['VANGNET_PASSPHRASE']! }, { autoLockAfterMs: 0 })
process.stdout.write('ready\n')
for (let n = 0; ; n++) {
  const client = vault.clients.create({ name: `${prefix} ${n}`, birthDate: '1980-01-01' })
  if (n % 5 === 0) vault.incomeYears.replace(client.id, [{ year: 2029, profit: n }])
  // Pipes are written synchronously on Linux and macOS: the parent has the id once this returns.
  process.stdout.write(`${client.id}\n`)
}
