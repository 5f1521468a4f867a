"""A user's data rights: everything held about them for an export, and erasing it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import asyncpg

from sql.cipher import Cipher
from sql.db import fetch_one
from tracker.notes import Note, select_notes
from tracker.session_store import SessionRow, select_sessions

EXPIRED_STUBS = """
DELETE FROM tt.users u
WHERE u.deleted_at IS NOT NULL AND u.welcomed_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM tt.outbox o WHERE o.user_id = u.id AND o.status = 'pending')
  AND NOT EXISTS (SELECT 1 FROM tt.inbound_messages m
                  WHERE m.user_id = u.id AND m.status = 'pending')
"""


@dataclass(frozen=True, slots=True)
class Account:
    phone: str | None
    language: str
    timezone: str
    consent: str
    consent_changed_at: datetime | None
    reminders_enabled: bool
    reminder_hour: int
    reminder_days: tuple[int, ...]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Member:
    user_id: int
    phone: str | None
    role: str
    status: str


@dataclass(frozen=True, slots=True)
class PlanRecord:
    month: date
    sessions_paid: int
    cost_paise: int
    carried: int
    used_before: int


@dataclass(frozen=True, slots=True)
class ChildRecords:
    id: int
    name: str
    timezone: str
    tracking_since: date
    members: list[Member]
    plans: list[PlanRecord]
    sessions: list[SessionRow]
    holidays: list[date]
    notes: list[Note]  # oldest first


@dataclass(frozen=True, slots=True)
class Event:
    """A line of the user's activity log: what they changed (consent, settings, families)."""

    created_at: datetime
    kind: str
    child_id: int | None
    details: dict[str, Any]


@dataclass(frozen=True, slots=True)
class Membership:
    child_id: int
    child_name: str
    role: str
    status: str


@dataclass(frozen=True, slots=True)
class Export:
    account: Account
    memberships: list[Membership]
    children: list[ChildRecords]
    events: list[Event]


@dataclass(frozen=True, slots=True)
class FamilyOutcome:
    """What erasing the user does to one family: 'keep' it for the others, or 'delete' it."""

    child_id: int
    child_name: str
    role: str
    outcome: str
    heir_id: int | None


async def select_account(conn: asyncpg.Connection, user_id: int) -> Account:
    row = await fetch_one(
        conn,
        "SELECT phone, language, timezone, consent, consent_changed_at, reminders_enabled, "
        "reminder_hour, reminder_days, created_at FROM tt.users WHERE id = $1",
        user_id,
    )
    return Account(**{**dict(row), "reminder_days": tuple(row["reminder_days"])})


async def select_memberships(conn: asyncpg.Connection, user_id: int) -> list[Membership]:
    """Every membership of the user, and the invites to their number (from my_invites())."""
    rows = await conn.fetch(
        "SELECT m.child_id, c.name AS child_name, m.role, m.status "
        "FROM tt.memberships m JOIN tt.children c ON c.id = m.child_id WHERE m.user_id = $1 "
        "UNION ALL SELECT i.child_id, i.child_name, i.role, 'pending' FROM tt.my_invites() i "
        "ORDER BY child_id",
        user_id,
    )
    return [Membership(**dict(row)) for row in rows]


async def select_members(conn: asyncpg.Connection, child_id: int) -> list[Member]:
    rows = await conn.fetch(
        "SELECT m.user_id, u.phone, m.role, m.status FROM tt.memberships m "
        "JOIN tt.users u ON u.id = m.user_id WHERE m.child_id = $1 ORDER BY m.created_at, "
        "m.user_id",
        child_id,
    )
    return [Member(**dict(row)) for row in rows]


async def select_plans(conn: asyncpg.Connection, child_id: int) -> list[PlanRecord]:
    rows = await conn.fetch(
        "SELECT month, sessions_paid, cost_paise, carried, used_before "
        "FROM tt.plans WHERE child_id = $1 ORDER BY month",
        child_id,
    )
    return [PlanRecord(**dict(row)) for row in rows]


async def select_all_sessions(
    conn: asyncpg.Connection, cipher: Cipher, child_id: int
) -> list[SessionRow]:
    """Every session of the child with its reason decrypted, oldest first."""
    return await select_sessions(conn, cipher, child_id, date.min, date.max)


async def select_holidays(conn: asyncpg.Connection, child_id: int) -> list[date]:
    rows = await conn.fetch(
        "SELECT day FROM tt.holidays WHERE child_id = $1 AND superseded_at IS NULL ORDER BY day",
        child_id,
    )
    return [row["day"] for row in rows]


async def select_child_records(
    conn: asyncpg.Connection, cipher: Cipher, child_id: int
) -> ChildRecords | None:
    """One child and every row the family holds for it; None when not visible to the user."""
    child = await conn.fetchrow(
        "SELECT id, name, timezone, tracking_since FROM tt.children WHERE id = $1", child_id
    )
    if child is None:
        return None
    return ChildRecords(
        **dict(child),
        members=await select_members(conn, child_id),
        plans=await select_plans(conn, child_id),
        sessions=await select_all_sessions(conn, cipher, child_id),
        holidays=await select_holidays(conn, child_id),
        notes=list(reversed(await select_notes(conn, cipher, child_id))),
    )


async def select_own_events(conn: asyncpg.Connection, user_id: int) -> list[Event]:
    rows = await conn.fetch(
        "SELECT created_at, kind, child_id, details FROM tt.audit_events "
        "WHERE user_id = $1 ORDER BY created_at, id",
        user_id,
    )
    return [Event(**{**dict(row), "details": json.loads(row["details"])}) for row in rows]


async def gather_export(conn: asyncpg.Connection, cipher: Cipher, user_id: int) -> Export:
    """Everything held about the user and the families they are an active member of."""
    memberships = await select_memberships(conn, user_id)
    children = [
        await select_child_records(conn, cipher, m.child_id)
        for m in memberships
        if m.status == "active"
    ]
    return Export(
        account=await select_account(conn, user_id),
        memberships=memberships,
        children=[c for c in children if c is not None],
        events=await select_own_events(conn, user_id),
    )


def _outcomes(rows: list[asyncpg.Record]) -> list[FamilyOutcome]:
    return [FamilyOutcome(**dict(row)) for row in rows]


async def select_deletion_plan(conn: asyncpg.Connection) -> list[FamilyOutcome]:
    """What erasing the acting user would do to each of their families; changes nothing."""
    return _outcomes(await conn.fetch("SELECT * FROM tt.deletion_plan()"))


async def delete_my_data(conn: asyncpg.Connection) -> list[FamilyOutcome]:
    """Erase the acting user's data (see migration 0005) and their name from what still waits
    to be sent to others (0014); the users row stays as a stub."""
    await conn.execute("SELECT tt.forget_mentions()")
    return _outcomes(await conn.fetch("SELECT * FROM tt.delete_my_data()"))


async def purge_deleted_users(conn: asyncpg.Connection) -> int:
    """System sweep: remove erased users' stubs once nothing is waiting to be sent to them."""
    status = await conn.execute(EXPIRED_STUBS)
    return int(status.rsplit(" ", 1)[-1])
