"""Queued family notices: one encrypted line per recipient, merged and sent by
bot/notice_flusher.py."""

from __future__ import annotations

import asyncpg

from tracker.members import Person

SELECT_CO_MEMBERS = """
SELECT u.id, u.language, u.consent, u.last_inbound_at
FROM tt.memberships m JOIN tt.users u ON u.id = m.user_id
WHERE m.child_id = $1 AND m.status = 'active' AND m.user_id <> tt.acting_user_id()
ORDER BY u.id
"""

# One person's lines once the oldest has waited the batch delay. Rows another instance holds
# are skipped, so two flushers never deadlock (at worst that person gets two messages).
DELETE_DUE = """
WITH target AS (
    SELECT user_id FROM tt.pending_notices
    WHERE queued_at <= now() - make_interval(secs => $1)
    ORDER BY id LIMIT 1
    FOR UPDATE SKIP LOCKED
), batch AS (
    SELECT n.id FROM tt.pending_notices n JOIN target t ON t.user_id = n.user_id
    FOR UPDATE OF n SKIP LOCKED
)
DELETE FROM tt.pending_notices WHERE id IN (SELECT id FROM batch)
RETURNING id, user_id, line, anonymous_line, about_user_id
"""

SELECT_RECIPIENT = """
SELECT u.id, u.language, u.consent, u.last_inbound_at,
       (SELECT i.phone_number_id FROM tt.inbound_messages i WHERE i.user_id = u.id
        ORDER BY i.id DESC LIMIT 1) AS phone_number_id
FROM tt.users u WHERE u.id = $1
"""


def _person(row: asyncpg.Record) -> Person:
    return Person(row["id"], row["language"], row["consent"], row["last_inbound_at"])


async def select_co_members(conn: asyncpg.Connection, child_id: int) -> list[Person]:
    """The child's other active members (RLS: only a member of the family gets any)."""
    return [_person(r) for r in await conn.fetch(SELECT_CO_MEMBERS, child_id)]


async def insert_notice(
    conn: asyncpg.Connection, user_id: int, child_id: int, line: bytes, anonymous_line: bytes
) -> None:
    """Queue an encrypted line for `user_id` about the acting member, with the same line
    without their name for when they erase their data before it is sent."""
    await conn.execute(
        "INSERT INTO tt.pending_notices (user_id, child_id, line, anonymous_line, about_user_id) "
        "VALUES ($1, $2, $3, $4, tt.acting_user_id())",
        user_id,
        child_id,
        line,
        anonymous_line,
    )


async def delete_due_notices(
    conn: asyncpg.Connection, batch_seconds: float
) -> list[asyncpg.Record]:
    """Take one person's due lines off the queue, oldest first (system role)."""
    return sorted(await conn.fetch(DELETE_DUE, batch_seconds), key=lambda r: r["id"])


async def select_recipient(
    conn: asyncpg.Connection, user_id: int
) -> tuple[Person, str | None] | None:
    """The person and the business number they last wrote to (system role)."""
    row = await conn.fetchrow(SELECT_RECIPIENT, user_id)
    return (_person(row), row["phone_number_id"]) if row else None
