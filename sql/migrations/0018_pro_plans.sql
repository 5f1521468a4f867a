-- Pro plans through Razorpay (issue 11). Pro belongs to a child's family: every member
-- benefits. The catalog of plans is code (payments/plans.py); the database holds what was
-- bought and how it was paid.
--
-- * tt.family_pro: the family's Pro expiry; days stack from the later of now and it.
-- * tt.payment_links: one row per attempt to pay (our reference_id), created by an owner or
--   parent through tt.request_pro_link and turned into a Razorpay link by a background job.
-- * tt.payments: one row per Razorpay payment id, whatever event told us first; the days are
--   granted once per row (granted_at), an amount that does not match is kept and flagged, a
--   payment that matches no link is kept for reconciliation.
-- * tt.razorpay_events: signed webhook bodies stored before the 2xx, one per event id, and
--   applied by the worker.

CREATE TABLE tt.family_pro (
    child_id    bigint PRIMARY KEY REFERENCES tt.children (id) ON DELETE CASCADE,
    plan_code   text NOT NULL CHECK (length(plan_code) <= 40),
    expires_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Our own coupons, priced server-side into the link's amount. `uses` counts reserved and
-- redeemed uses together: a link reserves one (in the same statement that checks the limit),
-- a payment redeems it, an expired or cancelled link gives it back.
CREATE TABLE tt.coupons (
    code             text PRIMARY KEY CHECK (code ~ '^[A-Z0-9_-]{3,32}$'),
    discount_percent integer NOT NULL CHECK (discount_percent BETWEEN 1 AND 90),
    max_redemptions  integer NOT NULL CHECK (max_redemptions > 0),
    uses             integer NOT NULL DEFAULT 0 CHECK (uses >= 0),
    expires_at       timestamptz,
    active           boolean NOT NULL DEFAULT true,
    created_at       timestamptz NOT NULL DEFAULT now(),
    CHECK (uses <= max_redemptions)
);

CREATE TABLE tt.payment_links (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    child_id         bigint NOT NULL REFERENCES tt.children (id) ON DELETE CASCADE,
    user_id          bigint NOT NULL REFERENCES tt.users (id) ON DELETE CASCADE,
    plan_code        text NOT NULL CHECK (length(plan_code) <= 40),
    amount_paise     integer NOT NULL CHECK (amount_paise > 0),
    reference_id     text NOT NULL UNIQUE CHECK (reference_id ~ '^[A-Za-z0-9_-]{8,40}$'),
    plink_id         text UNIQUE CHECK (length(plink_id) <= 64),
    short_url        text CHECK (length(short_url) <= 512),
    status           text NOT NULL DEFAULT 'requesting'
                     CHECK (status IN ('requesting', 'created', 'paid', 'expired', 'cancelled',
                                       'failed')),
    expire_by        timestamptz NOT NULL,
    coupon_code      text REFERENCES tt.coupons (code),
    coupon_state     text CHECK (coupon_state IN ('reserved', 'redeemed', 'released')),
    phone_number_id  text NOT NULL DEFAULT '' CHECK (length(phone_number_id) <= 64),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 100),
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    claim_token      uuid,
    claimed_until    timestamptz,
    last_error       text CHECK (length(last_error) <= 200)
);
CREATE INDEX payment_links_requesting_idx ON tt.payment_links (user_id, id)
    WHERE status = 'requesting';
CREATE INDEX payment_links_child_idx ON tt.payment_links (child_id, plan_code, status);
CREATE INDEX payment_links_open_idx ON tt.payment_links (next_attempt_at) WHERE status = 'created';

CREATE TABLE tt.payments (
    payment_id       text PRIMARY KEY CHECK (payment_id ~ '^pay_[A-Za-z0-9]{1,60}$'),
    link_id          bigint REFERENCES tt.payment_links (id) ON DELETE SET NULL,
    child_id         bigint REFERENCES tt.children (id) ON DELETE SET NULL,
    user_id          bigint REFERENCES tt.users (id) ON DELETE SET NULL,
    plan_code        text CHECK (length(plan_code) <= 40),
    amount_paise     bigint NOT NULL CHECK (amount_paise >= 0),
    currency         text NOT NULL CHECK (length(currency) <= 8),
    order_id         text CHECK (length(order_id) <= 64),
    state            text NOT NULL
                     CHECK (state IN ('paid', 'granted', 'unmatched', 'amount_mismatch',
                                      'failed')),
    days_granted     integer NOT NULL DEFAULT 0 CHECK (days_granted >= 0),
    granted_at       timestamptz,
    refunded_paise   bigint NOT NULL DEFAULT 0 CHECK (refunded_paise >= 0),
    days_taken_back  integer NOT NULL DEFAULT 0 CHECK (days_taken_back >= 0),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_child_idx ON tt.payments (child_id, created_at);
CREATE INDEX payments_state_idx ON tt.payments (state) WHERE state IN ('unmatched', 'amount_mismatch');

CREATE TABLE tt.razorpay_events (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id         text NOT NULL UNIQUE CHECK (length(event_id) BETWEEN 1 AND 128),
    event            text NOT NULL CHECK (length(event) <= 64),
    payload          bytea NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    status           text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'dead')),
    attempts         integer NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 100),
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    claim_token      uuid,
    claimed_until    timestamptz,
    last_error       text CHECK (length(last_error) <= 200),
    processed_at     timestamptz
);
CREATE INDEX razorpay_events_pending_idx ON tt.razorpay_events (id) WHERE status = 'pending';

