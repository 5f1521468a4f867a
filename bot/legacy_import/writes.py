"""The statements the import writes with, as the system role: the same columns, encryption
and cleaning as tracker/ stores, plus the original's timestamps. Each returns whether it
wrote (False: the row was already there)."""

from __future__ import annotations

import json
from datetime import date, datetime

import asyncpg

from bot.legacy_import.plan import (
    Family,
    Holiday,
    Member,
    MonthPlan,
    Note,
    Payment,
    Person,
    Pro,
    Session,
)
from payments.plans import better
from payments.pro import select_pro
from sql.cipher import Cipher
from sql.db import fetch_optional, fetch_value
from tracker.notes import STRUCTURED_FIELDS
from tracker.reasons import categorize

ORIGINAL = {"from": "original bot"}
WEEKDAYS = [1, 2, 3, 4, 5]  # the original reminded on weekdays only


async def insert_user(conn: asyncpg.Connection, person: Person) -> int | None:
    """A new user; None when the number already has one."""
    return await fetch_optional(
        conn,
        int,
        "INSERT INTO tt.users (phone, language, timezone, consent, consent_changed_at, "
        "reminders_enabled, reminder_hour, reminder_days, created_at) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, now())) "
        "ON CONFLICT (phone) DO NOTHING RETURNING id",
        person.phone,
        person.language,
        person.timezone,
        person.consent,
        person.consent_at,
        person.reminders_enabled,
        person.reminder_hour,
        WEEKDAYS,
        person.created_at,
    )


async def opt_out_if_newer(conn: asyncpg.Connection, user_id: int, person: Person) -> bool:
    """An existing user stays or becomes opted out when the original's opt-out is newer than
    any choice they made here."""
    result = await conn.execute(
        "UPDATE tt.users SET consent = 'opted_out', consent_changed_at = $2 WHERE id = $1 "
        "AND consent = 'opted_in' AND (consent_changed_at IS NULL OR consent_changed_at < $2)",
        user_id,
        person.consent_at,
    )
    return result.endswith(" 1")


async def insert_event(
    conn: asyncpg.Connection, user_id: int, kind: str, at: datetime | None
) -> int:
    return await fetch_value(
        conn,
        int,
        "INSERT INTO tt.audit_events (user_id, kind, details, created_at) "
        "VALUES ($1, $2, $3::jsonb, coalesce($4, now())) RETURNING id",
        user_id,
        kind,
        json.dumps(ORIGINAL),
        at,
    )


async def insert_child(
    conn: asyncpg.Connection, family: Family, created_by: int | None, since: date
) -> int:
    return await fetch_value(
        conn,
        int,
        "INSERT INTO tt.children (name, timezone, created_by, created_at, tracking_since) "
        "VALUES ($1, $2, $3, coalesce($4, now()), $5) RETURNING id",
        family.name,
        family.timezone,
        created_by,
        family.created_at,
        since,
    )


async def insert_member(
    conn: asyncpg.Connection, child_id: int, user_id: int, member: Member, invited_by: int | None
) -> bool:
    written = await conn.fetchval(
        "INSERT INTO tt.memberships (child_id, user_id, role, status, invited_by, created_at, "
        "accepted_at) VALUES ($1, $2, $3, 'active', $4, coalesce($5, now()), coalesce($5, now())) "
        "ON CONFLICT DO NOTHING RETURNING true",
        child_id,
        user_id,
        member.role,
        invited_by,
        member.created_at,
    )
    await conn.execute(
        "UPDATE tt.users SET current_child_id = $2 WHERE id = $1 AND current_child_id IS NULL",
        user_id,
        child_id,
    )
    return bool(written)


async def ensure_owner(conn: asyncpg.Connection, child_id: int) -> bool:
    """A family here always has an owner: when the one planned was erased here, its earliest
    parent owns it (as erasure hands it over). False when no owner or parent is left."""
    return bool(
        await conn.fetchval(
            "WITH heir AS (UPDATE tt.memberships SET role = 'owner' WHERE child_id = $1 "
            "AND user_id = (SELECT user_id FROM tt.memberships WHERE child_id = $1 "
            "AND role = 'parent' ORDER BY accepted_at, user_id LIMIT 1) "
            "AND NOT EXISTS (SELECT 1 FROM tt.memberships WHERE child_id = $1 "
            "AND role = 'owner') RETURNING 1) "
            "SELECT EXISTS (SELECT 1 FROM tt.memberships WHERE child_id = $1 "
            "AND role = 'owner') OR EXISTS (SELECT 1 FROM heir)",
            child_id,
        )
    )


async def insert_invite(
    conn: asyncpg.Connection,
    child_id: int,
    phone: str,
    role: str,
    invited_by: int | None,
    at: datetime | None,
) -> bool:
    return bool(
        await conn.fetchval(
            "INSERT INTO tt.invites (child_id, phone, role, invited_by, created_at) "
            "VALUES ($1, $2, $3, $4, coalesce($5, now())) ON CONFLICT DO NOTHING RETURNING true",
            child_id,
            phone,
            role,
            invited_by,
            at,
        )
    )


