"""Undo of a member's last change for a child: their newest entry (and the entries it replaced
come back), or, when that came later, the days off they marked over logged sessions (the days
go and the sessions come back).

Days off and the sessions they set aside are one action because they were written in one
transaction: the holidays' created_at equals the sessions' superseded_at (both now())."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import asyncpg

from sql.cipher import Cipher
from sql.db import fetch_optional
from tracker.session_store import COLUMNS, LAST_LOGGED_BY, SessionRow, read_row


@dataclass(frozen=True, slots=True)
class Undone:
    """What an undo changed: the entry it deleted (None when it removed days off), the days off
    it removed, and the entries that come back."""

    removed: SessionRow | None
    restored: list[SessionRow]
    days_off: tuple[date, ...] = ()


LAST_DAYS_OFF_OVER_SESSIONS = """
SELECT h.created_at FROM tt.holidays h
WHERE h.child_id = $1 AND h.set_by = $2 AND h.superseded_at IS NULL AND EXISTS (
    SELECT 1 FROM tt.sessions s WHERE s.child_id = h.child_id AND s.day = h.day
      AND s.superseded_by IS NULL AND s.superseded_at = h.created_at)
ORDER BY h.created_at DESC LIMIT 1
"""


async def undo_last_change(
    conn: asyncpg.Connection, cipher: Cipher, child_id: int, user_id: int
) -> Undone | None:
    """Undo this member's newest entry or days-off-over-sessions, whichever came last; None
    when they have neither."""
    entry = await conn.fetchrow(f"{LAST_LOGGED_BY} FOR UPDATE", child_id, user_id)
    days_off_at = await fetch_optional(
        conn, datetime, LAST_DAYS_OFF_OVER_SESSIONS, child_id, user_id
    )
    if days_off_at is not None and (entry is None or days_off_at > entry["created_at"]):
        return await _undo_days_off(conn, cipher, child_id, user_id, days_off_at)
    if entry is None:
        return None
    restored = await conn.fetch(
        "UPDATE tt.sessions SET superseded_at = NULL, superseded_by = NULL "
        f"WHERE superseded_by = $1 RETURNING {COLUMNS}",
        entry["id"],
    )
    await conn.execute("DELETE FROM tt.sessions WHERE id = $1", entry["id"])
    return Undone(read_row(entry, cipher), _rows(restored, cipher))


async def _undo_days_off(
    conn: asyncpg.Connection, cipher: Cipher, child_id: int, user_id: int, marked_at: datetime
) -> Undone:
    """Remove the days off marked together at `marked_at` and bring back what they set aside."""
    days = await conn.fetch(
        "DELETE FROM tt.holidays WHERE child_id = $1 AND set_by = $2 AND created_at = $3 "
        "AND superseded_at IS NULL RETURNING day",
        child_id,
        user_id,
        marked_at,
    )
    restored = await conn.fetch(
        "UPDATE tt.sessions SET superseded_at = NULL WHERE child_id = $1 "
        "AND superseded_by IS NULL AND superseded_at = $2 AND day = ANY($3::date[]) "
        f"RETURNING {COLUMNS}",
        child_id,
        marked_at,
        [row["day"] for row in days],
    )
    return Undone(None, _rows(restored, cipher), tuple(sorted(row["day"] for row in days)))


async def last_change_at(conn: asyncpg.Connection, child_id: int, user_id: int) -> datetime | None:
    """When this member made the change `undo_last_change` would take back, if any."""
    entry = await fetch_optional(
        conn, datetime, f"SELECT created_at FROM ({LAST_LOGGED_BY}) e", child_id, user_id
    )
    days_off = await fetch_optional(conn, datetime, LAST_DAYS_OFF_OVER_SESSIONS, child_id, user_id)
    return max((at for at in (entry, days_off) if at is not None), default=None)


def _rows(records: list[asyncpg.Record], cipher: Cipher) -> list[SessionRow]:
    return sorted((read_row(r, cipher) for r in records), key=lambda row: (row.day, row.id))
