/**
 * The connection to the firm's PostgreSQL server. TLS is always on and always verified: the
 * server's certificate must chain to the firm's CA file and name the host (libpq's verify-full);
 * there is no setting to turn this off. At connect the app checks what the server says about
 * itself: TLS in use for this very session (pg_stat_ssl) and PostgreSQL 15 or newer.
 * Authentication: password (SCRAM) or a client certificate issued by the firm's CA.
 */
import { readFileSync } from 'node:fs'
import pg from 'pg'
import { VaultError } from '../store'

export interface OfficeConnectionSettings {
  host: string
  port: number
  database: string
  /** The adviser's (or administrator's) PostgreSQL login role. */
  user: string
  /** The firm's CA certificate (PEM file): the server's certificate must be issued under it. */
  caFile?: string
  /** The same as text (office mode in the app keeps it inside the vault); wins over caFile. */
  caPem?: string
  /** Password authentication (SCRAM). Kept only wrapped on disk (see ./settings.ts). */
  password?: string
  /** Client-certificate authentication: PEM certificate and key issued under the firm's CA (files or text). */
  clientCertificate?: { certFile: string; keyFile: string } | { certPem: string; keyPem: string }
}

/** PostgreSQL 15: the version the schema, the privileges and the tests are made for. */
export const minimumServerVersion = 150_000

export const officeMessages = {
  unreachable: 'De kantoorserver is niet bereikbaar. Wat u typt, wordt versleuteld op deze laptop bewaard en verstuurd zodra de server er weer is.',
  login: 'De kantoorserver weigert de aanmelding: controleer de gebruikersnaam en het wachtwoord (of het certificaat).',
  disabled: 'De kantoorserver laat deze gebruiker niet (meer) inloggen: de beheerder van het kantoor heeft de toegang uitgezet. De klanten blijven op de server bewaard.',
  tls: 'De kantoorserver kon niet veilig worden geverifieerd: het servercertificaat hoort niet bij het CA-bestand van het kantoor of niet bij deze servernaam. Er is niets verstuurd.',
  noTls: 'De verbinding met de kantoorserver is niet versleuteld; Vangnet weigert haar. Zet TLS aan op de server (zie de README).',
  oldServer: 'De kantoorserver draait een PostgreSQL-versie ouder dan 15; Vangnet werkt pas vanaf versie 15.',
  caFile: 'Het CA-bestand van het kantoor kan niet worden gelezen.',
  forbidden: 'U heeft geen toegang tot deze gegevens.',
  invalid: 'Deze gegevens voldoen niet aan de regels van de kantoordatabase; er is niets opgeslagen.',
  busy: 'De kantoordatabase is even bezet. Probeer het opnieuw.',
  notMigrated: 'De kantoordatabase is nog niet ingericht of niet bijgewerkt. Vraag de beheerder om `vangnet office migrate`.',
  newer: 'De kantoordatabase is bijgewerkt door een nieuwere versie van Vangnet. Werk Vangnet eerst bij.',
  noAdviser: 'U bent nog niet als adviseur toegevoegd aan het kantoor. Vraag de beheerder om `vangnet office add-adviser`.',
  changedMigration: 'Een migratie van de kantoordatabase is veranderd nadat zij is uitgevoerd; Vangnet weigert verder te gaan. Zet de oorspronkelijke versie terug.',
} as const

/** int8 ids and cents as numbers (refused beyond 2^53), dates as text: no time zone shifts. */
function typeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (oid === 20) {
    return (value: string) => {
      const number = Number(value)
      if (!Number.isSafeInteger(number)) throw new VaultError('damaged', 'Een getal in de kantoordatabase is te groot.')
      return number
    }
  }
  if (oid === 1082) return (value: string) => value
  return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown
}

function readPem(path: string | undefined): Buffer {
  try {
    if (path === undefined) throw new Error('no file')
    return readFileSync(path)
  } catch {
    throw new VaultError('not-found', officeMessages.caFile)
  }
}

