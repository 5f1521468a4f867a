-- Tracking: monthly plans, sessions and holidays, all owned by the child so every member of the
-- family sees and changes the same month.

ALTER TABLE tt.children
    ADD COLUMN tracking_since date NOT NULL DEFAULT current_date;

ALTER TABLE tt.users
    ADD COLUMN current_child_id bigint REFERENCES tt.children (id) ON DELETE SET NULL;

CREATE TABLE tt.plans (
    child_id       bigint NOT NULL REFERENCES tt.children (id) ON DELETE CASCADE,
    month          date NOT NULL CHECK (extract(day FROM month) = 1),
    sessions_paid  integer NOT NULL CHECK (sessions_paid BETWEEN 1 AND 62),
    cost_paise     bigint NOT NULL CHECK (cost_paise BETWEEN 0 AND 10000000),
    carried        integer NOT NULL DEFAULT 0 CHECK (carried BETWEEN 0 AND 62),
    used_before    integer NOT NULL DEFAULT 0 CHECK (used_before BETWEEN 0 AND 124),
    set_by         bigint REFERENCES tt.users (id) ON DELETE SET NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (child_id, month),
    CHECK (used_before <= sessions_paid + carried)
);

CREATE TABLE tt.sessions (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    child_id         bigint NOT NULL REFERENCES tt.children (id) ON DELETE CASCADE,
    day              date NOT NULL,
    status           text NOT NULL CHECK (status IN ('attended', 'missed')),
    count            integer NOT NULL DEFAULT 1 CHECK (count BETWEEN 1 AND 5),
    reason           bytea,
    reason_category  text CHECK (length(reason_category) <= 32),
    mood             text CHECK (mood IN ('great', 'good', 'okay', 'tough')),
    logged_by        bigint REFERENCES tt.users (id) ON DELETE SET NULL,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_child_day_idx ON tt.sessions (child_id, day);

CREATE TABLE tt.holidays (
    child_id    bigint NOT NULL REFERENCES tt.children (id) ON DELETE CASCADE,
    day         date NOT NULL,
    set_by      bigint REFERENCES tt.users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (child_id, day)
);

CREATE TABLE tt.notes (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    child_id    bigint NOT NULL REFERENCES tt.children (id) ON DELETE CASCADE,
    author_id   bigint REFERENCES tt.users (id) ON DELETE SET NULL,
    kind        text NOT NULL DEFAULT 'free' CHECK (kind IN ('free', 'structured')),
    body        bytea NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notes_child_created_idx ON tt.notes (child_id, created_at);

-- A new child and its owner membership, in one step: the acting user cannot see a child they
-- are not yet a member of, so this runs with the definer's rights and checks the actor itself.
CREATE FUNCTION tt.create_child(p_name text, p_timezone text, p_today date) RETURNS bigint
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
    new_id bigint;
BEGIN
    IF actor IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'insufficient_privilege';
    END IF;
    INSERT INTO tt.children (name, timezone, created_by, tracking_since)
    VALUES (p_name, p_timezone, actor, p_today) RETURNING id INTO new_id;
    INSERT INTO tt.memberships (child_id, user_id, role, status, accepted_at)
    VALUES (new_id, actor, 'owner', 'active', now());
    UPDATE tt.users SET current_child_id = new_id WHERE id = actor;
    RETURN new_id;
END
$$;
REVOKE ALL ON FUNCTION tt.create_child(text, text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tt.create_child(text, text, date) TO tt_app;

ALTER TABLE tt.plans ENABLE ROW LEVEL SECURITY;
ALTER TABLE tt.sessions ENABLE ROW LEVEL SECURITY;
ALTER TABLE tt.holidays ENABLE ROW LEVEL SECURITY;
ALTER TABLE tt.notes ENABLE ROW LEVEL SECURITY;

CREATE POLICY plans_app ON tt.plans FOR ALL TO tt_app
    USING (child_id IN (SELECT tt.my_child_ids()))
    WITH CHECK (child_id IN (SELECT tt.my_child_ids()));
CREATE POLICY sessions_app ON tt.sessions FOR ALL TO tt_app
    USING (child_id IN (SELECT tt.my_child_ids()))
    WITH CHECK (child_id IN (SELECT tt.my_child_ids()));
CREATE POLICY holidays_app ON tt.holidays FOR ALL TO tt_app
    USING (child_id IN (SELECT tt.my_child_ids()))
    WITH CHECK (child_id IN (SELECT tt.my_child_ids()));

CREATE POLICY notes_app ON tt.notes FOR ALL TO tt_app
    USING (child_id IN (SELECT tt.my_child_ids()))
    WITH CHECK (child_id IN (SELECT tt.my_child_ids()));

CREATE POLICY notes_system ON tt.notes FOR ALL TO tt_system USING (true) WITH CHECK (true);
CREATE POLICY plans_system ON tt.plans FOR ALL TO tt_system USING (true) WITH CHECK (true);
CREATE POLICY sessions_system ON tt.sessions FOR ALL TO tt_system USING (true) WITH CHECK (true);
CREATE POLICY holidays_system ON tt.holidays FOR ALL TO tt_system USING (true) WITH CHECK (true);

REVOKE ALL ON tt.plans, tt.sessions, tt.holidays, tt.notes FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON tt.plans, tt.sessions, tt.holidays, tt.notes
    TO tt_app, tt_system;
