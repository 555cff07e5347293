import { afterAll, beforeAll } from 'vitest'
import { addAdviser, migrate } from '../../src-main/office/admin'
import { openOfficeBook, type OfficeBook } from '../../src-main/office/book'
import { describeClientBook } from '../store/book-behaviour'
import { adviserPassword, emptyDatabase, settingsFor, uniqueRole } from './helpers'

// One database for the file; each test gets a new adviser, who sees only their own clients, so
// the tests do not see each other's data (row-level security does the separating).
let database = ''
let owner: Parameters<typeof addAdviser>[0]
beforeAll(async () => {
  const made = await emptyDatabase('behaviour')
  database = made.name
  owner = made.owner
  await migrate(owner)
})
const open: OfficeBook[] = []
afterAll(async () => {
  for (const book of open) await book.close()
})

describeClientBook('office server (PostgreSQL)', async () => {
  const role = uniqueRole('adv')
  await addAdviser(owner, { roleName: role, name: 'Test Adviseur', password: adviserPassword })
  const book = await openOfficeBook(settingsFor(database, role, adviserPassword), { listen: false })
  open.push(book)
  return { book, close: () => book.close() }
})
