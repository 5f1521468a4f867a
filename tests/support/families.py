"""Preconditions written straight to the database: a family with a child and a plan."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import asyncpg

KOLKATA = ZoneInfo("Asia/Kolkata")


async def make_family(
    db: asyncpg.Connection,
    phone: str,
    *,
    child: str = "Asha",
    role: str = "owner",
    plan: tuple[int, int, int, int] | None = (16, 80000, 0, 0),
    month: date | None = None,
    since: date | None = None,
) -> tuple[int, int]:
    """A welcomed user who is `role` of a new child with `plan` (paid, cost paise, carried,
    used) for `month`; returns (user id, child id)."""
    month = month or datetime.now(KOLKATA).date().replace(day=1)
    user_id = await db.fetchval(
        "INSERT INTO tt.users (phone, welcomed_at, last_inbound_at) VALUES ($1, now(), now()) "
        "ON CONFLICT (phone) DO UPDATE SET welcomed_at = now() RETURNING id",
        phone,
    )
    child_id = await db.fetchval(
        "INSERT INTO tt.children (name, created_by, tracking_since) VALUES ($1, $2, $3) "
        "RETURNING id",
        child,
        user_id,
        since or month,
    )
    await add_member(db, child_id, user_id, role)
    await db.execute("UPDATE tt.users SET current_child_id = $2 WHERE id = $1", user_id, child_id)
    if plan:
        await db.execute(
            "INSERT INTO tt.plans (child_id, month, sessions_paid, cost_paise, carried, "
            "used_before) VALUES ($1, $2, $3, $4, $5, $6)",
            child_id,
            month,
            *plan,
        )
    return user_id, child_id


async def add_member(db: asyncpg.Connection, child_id: int, user_id: int, role: str) -> None:
    await db.execute(
        "INSERT INTO tt.memberships (child_id, user_id, role, accepted_at) "
        "VALUES ($1, $2, $3, now())",
        child_id,
        user_id,
        role,
    )


async def add_user(db: asyncpg.Connection, phone: str) -> int:
    return await db.fetchval(
        "INSERT INTO tt.users (phone, welcomed_at, last_inbound_at) VALUES ($1, now(), now()) "
        "RETURNING id",
        phone,
    )


def at(moment: str) -> datetime:
    """A fixed clock value from an ISO string in UTC, for make_bot(clock=...)."""
    return datetime.fromisoformat(moment).replace(tzinfo=UTC)


async def add_invite(
    db: asyncpg.Connection, child_id: int, user_id: int, role: str, invited_by: int
) -> None:
    """A pending invite to the user's number, as `invite` leaves it before they answer."""
    await db.execute(
        "INSERT INTO tt.invites (child_id, phone, role, invited_by) "
        "SELECT $1, phone, $3, $4 FROM tt.users WHERE id = $2",
        child_id,
        user_id,
        role,
        invited_by,
    )


async def close_window(db: asyncpg.Connection, user_id: int) -> None:
    """The user last wrote two days ago: only templates may reach them."""
    await db.execute(
        "UPDATE tt.users SET last_inbound_at = now() - interval '2 days' WHERE id = $1", user_id
    )
