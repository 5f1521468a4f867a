"""Logged sessions of a child: one row per log entry, with a count of 1-5 sessions.

A replace never deletes an entry: it is set aside (superseded) and every read here skips it,
so it is in no count, report, export or status. Undo brings it back (tracker/undo_store.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import asyncpg

from sql.cipher import Cipher
from sql.db import fetch_optional, fetch_value
from tracker.kinds import Status
from tracker.text import clean_free_text


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: int
    day: date
    status: Status
    count: int
    reason: str
    reason_category: str | None
    mood: str | None
    logged_by: int | None


COLUMNS = "id, day, status, count, reason, reason_category, mood, logged_by"
LIVE = "superseded_at IS NULL"

SELECT_RANGE = f"""
SELECT {COLUMNS} FROM tt.sessions
WHERE child_id = $1 AND day BETWEEN $2 AND $3 AND {LIVE} ORDER BY day, id
"""

LAST_LOGGED_BY = f"""
SELECT {COLUMNS}, created_at FROM tt.sessions WHERE child_id = $1 AND logged_by = $2 AND {LIVE}
ORDER BY created_at DESC, id DESC LIMIT 1
"""


def read_row(record: asyncpg.Record, cipher: Cipher) -> SessionRow:
    values = dict(record)
    values.pop("created_at", None)
    values["reason"] = cipher.decrypt_text(values["reason"]) if values["reason"] else ""
    return SessionRow(**values)


async def select_sessions(
    conn: asyncpg.Connection, cipher: Cipher, child_id: int, first: date, last: date
) -> list[SessionRow]:
    return [read_row(r, cipher) for r in await conn.fetch(SELECT_RANGE, child_id, first, last)]


async def insert_session(
    conn: asyncpg.Connection,
    cipher: Cipher,
    *,
    child_id: int,
    day: date,
    status: Status,
    count: int,
    logged_by: int,
    reason: str = "",
    reason_category: str | None = None,
) -> int:
    return await fetch_value(
        conn,
        int,
        "INSERT INTO tt.sessions (child_id, day, status, count, reason, reason_category, "
        "logged_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        child_id,
        day,
        status,
        count,
        cipher.encrypt_text(clean_free_text(reason)) if reason else None,
        reason_category,
        logged_by,
    )


async def supersede_sessions_on(
    conn: asyncpg.Connection, cipher: Cipher, child_id: int, day: date, *, by: int | None
) -> list[SessionRow]:
    """Set aside the day's entries, all but `by` (the entry replacing them; None for a
    holiday), and return them."""
    records = await conn.fetch(
        "UPDATE tt.sessions SET superseded_at = now(), superseded_by = $3 "
        f"WHERE child_id = $1 AND day = $2 AND {LIVE} AND id IS DISTINCT FROM $3 "
        f"RETURNING {COLUMNS}",
        child_id,
        day,
        by,
    )
    return sorted((read_row(r, cipher) for r in records), key=lambda row: row.id)


async def select_attended_days(
    conn: asyncpg.Connection, child_id: int, first: date, last: date
) -> list[date]:
    rows = await conn.fetch(
        "SELECT DISTINCT day FROM tt.sessions WHERE child_id = $1 AND "
        f"status = 'attended' AND day BETWEEN $2 AND $3 AND {LIVE}",
        child_id,
        first,
        last,
    )
    return [row["day"] for row in rows]


async def update_session_mood(
    conn: asyncpg.Connection, child_id: int, session_id: int, mood: str
) -> date | None:
    """Set the mood of one attended entry of this child; its day, or None when it is gone."""
    return await fetch_optional(
        conn,
        date,
        "UPDATE tt.sessions SET mood = $3 WHERE id = $2 AND child_id = $1 "
        f"AND status = 'attended' AND {LIVE} RETURNING day",
        child_id,
        session_id,
        mood,
    )


async def select_last_logged_by(
    conn: asyncpg.Connection, cipher: Cipher, child_id: int, user_id: int
) -> SessionRow | None:
    record = await conn.fetchrow(LAST_LOGGED_BY, child_id, user_id)
    return read_row(record, cipher) if record else None
