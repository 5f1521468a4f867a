"""Reads for the numbers chat screens show: a month as every screen counts it, a child's whole
session history, and this week's therapist notes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import asyncpg

from sql.cipher import Cipher
from tracker.dates import month_bounds, month_of
from tracker.holiday_store import select_holidays
from tracker.notes import Note, note_from_record
from tracker.plan_store import select_plan
from tracker.report import Logged, MonthLog, WeekNotes, homework_hint
from tracker.session_store import select_sessions

# The most notes a monthly report reads; the PDF shows the first few and counts the rest.
MONTH_NOTES = 200
# The newest notes are where this week's homework is; older ones are not read for it.
HOMEWORK_NOTES = 20


async def load_month(
    conn: asyncpg.Connection, cipher: Cipher, child_id: int, day: date
) -> MonthLog:
    """The plan, sessions and days off of the month holding `day`: the one read behind every
    number a screen shows for a month."""
    first, last = month_bounds(month_of(day))
    return MonthLog(
        month=first,
        plan=await select_plan(conn, child_id, first),
        rows=await select_sessions(conn, cipher, child_id, first, last),
        holidays=await select_holidays(conn, child_id, first, last),
    )


async def select_history(conn: asyncpg.Connection, child_id: int, last: date) -> list[Logged]:
    """Every logged row up to `last`, oldest first (same-day rows in the order they came)."""
    rows = await conn.fetch(
        "SELECT day, status, count FROM tt.sessions WHERE child_id = $1 AND day <= $2 "
        "AND superseded_at IS NULL ORDER BY day, id",
        child_id,
        last,
    )
    return [Logged(**dict(row)) for row in rows]


async def select_week_notes(
    conn: asyncpg.Connection, cipher: Cipher, child_id: int, since: datetime
) -> WeekNotes:
    """How many notes therapists wrote since `since`, and a homework hint from the newest notes."""
    count = await conn.fetchval(
        "SELECT count(*) FROM tt.notes WHERE child_id = $1 AND created_at >= $2 "
        "AND author_role = 'therapist'",
        child_id,
        since,
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


@dataclass(frozen=True, slots=True)
class AuthoredNote:
    """A note with the role its author had when writing it (None for notes from before roles
    were kept)."""

    note: Note
    author_role: str | None


async def select_notes_between(
    conn: asyncpg.Connection, cipher: Cipher, child_id: int, since: datetime, until: datetime
) -> list[AuthoredNote]:
    """Notes written in [since, until), oldest first, at most MONTH_NOTES of them."""
    rows = await conn.fetch(
        "SELECT id, kind, author_id, author_role, created_at, body, voice_note_id FROM tt.notes "
        "WHERE child_id = $1 AND created_at >= $2 AND created_at < $3 "
        "ORDER BY created_at, id LIMIT $4",
        child_id,
        since,
        until,
        MONTH_NOTES,
    )
    return [AuthoredNote(note_from_record(row, cipher), row["author_role"]) for row in rows]