async def insert_plan(
    conn: asyncpg.Connection, child_id: int, plan: MonthPlan, set_by: int | None
) -> bool:
    """The month's plan, unless the family already has one for that month (kept: it is theirs)."""
    return bool(
        await conn.fetchval(
            "INSERT INTO tt.plans (child_id, month, sessions_paid, cost_paise, carried, "
            "used_before, set_by) VALUES ($1, $2, $3, $4, $5, $6, $7) "
            "ON CONFLICT DO NOTHING RETURNING true",
            child_id,
            plan.month,
            plan.sessions_paid,
            plan.cost_paise,
            plan.carried,
            plan.used_before,
            set_by,
        )
    )


async def insert_sessions(
    conn: asyncpg.Connection,
    cipher: Cipher,
    child_id: int,
    sessions: list[Session],
    loggers: list[int | None],
) -> None:
    """A family's sessions in one statement, each one entry of one session."""
    await conn.execute(
        "INSERT INTO tt.sessions (child_id, day, status, count, reason, reason_category, mood, "
        "logged_by, created_at) SELECT $1, s.day, s.status, 1, s.reason, s.category, s.mood, "
        "s.logged_by, coalesce(s.created_at, now()) FROM unnest($2::date[], $3::text[], "
        "$4::bytea[], $5::text[], $6::text[], $7::bigint[], $8::timestamptz[]) "
        "AS s(day, status, reason, category, mood, logged_by, created_at)",
        child_id,
        [s.day for s in sessions],
        [s.status for s in sessions],
        [cipher.encrypt_text(s.reason) if s.reason else None for s in sessions],
        [categorize(s.reason) if s.status == "missed" else None for s in sessions],
        [s.mood for s in sessions],
        loggers,
        [s.created_at for s in sessions],
    )


async def insert_holiday(
    conn: asyncpg.Connection, child_id: int, holiday: Holiday, set_by: int | None
) -> bool:
    return bool(
        await conn.fetchval(
            "INSERT INTO tt.holidays (child_id, day, set_by, created_at) "
            "VALUES ($1, $2, $3, coalesce($4, now())) ON CONFLICT DO NOTHING RETURNING true",
            child_id,
            holiday.day,
            set_by,
            holiday.created_at,
        )
    )


async def insert_notes(
    conn: asyncpg.Connection,
    cipher: Cipher,
    child_id: int,
    notes: list[Note],
    authors: list[int | None],
) -> None:
    """A family's notes in one statement; a structured note keeps its four answers as JSON."""
    await conn.execute(
        "INSERT INTO tt.notes (child_id, author_id, kind, body, created_at) "
        "SELECT $1, n.author, n.kind, n.body, coalesce(n.created_at, now()) "
        "FROM unnest($2::bigint[], $3::text[], $4::bytea[], $5::timestamptz[]) "
        "AS n(author, kind, body, created_at)",
        child_id,
        authors,
        [n.kind for n in notes],
        [_note_body(cipher, n) for n in notes],
        [n.created_at for n in notes],
    )


def _note_body(cipher: Cipher, note: Note) -> bytes:
    if note.fields is not None:
        return cipher.encrypt_json({name: note.fields.get(name, "") for name in STRUCTURED_FIELDS})
    return cipher.encrypt_text(note.text)


async def insert_payment(
    conn: asyncpg.Connection, child_id: int, payment: Payment, payer: int | None
) -> bool:
    """A payment the original applied: its days were granted then (they are in the Pro
    state), so it is stored as granted and never applied again."""
    return bool(
        await conn.fetchval(
            "INSERT INTO tt.payments (payment_id, child_id, user_id, plan_code, amount_paise, "
            "currency, state, days_granted, granted_at, created_at) "
            "VALUES ($1, $2, $3, $4, $5, $6, 'granted', $7, $8, coalesce($8, now())) "
            "ON CONFLICT DO NOTHING RETURNING true",
            payment.payment_id,
            child_id,
            payer,
            payment.plan_code,
            payment.amount_paise,
            payment.currency,
            payment.days,
            payment.paid_at,
        )
    )


async def insert_referral(
    conn: asyncpg.Connection,
    referee: int,
    referrer: int,
    redeemed_by: int | None,
    at: datetime | None,
) -> bool:
    return bool(
        await conn.fetchval(
            "INSERT INTO tt.referrals (referee_child_id, referrer_child_id, redeemed_by, "
            "referrer_rewarded_at, created_at) VALUES ($1, $2, $3, coalesce($4, now()), "
            "coalesce($4, now())) ON CONFLICT DO NOTHING RETURNING true",
            referee,
            referrer,
            redeemed_by,
            at,
        )
    )


async def carry_pro(conn: asyncpg.Connection, child_id: int, pro: Pro, now: datetime) -> bool:
    """The family's Pro runs at least until the original's did, on the better plan while
    both are active; False when it already did."""
    held = await select_pro(conn, child_id)
    if held.expires_at is not None and held.expires_at >= pro.expires_at:
        return False
    plan_code = better(held.plan_code if held.active(now) else None, pro.plan_code)
    await conn.execute(
        "INSERT INTO tt.family_pro (child_id, plan_code, expires_at) VALUES ($1, $2, $3) "
        "ON CONFLICT (child_id) DO UPDATE SET plan_code = excluded.plan_code, "
        "expires_at = excluded.expires_at, updated_at = now()",
        child_id,
        plan_code,
        pro.expires_at,
    )
    return True
