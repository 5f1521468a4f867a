-- Hostile input: webhook bodies that cannot be stored go to a quarantine instead of failing
-- the whole delivery, and two first messages with one business-scoped id no longer race.

-- A signed webhook body with a part we cannot store (bad JSON, a NUL in an id, nesting too
-- deep): kept once, encrypted, with the reasons, so an operator can look and Meta stops
-- retrying. Only the system role touches it.
CREATE TABLE tt.quarantine (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    digest      bytea NOT NULL UNIQUE CHECK (length(digest) = 32),
    reasons     text NOT NULL CHECK (length(reasons) BETWEEN 1 AND 500),
    body        bytea NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX quarantine_received_idx ON tt.quarantine (received_at);

ALTER TABLE tt.quarantine ENABLE ROW LEVEL SECURITY;
ALTER TABLE tt.quarantine FORCE ROW LEVEL SECURITY;
CREATE POLICY quarantine_system ON tt.quarantine FOR ALL TO tt_system
    USING (true) WITH CHECK (true);
REVOKE ALL ON tt.quarantine FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON tt.quarantine TO tt_system;

-- Find or create the user a message came from: by business-scoped id first, then by phone.
-- A concurrent first message may create the row on either key between our look-up and our
-- insert; the insert then does nothing and the look-up runs again.
CREATE OR REPLACE FUNCTION tt.resolve_user(p_phone text, p_bsuid text, p_seen_at timestamptz)
    RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE found_id bigint;
BEGIN
    LOOP
        IF p_bsuid <> '' THEN
            SELECT id INTO found_id FROM tt.users WHERE bsuid = p_bsuid;
        END IF;
        IF found_id IS NULL AND p_phone <> '' THEN
            SELECT id INTO found_id FROM tt.users WHERE phone = p_phone;
            IF found_id IS NOT NULL AND p_bsuid <> '' THEN
                BEGIN
                    UPDATE tt.users SET bsuid = p_bsuid WHERE id = found_id AND bsuid IS NULL;
                EXCEPTION WHEN unique_violation THEN
                    NULL;  -- another row took this id meanwhile; it keeps it
                END;
            END IF;
        END IF;
        IF found_id IS NULL THEN
            INSERT INTO tt.users (phone, bsuid) VALUES (nullif(p_phone, ''), nullif(p_bsuid, ''))
            ON CONFLICT DO NOTHING
            RETURNING id INTO found_id;
        END IF;
        EXIT WHEN found_id IS NOT NULL;
    END LOOP;
    UPDATE tt.users SET last_inbound_at = greatest(last_inbound_at, p_seen_at)
    WHERE id = found_id AND (last_inbound_at IS NULL OR last_inbound_at < p_seen_at);
    RETURN found_id;
END
$$;

DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('REVOKE ALL ON tt.quarantine FROM %I', r);
        END IF;
    END LOOP;
END
$$;
