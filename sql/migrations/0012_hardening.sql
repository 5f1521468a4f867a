-- Hardening (issue 10): webhook bodies that cannot be stored go to a quarantine instead of
-- failing the whole delivery, two first messages with one business-scoped id no longer race,
-- and an invite names a phone number, not a user, so it tells the inviter nothing about them.

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

-- Invites name a phone number, not a user. Nobody gets a users row before they write to us,
-- and nothing about the number's owner (whether they ever wrote, their language, consent or
-- last message) reaches the inviter: the family sees the number it typed, the role and how
-- the invite went out, and the invitee sees their own invites once they write.
CREATE TABLE tt.invites (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    child_id       bigint NOT NULL REFERENCES tt.children (id) ON DELETE CASCADE,
    phone          text NOT NULL CHECK (phone ~ '^[0-9]{6,15}$'),
    role           text NOT NULL CHECK (role IN ('parent', 'therapist')),
    invited_by     bigint REFERENCES tt.users (id) ON DELETE SET NULL,
    invite_channel text CHECK (invite_channel IN ('message', 'template', 'link')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    UNIQUE (child_id, phone)
);
CREATE INDEX invites_phone_idx ON tt.invites (phone);
CREATE INDEX invites_invited_by_idx ON tt.invites (invited_by);

INSERT INTO tt.invites (child_id, phone, role, invited_by, invite_channel, created_at)
SELECT m.child_id, u.phone, m.role, m.invited_by, m.invite_channel, m.created_at
FROM tt.memberships m JOIN tt.users u ON u.id = m.user_id
WHERE m.status = 'pending' AND u.phone IS NOT NULL AND m.role IN ('parent', 'therapist');
DELETE FROM tt.memberships WHERE status = 'pending';

-- The acting user's own number, for matching invites without reading tt.users directly.
CREATE FUNCTION tt.my_phone() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tt
    AS $$ SELECT phone FROM tt.users WHERE id = tt.acting_user_id() $$;

-- Invite a number into the family (owners and parents). Outcomes: invited, reinvited (the
-- pending invite again, maybe with a new role), self, member (already active), full (12
-- people with the invites), limited (the inviter's invites in the last day). Returns nothing
-- about the number's owner.
DROP FUNCTION tt.invite_member(bigint, text, text);
CREATE FUNCTION tt.invite_member(p_child_id bigint, p_phone text, p_role text, p_channel text)
    RETURNS TABLE (outcome text, member_role text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
    active_role text;
BEGIN
    IF tt.lock_family(p_child_id) NOT IN ('owner', 'parent') THEN
        RAISE EXCEPTION 'only owners and parents invite' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF p_role NOT IN ('parent', 'therapist') THEN
        RAISE EXCEPTION 'invites are for parents and therapists' USING ERRCODE = 'check_violation';
    END IF;
    member_role := p_role;
    SELECT m.role INTO active_role FROM tt.memberships m JOIN tt.users u ON u.id = m.user_id
    WHERE m.child_id = p_child_id AND u.phone = p_phone AND m.status = 'active';
    IF p_phone = tt.my_phone() THEN
        outcome := 'self';
    ELSIF active_role IS NOT NULL THEN
        outcome := 'member';
        member_role := active_role;
    ELSIF (SELECT count(*) FROM tt.audit_events e
           WHERE e.user_id = actor AND e.kind = 'invite_created'
             AND e.created_at > now() - interval '1 day') >= 10 THEN
        outcome := 'limited';
    ELSIF EXISTS (SELECT 1 FROM tt.invites i
                  WHERE i.child_id = p_child_id AND i.phone = p_phone) THEN
        UPDATE tt.invites i SET role = p_role, invited_by = actor, invite_channel = p_channel,
                                created_at = now()
        WHERE i.child_id = p_child_id AND i.phone = p_phone;
        outcome := 'reinvited';
    ELSIF (SELECT count(*) FROM tt.memberships m WHERE m.child_id = p_child_id)
          + (SELECT count(*) FROM tt.invites i WHERE i.child_id = p_child_id) >= 12 THEN
        outcome := 'full';
    ELSE
        INSERT INTO tt.invites (child_id, phone, role, invited_by, invite_channel)
        VALUES (p_child_id, p_phone, p_role, actor, p_channel);
        outcome := 'invited';
    END IF;
    IF outcome IN ('invited', 'reinvited') THEN
        INSERT INTO tt.audit_events (user_id, child_id, kind, details)
        VALUES (actor, p_child_id, 'invite_created', jsonb_build_object('role', p_role));
    END IF;
    RETURN NEXT;
END
$$;

-- Cancel one of the family's invites (owners and parents).
CREATE FUNCTION tt.cancel_invite(p_child_id bigint, p_invite_id bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE cancelled text;
BEGIN
    IF tt.lock_family(p_child_id) NOT IN ('owner', 'parent') THEN
        RAISE EXCEPTION 'only owners and parents cancel invites'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    DELETE FROM tt.invites i WHERE i.id = p_invite_id AND i.child_id = p_child_id
    RETURNING i.role INTO cancelled;
    IF cancelled IS NULL THEN
        RETURN false;
    END IF;
    INSERT INTO tt.audit_events (user_id, child_id, kind, details)
    VALUES (tt.acting_user_id(), p_child_id, 'invite_cancelled',
            jsonb_build_object('role', cancelled));
    RETURN true;
END
$$;

-- The acting user's pending invites (to their number), with what they need to answer: they
-- cannot see the child or the inviter through RLS until they accept.
CREATE OR REPLACE FUNCTION tt.my_invites()
    RETURNS TABLE (child_id bigint, child_name text, role text, inviter_id bigint,
                   inviter_phone text, inviter_language text, inviter_consent text,
                   inviter_last_inbound_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
        SELECT i.child_id, c.name, i.role, i.invited_by, u.phone, u.language, u.consent,
               u.last_inbound_at
        FROM tt.invites i
        JOIN tt.children c ON c.id = i.child_id
        LEFT JOIN tt.users u ON u.id = i.invited_by
        WHERE i.phone = tt.my_phone()
          AND NOT EXISTS (SELECT 1 FROM tt.memberships m
                          WHERE m.child_id = i.child_id AND m.user_id = tt.acting_user_id())
        ORDER BY i.created_at, i.child_id
    $$;

-- Accept one invite to the acting user's number: they join as an active member and the
-- child becomes current. Returns the role, or NULL when there was no such invite.
CREATE OR REPLACE FUNCTION tt.accept_invite(p_child_id bigint) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
    taken tt.invites%ROWTYPE;
    joined text;
BEGIN
    DELETE FROM tt.invites i WHERE i.child_id = p_child_id AND i.phone = tt.my_phone()
    RETURNING * INTO taken;
    IF taken.id IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO tt.memberships (child_id, user_id, role, status, invited_by, accepted_at)
    VALUES (p_child_id, actor, taken.role, 'active', taken.invited_by, now())
    ON CONFLICT (child_id, user_id) DO NOTHING;
    SELECT m.role INTO joined FROM tt.memberships m
    WHERE m.child_id = p_child_id AND m.user_id = actor;
    UPDATE tt.users SET current_child_id = p_child_id WHERE id = actor;
    INSERT INTO tt.audit_events (user_id, child_id, kind, details)
    VALUES (actor, p_child_id, 'invite_accepted', jsonb_build_object('role', joined));
    RETURN joined;
END
$$;

-- Decline one invite to the acting user's number; the refusal is kept as an audit event.
CREATE OR REPLACE FUNCTION tt.reject_invite(p_child_id bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
BEGIN
    DELETE FROM tt.invites i WHERE i.child_id = p_child_id AND i.phone = tt.my_phone();
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    INSERT INTO tt.audit_events (user_id, child_id, kind)
    VALUES (tt.acting_user_id(), p_child_id, 'invite_rejected');
    RETURN true;
END
$$;

-- Erasing a user (tt.delete_my_data stamps deleted_at) also drops the invites to their
-- number and their name from the invites they sent.
CREATE FUNCTION tt.forget_invites() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog, tt AS $$
BEGIN
    DELETE FROM tt.invites WHERE phone = NEW.phone;
    UPDATE tt.invites SET invited_by = NULL WHERE invited_by = NEW.id;
    RETURN NEW;
END
$$;
CREATE TRIGGER users_erased_forget_invites AFTER UPDATE OF deleted_at ON tt.users
    FOR EACH ROW WHEN (NEW.deleted_at IS NOT NULL AND OLD.deleted_at IS NULL)
    EXECUTE FUNCTION tt.forget_invites();

ALTER TABLE tt.invites ENABLE ROW LEVEL SECURITY;
-- The family sees its invites; the invitee sees those to their own number.
CREATE POLICY invites_app_read ON tt.invites FOR SELECT TO tt_app
    USING (child_id IN (SELECT tt.my_child_ids()) OR phone = tt.my_phone());
CREATE POLICY invites_system ON tt.invites FOR ALL TO tt_system USING (true) WITH CHECK (true);
REVOKE ALL ON tt.invites FROM PUBLIC;
GRANT SELECT ON tt.invites TO tt_app;
GRANT SELECT, DELETE ON tt.invites TO tt_system;

-- The invitee may queue a line (that they declined) for whoever invited their number.
DROP POLICY notices_app_insert ON tt.pending_notices;
CREATE POLICY notices_app_insert ON tt.pending_notices FOR INSERT TO tt_app
    WITH CHECK (
        (child_id IN (SELECT tt.my_child_ids()) AND user_id IN (SELECT tt.my_family_user_ids()))
        OR EXISTS (SELECT 1 FROM tt.invites i
                   WHERE i.child_id = pending_notices.child_id AND i.phone = tt.my_phone()
                     AND i.invited_by = pending_notices.user_id));

REVOKE ALL ON FUNCTION tt.my_phone(), tt.invite_member(bigint, text, text, text),
    tt.cancel_invite(bigint, bigint), tt.forget_invites() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tt.my_phone(), tt.invite_member(bigint, text, text, text),
    tt.cancel_invite(bigint, bigint) TO tt_app;
GRANT EXECUTE ON FUNCTION tt.my_phone() TO tt_system;

DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('REVOKE ALL ON tt.quarantine, tt.invites FROM %I', r);
            EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA tt FROM %I', r);
        END IF;
    END LOOP;
END
$$;
