/** 001: the vault's own metadata, the adviser's profile, clients and the audit log. */
import type { Migration } from './types'

export const core: Migration = {
  version: 1,
  name: 'core',
  up: `
    CREATE TABLE vault_meta (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    -- One adviser per vault. The PKCS#12 signing certificate may be kept here: the page
    -- encryption covers it like everything else.
    CREATE TABLE adviser (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      name TEXT NOT NULL,
      firm TEXT NOT NULL DEFAULT '',
      afm_number TEXT,
      kifid_number TEXT,
      signing_certificate_ref TEXT,
      signing_certificate_p12 BLOB,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- Minimal personal data (AVG: dataminimalisatie): no BSN, no health data outside a case.
    -- AUTOINCREMENT so an erased client's id is never given to someone else.
    CREATE TABLE clients (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      name TEXT NOT NULL CHECK (length(trim(name)) > 0),
      birth_date TEXT NOT NULL CHECK (birth_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
      email TEXT,
      phone TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    -- Who did what when. Text holds codes and counts only, never a client's personal data,
    -- so entries can stay after the client is erased.
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      action TEXT NOT NULL,
      subject_type TEXT,
      subject_id INTEGER,
      detail TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'het auditlog kan alleen worden aangevuld'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'het auditlog kan alleen worden aangevuld'); END;
  `,
}
