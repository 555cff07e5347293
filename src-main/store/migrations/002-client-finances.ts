/** 002: a client's income years and private AOV policies (existing ones and quotes). */
import type { Migration } from './types'

export const clientFinances: Migration = {
  version: 2,
  name: 'client-finances',
  up: `
    -- Money in whole cents: no floats in storage.
    CREATE TABLE income_years (
      client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      profit_cents INTEGER NOT NULL,
      wia_wage_cents INTEGER NOT NULL DEFAULT 0 CHECK (wia_wage_cents >= 0),
      PRIMARY KEY (client_id, year)
    ) STRICT;

    -- The policy terms as validated JSON (shared/schema/case.ts privatePolicySchema).
    CREATE TABLE policies (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('existing', 'quote')),
      policy_json TEXT NOT NULL CHECK (json_valid(policy_json)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX policies_by_client ON policies(client_id);
  `,
}
