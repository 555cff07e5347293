/**
 * 004: what the responsible adviser and the office administrator decide, enforced by the server.
 *   - Sharing a client with the office (or no longer) is the responsible adviser's decision only:
 *     advisers lose the UPDATE privilege on `shared_with_office`; share_client() checks who asks.
 *   - The office administrator disables (and re-enables) an adviser's login, or removes an adviser
 *     with their clients handed to a successor, every client's move audited. A disabled adviser
 *     cannot log in (NOLOGIN), and a session still open sees nothing: current_adviser() no longer
 *     knows them, so row-level security shows no client and nothing can be written.
 *   - The client's screen learns who is responsible, and an adviser may throw away their own draft
 *     copy (the text kept when a save lost against a colleague's).
 * The functions run as the schema's owner (SECURITY DEFINER), which has CREATEROLE; they touch only
 * login roles listed in `advisers`.
 */
import type { OfficeMigration } from './types'

export const officeAdmin: OfficeMigration = {
  version: 4,
  name: 'office-admin',
  up: `
    ALTER TABLE advisers ADD COLUMN disabled boolean NOT NULL DEFAULT false;

    CREATE OR REPLACE FUNCTION current_adviser() RETURNS bigint
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = vangnet, pg_catalog
      AS $$ SELECT id FROM advisers WHERE role_name = session_user AND NOT disabled $$;

    CREATE OR REPLACE FUNCTION is_office_admin() RETURNS boolean
      LANGUAGE sql STABLE SET search_path = vangnet, pg_catalog
      AS $$ SELECT pg_has_role(session_user, 'vangnet_office_admin', 'member') AND current_adviser() IS NOT NULL $$;

    -- The schema's owner (the administrator's own login for vangnet office …) or an enabled office administrator.
    CREATE FUNCTION may_manage_advisers() RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = vangnet, pg_catalog
      AS $$ SELECT session_user = (SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'vangnet') OR is_office_admin() $$;

    CREATE FUNCTION office_now() RETURNS text
      LANGUAGE sql STABLE AS $$ SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;

    REVOKE UPDATE (shared_with_office) ON clients FROM vangnet_adviser;

    CREATE FUNCTION share_client(p_client bigint, p_shared boolean) RETURNS void
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
        RAISE EXCEPTION 'Alleen de verantwoordelijke adviseur kan bepalen of deze klant met het kantoor wordt gedeeld.' USING ERRCODE = 'insufficient_privilege';
      END IF;
      UPDATE clients SET shared_with_office = p_shared, updated_at = office_now() WHERE id = p_client;
      INSERT INTO audit_log (at, actor, action, subject_type, subject_id, detail)
        VALUES (office_now(), session_user, 'client.updated', 'client', p_client,
                CASE WHEN p_shared THEN 'gedeeld met kantoor' ELSE 'niet meer gedeeld' END);
    END $$;

    -- For the client's screen: shared or not, whether the caller is responsible, and the name of
    -- the responsible adviser (colleagues cannot read each other's adviser rows otherwise).
    CREATE FUNCTION client_office_info(p_client bigint)
      RETURNS TABLE (shared_with_office boolean, responsible boolean, responsible_name text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = vangnet, pg_catalog AS $$
      SELECT c.shared_with_office, c.responsible_adviser = current_adviser(), a.name
      FROM clients c JOIN advisers a ON a.id = c.responsible_adviser
      WHERE c.id = p_client AND current_adviser() IS NOT NULL
        AND (c.responsible_adviser = current_adviser() OR c.shared_with_office)
    $$;

    CREATE FUNCTION office_advisers()
      RETURNS TABLE (role_name text, name text, office_admin boolean, disabled boolean, clients bigint)
      LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = vangnet, pg_catalog AS $$
    BEGIN
      IF NOT may_manage_advisers() THEN
        RAISE EXCEPTION 'Alleen een kantoorbeheerder kan adviseurs beheren.' USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN QUERY
        SELECT a.role_name, a.name, pg_has_role(a.role_name, 'vangnet_office_admin', 'member'), a.disabled,
               (SELECT count(*) FROM clients c WHERE c.responsible_adviser = a.id)
        FROM advisers a ORDER BY a.name, a.role_name;
    END $$;

    CREATE FUNCTION set_adviser_disabled(p_role text, p_disabled boolean) RETURNS void
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = vangnet, pg_catalog AS $$
    DECLARE
      target bigint;
    BEGIN
      IF NOT may_manage_advisers() THEN
        RAISE EXCEPTION 'Alleen een kantoorbeheerder kan adviseurs beheren.' USING ERRCODE = 'insufficient_privilege';
      END IF;
      SELECT id INTO target FROM advisers WHERE role_name = p_role FOR UPDATE;
      IF target IS NULL THEN
        RAISE EXCEPTION 'Er is geen adviseur met deze gebruikersnaam.' USING ERRCODE = 'no_data_found';
      END IF;
      IF p_role = session_user THEN
        RAISE EXCEPTION 'U kunt uw eigen toegang niet uitzetten; vraag een andere beheerder.' USING ERRCODE = 'raise_exception';
      END IF;
      UPDATE advisers SET disabled = p_disabled, updated_at = office_now() WHERE id = target;
      EXECUTE format('ALTER ROLE %I %s', p_role, CASE WHEN p_disabled THEN 'NOLOGIN' ELSE 'LOGIN' END);
      INSERT INTO audit_log (at, actor, action, subject_type, subject_id)
        VALUES (office_now(), session_user, CASE WHEN p_disabled THEN 'adviser.disabled' ELSE 'adviser.enabled' END, 'adviser', target);
    END $$;

    -- Remove an adviser: their clients go to the successor (each move audited), their own draft
    -- copies and certificate go, the Vangnet group roles are taken away and the login is closed.
    -- The login role itself stays (the audit log names it); DROP ROLE by hand if wanted.
    CREATE FUNCTION remove_adviser(p_role text, p_successor text) RETURNS bigint
      LANGUAGE plpgsql SECURITY DEFINER SET search_path = vangnet, pg_catalog AS $$
    DECLARE
      target bigint;
      heir bigint;
      moved bigint;
    BEGIN
      IF NOT may_manage_advisers() THEN
        RAISE EXCEPTION 'Alleen een kantoorbeheerder kan adviseurs beheren.' USING ERRCODE = 'insufficient_privilege';
      END IF;
      SELECT id INTO target FROM advisers WHERE role_name = p_role FOR UPDATE;
      IF target IS NULL THEN
        RAISE EXCEPTION 'Er is geen adviseur met deze gebruikersnaam.' USING ERRCODE = 'no_data_found';
      END IF;
      IF p_role = session_user THEN
        RAISE EXCEPTION 'U kunt uzelf niet verwijderen; vraag een andere beheerder.' USING ERRCODE = 'raise_exception';
      END IF;
      SELECT id INTO heir FROM advisers WHERE role_name = p_successor AND NOT disabled;
      IF heir IS NULL OR heir = target THEN
        RAISE EXCEPTION 'Kies als opvolger een andere adviseur van het kantoor die niet is uitgezet.' USING ERRCODE = 'raise_exception';
      END IF;
      INSERT INTO audit_log (at, actor, action, subject_type, subject_id, detail)
        SELECT office_now(), session_user, 'client.transferred', 'client', c.id, format('van adviseur %s naar %s', target, heir)
        FROM clients c WHERE c.responsible_adviser = target;
      UPDATE clients SET responsible_adviser = heir WHERE responsible_adviser = target;
      GET DIAGNOSTICS moved = ROW_COUNT;
      DELETE FROM draft_copies WHERE saved_by = p_role;
      DELETE FROM advisers WHERE id = target;
      EXECUTE format('REVOKE vangnet_adviser, vangnet_office_admin FROM %I', p_role);
      EXECUTE format('ALTER ROLE %I NOLOGIN', p_role);
      INSERT INTO audit_log (at, actor, action, subject_type, subject_id, detail)
        VALUES (office_now(), session_user, 'adviser.removed', 'adviser', target, format('%s klanten naar adviseur %s', moved, heir));
      RETURN moved;
    END $$;

    REVOKE ALL ON FUNCTION may_manage_advisers(), share_client(bigint, boolean), client_office_info(bigint), office_advisers(),
      set_adviser_disabled(text, boolean), remove_adviser(text, text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION share_client(bigint, boolean), client_office_info(bigint) TO vangnet_adviser;
    GRANT EXECUTE ON FUNCTION may_manage_advisers(), office_advisers(), set_adviser_disabled(text, boolean), remove_adviser(text, text)
      TO vangnet_adviser, vangnet_office_admin;
    GRANT DELETE ON draft_copies TO vangnet_adviser;
  `,
}
