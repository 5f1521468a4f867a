-- Baseline: users and families, the inbound log, the outbox, conversations, audit events.
-- Everything lives in schema tt, which PostgREST does not expose. Work on behalf of a user
-- runs as tt_app (RLS applies); system work runs as tt_system, through its own policies.

CREATE SCHEMA IF NOT EXISTS tt;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tt_app') THEN
        CREATE ROLE tt_app NOLOGIN NOBYPASSRLS;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tt_system') THEN
        CREATE ROLE tt_system NOLOGIN NOBYPASSRLS;
    END IF;
END
$$;

-- The login role switches into these with SET LOCAL ROLE.
GRANT tt_app TO CURRENT_USER;
GRANT tt_system TO CURRENT_USER;

REVOKE ALL ON SCHEMA tt FROM PUBLIC;
GRANT USAGE ON SCHEMA tt TO tt_app, tt_system;

CREATE FUNCTION tt.acting_user_id() RETURNS bigint
    LANGUAGE sql STABLE
    AS $$ SELECT nullif(current_setting('tt.user_id', true), '')::bigint $$;

CREATE TABLE tt.users (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    phone            text UNIQUE CHECK (phone ~ '^[0-9]{6,15}$'),
    bsuid            text UNIQUE CHECK (length(bsuid) BETWEEN 1 AND 256),
    display_name     text CHECK (length(display_name) <= 256),
    language         text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'hi', 'te')),
    timezone         text NOT NULL DEFAULT 'Asia/Kolkata' CHECK (length(timezone) <= 64),
    consent          text NOT NULL DEFAULT 'opted_in' CHECK (consent IN ('opted_in', 'opted_out')),
    consent_changed_at timestamptz,
    last_inbound_at  timestamptz,
    welcomed_at      timestamptz,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (phone IS NOT NULL OR bsuid IS NOT NULL)
);

CREATE TABLE tt.children (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
    timezone    text NOT NULL DEFAULT 'Asia/Kolkata' CHECK (length(timezone) <= 64),
    created_by  bigint REFERENCES tt.users (id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tt.memberships (
    child_id     bigint NOT NULL REFERENCES tt.children (id) ON DELETE CASCADE,
    user_id      bigint NOT NULL REFERENCES tt.users (id) ON DELETE CASCADE,
    role         text NOT NULL CHECK (role IN ('owner', 'parent', 'therapist')),
    status       text NOT NULL DEFAULT 'active' CHECK (status IN ('pending', 'active')),
    invited_by   bigint REFERENCES tt.users (id) ON DELETE SET NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    accepted_at  timestamptz,
    PRIMARY KEY (child_id, user_id)
);
CREATE INDEX memberships_user_idx ON tt.memberships (user_id);

CREATE TABLE tt.inbound_messages (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    wamid            text NOT NULL UNIQUE CHECK (length(wamid) <= 512),
    user_id          bigint NOT NULL REFERENCES tt.users (id) ON DELETE CASCADE,
    phone_number_id  text NOT NULL CHECK (length(phone_number_id) <= 64),
    kind             text NOT NULL CHECK (length(kind) <= 32),
    payload          bytea NOT NULL,
    sent_at          timestamptz,
    received_at      timestamptz NOT NULL DEFAULT now(),
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 100),
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    claim_token      uuid,
    claimed_until    timestamptz,
    last_error       text CHECK (length(last_error) <= 200),
    processed_at     timestamptz
);
CREATE INDEX inbound_pending_idx ON tt.inbound_messages (user_id, id) WHERE status = 'pending';

CREATE TABLE tt.outbox (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id          bigint NOT NULL REFERENCES tt.users (id) ON DELETE CASCADE,
    inbound_id       bigint REFERENCES tt.inbound_messages (id) ON DELETE SET NULL,
    phone_number_id  text NOT NULL CHECK (length(phone_number_id) <= 64),
    body             bytea NOT NULL,
    free_form        boolean NOT NULL DEFAULT true,
    status           text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sent', 'delivered', 'read', 'failed')),
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 100),
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    claim_token      uuid,
    claimed_until    timestamptz,
    wamid            text UNIQUE CHECK (length(wamid) <= 512),
    error_code       text CHECK (length(error_code) <= 64),
    created_at       timestamptz NOT NULL DEFAULT now(),
    sent_at          timestamptz,
    status_at        timestamptz
);
CREATE INDEX outbox_pending_idx ON tt.outbox (user_id, id) WHERE status = 'pending';

