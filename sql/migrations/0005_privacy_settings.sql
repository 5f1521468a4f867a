-- Privacy and settings: reminder settings on the user, and the erasure of a user's data.
--
-- Erasure keeps every family the user shares with another owner or parent (ownership moves to
-- the earliest remaining parent when the owner leaves) and deletes a child that would be left
-- without any owner or parent, with all its rows: a therapist does not inherit a child's
-- health record. The users row stays as a stub (number only, deleted_at set) so the goodbye
-- can still be delivered through the outbox; a system sweep removes the stub afterwards.

ALTER TABLE tt.users
    ADD COLUMN reminders_enabled boolean NOT NULL DEFAULT true,
    ADD COLUMN reminder_hour smallint NOT NULL DEFAULT 19 CHECK (reminder_hour BETWEEN 0 AND 23),
    -- ISO weekdays, 1 = Monday … 7 = Sunday, as Postgres extract(isodow) counts them.
    ADD COLUMN reminder_days smallint[] NOT NULL DEFAULT '{1,2,3,4,5,6,7}'
        CHECK (cardinality(reminder_days) BETWEEN 1 AND 7
               AND reminder_days <@ '{1,2,3,4,5,6,7}'::smallint[]),
    ADD COLUMN deleted_at timestamptz;

CREATE INDEX users_deleted_idx ON tt.users (deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TYPE tt.family_outcome AS (
    child_id    bigint,
    child_name  text,
    role        text,
    outcome     text,    -- 'keep': others carry on with the records; 'delete': the child goes
    heir_id     bigint   -- the parent who becomes owner, when the leaving owner was the only one
);

-- What erasing the acting user would do to each family they are an active member of. Runs
-- with the caller's rights, so under RLS it only sees the caller's own families.
CREATE FUNCTION tt.deletion_plan() RETURNS SETOF tt.family_outcome
    LANGUAGE sql STABLE SET search_path = pg_catalog, tt AS $$
        SELECT m.child_id, c.name, m.role,
               CASE WHEN EXISTS (SELECT 1 FROM tt.memberships o
                                 WHERE o.child_id = m.child_id AND o.user_id <> m.user_id
                                   AND o.status = 'active' AND o.role IN ('owner', 'parent'))
                    THEN 'keep' ELSE 'delete' END,
               CASE WHEN m.role = 'owner' AND NOT EXISTS (
                        SELECT 1 FROM tt.memberships o
                        WHERE o.child_id = m.child_id AND o.user_id <> m.user_id
                          AND o.status = 'active' AND o.role = 'owner')
                    THEN (SELECT o.user_id FROM tt.memberships o
                          WHERE o.child_id = m.child_id AND o.user_id <> m.user_id
                            AND o.status = 'active' AND o.role = 'parent'
                          ORDER BY o.accepted_at NULLS LAST, o.created_at, o.user_id
                          LIMIT 1)
               END
        FROM tt.memberships m JOIN tt.children c ON c.id = m.child_id
        WHERE m.user_id = tt.acting_user_id() AND m.status = 'active'
        ORDER BY m.child_id
    $$;

-- Hand a kept family over and clear the leaving user's name from its rows.
CREATE FUNCTION tt.leave_family(p_actor bigint, p_plan tt.family_outcome) RETURNS void
    LANGUAGE plpgsql SET search_path = pg_catalog, tt AS $$
BEGIN
    IF p_plan.heir_id IS NOT NULL THEN
        UPDATE tt.memberships SET role = 'owner'
        WHERE child_id = p_plan.child_id AND user_id = p_plan.heir_id;
    END IF;
    UPDATE tt.children SET created_by = (
            SELECT user_id FROM tt.memberships
            WHERE child_id = p_plan.child_id AND role = 'owner' AND user_id <> p_actor
            ORDER BY accepted_at NULLS LAST, user_id LIMIT 1)
    WHERE id = p_plan.child_id AND created_by = p_actor;
    -- Only a role and the heir's id: the record says a member left, not who they were.
    INSERT INTO tt.audit_events (child_id, kind, details)
    VALUES (p_plan.child_id, 'member_data_deleted',
            jsonb_build_object('role', p_plan.role, 'owner_handed_to', p_plan.heir_id));
END
$$;

-- Rows that name the user as author stay with their family, without the name.
CREATE FUNCTION tt.forget_authorship(p_actor bigint) RETURNS void
    LANGUAGE sql SET search_path = pg_catalog, tt AS $$
        UPDATE tt.sessions SET logged_by = NULL WHERE logged_by = p_actor;
        UPDATE tt.holidays SET set_by = NULL WHERE set_by = p_actor;
        UPDATE tt.plans SET set_by = NULL WHERE set_by = p_actor;
        UPDATE tt.notes SET author_id = NULL WHERE author_id = p_actor;
        UPDATE tt.memberships SET invited_by = NULL WHERE invited_by = p_actor;
        UPDATE tt.memberships SET proposed_role = NULL, proposed_by = NULL, proposed_at = NULL
        WHERE proposed_by = p_actor;
        UPDATE tt.children SET created_by = NULL WHERE created_by = p_actor;
    $$;

-- The user's own rows, then the users row reduced to a stub for the goodbye message. The
-- message being handled right now (and any still waiting) stays until the worker is done.
CREATE FUNCTION tt.erase_own_rows(p_actor bigint) RETURNS void
    LANGUAGE sql SET search_path = pg_catalog, tt AS $$
        DELETE FROM tt.memberships WHERE user_id = p_actor;
        DELETE FROM tt.conversations WHERE user_id = p_actor;
        DELETE FROM tt.audit_events WHERE user_id = p_actor;
        DELETE FROM tt.pending_notices WHERE user_id = p_actor;
        DELETE FROM tt.voice_notes WHERE user_id = p_actor;
        DELETE FROM tt.inbound_messages WHERE user_id = p_actor AND status <> 'pending';
        DELETE FROM tt.outbox WHERE user_id = p_actor;
        UPDATE tt.users SET display_name = NULL, language = DEFAULT, timezone = DEFAULT,
               consent = DEFAULT, consent_changed_at = NULL, welcomed_at = NULL,
               current_child_id = NULL, reminders_enabled = DEFAULT,
               reminder_hour = DEFAULT, reminder_days = DEFAULT, deleted_at = now()
        WHERE id = p_actor;
    $$;

-- Erase the acting user's personal data across all their families; returns what happened
-- to each family. Runs with the definer's rights because it must change families the user
-- is leaving; it only ever acts for tt.acting_user_id().
CREATE FUNCTION tt.delete_my_data() RETURNS SETOF tt.family_outcome
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
    plan tt.family_outcome;
    deleted integer := 0;
    kept integer := 0;
BEGIN
    IF actor IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'insufficient_privilege';
    END IF;
    FOR plan IN SELECT * FROM tt.deletion_plan() LOOP
        IF plan.outcome = 'delete' THEN
            DELETE FROM tt.children WHERE id = plan.child_id;
            deleted := deleted + 1;
        ELSE
            PERFORM tt.leave_family(actor, plan);
            kept := kept + 1;
        END IF;
        RETURN NEXT plan;
    END LOOP;
    PERFORM tt.forget_authorship(actor);
    PERFORM tt.erase_own_rows(actor);
    INSERT INTO tt.audit_events (kind, details)
    VALUES ('user_data_deleted',
            jsonb_build_object('families_deleted', deleted, 'families_kept', kept));
END
$$;

REVOKE ALL ON TYPE tt.family_outcome FROM PUBLIC;
GRANT USAGE ON TYPE tt.family_outcome TO tt_app;
REVOKE ALL ON FUNCTION tt.deletion_plan() FROM PUBLIC;
REVOKE ALL ON FUNCTION tt.leave_family(bigint, tt.family_outcome) FROM PUBLIC;
REVOKE ALL ON FUNCTION tt.forget_authorship(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION tt.erase_own_rows(bigint) FROM PUBLIC;
REVOKE ALL ON FUNCTION tt.delete_my_data() FROM PUBLIC;
-- The helpers are reachable only through delete_my_data, which checks the actor.
GRANT EXECUTE ON FUNCTION tt.deletion_plan(), tt.delete_my_data() TO tt_app;

DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA tt FROM %I', r);
            EXECUTE format('REVOKE ALL ON TYPE tt.family_outcome FROM %I', r);
        END IF;
    END LOOP;
END
$$;
