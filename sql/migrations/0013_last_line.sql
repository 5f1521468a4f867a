-- The database as the last line: what must never happen is refused here, whatever a handler
-- or a function above it does.
--
-- 1. Memberships change only through the definer functions, and those check the actor's role
--    (the rules of tracker/permissions.py): owners and parents invite, remove and ask for role
--    changes; only an owner offers ownership or removes an owner; anyone may leave.
-- 2. A user may change only their own settings columns: never their phone, business-scoped
--    id, deletion mark or last message time (those are the system's).
-- 3. Row-level security is forced on every table, so the login role that owns the tables is
--    held by the policies too (unless it is a superuser or has BYPASSRLS, as on Supabase):
--    it sees rows only after SET ROLE, like the app. A later migration that changes rows
--    does so after SET LOCAL ROLE tt_system.
-- 4. The definer functions run as tt_system, which has policies, instead of the login role,
--    which may be a superuser.

-- Locks the family (tt.lock_family) and refuses an actor whose role is not in p_roles.
CREATE FUNCTION tt.lock_family_as(p_child_id bigint, p_roles text[]) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE actor_role text := tt.lock_family(p_child_id);
BEGIN
    IF actor_role <> ALL (p_roles) THEN
        RAISE EXCEPTION 'a % may not do this', actor_role USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN actor_role;
END
$$;

-- Remove a member (owners and parents; an owner only by an owner), or leave (anyone,
-- p_user_id = the actor). Outcomes as before: removed, left, not_member, last_owner (a family
-- always keeps an active owner). Invites are cancelled with tt.cancel_invite (0012).
CREATE OR REPLACE FUNCTION tt.remove_member(p_child_id bigint, p_user_id bigint) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
    actor_role text := tt.lock_family(p_child_id);
    target tt.memberships%ROWTYPE;
BEGIN
    IF p_user_id <> actor AND actor_role NOT IN ('owner', 'parent') THEN
        RAISE EXCEPTION 'a % may not remove members', actor_role
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO target FROM tt.memberships m
    WHERE m.child_id = p_child_id AND m.user_id = p_user_id;
    IF NOT FOUND THEN
        RETURN 'not_member';
    END IF;
    IF p_user_id <> actor AND target.role = 'owner' AND actor_role <> 'owner' THEN
        RAISE EXCEPTION 'only an owner may remove an owner' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF target.role = 'owner' AND target.status = 'active' AND NOT EXISTS (
        SELECT 1 FROM tt.memberships m WHERE m.child_id = p_child_id AND m.role = 'owner'
          AND m.status = 'active' AND m.user_id <> p_user_id) THEN
        RETURN 'last_owner';
    END IF;
    DELETE FROM tt.memberships m WHERE m.child_id = p_child_id AND m.user_id = p_user_id;
    UPDATE tt.users SET current_child_id = NULL
    WHERE id = p_user_id AND current_child_id = p_child_id;
    INSERT INTO tt.audit_events (user_id, child_id, kind, details)
    VALUES (actor, p_child_id,
            CASE WHEN p_user_id = actor THEN 'member_left' ELSE 'member_removed' END,
            jsonb_build_object('member', p_user_id, 'role', target.role));
    RETURN CASE WHEN p_user_id = actor THEN 'left' ELSE 'removed' END;
END
$$;

-- Ask another active member to take p_role; nothing changes until they accept
-- (tt.answer_role_request). Owners and parents ask; only an owner offers ownership or asks an
-- owner to change. True when the request was stored.
CREATE FUNCTION tt.propose_role(p_child_id bigint, p_user_id bigint, p_role text)
    RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
    actor_role text := tt.lock_family_as(p_child_id, ARRAY['owner', 'parent']);
    target_role text;
BEGIN
    SELECT m.role INTO target_role FROM tt.memberships m
    WHERE m.child_id = p_child_id AND m.user_id = p_user_id AND m.status = 'active';
    IF 'owner' IN (p_role, target_role) AND actor_role <> 'owner' THEN
        RAISE EXCEPTION 'only an owner may hand over or change an owner'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE tt.memberships m
    SET proposed_role = p_role, proposed_by = actor, proposed_at = now()
    WHERE m.child_id = p_child_id AND m.user_id = p_user_id AND m.user_id <> actor
      AND m.status = 'active' AND m.role <> p_role;
    RETURN FOUND;
END
$$;

-- An invite (a row of tt.invites, 0012) is created or sent again only by an active owner or
-- parent of the child, naming themselves as the inviter: this holds whatever function writes
-- the row. Forgetting who invited (erasure) is allowed; system work (no acting user) is not
-- checked.
CREATE FUNCTION tt.check_invite() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE actor bigint := tt.acting_user_id();
BEGIN
    IF actor IS NULL OR (TG_OP = 'UPDATE' AND NEW.invited_by IS NULL AND NEW.role = OLD.role
                         AND NEW.phone = OLD.phone AND NEW.child_id = OLD.child_id) THEN
        RETURN NEW;
    END IF;
    IF NEW.invited_by IS DISTINCT FROM actor OR NOT EXISTS (
        SELECT 1 FROM tt.memberships m
        WHERE m.child_id = NEW.child_id AND m.user_id = actor AND m.status = 'active'
          AND m.role IN ('owner', 'parent')) THEN
        RAISE EXCEPTION 'only an owner or parent of this family may invite'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER invites_guard
    BEFORE INSERT OR UPDATE OF child_id, phone, role, invited_by ON tt.invites
    FOR EACH ROW EXECUTE FUNCTION tt.check_invite();

-- Invites live in tt.invites (0012): a membership is always an accepted one, so no function
-- can bring back invites as pending memberships.
ALTER TABLE tt.memberships ADD CONSTRAINT memberships_accepted CHECK (status = 'active');

-- Memberships: read under RLS, written only by the functions above and those of 0002/0003.
DROP POLICY memberships_app ON tt.memberships;
CREATE POLICY memberships_app_read ON tt.memberships FOR SELECT TO tt_app
    USING (child_id IN (SELECT tt.my_child_ids()) OR user_id = tt.acting_user_id());
REVOKE INSERT, UPDATE, DELETE ON tt.memberships FROM tt_app;

-- Users: the acting user changes their own settings only, and points at their own child.
REVOKE UPDATE ON tt.users FROM tt_app;
GRANT UPDATE (language, timezone, consent, consent_changed_at, welcomed_at, current_child_id,
              reminders_enabled, reminder_hour, reminder_days) ON tt.users TO tt_app;
DROP POLICY users_app_write ON tt.users;
CREATE POLICY users_app_write ON tt.users FOR UPDATE TO tt_app
    USING (id = tt.acting_user_id())
    WITH CHECK (id = tt.acting_user_id()
                AND (current_child_id IS NULL OR current_child_id IN (SELECT tt.my_child_ids())));

-- Children: created by tt.create_child and deleted by tt.delete_my_data only; members edit
-- the name, timezone and tracking start, never who created the child.
REVOKE INSERT, UPDATE, DELETE ON tt.children FROM tt_app;
GRANT UPDATE (name, timezone, tracking_since) ON tt.children TO tt_app;

REVOKE ALL ON FUNCTION tt.lock_family_as(bigint, text[]),
    tt.propose_role(bigint, bigint, text), tt.check_invite() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tt.propose_role(bigint, bigint, text) TO tt_app;

-- Every definer function (those above and any before) belongs to tt_system. The role needs
-- CREATE on the schema to receive them, and only for that moment.
GRANT CREATE ON SCHEMA tt TO tt_system;
DO $$
DECLARE f regprocedure;
BEGIN
    FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
             JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'tt' AND p.prosecdef LOOP
        EXECUTE format('ALTER FUNCTION %s OWNER TO tt_system', f);
    END LOOP;
END
$$;
REVOKE CREATE ON SCHEMA tt FROM tt_system;
-- What delete_my_data calls, now that it runs as tt_system.
GRANT EXECUTE ON FUNCTION tt.deletion_plan(), tt.leave_family(bigint, tt.family_outcome),
    tt.forget_authorship(bigint), tt.erase_own_rows(bigint) TO tt_system;
GRANT USAGE ON TYPE tt.family_outcome TO tt_system;
-- What tt.invite_member writes and erasure (tt.forget_invites) clears, now as tt_system.
GRANT INSERT, UPDATE ON tt.invites TO tt_system;

-- System policies hold for tt_system itself, not for every role that inherits it: the login
-- role is a member (to SET ROLE into it) and must not see all rows through it.
DO $$
DECLARE p record;
BEGIN
    FOR p IN SELECT tablename, policyname FROM pg_policies
             WHERE schemaname = 'tt' AND roles = '{tt_system}' AND cmd = 'ALL'
               AND qual = 'true' AND with_check = 'true' LOOP
        EXECUTE format('ALTER POLICY %I ON tt.%I USING (current_user = %L) '
                       'WITH CHECK (current_user = %L)',
                       p.policyname, p.tablename, 'tt_system', 'tt_system');
    END LOOP;
END
$$;

-- The migration ledger is the login role's alone.
REVOKE ALL ON tt.schema_migrations FROM tt_app, tt_system;
CREATE POLICY schema_migrations_owner ON tt.schema_migrations
    USING (current_user = (SELECT tableowner FROM pg_catalog.pg_tables
                           WHERE schemaname = 'tt' AND tablename = 'schema_migrations'))
    WITH CHECK (current_user = (SELECT tableowner FROM pg_catalog.pg_tables
                                WHERE schemaname = 'tt' AND tablename = 'schema_migrations'));

DO $$
DECLARE t regclass;
BEGIN
    FOR t IN SELECT c.oid::regclass FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'tt' AND c.relkind IN ('r', 'p') LOOP
        EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', t);
    END LOOP;
END
$$;

DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA tt FROM %I', r);
        END IF;
    END LOOP;
END
$$;
