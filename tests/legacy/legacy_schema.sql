-- The original Node.js bot's tables, as original-bot.md §3 describes them after every one of
-- its SQL files ran (base, hardening, voice notes, low priority, core features). Written for
-- the import tests; it keeps the original's flaws on purpose: no uniqueness on sessions, no
-- foreign key on child_id columns, monthly plans per phone, opt-out as an event log.

CREATE TABLE users (
    id                 bigserial PRIMARY KEY,
    tenant_id          text NOT NULL DEFAULT 'default',
    phone              text UNIQUE NOT NULL,
    waiting_for        text,
    timezone           text DEFAULT 'Asia/Kolkata',
    reminders_enabled  boolean DEFAULT true,
    reminder_time_hour integer DEFAULT 13,
    last_reminder_sent date,
    is_pro             boolean DEFAULT false,
    pro_expires_at     timestamptz,
    locale             text DEFAULT 'en',
    theme              text DEFAULT 'sunrise',
    referral_code      text,
    has_initiated_chat boolean DEFAULT false,
    last_inbound_at    timestamptz,
    created_at         timestamptz DEFAULT now()
);

CREATE TABLE monthly_config (
    id               bigserial PRIMARY KEY,
    tenant_id        text NOT NULL DEFAULT 'default',
    user_phone       text REFERENCES users (phone) ON DELETE CASCADE,
    month            text,
    paid_sessions    integer NOT NULL,
    cost_per_session integer NOT NULL,
    carry_forward    integer DEFAULT 0,
    child_id         bigint,
    created_at       timestamptz DEFAULT now(),
    UNIQUE (user_phone, month)
);

CREATE TABLE sessions (
    id            bigserial PRIMARY KEY,
    tenant_id     text NOT NULL DEFAULT 'default',
    user_phone    text REFERENCES users (phone) ON DELETE CASCADE,
    date          date,
    month         text,
    status        text CHECK (status IN ('attended', 'cancelled')),
    reason        text,
    child_id      bigint,
    logged_by     text,
    sessions_done integer DEFAULT 1,
    mood          text,
    created_at    timestamptz DEFAULT now()
);

CREATE TABLE holidays (
    id         bigserial PRIMARY KEY,
    tenant_id  text NOT NULL DEFAULT 'default',
    user_phone text REFERENCES users (phone) ON DELETE CASCADE,
    date       date,
    month      text,
    child_id   bigint,
    created_at timestamptz DEFAULT now(),
    UNIQUE (user_phone, date)
);

CREATE TABLE children (
    id         bigserial PRIMARY KEY,
    tenant_id  text NOT NULL DEFAULT 'default',
    name       text NOT NULL,
    created_by text NOT NULL REFERENCES users (phone) ON DELETE SET NULL,
    created_at timestamptz DEFAULT now()
);

CREATE TABLE child_members (
    id                     bigserial PRIMARY KEY,
    tenant_id              text NOT NULL DEFAULT 'default',
    child_id               bigint REFERENCES children (id) ON DELETE CASCADE,
    member_phone           text REFERENCES users (phone) ON DELETE CASCADE,
    role                   text DEFAULT 'member',
    invited_by             text,
    invite_sent_at         timestamptz,
    invite_delivery_status text,
    invite_error           text,
    invite_accepted_at     timestamptz,
    created_at             timestamptz DEFAULT now(),
    UNIQUE (child_id, member_phone)
);

CREATE TABLE processed_inbound_messages (
    id         bigserial PRIMARY KEY,
    tenant_id  text NOT NULL DEFAULT 'default',
    message_id text UNIQUE,
    created_at timestamptz DEFAULT now()
);

CREATE TABLE feedback_notes (
    id                   bigserial PRIMARY KEY,
    tenant_id            text NOT NULL DEFAULT 'default',
    user_phone           text REFERENCES users (phone) ON DELETE CASCADE,
    transcript           text NOT NULL,
    summary              text,
    source               text DEFAULT 'text',
    media_id             text,
    transcription_status text DEFAULT 'ok',
    created_at           timestamptz DEFAULT now()
);

CREATE TABLE consent_events (
    id         bigserial PRIMARY KEY,
    tenant_id  text NOT NULL DEFAULT 'default',
    user_phone text REFERENCES users (phone) ON DELETE CASCADE,
    event_type text,
    details    jsonb,
    created_at timestamptz DEFAULT now()
);

CREATE TABLE processed_payment_events (
    id         bigserial PRIMARY KEY,
    tenant_id  text NOT NULL DEFAULT 'default',
    event_key  text UNIQUE,
    created_at timestamptz DEFAULT now()
);

CREATE TABLE subscription_payments (
    id           bigserial PRIMARY KEY,
    tenant_id    text NOT NULL DEFAULT 'default',
    payment_id   text,
    event_key    text UNIQUE NOT NULL,
    event_name   text,
    user_phone   text REFERENCES users (phone) ON DELETE CASCADE,
    plan_code    text,
    plan_days    integer NOT NULL,
    amount_paise integer,
    currency     text DEFAULT 'INR',
    status       text DEFAULT 'paid',
    paid_at      timestamptz,
    notes        jsonb,
    created_at   timestamptz DEFAULT now()
);

CREATE TABLE referral_events (
    id             bigserial PRIMARY KEY,
    tenant_id      text NOT NULL DEFAULT 'default',
    referrer_phone text REFERENCES users (phone) ON DELETE CASCADE,
    referred_phone text REFERENCES users (phone) ON DELETE CASCADE,
    coupon_code    text,
    reward_days    integer DEFAULT 7,
    created_at     timestamptz DEFAULT now(),
    UNIQUE (tenant_id, referred_phone)
);

CREATE TABLE coupon_codes (
    id              bigserial PRIMARY KEY,
    tenant_id       text NOT NULL DEFAULT 'default',
    code            text,
    discount_type   text DEFAULT 'days',
    discount_value  integer,
    max_redemptions integer,
    used_count      integer DEFAULT 0,
    active          boolean DEFAULT true,
    expires_at      timestamptz,
    UNIQUE (tenant_id, code)
);

CREATE TABLE coupon_redemptions (
    id           bigserial PRIMARY KEY,
    tenant_id    text NOT NULL DEFAULT 'default',
    code         text,
    user_phone   text REFERENCES users (phone) ON DELETE CASCADE,
    applied_days integer,
    created_at   timestamptz DEFAULT now(),
    UNIQUE (tenant_id, code, user_phone)
);
