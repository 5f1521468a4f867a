-- Caregiver web pages (issue 13): the family's link version, a theme per member, and reset
-- month, which sets a month's entries aside instead of deleting them.

-- Every signed calendar link carries the child's link version; `revoke links` bumps it (only
-- through tt.revoke_links, owners and parents) and every outstanding link stops working.
ALTER TABLE tt.children ADD COLUMN link_version integer NOT NULL DEFAULT 1;

-- The member's page theme, which they change themselves like their other settings.
ALTER TABLE tt.users
    ADD COLUMN theme text NOT NULL DEFAULT 'sunrise'
        CHECK (theme IN ('sunrise', 'ocean', 'forest'));
GRANT UPDATE (theme) ON tt.users TO tt_app;

-- One reset of one month. `reset_at` is the app's clock (the undo window is measured on it);
-- `created_at` orders the reset among the member's other changes for `undo`.
CREATE TABLE tt.month_resets (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    child_id    bigint NOT NULL REFERENCES tt.children (id) ON DELETE CASCADE,
    month       date NOT NULL CHECK (extract(day FROM month) = 1),
    reset_by    bigint REFERENCES tt.users (id) ON DELETE SET NULL,
    reset_at    timestamptz NOT NULL,
    entries     integer NOT NULL CHECK (entries >= 0),
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX month_resets_child_idx ON tt.month_resets (child_id, created_at);

-- A reset sets the month's sessions and days off aside as a replace does (superseded_at),
-- naming the reset; days off gain superseded_at for it, so a day holds one live day off.
ALTER TABLE tt.sessions
    -- NO ACTION: a reset is forgotten only after its entries came back (undo restores first).
    ADD COLUMN reset_id bigint REFERENCES tt.month_resets (id),
    ADD CONSTRAINT sessions_reset_needs_at CHECK (reset_id IS NULL OR superseded_at IS NOT NULL);
ALTER TABLE tt.holidays
    ADD COLUMN superseded_at timestamptz,
    ADD COLUMN reset_id bigint REFERENCES tt.month_resets (id),
    ADD CONSTRAINT holidays_reset_needs_at CHECK (reset_id IS NULL OR superseded_at IS NOT NULL),
    DROP CONSTRAINT holidays_pkey;
CREATE UNIQUE INDEX holidays_live_day_idx ON tt.holidays (child_id, day)
    WHERE superseded_at IS NULL;
CREATE INDEX sessions_reset_idx ON tt.sessions (reset_id) WHERE reset_id IS NOT NULL;
CREATE INDEX holidays_reset_idx ON tt.holidays (reset_id) WHERE reset_id IS NOT NULL;

ALTER TABLE tt.month_resets ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY month_resets_app_read ON tt.month_resets FOR SELECT TO tt_app
    USING (child_id IN (SELECT tt.my_child_ids()));
CREATE POLICY month_resets_system ON tt.month_resets FOR ALL TO tt_system
    USING (current_user = 'tt_system') WITH CHECK (current_user = 'tt_system');
REVOKE ALL ON tt.month_resets FROM PUBLIC;
GRANT SELECT ON tt.month_resets TO tt_app;
GRANT SELECT, INSERT, UPDATE (entries, reset_by), DELETE ON tt.month_resets TO tt_system;

-- Reset a month (owners and parents): its live sessions and days off are set aside under a
-- new reset; returns how many entries were set aside.
CREATE FUNCTION tt.reset_month(p_child_id bigint, p_month date, p_at timestamptz)
    RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
    last_day date := (p_month + interval '1 month - 1 day')::date;
    new_id bigint;
    sessions_aside integer;
    days_off_aside integer;
BEGIN
    PERFORM tt.lock_family_as(p_child_id, ARRAY['owner', 'parent']);
    INSERT INTO tt.month_resets (child_id, month, reset_by, reset_at, entries)
    VALUES (p_child_id, p_month, actor, p_at, 0) RETURNING id INTO new_id;
    UPDATE tt.sessions s SET superseded_at = now(), reset_id = new_id
    WHERE s.child_id = p_child_id AND s.day BETWEEN p_month AND last_day
      AND s.superseded_at IS NULL;
    GET DIAGNOSTICS sessions_aside = ROW_COUNT;
    UPDATE tt.holidays h SET superseded_at = now(), reset_id = new_id
    WHERE h.child_id = p_child_id AND h.day BETWEEN p_month AND last_day
      AND h.superseded_at IS NULL;
    GET DIAGNOSTICS days_off_aside = ROW_COUNT;
    UPDATE tt.month_resets SET entries = sessions_aside + days_off_aside WHERE id = new_id;
    INSERT INTO tt.audit_events (user_id, child_id, kind, details)
    VALUES (actor, p_child_id, 'month_reset',
            jsonb_build_object('month', p_month, 'entries', sessions_aside + days_off_aside));
    RETURN sessions_aside + days_off_aside;
END
$$;

-- Undo the family's newest reset when the actor (still an owner or parent) made it at or
-- after p_since. Entries come back on the days nothing was logged or marked since; the rest
-- stay aside. Returns how many came back, 0 when there was nothing to undo.
CREATE FUNCTION tt.undo_reset(p_child_id bigint, p_since timestamptz) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
    newest tt.month_resets%ROWTYPE;
    last_day date;
    busy_days date[];
    sessions_back integer;
    days_off_back integer;
BEGIN
    PERFORM tt.lock_family_as(p_child_id, ARRAY['owner', 'parent']);
    SELECT * INTO newest FROM tt.month_resets r
    WHERE r.child_id = p_child_id ORDER BY r.created_at DESC, r.id DESC LIMIT 1;
    IF NOT FOUND OR newest.reset_by IS DISTINCT FROM actor OR newest.reset_at < p_since THEN
        RETURN 0;
    END IF;
    last_day := (newest.month + interval '1 month - 1 day')::date;
    SELECT coalesce(array_agg(d.day), '{}') INTO busy_days FROM (
        SELECT s.day FROM tt.sessions s WHERE s.child_id = p_child_id AND s.superseded_at IS NULL
          AND s.day BETWEEN newest.month AND last_day
        UNION SELECT h.day FROM tt.holidays h WHERE h.child_id = p_child_id
          AND h.superseded_at IS NULL AND h.day BETWEEN newest.month AND last_day) d;
    UPDATE tt.sessions s SET superseded_at = NULL, reset_id = NULL
    WHERE s.reset_id = newest.id AND s.day <> ALL (busy_days);
    GET DIAGNOSTICS sessions_back = ROW_COUNT;
    UPDATE tt.holidays h SET superseded_at = NULL, reset_id = NULL
    WHERE h.reset_id = newest.id AND h.day <> ALL (busy_days);
    GET DIAGNOSTICS days_off_back = ROW_COUNT;
    -- What stays aside no longer names the reset, which is forgotten.
    UPDATE tt.sessions s SET reset_id = NULL WHERE s.reset_id = newest.id;
    UPDATE tt.holidays h SET reset_id = NULL WHERE h.reset_id = newest.id;
    DELETE FROM tt.month_resets r WHERE r.id = newest.id;
    INSERT INTO tt.audit_events (user_id, child_id, kind, details)
    VALUES (actor, p_child_id, 'month_reset_undone',
            jsonb_build_object('month', newest.month, 'entries', sessions_back + days_off_back));
    RETURN sessions_back + days_off_back;
END
$$;

-- Bump the family's link version (owners and parents); returns the new version.
CREATE FUNCTION tt.revoke_links(p_child_id bigint) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    new_version integer;
BEGIN
    PERFORM tt.lock_family_as(p_child_id, ARRAY['owner', 'parent']);
    UPDATE tt.children c SET link_version = c.link_version + 1
    WHERE c.id = p_child_id RETURNING c.link_version INTO new_version;
    INSERT INTO tt.audit_events (user_id, child_id, kind, details)
    VALUES (tt.acting_user_id(), p_child_id, 'links_revoked',
            jsonb_build_object('link_version', new_version));
    RETURN new_version;
END
$$;

-- Erasure: a reset stays with the family without naming who made it.
CREATE OR REPLACE FUNCTION tt.forget_authorship(p_actor bigint) RETURNS void
    LANGUAGE sql SET search_path = pg_catalog, tt AS $$
        UPDATE tt.sessions SET logged_by = NULL WHERE logged_by = p_actor;
        UPDATE tt.holidays SET set_by = NULL WHERE set_by = p_actor;
        UPDATE tt.plans SET set_by = NULL WHERE set_by = p_actor;
        UPDATE tt.notes SET author_id = NULL WHERE author_id = p_actor;
        UPDATE tt.memberships SET invited_by = NULL WHERE invited_by = p_actor;
        UPDATE tt.memberships SET proposed_role = NULL, proposed_by = NULL, proposed_at = NULL
        WHERE proposed_by = p_actor;
        UPDATE tt.children SET created_by = NULL WHERE created_by = p_actor;
        UPDATE tt.month_resets SET reset_by = NULL WHERE reset_by = p_actor;
    $$;

GRANT CREATE ON SCHEMA tt TO tt_system;
ALTER FUNCTION tt.reset_month(bigint, date, timestamptz) OWNER TO tt_system;
ALTER FUNCTION tt.undo_reset(bigint, timestamptz) OWNER TO tt_system;
ALTER FUNCTION tt.revoke_links(bigint) OWNER TO tt_system;
REVOKE CREATE ON SCHEMA tt FROM tt_system;
REVOKE ALL ON FUNCTION tt.reset_month(bigint, date, timestamptz),
    tt.undo_reset(bigint, timestamptz), tt.revoke_links(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tt.reset_month(bigint, date, timestamptz),
    tt.undo_reset(bigint, timestamptz), tt.revoke_links(bigint) TO tt_app;

DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('REVOKE ALL ON tt.month_resets FROM %I', r);
            EXECUTE format('REVOKE ALL ON FUNCTION tt.reset_month(bigint, date, timestamptz), '
                           'tt.undo_reset(bigint, timestamptz), tt.revoke_links(bigint) FROM %I',
                           r);
        END IF;
    END LOOP;
END
$$;
