/**
 * A throwaway PostgreSQL 15 cluster for the office tests and the office bench: Debian's
 * `postgresql` package, a free loopback port, TLS with a CA made for the run, password (SCRAM)
 * and client-certificate logins, and no plain connections at all (pg_hba has hostssl lines only).
 * The server refuses to run as root, so as root it runs as the `postgres` user.
 */
import { execFileSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

export interface ClusterInfo {
  host: string
  port: number
  dir: string
  caFile: string
  /** A CA that did not issue the server's certificate. */
  otherCaFile: string
  /** Client certificate and key for the role `cert_adviser` (CN = role name). */
  clientCertFile: string
  clientKeyFile: string
  superuser: string
  superuserPassword: string
}

export const certAdviser = 'cert_adviser'

function binDir(): string {
  for (const version of ['17', '16', '15']) {
    const dir = `/usr/lib/postgresql/${version}/bin`
    if (existsSync(join(dir, 'initdb'))) return dir
  }
  throw new Error('PostgreSQL (initdb) is not installed: apt-get install postgresql (bash .ci/run does this).')
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

const asRoot = process.getuid?.() === 0

function run(command: string, args: string[]): void {
  if (asRoot) {
    const line = [command, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ')
    execFileSync('su', ['postgres', '-s', '/bin/sh', '-c', line], { stdio: 'pipe' })
  } else {
    execFileSync(command, args, { stdio: 'pipe' })
  }
}

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: 'pipe' })
}

function makeCertificates(dir: string): void {
  const key = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  openssl(['req', '-x509', ...key, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '2', '-subj', '/CN=Vangnet test CA'], dir)
  openssl(['req', '-x509', ...key, '-keyout', 'other-ca.key', '-out', 'other-ca.crt', '-days', '2', '-subj', '/CN=Another CA'], dir)
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=DNS:localhost\n')
  openssl(['req', ...key, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=localhost'], dir)
  openssl(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '2', '-extfile', 'server.ext'], dir)
  openssl(['req', ...key, '-keyout', 'client.key', '-out', 'client.csr', '-subj', `/CN=${certAdviser}`], dir)
  openssl(['x509', '-req', '-in', 'client.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.crt', '-days', '2'], dir)
}

export interface Cluster extends ClusterInfo {
  stop(): Promise<void>
}

export async function startCluster(): Promise<Cluster> {
  const bin = binDir()
  const dir = mkdtempSync(join(tmpdir(), 'vangnet-pg-'))
  chmodSync(dir, 0o755)
  const superuser = 'vangnet_test_admin'
  const superuserPassword = `test-${Math.random().toString(36).slice(2)}-${Date.now()}`
  makeCertificates(dir)
  writeFileSync(join(dir, 'pw'), superuserPassword + '\n')
  const data = join(dir, 'data')
  if (asRoot) {
    for (const name of readdirSync(dir)) chownSync(join(dir, name), pgUid(), pgGid())
    chownSync(dir, pgUid(), pgGid())
  }
  chmodSync(join(dir, 'server.key'), 0o600)
  run(join(bin, 'initdb'), ['-D', data, '-A', 'scram-sha-256', `--pwfile=${join(dir, 'pw')}`, '-U', superuser, '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8'])
  // TLS only: a plain connection matches no line and is refused by the server itself.
  writeFileSync(
    join(data, 'pg_hba.conf'),
    [`hostssl all ${certAdviser} 127.0.0.1/32 cert`, 'hostssl all all 127.0.0.1/32 scram-sha-256', 'hostssl all all ::1/128 scram-sha-256', ''].join('\n'),
  )
  const port = await freePort()
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c ssl=on',
    `-c ssl_cert_file=${join(dir, 'server.crt')}`,
    `-c ssl_key_file=${join(dir, 'server.key')}`,
    `-c ssl_ca_file=${join(dir, 'ca.crt')}`,
    '-c fsync=off',
    '-c max_connections=200',
  ].join(' ')
  run(join(bin, 'pg_ctl'), ['-D', data, '-w', '-l', join(dir, 'server.log'), '-o', options, 'start'])
  const info: ClusterInfo = {
    host: 'localhost',
    port,
    dir,
    caFile: join(dir, 'ca.crt'),
    otherCaFile: join(dir, 'other-ca.crt'),
    clientCertFile: join(dir, 'client.crt'),
    clientKeyFile: join(dir, 'client.key'),
    superuser,
    superuserPassword,
  }
  return {
    ...info,
    async stop() {
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

function pgUid(): number {
  return Number(execFileSync('id', ['-u', 'postgres']).toString().trim())
}

function pgGid(): number {
  return Number(execFileSync('id', ['-g', 'postgres']).toString().trim())
}

/** A superuser connection (verify-full TLS) for setting up test databases and roles. */
export function superuserClient(info: ClusterInfo, database = 'postgres'): pg.Client {
  return new pg.Client({
    host: info.host,
    port: info.port,
    database,
    user: info.superuser,
    password: info.superuserPassword,
    ssl: { ca: readFileSync(info.caFile), rejectUnauthorized: true },
  })
}
