/**
 * 003: advice versions, immutable. What was advised when must be provable later, so the database
 * itself refuses updates (except attaching the report PDF once) and deletes. The only way a
 * version disappears is the erasure of its client (AVG art. 17), which marks the client in
 * advice_erasures inside the same transaction.
 */
import type { Migration } from './types'

export const adviceVersions: Migration = {
  version: 3,
  name: 'advice-versions',
  up: `
    CREATE TABLE advice_versions (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      client_id INTEGER NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      version_no INTEGER NOT NULL CHECK (version_no >= 1),
      created_at TEXT NOT NULL,
      bill_version TEXT NOT NULL,
      parameters_hash TEXT NOT NULL,
      case_json TEXT NOT NULL CHECK (json_valid(case_json)),
      result_json TEXT NOT NULL CHECK (json_valid(result_json)),
      recommendation TEXT NOT NULL,
      content_hash TEXT NOT NULL,
      report_pdf BLOB,
      report_sha256 TEXT,
      CHECK ((report_pdf IS NULL) = (report_sha256 IS NULL)),
      UNIQUE (client_id, version_no)
    ) STRICT;

    CREATE TABLE advice_erasures (
      client_id INTEGER PRIMARY KEY
    ) STRICT;

    CREATE TRIGGER advice_versions_immutable BEFORE UPDATE ON advice_versions
      WHEN OLD.report_pdf IS NOT NULL
        OR NEW.id IS NOT OLD.id
        OR NEW.client_id IS NOT OLD.client_id
        OR NEW.version_no IS NOT OLD.version_no
        OR NEW.created_at IS NOT OLD.created_at
        OR NEW.bill_version IS NOT OLD.bill_version
        OR NEW.parameters_hash IS NOT OLD.parameters_hash
        OR NEW.case_json IS NOT OLD.case_json
        OR NEW.result_json IS NOT OLD.result_json
        OR NEW.recommendation IS NOT OLD.recommendation
        OR NEW.content_hash IS NOT OLD.content_hash
      BEGIN SELECT RAISE(ABORT, 'een adviesversie is onveranderlijk'); END;

    CREATE TRIGGER advice_versions_no_delete BEFORE DELETE ON advice_versions
      WHEN NOT EXISTS (SELECT 1 FROM advice_erasures WHERE client_id = OLD.client_id)
      BEGIN SELECT RAISE(ABORT, 'een adviesversie is onveranderlijk'); END;
  `,
}