ALTER TABLE tt.family_pro ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tt.payment_links ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tt.payments ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tt.razorpay_events ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tt.coupons ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- Members read their own families' rows; nobody writes them but the system and the function
-- below.
CREATE POLICY family_pro_app_read ON tt.family_pro FOR SELECT TO tt_app
    USING (child_id IN (SELECT tt.my_child_ids()));
CREATE POLICY payment_links_app_read ON tt.payment_links FOR SELECT TO tt_app
    USING (child_id IN (SELECT tt.my_child_ids()));
CREATE POLICY payments_app_read ON tt.payments FOR SELECT TO tt_app
    USING (child_id IN (SELECT tt.my_child_ids()));

CREATE POLICY family_pro_system ON tt.family_pro FOR ALL TO tt_system
    USING (current_user = 'tt_system') WITH CHECK (current_user = 'tt_system');
CREATE POLICY payment_links_system ON tt.payment_links FOR ALL TO tt_system
    USING (current_user = 'tt_system') WITH CHECK (current_user = 'tt_system');
CREATE POLICY payments_system ON tt.payments FOR ALL TO tt_system
    USING (current_user = 'tt_system') WITH CHECK (current_user = 'tt_system');
CREATE POLICY razorpay_events_system ON tt.razorpay_events FOR ALL TO tt_system
    USING (current_user = 'tt_system') WITH CHECK (current_user = 'tt_system');
CREATE POLICY coupons_system ON tt.coupons FOR ALL TO tt_system
    USING (current_user = 'tt_system') WITH CHECK (current_user = 'tt_system');

REVOKE ALL ON tt.family_pro, tt.payment_links, tt.payments, tt.razorpay_events, tt.coupons
    FROM PUBLIC;
GRANT SELECT ON tt.family_pro, tt.payments TO tt_app;
GRANT SELECT (id, child_id, user_id, plan_code, amount_paise, short_url, status, expire_by,
              coupon_code, created_at) ON tt.payment_links TO tt_app;
GRANT SELECT, INSERT, UPDATE, DELETE
    ON tt.family_pro, tt.payment_links, tt.payments, tt.razorpay_events, tt.coupons TO tt_system;

-- Ask for a link to pay for `p_plan_code` (listed at `p_amount_paise`) for the child, with an
-- optional coupon (owners and parents only). An open link for the same plan and coupon that is
-- still good for a while is returned instead of a new one. Otherwise the coupon is checked and
-- reserved in one statement (active, not expired, under its limit), the price is worked out
-- here, and a new attempt is stored with the caller's fresh reference id for the link job.
-- outcome: 'new', 'reused' or 'coupon_unavailable' (then link_id is NULL).
CREATE FUNCTION tt.request_pro_link(p_child_id bigint, p_plan_code text, p_amount_paise integer,
                                    p_coupon text, p_reference_id text, p_expire_by timestamptz,
                                    p_phone_number_id text)
    RETURNS TABLE (link_id bigint, outcome text)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
    percent integer;
    amount integer := p_amount_paise;
