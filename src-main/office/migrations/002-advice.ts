/**
 * 002: income years, policies and immutable advice versions, and the AVG erase. What was advised
 * when must be provable later, so the server itself refuses changes to a version (except
 * attaching the report PDF once) and its deletion; advisers have no DELETE privilege on it at
 * all. The only way a version disappears is erase_client, which marks the client in
 * advice_erasures inside the same transaction and writes the audit entry.
 */
import type { OfficeMigration } from './types'

export const advice: OfficeMigration = {
  version: 2,
  name: 'advice',
  up: `
    -- Money in whole cents: no floats in storage.
    CREATE TABLE income_years (
      client_id bigint NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      profit_cents bigint NOT NULL,
      wia_wage_cents bigint NOT NULL DEFAULT 0 CHECK (wia_wage_cents >= 0),
      PRIMARY KEY (client_id, year)
    );

    CREATE TABLE policies (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      client_id bigint NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN ('existing', 'quote')),
      policy_json text NOT NULL CHECK (jsonb_typeof(policy_json::jsonb) = 'object'),
      created_at iso_instant NOT NULL,
      updated_at iso_instant NOT NULL
    );
    CREATE INDEX policies_by_client ON policies (client_id);

    CREATE TABLE advice_versions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      client_id bigint NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      version_no integer NOT NULL CHECK (version_no >= 1),
      created_at iso_instant NOT NULL,
      created_by text NOT NULL DEFAULT session_user,
      bill_version text NOT NULL,
      parameters_hash text NOT NULL,
      case_json text NOT NULL CHECK (jsonb_typeof(case_json::jsonb) = 'object'),
      result_json text NOT NULL CHECK (jsonb_typeof(result_json::jsonb) = 'object'),
      recommendation text NOT NULL CHECK (length(recommendation) <= 100000),
      content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
      report_pdf bytea,
      report_sha256 text CHECK (report_sha256 ~ '^[0-9a-f]{64}$'),
      CHECK ((report_pdf IS NULL) = (report_sha256 IS NULL)),
      UNIQUE (client_id, version_no)
    );

    CREATE TABLE advice_erasures (
      client_id bigint PRIMARY KEY
    );

    CREATE FUNCTION advice_versions_immutable() RETURNS trigger
      LANGUAGE plpgsql SET search_path = vangnet, pg_catalog AS $$
    BEGIN
      IF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM advice_erasures WHERE client_id = OLD.client_id) THEN
          RAISE EXCEPTION 'een adviesversie is onveranderlijk';
        END IF;
        RETURN OLD;
      END IF;
      IF OLD.report_pdf IS NOT NULL
        OR (NEW.id, NEW.client_id, NEW.version_no, NEW.created_at, NEW.created_by, NEW.bill_version, NEW.parameters_hash,
            NEW.case_json, NEW.result_json, NEW.recommendation, NEW.content_hash)
           IS DISTINCT FROM
           (OLD.id, OLD.client_id, OLD.version_no, OLD.created_at, OLD.created_by, OLD.bill_version, OLD.parameters_hash,
            OLD.case_json, OLD.result_json, OLD.recommendation, OLD.content_hash)
      THEN
        RAISE EXCEPTION 'een adviesversie is onveranderlijk';
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER advice_versions_immutable BEFORE UPDATE OR DELETE ON advice_versions
      FOR EACH ROW EXECUTE FUNCTION advice_versions_immutable();
    CREATE TRIGGER advice_versions_no_truncate BEFORE TRUNCATE ON advice_versions
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

    -- AVG art. 17: the responsible adviser erases a client with everything attached; only an
    -- audit entry with the client's number remains.
    CREATE FUNCTION erase_client(p_client bigint) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = vangnet, pg_catalog AS $$
    DECLARE
      me bigint := current_adviser();
      owner_id bigint;
    BEGIN
      SELECT responsible_adviser INTO owner_id FROM clients
        WHERE id = p_client AND (responsible_adviser = me OR shared_with_office);
      IF me IS NULL OR owner_id IS NULL THEN
        RAISE EXCEPTION 'Deze klant staat niet (meer) in de kluis.' USING ERRCODE = 'no_data_found';
      END IF;
      IF owner_id <> me THEN
        RAISE EXCEPTION 'Alleen de verantwoordelijke adviseur kan deze klant wissen.' USING ERRCODE = 'insufficient_privilege';
      END IF;
      INSERT INTO advice_erasures (client_id) VALUES (p_client);
      DELETE FROM clients WHERE id = p_client;
      DELETE FROM advice_erasures WHERE client_id = p_client;
      INSERT INTO audit_log (at, actor, action, subject_type, subject_id)
        VALUES (to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), session_user, 'client.erased', 'client', p_client);
    END $$;

    ALTER TABLE income_years ENABLE ROW LEVEL SECURITY;
    CREATE POLICY income_years_of_visible_clients ON income_years
      USING (EXISTS (SELECT 1 FROM clients c WHERE c.id = client_id))
      WITH CHECK (EXISTS (SELECT 1 FROM clients c WHERE c.id = client_id));
    ALTER TABLE policies ENABLE ROW LEVEL SECURITY;
    CREATE POLICY policies_of_visible_clients ON policies
      USING (EXISTS (SELECT 1 FROM clients c WHERE c.id = client_id))
      WITH CHECK (EXISTS (SELECT 1 FROM clients c WHERE c.id = client_id));
    ALTER TABLE advice_versions ENABLE ROW LEVEL SECURITY;
    CREATE POLICY advice_of_visible_clients ON advice_versions
      USING (EXISTS (SELECT 1 FROM clients c WHERE c.id = client_id))
      WITH CHECK (EXISTS (SELECT 1 FROM clients c WHERE c.id = client_id));

    REVOKE ALL ON income_years, policies, advice_versions, advice_erasures FROM PUBLIC;
    REVOKE ALL ON FUNCTION erase_client(bigint), advice_versions_immutable() FROM PUBLIC;
    GRANT SELECT, INSERT, DELETE ON income_years, policies TO vangnet_adviser;
    GRANT SELECT ON advice_versions TO vangnet_adviser;
    GRANT INSERT (client_id, version_no, created_at, bill_version, parameters_hash, case_json, result_json,
                  recommendation, content_hash, report_pdf, report_sha256) ON advice_versions TO vangnet_adviser;
    GRANT UPDATE (report_pdf, report_sha256) ON advice_versions TO vangnet_adviser;
    GRANT EXECUTE ON FUNCTION erase_client(bigint) TO vangnet_adviser;
  `,
}
