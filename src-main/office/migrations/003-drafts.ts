/**
 * 003: the intake as typed, one draft per client with a row version for optimistic concurrency,
 * the copies kept when a save lost against a colleague's, and notifications so every adviser's
 * client list follows changes made by others (LISTEN vangnet_changes; the payload is a client
 * number only, never a name).
 */
import type { OfficeMigration } from './types'

export const drafts: OfficeMigration = {
  version: 3,
  name: 'drafts',
  up: `
    CREATE TABLE client_drafts (
      client_id bigint PRIMARY KEY REFERENCES clients(id) ON DELETE CASCADE,
      draft_json text NOT NULL CHECK (jsonb_typeof(draft_json::jsonb) = 'object' AND length(draft_json) <= 400000),
      complete boolean NOT NULL DEFAULT false,
      updated_at iso_instant NOT NULL,
      updated_by text NOT NULL DEFAULT session_user,
      row_version bigint NOT NULL DEFAULT 1 CHECK (row_version >= 1)
    );

    -- The text of a save that lost against a colleague's: nothing typed is lost. One per client
    -- and adviser (the latest).
    CREATE TABLE draft_copies (
      client_id bigint NOT NULL REFERENCES clients(id) ON DELETE CASCADE,
      saved_by text NOT NULL DEFAULT session_user,
      draft_json text NOT NULL CHECK (jsonb_typeof(draft_json::jsonb) = 'object' AND length(draft_json) <= 400000),
      saved_at iso_instant NOT NULL,
      PRIMARY KEY (client_id, saved_by)
    );

    -- The version goes up by one on every update, whoever writes it.
    CREATE FUNCTION client_drafts_next_version() RETURNS trigger
      LANGUAGE plpgsql AS $$ BEGIN NEW.row_version := OLD.row_version + 1; NEW.updated_by := session_user; RETURN NEW; END $$;
    CREATE TRIGGER client_drafts_version BEFORE UPDATE ON client_drafts
      FOR EACH ROW EXECUTE FUNCTION client_drafts_next_version();

    CREATE FUNCTION notify_client_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
    DECLARE
      changed jsonb := CASE WHEN TG_OP = 'DELETE' THEN to_jsonb(OLD) ELSE to_jsonb(NEW) END;
    BEGIN
      PERFORM pg_notify('vangnet_changes', coalesce(changed ->> 'client_id', changed ->> 'id'));
      RETURN NULL;
    END $$;
    CREATE TRIGGER clients_notify AFTER INSERT OR UPDATE OR DELETE ON clients
      FOR EACH ROW EXECUTE FUNCTION notify_client_change();
    CREATE TRIGGER client_drafts_notify AFTER INSERT OR UPDATE OR DELETE ON client_drafts
      FOR EACH ROW EXECUTE FUNCTION notify_client_change();

    ALTER TABLE client_drafts ENABLE ROW LEVEL SECURITY;
    CREATE POLICY drafts_of_visible_clients ON client_drafts
      USING (EXISTS (SELECT 1 FROM clients c WHERE c.id = client_id))
      WITH CHECK (EXISTS (SELECT 1 FROM clients c WHERE c.id = client_id));
    ALTER TABLE draft_copies ENABLE ROW LEVEL SECURITY;
    CREATE POLICY copies_own ON draft_copies
      USING (saved_by = session_user AND EXISTS (SELECT 1 FROM clients c WHERE c.id = client_id))
      WITH CHECK (saved_by = session_user AND EXISTS (SELECT 1 FROM clients c WHERE c.id = client_id));

    REVOKE ALL ON client_drafts, draft_copies FROM PUBLIC;
    GRANT SELECT ON client_drafts, draft_copies TO vangnet_adviser;
    GRANT INSERT (client_id, draft_json, complete, updated_at) ON client_drafts TO vangnet_adviser;
    GRANT UPDATE (draft_json, complete, updated_at) ON client_drafts TO vangnet_adviser;
    GRANT INSERT (client_id, draft_json, saved_at), UPDATE (draft_json, saved_at) ON draft_copies TO vangnet_adviser;
  `,
}