BEGIN
    PERFORM tt.lock_family_as(p_child_id, ARRAY['owner', 'parent']);
    SELECT l.id INTO link_id FROM tt.payment_links l
    WHERE l.child_id = p_child_id AND l.plan_code = p_plan_code
      AND l.coupon_code IS NOT DISTINCT FROM p_coupon AND l.status IN ('requesting', 'created')
      AND l.expire_by > now() + interval '30 minutes'
    ORDER BY l.id DESC LIMIT 1;
    IF FOUND THEN
        outcome := 'reused';
        RETURN NEXT;
        RETURN;
    END IF;
    IF p_coupon IS NOT NULL THEN
        UPDATE tt.coupons c SET uses = c.uses + 1
        WHERE c.code = p_coupon AND c.active AND (c.expires_at IS NULL OR c.expires_at > now())
          AND c.uses < c.max_redemptions
        RETURNING c.discount_percent INTO percent;
        IF NOT FOUND THEN
            outcome := 'coupon_unavailable';
            RETURN NEXT;
            RETURN;
        END IF;
        amount := p_amount_paise - p_amount_paise * percent / 10000 * 100;  -- whole rupees off
    END IF;
    INSERT INTO tt.payment_links (child_id, user_id, plan_code, amount_paise, reference_id,
                                  expire_by, phone_number_id, coupon_code, coupon_state)
    VALUES (p_child_id, actor, p_plan_code, amount, p_reference_id, p_expire_by,
            p_phone_number_id, p_coupon, CASE WHEN p_coupon IS NULL THEN NULL ELSE 'reserved' END)
    RETURNING id INTO link_id;
    INSERT INTO tt.audit_events (user_id, child_id, kind, details)
    VALUES (actor, p_child_id, 'payment_link_requested',
            jsonb_build_object('plan', p_plan_code, 'amount_paise', amount, 'link_id', link_id,
                               'coupon', p_coupon));
    outcome := 'new';
    RETURN NEXT;
END
$$;

-- What a coupon takes off, if it can be used now (NULL otherwise); reserving happens only
-- with a link.
CREATE FUNCTION tt.coupon_discount(p_code text) RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
        SELECT c.discount_percent FROM tt.coupons c
        WHERE c.code = p_code AND c.active AND (c.expires_at IS NULL OR c.expires_at > now())
          AND c.uses < c.max_redemptions
    $$;

-- Ask the reconciliation job to look at the family's open links now (reconcile_payment):
-- owners and parents, at most 5 times an hour each. Returns 'queued' or 'limited'.
CREATE FUNCTION tt.recheck_family_links(p_child_id bigint) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
BEGIN
    PERFORM tt.lock_family_as(p_child_id, ARRAY['owner', 'parent']);
    IF (SELECT count(*) FROM tt.audit_events e
        WHERE e.user_id = actor AND e.kind = 'payments_recheck'
          AND e.created_at > now() - interval '1 hour') >= 5 THEN
        RETURN 'limited';
    END IF;
    UPDATE tt.payment_links l SET next_attempt_at = now()
    WHERE l.child_id = p_child_id AND l.status = 'created';
    INSERT INTO tt.audit_events (user_id, child_id, kind) VALUES (actor, p_child_id, 'payments_recheck');
    RETURN 'queued';
END
$$;

