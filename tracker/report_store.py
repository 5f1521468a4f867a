"""Reads that only reports need: a child's whole session history and this week's notes."""

from __future__ import annotations

from datetime import date, datetime

import asyncpg

from sql.cipher import Cipher
from tracker.report import Logged, WeekNotes, homework_hint

# The newest notes are where this week's homework is; older ones are not read for it.
HOMEWORK_NOTES = 20


async def select_history(conn: asyncpg.Connection, child_id: int, last: date) -> list[Logged]:
    """Every logged row up to `last`, oldest first (same-day rows in the order they came)."""
    rows = await conn.fetch(
        "SELECT day, status, count FROM tt.sessions WHERE child_id = $1 AND day <= $2 "
        "ORDER BY day, id",
        child_id,
        last,
    )
    return [Logged(**dict(row)) for row in rows]


async def select_week_notes(
    conn: asyncpg.Connection, cipher: Cipher, child_id: int, since: datetime
) -> WeekNotes:
    """How many notes were written since `since`, and a homework hint from the newest ones."""
    count = await conn.fetchval(
        "SELECT count(*) FROM tt.notes WHERE child_id = $1 AND created_at >= $2", child_id, since
    )
    # Structured notes keep their fields as JSON; only a free note's text can start "homework:".
    bodies = await conn.fetch(
        "SELECT body FROM tt.notes WHERE child_id = $1 AND created_at >= $2 AND kind = 'free' "
        "ORDER BY created_at DESC, id DESC LIMIT $3",
        child_id,
        since,
        HOMEWORK_NOTES,
    )
    return WeekNotes(count, homework_hint(cipher.decrypt_text(row["body"]) for row in bodies))
