/**
 * 001: the office's metadata, its advisers, their clients and the audit log, with row-level
 * security: an adviser sees the clients they are responsible for and those shared with the
 * office; an office administrator manages the advisers. The group roles vangnet_adviser and
 * vangnet_office_admin exist before this runs (`vangnet office init` makes them).
 */
import type { OfficeMigration } from './types'

export const core: OfficeMigration = {
  version: 1,
  name: 'core',
  up: `
    -- Moments as ISO 8601 text in UTC, like the vault: the advice hash covers the exact text.
    CREATE DOMAIN iso_instant AS text
      CHECK (VALUE ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{1,6})?Z$');

    CREATE TABLE office_meta (
      key text PRIMARY KEY,
      value text NOT NULL
    );
    INSERT INTO office_meta (key, value) VALUES ('office_id', gen_random_uuid()::text);

    -- One row per adviser; role_name is their PostgreSQL login role, so the server itself knows
    -- who is asking (session_user) and no application code can claim to be someone else.
    CREATE TABLE advisers (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      role_name text NOT NULL UNIQUE CHECK (length(role_name) BETWEEN 1 AND 63),
      name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
      firm text NOT NULL DEFAULT '' CHECK (length(firm) <= 200),
      afm_number text CHECK (length(afm_number) <= 40),
      kifid_number text CHECK (length(kifid_number) <= 40),
      signing_certificate_ref text CHECK (length(signing_certificate_ref) <= 500),
      updated_at iso_instant NOT NULL
    );

    -- The signing certificate (PKCS#12, protected by its own password) apart from the profile,
    -- readable by its adviser only, not by the office administrator.
    CREATE TABLE adviser_certificates (
      adviser_id bigint PRIMARY KEY REFERENCES advisers(id) ON DELETE CASCADE,
      p12 bytea NOT NULL CHECK (length(p12) BETWEEN 1 AND 1000000)
    );

    CREATE FUNCTION current_adviser() RETURNS bigint
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = vangnet, pg_catalog
      AS $$ SELECT id FROM advisers WHERE role_name = session_user $$;

    CREATE FUNCTION is_office_admin() RETURNS boolean
      LANGUAGE sql STABLE SET search_path = vangnet, pg_catalog
      AS $$ SELECT pg_has_role(session_user, 'vangnet_office_admin', 'member') $$;

    -- Minimal personal data (AVG: dataminimalisatie): no BSN, no health data outside a case.
    CREATE TABLE clients (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      responsible_adviser bigint NOT NULL DEFAULT current_adviser() REFERENCES advisers(id),
      shared_with_office boolean NOT NULL DEFAULT false,
      name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
      name_search text NOT NULL CHECK (length(name_search) <= 200),
      birth_date date NOT NULL CHECK (birth_date BETWEEN '1900-01-01' AND '2100-12-31'),
      email text CHECK (length(email) <= 254),
      phone text CHECK (length(phone) <= 40),
      created_at iso_instant NOT NULL,
      updated_at iso_instant NOT NULL
    );
    CREATE INDEX clients_by_name_search ON clients (name_search, id);
    CREATE INDEX clients_by_adviser ON clients (responsible_adviser);

    -- Who did what when: codes and ids only. The actor is the login role, set by the server.
    CREATE TABLE audit_log (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at iso_instant NOT NULL,
      actor text NOT NULL DEFAULT session_user,
      action text NOT NULL CHECK (action ~ '^[a-z]+\\.[a-z-]+$'),
      subject_type text CHECK (subject_type IN ('client', 'advice', 'policy', 'vault', 'adviser', 'office')),
      subject_id bigint,
      detail text NOT NULL DEFAULT '' CHECK (length(detail) <= 200)
    );
    CREATE INDEX audit_log_by_subject ON audit_log (subject_type, subject_id);

    CREATE FUNCTION audit_log_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'het auditlog kan alleen worden aangevuld'; END $$;
    CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
    CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

    -- (SELECT f()) is worked out once per query, not once per row: the policies stay cheap on
    -- 10,000 clients.
    ALTER TABLE advisers ENABLE ROW LEVEL SECURITY;
    CREATE POLICY advisers_self ON advisers USING (role_name = session_user) WITH CHECK (role_name = session_user);
    CREATE POLICY advisers_admin ON advisers USING ((SELECT is_office_admin())) WITH CHECK ((SELECT is_office_admin()));
    ALTER TABLE adviser_certificates ENABLE ROW LEVEL SECURITY;
    CREATE POLICY certificates_self ON adviser_certificates
      USING (adviser_id = (SELECT current_adviser())) WITH CHECK (adviser_id = (SELECT current_adviser()));

    ALTER TABLE clients ENABLE ROW LEVEL SECURITY;
    CREATE POLICY clients_read ON clients FOR SELECT
      USING (responsible_adviser = (SELECT current_adviser()) OR shared_with_office);
    CREATE POLICY clients_insert ON clients FOR INSERT
      WITH CHECK (responsible_adviser = (SELECT current_adviser()));
    CREATE POLICY clients_update ON clients FOR UPDATE
      USING (responsible_adviser = (SELECT current_adviser()) OR shared_with_office)
      WITH CHECK (responsible_adviser = (SELECT current_adviser()) OR shared_with_office);

    ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
    CREATE POLICY audit_append ON audit_log FOR INSERT WITH CHECK (actor = session_user);
    CREATE POLICY audit_read ON audit_log FOR SELECT
      USING (actor = session_user OR (subject_type = 'client' AND EXISTS (SELECT 1 FROM clients c WHERE c.id = subject_id)));

    -- Privileges: nothing for PUBLIC; advisers may append to the audit log but never change it,
    -- and may not delete clients except through erase_client (migration 002).
    REVOKE ALL ON ALL TABLES IN SCHEMA vangnet FROM PUBLIC;
    REVOKE ALL ON FUNCTION current_adviser(), is_office_admin() FROM PUBLIC;
    GRANT USAGE ON SCHEMA vangnet TO vangnet_adviser, vangnet_office_admin;
    GRANT EXECUTE ON FUNCTION current_adviser(), is_office_admin() TO vangnet_adviser, vangnet_office_admin;
    GRANT SELECT ON office_meta, schema_migrations TO vangnet_adviser, vangnet_office_admin;
    GRANT SELECT ON advisers TO vangnet_adviser;
    GRANT UPDATE (name, firm, afm_number, kifid_number, signing_certificate_ref, updated_at) ON advisers TO vangnet_adviser;
    GRANT SELECT, INSERT, UPDATE ON advisers TO vangnet_office_admin;
    GRANT SELECT, INSERT, UPDATE ON adviser_certificates TO vangnet_adviser;
    GRANT SELECT ON clients TO vangnet_adviser;
    GRANT INSERT (name, name_search, birth_date, email, phone, shared_with_office, created_at, updated_at) ON clients TO vangnet_adviser;
    GRANT UPDATE (name, name_search, birth_date, email, phone, shared_with_office, updated_at) ON clients TO vangnet_adviser;
    GRANT SELECT ON audit_log TO vangnet_adviser, vangnet_office_admin;
    GRANT INSERT (at, action, subject_type, subject_id, detail) ON audit_log TO vangnet_adviser, vangnet_office_admin;
  `,
}
