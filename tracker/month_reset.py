"""Reset month: a month's sessions and days off are set aside as a replace does (nothing is
deleted, every read skips them), and the member who reset it may bring them back for a while.

Owners and parents only: the database functions (sql/migrations/0024_caregiver_links.sql)
refuse anyone else with asyncpg.InsufficientPrivilegeError, so callers check the role first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

import asyncpg

from sql.db import fetch_optional, fetch_value
from tracker.dates import month_bounds, month_of

UNDO_RESET_HOURS = 24


@dataclass(frozen=True, slots=True)
class MonthReset:
    """A reset that can still be undone: its month, how many entries it set aside, and when
    it was stored (to order it among the member's other changes)."""

    month: date
    entries: int
    created_at: datetime


async def entries_in_month(conn: asyncpg.Connection, child_id: int, month: date) -> int:
    """How many entries (logged sessions and days off) a reset of the month would set aside."""
    first, last = month_bounds(month_of(month))
    return await fetch_value(
        conn,
        int,
        "SELECT (SELECT count(*) FROM tt.sessions WHERE child_id = $1 AND day BETWEEN $2 AND $3 "
        "AND superseded_at IS NULL) + (SELECT count(*) FROM tt.holidays WHERE child_id = $1 "
        "AND day BETWEEN $2 AND $3 AND superseded_at IS NULL)",
        child_id,
        first,
        last,
    )


async def reset_month(
    conn: asyncpg.Connection, *, child_id: int, month: date, by_user_id: int, now: datetime
) -> int:
    """Set aside the month's entries (`month` is its first day); returns how many."""
    await _check_actor(conn, by_user_id)
    return await fetch_value(
        conn, int, "SELECT tt.reset_month($1, $2, $3)", child_id, month.replace(day=1), now
    )


async def undo_reset(
    conn: asyncpg.Connection, *, child_id: int, by_user_id: int, now: datetime
) -> int:
    """Bring back the family's newest reset when this member made it within UNDO_RESET_HOURS;
    returns how many entries came back (0 when none). Entries on days that got a new entry
    since stay aside."""
    await _check_actor(conn, by_user_id)
    return await fetch_value(conn, int, "SELECT tt.undo_reset($1, $2)", child_id, _undo_since(now))


async def undoable_reset(
    conn: asyncpg.Connection, *, child_id: int, by_user_id: int, now: datetime
) -> MonthReset | None:
    """The reset `undo_reset` would bring back now, if any."""
    row = await conn.fetchrow(
        "SELECT month, entries, created_at, reset_by, reset_at FROM tt.month_resets "
        "WHERE child_id = $1 ORDER BY created_at DESC, id DESC LIMIT 1",
        child_id,
    )
    if row is None or row["reset_by"] != by_user_id or row["reset_at"] < _undo_since(now):
        return None
    return MonthReset(row["month"], row["entries"], row["created_at"])


def _undo_since(now: datetime) -> datetime:
    return now - timedelta(hours=UNDO_RESET_HOURS)


async def _check_actor(conn: asyncpg.Connection, by_user_id: int) -> None:
    """The database records the transaction's acting user; another id is a caller's mistake."""
    acting = await fetch_optional(conn, int, "SELECT tt.acting_user_id()")
    if acting != by_user_id:
        msg = f"acting as user {acting}, not {by_user_id}"
        raise ValueError(msg)