-- Token buckets shared by every app instance: per user (Meta's pair rate) and per number.
CREATE TABLE tt.send_pacing (
    key         text PRIMARY KEY CHECK (length(key) <= 128),
    tokens      double precision NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE TABLE tt.conversations (
    user_id     bigint PRIMARY KEY REFERENCES tt.users (id) ON DELETE CASCADE,
    flow        text NOT NULL CHECK (length(flow) <= 64),
    step        text NOT NULL CHECK (length(step) <= 64),
    data        bytea NOT NULL,
    reasks      integer NOT NULL DEFAULT 0 CHECK (reasks BETWEEN 0 AND 10),
    expires_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tt.audit_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint REFERENCES tt.users (id) ON DELETE CASCADE,
    child_id    bigint REFERENCES tt.children (id) ON DELETE CASCADE,
    kind        text NOT NULL CHECK (length(kind) <= 64),
    details     jsonb NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_events_user_idx ON tt.audit_events (user_id, created_at);

-- Find or create the user a message came from: by business-scoped id first, then by phone.
-- Also opens the 24-hour window. Runs as tt_system during ingest.
CREATE FUNCTION tt.resolve_user(p_phone text, p_bsuid text, p_seen_at timestamptz)
    RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE found_id bigint;
BEGIN
    IF p_bsuid <> '' THEN
        SELECT id INTO found_id FROM tt.users WHERE bsuid = p_bsuid;
    END IF;
    IF found_id IS NULL AND p_phone <> '' THEN
        INSERT INTO tt.users (phone, bsuid) VALUES (p_phone, nullif(p_bsuid, ''))
        ON CONFLICT (phone) DO UPDATE SET bsuid = coalesce(tt.users.bsuid, excluded.bsuid)
        RETURNING id INTO found_id;
    ELSIF found_id IS NULL THEN
        INSERT INTO tt.users (bsuid) VALUES (p_bsuid)
        ON CONFLICT (bsuid) DO UPDATE SET bsuid = excluded.bsuid
        RETURNING id INTO found_id;
    END IF;
    UPDATE tt.users SET last_inbound_at = greatest(last_inbound_at, p_seen_at)
    WHERE id = found_id AND (last_inbound_at IS NULL OR last_inbound_at < p_seen_at);
    RETURN found_id;
END
$$;

-- Token bucket: take one token for `p_key` if one is there; otherwise return the seconds to wait.
CREATE FUNCTION tt.take_send_token(p_key text, p_rate double precision, p_burst double precision)
    RETURNS double precision LANGUAGE plpgsql AS $$
DECLARE available double precision;
BEGIN
    INSERT INTO tt.send_pacing (key, tokens) VALUES (p_key, p_burst)
    ON CONFLICT (key) DO NOTHING;
    SELECT least(p_burst, tokens + extract(epoch FROM clock_timestamp() - updated_at) * p_rate)
      INTO available FROM tt.send_pacing WHERE key = p_key FOR UPDATE;
    IF available >= 1 THEN
        UPDATE tt.send_pacing SET tokens = available - 1, updated_at = clock_timestamp()
        WHERE key = p_key;
        RETURN 0;
    END IF;
    UPDATE tt.send_pacing SET tokens = available, updated_at = clock_timestamp() WHERE key = p_key;
    RETURN (1 - available) / p_rate;
END
$$;

-- Delivery states only move forward: sent < delivered < read; failed is final.
CREATE FUNCTION tt.delivery_rank(p_status text) RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE p_status WHEN 'pending' THEN 0 WHEN 'sent' THEN 1 WHEN 'delivered' THEN 2
                             WHEN 'read' THEN 3 WHEN 'failed' THEN 4 ELSE -1 END
    $$;

-- Membership lookups for policies run with the definer's rights so the policies on
-- memberships do not recurse into themselves.
CREATE FUNCTION tt.my_child_ids() RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tt
    AS $$
        SELECT child_id FROM tt.memberships
        WHERE user_id = tt.acting_user_id() AND status = 'active'
    $$;

CREATE FUNCTION tt.my_family_user_ids() RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tt
    AS $$
        SELECT m.user_id FROM tt.memberships m
        WHERE m.child_id IN (SELECT tt.my_child_ids())
    $$;

REVOKE ALL ON FUNCTION tt.my_child_ids() FROM PUBLIC;
REVOKE ALL ON FUNCTION tt.my_family_user_ids() FROM PUBLIC;
REVOKE ALL ON FUNCTION tt.acting_user_id() FROM PUBLIC;
REVOKE ALL ON FUNCTION tt.resolve_user(text, text, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION tt.take_send_token(text, double precision, double precision) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tt.resolve_user(text, text, timestamptz),
    tt.take_send_token(text, double precision, double precision) TO tt_system;
GRANT EXECUTE ON FUNCTION tt.my_child_ids(), tt.my_family_user_ids(), tt.acting_user_id()
    TO tt_app, tt_system;

ALTER TABLE tt.users ENABLE ROW LEVEL SECURITY;
ALTER TABLE tt.children ENABLE ROW LEVEL SECURITY;
ALTER TABLE tt.memberships ENABLE ROW LEVEL SECURITY;
ALTER TABLE tt.inbound_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE tt.outbox ENABLE ROW LEVEL SECURITY;
ALTER TABLE tt.send_pacing ENABLE ROW LEVEL SECURITY;
ALTER TABLE tt.conversations ENABLE ROW LEVEL SECURITY;
ALTER TABLE tt.audit_events ENABLE ROW LEVEL SECURITY;

-- The acting user sees themselves and the members of their families.
CREATE POLICY users_app_read ON tt.users FOR SELECT TO tt_app
    USING (id = tt.acting_user_id() OR id IN (SELECT tt.my_family_user_ids()));
CREATE POLICY users_app_write ON tt.users FOR UPDATE TO tt_app
    USING (id = tt.acting_user_id()) WITH CHECK (id = tt.acting_user_id());

CREATE POLICY children_app ON tt.children FOR ALL TO tt_app
    USING (id IN (SELECT tt.my_child_ids()))
    WITH CHECK (id IN (SELECT tt.my_child_ids()));

CREATE POLICY memberships_app ON tt.memberships FOR ALL TO tt_app
    USING (child_id IN (SELECT tt.my_child_ids()) OR user_id = tt.acting_user_id())
    WITH CHECK (child_id IN (SELECT tt.my_child_ids()));

CREATE POLICY inbound_app ON tt.inbound_messages FOR ALL TO tt_app
    USING (user_id = tt.acting_user_id()) WITH CHECK (user_id = tt.acting_user_id());

CREATE POLICY outbox_app_read ON tt.outbox FOR SELECT TO tt_app
    USING (user_id = tt.acting_user_id());
CREATE POLICY outbox_app_insert ON tt.outbox FOR INSERT TO tt_app
    WITH CHECK (user_id = tt.acting_user_id() OR user_id IN (SELECT tt.my_family_user_ids()));

CREATE POLICY conversations_app ON tt.conversations FOR ALL TO tt_app
    USING (user_id = tt.acting_user_id()) WITH CHECK (user_id = tt.acting_user_id());

CREATE POLICY audit_app_read ON tt.audit_events FOR SELECT TO tt_app
    USING (user_id = tt.acting_user_id() OR child_id IN (SELECT tt.my_child_ids()));
CREATE POLICY audit_app_insert ON tt.audit_events FOR INSERT TO tt_app
    WITH CHECK (user_id = tt.acting_user_id()
                AND (child_id IS NULL OR child_id IN (SELECT tt.my_child_ids())));

-- System work (ingest, queues, sending, scheduled jobs) sees everything, on purpose.
CREATE POLICY users_system ON tt.users FOR ALL TO tt_system USING (true) WITH CHECK (true);
CREATE POLICY children_system ON tt.children FOR ALL TO tt_system USING (true) WITH CHECK (true);
CREATE POLICY memberships_system ON tt.memberships FOR ALL TO tt_system USING (true) WITH CHECK (true);
CREATE POLICY inbound_system ON tt.inbound_messages FOR ALL TO tt_system USING (true) WITH CHECK (true);
CREATE POLICY outbox_system ON tt.outbox FOR ALL TO tt_system USING (true) WITH CHECK (true);
CREATE POLICY pacing_system ON tt.send_pacing FOR ALL TO tt_system USING (true) WITH CHECK (true);
CREATE POLICY conversations_system ON tt.conversations FOR ALL TO tt_system USING (true) WITH CHECK (true);
CREATE POLICY audit_system ON tt.audit_events FOR ALL TO tt_system USING (true) WITH CHECK (true);

REVOKE ALL ON ALL TABLES IN SCHEMA tt FROM PUBLIC;
GRANT SELECT, UPDATE ON tt.users TO tt_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON tt.children, tt.memberships, tt.conversations TO tt_app;
GRANT SELECT, UPDATE ON tt.inbound_messages TO tt_app;
GRANT SELECT, INSERT ON tt.outbox, tt.audit_events TO tt_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA tt TO tt_system;

DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA tt FROM %I', r);
            EXECUTE format('REVOKE ALL ON SCHEMA tt FROM %I', r);
        END IF;
    END LOOP;
END
$$;
