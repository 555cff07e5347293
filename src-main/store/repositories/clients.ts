/** Clients: minimal personal data (name, birth date, contact), searchable by folded name. */
import { z } from 'zod'
import { VaultError } from '../errors'
import { foldName } from '../fold'
import type { AuditLog } from './audit'
import { validate, type StoreContext } from './context'

export const clientInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    birthDate: z.iso.date(),
    email: z.string().trim().max(254).nullable().default(null),
    phone: z.string().trim().max(40).nullable().default(null),
  })
  .strict()
export type ClientInput = z.input<typeof clientInputSchema>

export interface Client {
  id: number
  name: string
  birthDate: string
  email: string | null
  phone: string | null
  createdAt: string
  updatedAt: string
}

export interface ClientRow {
  id: number
  name: string
  birth_date: string
  email: string | null
  phone: string | null
  created_at: string
  updated_at: string
}

export function clientFromRow(row: ClientRow): Client {
  return {
    id: row.id,
    name: row.name,
    birthDate: row.birth_date,
    email: row.email,
    phone: row.phone,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }
}

export const clientColumns = 'id, name, birth_date, email, phone, created_at, updated_at'

export class ClientsRepository {
  constructor(
    private readonly context: StoreContext,
    private readonly audit: AuditLog,
  ) {}

  create(input: ClientInput): Client {
    const db = this.context.db()
    return db.transaction(() => {
      const client = this.insert(validate(clientInputSchema, input))
      this.audit.record('client.created', { type: 'client', id: client.id })
      return client
    }).immediate()
  }

  /** Many clients in one transaction (an import): one fsync instead of one per client. */
  createMany(inputs: ClientInput[]): Client[] {
    const valid = inputs.map((input, index) => {
      try {
        return validate(clientInputSchema, input)
      } catch (error) {
        throw new VaultError('invalid-input', `klant ${index + 1}: ${(error as Error).message}`)
      }
    })
    const db = this.context.db()
    return db.transaction(() => {
      const statement = this.insertStatement()
      const clients = valid.map((input) => this.insert(input, statement))
      this.audit.record('client.imported', { type: 'vault' }, `${clients.length} klanten`)
      return clients
    }).immediate()
  }

  private insertStatement() {
    return this.context
      .db()
      .prepare<unknown[], ClientRow>(
        `INSERT INTO clients (name, name_search, birth_date, email, phone, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING ${clientColumns}`,
      )
  }

  private insert(input: z.output<typeof clientInputSchema>, statement = this.insertStatement()): Client {
    const now = this.context.now()
    const row = statement.get(input.name, foldName(input.name), input.birthDate, input.email, input.phone, now, now)
    return clientFromRow(row!)
  }

  update(id: number, input: ClientInput): Client {
    const valid = validate(clientInputSchema, input)
    const db = this.context.db()
    return db.transaction(() => {
      const row = db
        .prepare<unknown[], ClientRow>(
          `UPDATE clients SET name = ?, name_search = ?, birth_date = ?, email = ?, phone = ?, updated_at = ?
           WHERE id = ? RETURNING ${clientColumns}`,
        )
        .get(valid.name, foldName(valid.name), valid.birthDate, valid.email, valid.phone, this.context.now(), id)
      if (!row) throw clientNotFound()
      this.audit.record('client.updated', { type: 'client', id })
      return clientFromRow(row)
    }).immediate()
  }

  get(id: number): Client | null {
    const row = this.context.db().prepare<[number], ClientRow>(`SELECT ${clientColumns} FROM clients WHERE id = ?`).get(id)
    return row ? clientFromRow(row) : null
  }

  /** Sorted by name (then id), paged. */
  list(options: { limit?: number; offset?: number } = {}): Client[] {
    return this.context
      .db()
      .prepare<[number, number], ClientRow>(`SELECT ${clientColumns} FROM clients ORDER BY name_search, id LIMIT ? OFFSET ?`)
      .all(options.limit ?? -1, options.offset ?? 0)
      .map(clientFromRow)
  }

  count(): number {
    return this.context.db().prepare('SELECT count(*) FROM clients').pluck().get() as number
  }

  /**
   * Clients whose name contains every word of the query, ignoring case, accents and punctuation:
   * "jan de" finds "Jan de Vries" and "de Jong, Jan". Names that start with the query come first.
   */
  search(query: string, options: { limit?: number } = {}): Client[] {
    const words = foldName(query).split(' ').filter(Boolean).slice(0, 8)
    if (words.length === 0) return this.list({ limit: options.limit ?? 50 })
    const conditions = words.map(() => 'instr(name_search, ?) > 0').join(' AND ')
    return this.context
      .db()
      .prepare<unknown[], ClientRow>(
        `SELECT ${clientColumns} FROM clients WHERE ${conditions}
         ORDER BY (substr(name_search, 1, length(?)) = ?) DESC, name_search, id LIMIT ?`,
      )
      .all(...words, words.join(' '), words.join(' '), options.limit ?? 50)
      .map(clientFromRow)
  }
}

export function clientNotFound(): VaultError {
  return new VaultError('unknown-record', 'Deze klant staat niet (meer) in de kluis.')
}
