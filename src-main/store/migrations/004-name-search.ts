/**
 * 004: accent- and case-insensitive client search. Adds the folded name (fold.ts, registered on
 * every connection as vangnet_fold) and fills it for the clients already in the vault.
 */
import type { Migration } from './types'

export const nameSearch: Migration = {
  version: 4,
  name: 'name-search',
  up: `
    ALTER TABLE clients ADD COLUMN name_search TEXT NOT NULL DEFAULT '';
    UPDATE clients SET name_search = vangnet_fold(name);
    CREATE INDEX clients_by_name_search ON clients(name_search);
  `,
}