-- Referrals: each family has one unguessable code (made with `secrets` in Python). A family
-- redeems one code, once, only while new (created in the last 14 days, never paid); never its
-- own, never one of a family that redeemed its code, and a referrer is rewarded at most 10
-- times. The new family gets its days at once; the referrer's land after the new family's
-- first captured payment (payments/apply.py).
CREATE TABLE tt.referral_codes (
    child_id    bigint PRIMARY KEY REFERENCES tt.children (id) ON DELETE CASCADE,
    code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z2-9]{10,16}$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE tt.referrals (
    referee_child_id     bigint PRIMARY KEY REFERENCES tt.children (id) ON DELETE CASCADE,
    referrer_child_id    bigint REFERENCES tt.children (id) ON DELETE SET NULL,
    redeemed_by          bigint REFERENCES tt.users (id) ON DELETE SET NULL,
    referrer_rewarded_at timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX referrals_referrer_idx ON tt.referrals (referrer_child_id);

ALTER TABLE tt.referral_codes ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE tt.referrals ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY referral_codes_app_read ON tt.referral_codes FOR SELECT TO tt_app
    USING (child_id IN (SELECT tt.my_child_ids()));
CREATE POLICY referral_codes_system ON tt.referral_codes FOR ALL TO tt_system
    USING (current_user = 'tt_system') WITH CHECK (current_user = 'tt_system');
CREATE POLICY referrals_system ON tt.referrals FOR ALL TO tt_system
    USING (current_user = 'tt_system') WITH CHECK (current_user = 'tt_system');
REVOKE ALL ON tt.referral_codes, tt.referrals FROM PUBLIC;
GRANT SELECT ON tt.referral_codes TO tt_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON tt.referral_codes, tt.referrals TO tt_system;

-- The family's code: the stored one, or `p_candidate` stored now (any member may share it).
CREATE FUNCTION tt.family_referral_code(p_child_id bigint, p_candidate text) RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE found_code text;
BEGIN
    PERFORM tt.lock_family(p_child_id);
    SELECT r.code INTO found_code FROM tt.referral_codes r WHERE r.child_id = p_child_id;
    IF FOUND THEN
        RETURN found_code;
    END IF;
    INSERT INTO tt.referral_codes (child_id, code) VALUES (p_child_id, p_candidate);
    RETURN p_candidate;
END
$$;

-- Redeem a code for the family (owners and parents). Outcomes: redeemed, not_found, self,
-- already, not_new, mutual, cap. On 'redeemed' the family has p_days of Pro more.
CREATE FUNCTION tt.redeem_referral(p_child_id bigint, p_code text, p_plan_code text,
                                   p_days integer)
    RETURNS text
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, tt AS $$
DECLARE
    actor bigint := tt.acting_user_id();
    referrer bigint;
BEGIN
    PERFORM tt.lock_family_as(p_child_id, ARRAY['owner', 'parent']);
    SELECT r.child_id INTO referrer FROM tt.referral_codes r WHERE r.code = p_code;
    IF NOT FOUND THEN
        RETURN 'not_found';
    END IF;
    PERFORM 1 FROM tt.children c WHERE c.id = referrer FOR UPDATE;  -- two families at once
    IF referrer = p_child_id OR EXISTS (
        SELECT 1 FROM tt.memberships m WHERE m.child_id = referrer AND m.user_id = actor) THEN
        RETURN 'self';
    END IF;
    IF EXISTS (SELECT 1 FROM tt.referrals f WHERE f.referee_child_id = p_child_id) THEN
        RETURN 'already';
    END IF;
    IF (SELECT c.created_at FROM tt.children c WHERE c.id = p_child_id) < now() - interval '14 days'
       OR EXISTS (SELECT 1 FROM tt.payments p WHERE p.child_id = p_child_id
                  AND p.state IN ('paid', 'granted'))
       OR EXISTS (SELECT 1 FROM tt.family_pro f WHERE f.child_id = p_child_id) THEN
        RETURN 'not_new';
    END IF;
    IF EXISTS (SELECT 1 FROM tt.referrals f
               WHERE f.referee_child_id = referrer AND f.referrer_child_id = p_child_id) THEN
        RETURN 'mutual';
    END IF;
    IF (SELECT count(*) FROM tt.referrals f WHERE f.referrer_child_id = referrer) >= 10 THEN
        RETURN 'cap';
    END IF;
    INSERT INTO tt.referrals (referee_child_id, referrer_child_id, redeemed_by)
    VALUES (p_child_id, referrer, actor);
    INSERT INTO tt.family_pro (child_id, plan_code, expires_at)
    VALUES (p_child_id, p_plan_code, now() + make_interval(days => p_days));
    INSERT INTO tt.audit_events (user_id, child_id, kind, details)
    VALUES (actor, p_child_id, 'referral_redeemed',
            jsonb_build_object('referrer_child', referrer, 'days', p_days));
    RETURN 'redeemed';
END
$$;

GRANT CREATE ON SCHEMA tt TO tt_system;
ALTER FUNCTION tt.request_pro_link(bigint, text, integer, text, text, timestamptz, text)
    OWNER TO tt_system;
ALTER FUNCTION tt.recheck_family_links(bigint) OWNER TO tt_system;
ALTER FUNCTION tt.coupon_discount(text) OWNER TO tt_system;
ALTER FUNCTION tt.family_referral_code(bigint, text) OWNER TO tt_system;
ALTER FUNCTION tt.redeem_referral(bigint, text, text, integer) OWNER TO tt_system;
REVOKE CREATE ON SCHEMA tt FROM tt_system;
REVOKE ALL ON FUNCTION tt.request_pro_link(bigint, text, integer, text, text, timestamptz, text),
    tt.recheck_family_links(bigint), tt.coupon_discount(text),
    tt.family_referral_code(bigint, text), tt.redeem_referral(bigint, text, text, integer)
    FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tt.request_pro_link(bigint, text, integer, text, text, timestamptz, text),
    tt.recheck_family_links(bigint), tt.coupon_discount(text),
    tt.family_referral_code(bigint, text), tt.redeem_referral(bigint, text, text, integer)
    TO tt_app;

DO $$
DECLARE r text;
BEGIN
    FOREACH r IN ARRAY ARRAY['anon', 'authenticated'] LOOP
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('REVOKE ALL ON tt.family_pro, tt.payment_links, tt.payments, '
                           'tt.razorpay_events, tt.coupons, tt.referral_codes, tt.referrals '
                           'FROM %I', r);
            EXECUTE format('REVOKE ALL ON FUNCTION tt.request_pro_link(bigint, text, integer, '
                           'text, text, timestamptz, text), tt.recheck_family_links(bigint), '
                           'tt.coupon_discount(text), tt.family_referral_code(bigint, text), '
                           'tt.redeem_referral(bigint, text, text, integer) FROM %I', r);
        END IF;
    END LOOP;
END
$$;
