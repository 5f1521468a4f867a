-- Family and roles: invites by phone, the invitee's answer, role changes only with the member's
-- consent, leaving and removal under the last-owner rule, and batched notices to co-members.
-- Role rules (who may invite, remove, hand over) live in tracker/permissions.py; these functions
-- enforce what RLS would (the actor is an active member of the family) and the invariants
-- (a family keeps an owner, at most MAX_MEMBERS people), under a lock on the child's row.

ALTER TABLE tt.memberships
    ADD COLUMN invite_channel text CHECK (invite_channel IN ('message', 'template', 'link')),
    ADD COLUMN proposed_role  text CHECK (proposed_role IN ('owner', 'parent', 'therapist')),
    ADD COLUMN proposed_by    bigint REFERENCES tt.users (id) ON DELETE SET NULL,
    ADD COLUMN proposed_at    timestamptz,
    ADD CONSTRAINT memberships_proposal_active CHECK (proposed_role IS NULL OR status = 'active');

-- Lines waiting to be merged into one message per person (bot/notices.py); encrypted, because
-- a line can quote a note or a missed-session reason.
CREATE TABLE tt.pending_notices (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES tt.users (id) ON DELETE CASCADE,
    child_id   bigint REFERENCES tt.children (id) ON DELETE CASCADE,
    line       bytea NOT NULL CHECK (length(line) <= 16384),
    queued_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX pending_notices_queued_idx ON tt.pending_notices (queued_at);
CREATE INDEX pending_notices_user_idx ON tt.pending_notices (user_id, id);

-- Locks the child's row (member changes of one family run one at a time) and returns the
-- actor's role; refuses anyone who is not an active member.
CREATE FUNCTION tt.lock_family(p_child_id bigint) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE actor_role text;
BEGIN
    PERFORM 1 FROM tt.children WHERE id = p_child_id FOR UPDATE;
    SELECT m.role INTO actor_role FROM tt.memberships m
    WHERE m.child_id = p_child_id AND m.user_id = tt.acting_user_id() AND m.status = 'active';
    IF actor_role IS NULL THEN
        RAISE EXCEPTION 'not a member of this family' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN actor_role;
END
$$;

-- Invite a phone number: the invitee may have no users row yet, and tt_app cannot create one.
-- Outcomes: invited, reinvited (a pending invite is sent again, maybe with a new role),
-- self, member (already active: a role change needs their consent), full.
CREATE FUNCTION tt.invite_member(p_child_id bigint, p_phone text, p_role text)
    RETURNS TABLE (invitee_id bigint, outcome text, member_role text, invitee_language text,
                   invitee_consent text, invitee_last_inbound_at timestamptz)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
    existing tt.memberships%ROWTYPE;
BEGIN
    PERFORM tt.lock_family(p_child_id);
    IF p_role NOT IN ('parent', 'therapist') THEN
        RAISE EXCEPTION 'invites are for parents and therapists' USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO tt.users (phone) VALUES (p_phone) ON CONFLICT (phone) DO NOTHING;
    SELECT u.id INTO invitee_id FROM tt.users u WHERE u.phone = p_phone;
    SELECT * INTO existing FROM tt.memberships m
    WHERE m.child_id = p_child_id AND m.user_id = invitee_id;
    member_role := coalesce(existing.role, p_role);
    IF invitee_id = actor THEN
        outcome := 'self';
    ELSIF existing.status = 'active' THEN
        outcome := 'member';
    ELSIF existing.status = 'pending' THEN
        UPDATE tt.memberships m SET role = p_role, invited_by = actor, created_at = now(),
                                    invite_channel = NULL
        WHERE m.child_id = p_child_id AND m.user_id = invitee_id;
        outcome := 'reinvited';
        member_role := p_role;
    ELSIF (SELECT count(*) FROM tt.memberships m WHERE m.child_id = p_child_id) >= 12 THEN
        outcome := 'full';
    ELSE
        INSERT INTO tt.memberships (child_id, user_id, role, status, invited_by)
        VALUES (p_child_id, invitee_id, p_role, 'pending', actor);
        outcome := 'invited';
    END IF;
    IF outcome IN ('invited', 'reinvited') THEN
        INSERT INTO tt.audit_events (user_id, child_id, kind, details)
        VALUES (actor, p_child_id, 'invite_created',
                jsonb_build_object('invitee', invitee_id, 'role', p_role));
    END IF;
    SELECT u.language, u.consent, u.last_inbound_at
      INTO invitee_language, invitee_consent, invitee_last_inbound_at
      FROM tt.users u WHERE u.id = invitee_id;
    RETURN NEXT;
END
$$;

-- The acting user's pending invites, with what they need to answer: the invitee cannot see
-- the child or the inviter through RLS until they accept.
CREATE FUNCTION tt.my_invites()
    RETURNS TABLE (child_id bigint, child_name text, role text, inviter_id bigint,
                   inviter_phone text, inviter_language text, inviter_consent text,
                   inviter_last_inbound_at timestamptz)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
        SELECT m.child_id, c.name, m.role, m.invited_by, u.phone, u.language, u.consent,
               u.last_inbound_at
        FROM tt.memberships m
        JOIN tt.children c ON c.id = m.child_id
        LEFT JOIN tt.users u ON u.id = m.invited_by
        WHERE m.user_id = tt.acting_user_id() AND m.status = 'pending'
        ORDER BY m.created_at, m.child_id
    $$;

-- Accept one pending invite: the membership becomes active and the child becomes current.
-- Returns the role, or NULL when there was no such invite.
CREATE FUNCTION tt.accept_invite(p_child_id bigint) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
    accepted text;
BEGIN
    UPDATE tt.memberships m SET status = 'active', accepted_at = now()
    WHERE m.child_id = p_child_id AND m.user_id = actor AND m.status = 'pending'
    RETURNING m.role INTO accepted;
    IF accepted IS NOT NULL THEN
        UPDATE tt.users SET current_child_id = p_child_id WHERE id = actor;
        INSERT INTO tt.audit_events (user_id, child_id, kind, details)
        VALUES (actor, p_child_id, 'invite_accepted', jsonb_build_object('role', accepted));
    END IF;
    RETURN accepted;
END
$$;

-- Decline one pending invite: the row goes, and the refusal is kept as an audit event.
CREATE FUNCTION tt.reject_invite(p_child_id bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE actor bigint := tt.acting_user_id();
BEGIN
    DELETE FROM tt.memberships m
    WHERE m.child_id = p_child_id AND m.user_id = actor AND m.status = 'pending';
    IF NOT FOUND THEN
        RETURN false;
    END IF;
    INSERT INTO tt.audit_events (user_id, child_id, kind) VALUES (actor, p_child_id,
                                                                 'invite_rejected');
    RETURN true;
END
$$;

-- Remove a member or cancel an invite (or leave, when p_user_id is the actor).
-- Outcomes: removed, left, not_member, last_owner (a family always keeps an active owner).
CREATE FUNCTION tt.remove_member(p_child_id bigint, p_user_id bigint) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
    target tt.memberships%ROWTYPE;
BEGIN
    PERFORM tt.lock_family(p_child_id);
    SELECT * INTO target FROM tt.memberships m
    WHERE m.child_id = p_child_id AND m.user_id = p_user_id;
    IF NOT FOUND THEN
        RETURN 'not_member';
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

-- The acting member answers a role request made to them. Accepting ownership hands it over:
-- the owner who asked becomes a parent. Outcomes: accepted, declined, last_owner; no row when
-- there was no request.
CREATE FUNCTION tt.answer_role_request(p_child_id bigint, p_accept boolean)
    RETURNS TABLE (outcome text, new_role text, old_role text, proposer_id bigint)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
    mine tt.memberships%ROWTYPE;
BEGIN
    PERFORM tt.lock_family(p_child_id);
    SELECT * INTO mine FROM tt.memberships m
    WHERE m.child_id = p_child_id AND m.user_id = actor AND m.proposed_role IS NOT NULL;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    new_role := mine.proposed_role;
    old_role := mine.role;
    proposer_id := mine.proposed_by;
    IF p_accept AND mine.role = 'owner' AND mine.proposed_role <> 'owner' AND NOT EXISTS (
        SELECT 1 FROM tt.memberships m WHERE m.child_id = p_child_id AND m.role = 'owner'
          AND m.status = 'active' AND m.user_id <> actor) THEN
        outcome := 'last_owner';
        RETURN NEXT;
        RETURN;
    END IF;
    UPDATE tt.memberships m
    SET role = CASE WHEN p_accept THEN mine.proposed_role ELSE m.role END,
        proposed_role = NULL, proposed_by = NULL, proposed_at = NULL
    WHERE m.child_id = p_child_id AND m.user_id = actor;
    IF p_accept AND mine.proposed_role = 'owner' AND mine.proposed_by <> actor THEN
        UPDATE tt.memberships m SET role = 'parent'
        WHERE m.child_id = p_child_id AND m.user_id = mine.proposed_by AND m.role = 'owner'
          AND m.status = 'active';
    END IF;
    outcome := CASE WHEN p_accept THEN 'accepted' ELSE 'declined' END;
    INSERT INTO tt.audit_events (user_id, child_id, kind, details)
    VALUES (actor, p_child_id, 'role_request_' || outcome,
            jsonb_build_object('from', mine.role, 'to', mine.proposed_role,
                               'asked_by', mine.proposed_by));
    RETURN NEXT;
END
$$;

REVOKE ALL ON FUNCTION tt.lock_family(bigint), tt.invite_member(bigint, text, text),
    tt.my_invites(), tt.accept_invite(bigint), tt.reject_invite(bigint),
    tt.remove_member(bigint, bigint), tt.answer_role_request(bigint, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tt.invite_member(bigint, text, text), tt.my_invites(),
    tt.accept_invite(bigint), tt.reject_invite(bigint), tt.remove_member(bigint, bigint),
    tt.answer_role_request(bigint, boolean) TO tt_app;

ALTER TABLE tt.pending_notices ENABLE ROW LEVEL SECURITY;

-- A member may queue a line for a co-member; an invitee only for the person who invited them
-- (to say they declined). Nobody but the system reads the queue.
CREATE POLICY notices_app_insert ON tt.pending_notices FOR INSERT TO tt_app
    WITH CHECK (
        (child_id IN (SELECT tt.my_child_ids()) AND user_id IN (SELECT tt.my_family_user_ids()))
        OR EXISTS (SELECT 1 FROM tt.memberships m
                   WHERE m.child_id = pending_notices.child_id
                     AND m.user_id = tt.acting_user_id() AND m.status = 'pending'
                     AND m.invited_by = pending_notices.user_id));
CREATE POLICY notices_system ON tt.pending_notices FOR ALL TO tt_system
    USING (true) WITH CHECK (true);

REVOKE ALL ON tt.pending_notices FROM PUBLIC;
GRANT INSERT ON tt.pending_notices TO tt_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON tt.pending_notices TO tt_system;

DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('REVOKE ALL ON tt.pending_notices FROM %I', r);
            EXECUTE format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA tt FROM %I', r);
        END IF;
    END LOOP;
END
$$;
