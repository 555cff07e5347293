/**
 * One re-evaluation of the whole client book in a fresh process, as `vangnet portfolio` runs it:
 * open the encrypted vault given on the command line (not timed: the passphrase's key derivation
 * is deliberately slow and happens once per session), then time the book's bulk read from the
 * vault and the triage of every client under the default bill version (for a large book worker
 * threads on every core, started before the read so they load the rules meanwhile, and the rows
 * coming back), up to the finished report. `loadSeconds` is the part until the book is read. The
 * portfolio bench runs it built (bin/build-cli.mjs into out/bench/, the worker as the built
 * portfolio-worker.js beside it: what a user runs) and from source through tsx. An optional third
 * argument sets the number of threads (1: the triage in this thread). Prints
 * {"evaluateSeconds": …, "loadSeconds": …, "cpuSeconds": …, "clients": …, "groups": "no-cover 4301, …"}.
 */
import { evaluatePortfolio } from '../../src-main/portfolio'
import { openVault, vaultBook } from '../../src-main/store'
import { defaultScenarioId } from '../../shared/schema/case'

const [path, passphrase, threads] = process.argv.slice(2) as [string, string, string | undefined]
const vault = await openVault(path, { passphrase }, { autoLockAfterMs: 0 })
const start = performance.now()
// CPU time as well (this thread and the workers): on a shared machine wall time also measures the queue.
const cpuStart = process.cpuUsage()
const book = vaultBook(vault).portfolio
let loaded = start
const { report } = await evaluatePortfolio(
  {
    count: () => book.count(),
    load: async () => {
      const clients = await book.load()
      loaded = performance.now()
      return clients
    },
  },
  { scenario: defaultScenarioId, ...(threads ? { threads: Number(threads) } : {}) },
)
const end = performance.now()
const cpu = process.cpuUsage(cpuStart)
vault.lock()
const seconds = (ms: number) => Math.round(ms) / 1000
process.stdout.write(
  JSON.stringify({
    evaluateSeconds: seconds(end - start),
    loadSeconds: seconds(loaded - start),
    cpuSeconds: seconds((cpu.user + cpu.system) / 1000),
    clients: report.clients,
    groups: report.groups.map((group) => `${group.id} ${group.count}`).join(', '),
  }) + '\n',
)
