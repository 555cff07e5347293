/**
 * Office benchmark, over loopback TLS to a throwaway PostgreSQL cluster (test/office/cluster.ts).
 * Targets (issue 15): search in 10,000 office clients ≤ 50 ms median; the portfolio of 10,000
 * office clients ≤ 5 s including fetching. "portfolio" is: fetch every client and their income
 * years through the client book, build each client's case and run advise() on it; `triage10k` is
 * the Klantenkring's own triage (the book's bulk read, the groups, worker threads) and `import10k`
 * a 10,000-row CRM file imported in one transaction, both in office mode.
 */
import { availableParallelism } from 'node:os'
import pg from 'pg'
import { addAdviser, migrate } from '../../src-main/office/admin'
import { openOfficeBook } from '../../src-main/office/book'
import { poolConfig } from '../../src-main/office/connection'
import { importClients } from '../../src-main/import'
import { evaluatePortfolio } from '../../src-main/portfolio'
import { advise } from '../../shared/rules/advise'
import { bookCsv } from '../portfolio/book'
import { clientCaseSchema, defaultScenarioId, type ClientCaseInput } from '../../shared/schema/case'
import { startCluster, superuserClient } from '../office/cluster'
import { parallelBatch } from './rules'
import { median, type BenchSection } from './section'

const firstNames = ['Jan', 'Anna', 'Mohammed', 'Sanne', 'Pieter', 'Fatima', 'Daan', 'Élodie', 'Kees', 'Noor', 'Liam', 'Emma']
const lastNames = ['de Vries', 'Jansen', 'Bakker', 'Visser', 'Smit', 'Meijer', 'el Amrani', 'Müller', 'van Dijk', 'Yılmaz', 'de Boer', 'Mulder']
const queries = ['jan', 'de vries', 'muller', 'amrani', 'smit 12', 'noor', 'van dijk', 'yilmaz', 'emma boer', 'kees 99']
const count = 10_000

export const officeBench: BenchSection = {
  name: 'office',
  async run() {
    const cluster = await startCluster()
    try {
      const admin = superuserClient(cluster)
      await admin.connect()
      await admin.query("CREATE ROLE bench_owner LOGIN CREATEROLE PASSWORD 'bench-owner-wachtwoord'")
      await admin.query('CREATE DATABASE bench OWNER bench_owner')
      await admin.end()
      const connection = { host: cluster.host, port: cluster.port, database: 'bench', caFile: cluster.caFile }
      const owner = { ...connection, user: 'bench_owner', password: 'bench-owner-wachtwoord' }
      await migrate(owner)
      await addAdviser(owner, { roleName: 'bench_adviser', name: 'Bench Adviseur', password: 'bench-adviseur-wachtwoord' })
      const adviser = { ...connection, user: 'bench_adviser', password: 'bench-adviseur-wachtwoord' }
      const book = await openOfficeBook(adviser, { listen: false })
      try {
        const insertStarted = performance.now()
        const made = await book.clients.createMany(
          Array.from({ length: count }, (_, index) => ({
            name: `${firstNames[index % firstNames.length]} ${lastNames[(index * 7) % lastNames.length]} ${index}`,
            birthDate: `19${75 + (index % 15)}-0${1 + (index % 9)}-1${index % 10}`,
          })),
        )
        const insertMs = performance.now() - insertStarted
        // Income years in one statement (set-up, not measured).
        const sql = new pg.Client(poolConfig(adviser))
        await sql.connect()
        await sql.query('INSERT INTO income_years (client_id, year, profit_cents) SELECT id, 2029, (30000 + (id % 70) * 1000) * 100 FROM clients')
        await sql.end()
        if (made.length !== count) throw new Error('not every client was stored')

        const searches: number[] = []
        for (let round = 0; round < 6; round++) {
          for (const query of queries) {
            const before = performance.now()
            await book.clients.search(query)
            if (round > 0) searches.push(performance.now() - before)
          }
        }

        // Fetching through the client book and building each case, then advise() per client: on
        // one thread, and spread over one worker per core as a batch job runs it (like the rules bench).
        const portfolioStarted = performance.now()
        const clients = await book.clients.list()
        const income = await book.incomeYears.listForClients(clients.map((client) => client.id))
        const fetchMs = performance.now() - portfolioStarted
        const cases = clients.map((client) => {
          const clientCase: ClientCaseInput = {
            schemaVersion: 1,
            scenario: 'raad-van-state-2025',
            calculationYear: 2030,
            client: { name: client.name, birthDate: client.birthDate, role: 'ib-ondernemer' },
            income: income.get(client.id) ?? [],
            disability: { age: 60, degree: 0.8 },
          }
          return clientCaseSchema.parse(clientCase)
        })
        const preparedSeconds = (performance.now() - portfolioStarted) / 1000
        const singleStarted = performance.now()
        for (const clientCase of cases) advise(clientCase)
        const singleSeconds = (performance.now() - singleStarted) / 1000
        const workers = Math.max(1, availableParallelism())
        const parallelSeconds = await parallelBatch(cases, workers)
        const evaluated = cases.length
        const round = (value: number) => Math.round(value * 100) / 100

        // The Klantenkring itself in office mode: the triage read through the book interface and
        // the triage on worker threads, then a 10,000-row CRM file imported in one transaction.
        const triageStarted = performance.now()
        const { report } = await evaluatePortfolio(book.portfolio, { scenario: defaultScenarioId })
        const triageSeconds = (performance.now() - triageStarted) / 1000
        if (report.clients !== count) throw new Error('the triage did not see every client')
        const importStarted = performance.now()
        const imported = await importClients(book.clientImport, { fileName: 'crm.csv', bytes: Buffer.from(bookCsv(count), 'utf8'), duplicates: 'skip', dryRun: false })
        const importSeconds = (performance.now() - importStarted) / 1000
        if (imported.created !== count) throw new Error('not every row was imported')
        return {
          clients: evaluated,
          insert10kMs: Math.round(insertMs),
          search10kMedianMs: median(searches),
          portfolioFetchMs: Math.round(fetchMs),
          portfolio10kSeconds: round(preparedSeconds + parallelSeconds),
          portfolio10kWorkers: workers,
          portfolio10kSingleThreadSeconds: round(preparedSeconds + singleSeconds),
          triage10kSeconds: round(triageSeconds),
          import10kSeconds: round(importSeconds),
          serverVersion: 'PostgreSQL 15, loopback TLS',
        }
      } finally {
        await book.close()
      }
    } finally {
      await cluster.stop()
    }
  },
}
