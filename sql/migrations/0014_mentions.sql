-- Messages waiting for one member that name another (a family notice, an invite, a role
-- request) remember whom they name, so erasing that person's data can rewrite or drop them in
-- the same transaction: nobody receives a deleted member's name or number a minute later.
--
-- A queued notice line carries a second rendering with the actor's name replaced by "a family
-- member" in the reader's language; erasure swaps it in. An outbox row carries the same for
-- its whole body when it has one, and is dropped when it has none.
-- Notice lines of either status are rewritten (a dead one is kept for operators, not sent);
-- an outbox row only while it is pending. Invites are tt.invites' own (0012 forgets them).

ALTER TABLE tt.pending_notices
    ADD COLUMN about_user_id  bigint REFERENCES tt.users (id) ON DELETE SET NULL,
    ADD COLUMN anonymous_line bytea CHECK (length(anonymous_line) <= 16384);
CREATE INDEX pending_notices_about_idx ON tt.pending_notices (about_user_id)
    WHERE about_user_id IS NOT NULL;

ALTER TABLE tt.outbox
    ADD COLUMN about_user_ids bigint[] NOT NULL DEFAULT '{}'
        CHECK (cardinality(about_user_ids) <= 64),
    ADD COLUMN anonymous_body bytea;

-- A member may only say that a line or message names themselves.
CREATE POLICY notices_app_about ON tt.pending_notices AS RESTRICTIVE FOR INSERT TO tt_app
    WITH CHECK (about_user_id IS NULL OR about_user_id = tt.acting_user_id());
CREATE POLICY outbox_app_about ON tt.outbox AS RESTRICTIVE FOR INSERT TO tt_app
    WITH CHECK (about_user_ids <@ ARRAY[tt.acting_user_id()]);

-- Rewrite or drop what is still waiting to be sent to others and names the acting user. Runs
-- with the definer's rights because those rows belong to other people; it only ever acts for
-- tt.acting_user_id(). Called by the erasure in the same transaction (tracker/my_data.py).
CREATE FUNCTION tt.forget_mentions() RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
BEGIN
    IF actor IS NULL THEN
        RAISE EXCEPTION 'no acting user' USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE tt.pending_notices
    SET line = anonymous_line, anonymous_line = NULL, about_user_id = NULL
    WHERE about_user_id = actor AND anonymous_line IS NOT NULL;
    DELETE FROM tt.pending_notices WHERE about_user_id = actor;
    UPDATE tt.outbox
    SET body = anonymous_body, anonymous_body = NULL, about_user_ids = '{}'
    WHERE status = 'pending' AND actor = ANY (about_user_ids) AND anonymous_body IS NOT NULL;
    DELETE FROM tt.outbox WHERE status = 'pending' AND actor = ANY (about_user_ids);
END
$$;

-- definer functions belong to tt_system (see 0013), which may create in the schema only now
GRANT CREATE ON SCHEMA tt TO tt_system;
ALTER FUNCTION tt.forget_mentions() OWNER TO tt_system;
REVOKE CREATE ON SCHEMA tt FROM tt_system;
REVOKE ALL ON FUNCTION tt.forget_mentions() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tt.forget_mentions() TO tt_app;

DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('REVOKE ALL ON FUNCTION tt.forget_mentions() FROM %I', r);
        END IF;
    END LOOP;
END
$$;