/** The node-postgres settings: verify-full TLS with the firm's CA, never a plain connection. */
export function poolConfig(settings: OfficeConnectionSettings, options: { max?: number } = {}): pg.PoolConfig {
  const ca = settings.caPem ?? readPem(settings.caFile)
  const ssl: import('node:tls').ConnectionOptions = { ca, rejectUnauthorized: true, servername: settings.host }
  const certificate = settings.clientCertificate
  if (certificate) {
    ssl.cert = 'certPem' in certificate ? certificate.certPem : readPem(certificate.certFile)
    ssl.key = 'keyPem' in certificate ? certificate.keyPem : readPem(certificate.keyFile)
  }
  return {
    host: settings.host,
    port: settings.port,
    database: settings.database,
    user: settings.user,
    ...(settings.password !== undefined ? { password: settings.password } : {}),
    ssl,
    application_name: 'Vangnet',
    options: '-c search_path=vangnet',
    connectionTimeoutMillis: 5_000,
    // A statement that hangs (a lock held by a colleague's stalled session) ends with a message.
    statement_timeout: 15_000,
    max: options.max ?? 4,
    types: { getTypeParser: typeParser as never },
  }
}

const connectionCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN'])
const tlsCodes = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_HAS_EXPIRED',
  'CERT_UNTRUSTED',
])

/** True when the error means the server could not be reached (not a refusal by the server). */
export function isUnreachable(error: unknown): boolean {
  if (error instanceof VaultError) return error.code === 'unreachable'
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : ''
  return (
    (typeof code === 'string' && (connectionCodes.has(code) || code.startsWith('08') || code === '57P01' || code === '57P03')) ||
    /timeout expired|Connection terminated/i.test(message)
  )
}

/**
 * The server's errors as one plain Dutch VaultError. Messages the schema raises itself (its
 * triggers and functions speak Dutch) pass through; anything else unknown is rethrown as is and
 * reported as an internal error without its text.
 */
export function asOfficeError(error: unknown): unknown {
  if (error instanceof VaultError) return error
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : ''
  if (isUnreachable(error)) return new VaultError('unreachable', officeMessages.unreachable)
  if (typeof code === 'string' && tlsCodes.has(code)) return new VaultError('damaged', officeMessages.tls)
  if (/does not support SSL|no pg_hba\.conf entry.*no encryption/i.test(message)) return new VaultError('damaged', officeMessages.noTls)
  if (code === '28000' && /not permitted to log in/i.test(message)) return new VaultError('wrong-passphrase', officeMessages.disabled)
  if (code === '28P01' || code === '28000') return new VaultError('wrong-passphrase', officeMessages.login)
  if (code === '42501') {
    // Our own functions raise insufficient_privilege with a Dutch sentence; the server's own says "permission denied".
    return new VaultError('forbidden', /permission denied|row-level security/i.test(message) ? officeMessages.forbidden : message)
  }
  if (code === 'P0002') return new VaultError('unknown-record', message)
  if (code === 'P0001') return new VaultError('invalid-input', message.charAt(0).toUpperCase() + message.slice(1) + (message.endsWith('.') ? '' : '.'))
  if (typeof code === 'string' && code.startsWith('23')) return new VaultError('invalid-input', officeMessages.invalid)
  if (code === '40001' || code === '40P01' || code === '55P03' || code === '57014') return new VaultError('busy', officeMessages.busy)
  if (code === '42P01' || code === '3F000') return new VaultError('newer-version', officeMessages.notMigrated)
  return error
}

/** Check what the server says about this session: TLS really in use, and the server version. */
export async function checkServer(client: pg.ClientBase): Promise<{ serverVersion: number; tls: boolean }> {
  const { rows } = await client.query<{ version: number; ssl: boolean | null }>(
    `SELECT current_setting('server_version_num')::int AS version,
            (SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()) AS ssl`,
  )
  const row = rows[0]!
  if (row.ssl !== true) throw new VaultError('damaged', officeMessages.noTls)
  if (row.version < minimumServerVersion) throw new VaultError('newer-version', officeMessages.oldServer)
  return { serverVersion: row.version, tls: true }
}

/** A pool whose first connection has passed checkServer. Every error is a plain VaultError. */
export async function connectPool(settings: OfficeConnectionSettings, options: { max?: number } = {}): Promise<pg.Pool> {
  const pool = new pg.Pool(poolConfig(settings, options))
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on('error', () => {})
  try {
    const client = await pool.connect()
    try {
      await checkServer(client)
    } finally {
      client.release()
    }
    return pool
  } catch (error) {
    await pool.end().catch(() => {})
    throw asOfficeError(error)
  }
}
