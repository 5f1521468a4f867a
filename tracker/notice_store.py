"""Queued family notices: one encrypted line per recipient, merged and sent by
bot/notice_flusher.py."""

from __future__ import annotations

from datetime import timedelta

import asyncpg

from sql.queue import Claim, Queue
from tracker.members import Person

SELECT_CO_MEMBERS = """
SELECT u.id, u.language, u.consent, u.last_inbound_at
FROM tt.memberships m JOIN tt.users u ON u.id = m.user_id
WHERE m.child_id = $1 AND m.status = 'active' AND m.user_id <> tt.acting_user_id()
ORDER BY u.id
"""

# Claimed like every queue (sql/queue.py): a person's oldest line once it has waited the batch
# time ($3); the flusher then takes all of that person's lines with it. A line that keeps
# failing is retried, then kept as dead with its reason, and the others go on.
NOTICES = Queue(
    "tt.pending_notices",
    waiting="status = 'pending' AND queued_at <= now() - make_interval(secs => $3)",
    lease=timedelta(seconds=15),
    returning="q.user_id",
    given_up="status = 'dead'",
)

SELECT_BATCH = """
SELECT id, line, anonymous_line, about_user_id FROM tt.pending_notices
WHERE user_id = $1 AND status = 'pending'
ORDER BY id
FOR UPDATE
"""

BURY = """
UPDATE tt.pending_notices
SET status = 'dead', last_error = $2, claim_token = NULL, claimed_until = NULL
WHERE id = ANY($1::bigint[])
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


async def claim_due_notice(conn: asyncpg.Connection, batch_seconds: float) -> Claim | None:
    """The oldest line of someone whose lines have waited the batch time (system role)."""
    return await NOTICES.claim(conn, batch_seconds)


async def select_batch(conn: asyncpg.Connection, user_id: int) -> list[asyncpg.Record]:
    """All of a person's waiting lines, oldest first, locked until the transaction ends."""
    return list(await conn.fetch(SELECT_BATCH, user_id))


async def delete_notices(conn: asyncpg.Connection, ids: list[int]) -> None:
    await conn.execute("DELETE FROM tt.pending_notices WHERE id = ANY($1::bigint[])", ids)


async def bury_notices(conn: asyncpg.Connection, ids: list[int], reason: str) -> None:
    """Keep lines that can never be sent as dead, with the reason, out of everyone's way."""
    await conn.execute(BURY, ids, reason)


async def select_recipient(
    conn: asyncpg.Connection, user_id: int
) -> tuple[Person, str | None] | None:
    """The person and the business number they last wrote to (system role)."""
    row = await conn.fetchrow(SELECT_RECIPIENT, user_id)
    return (_person(row), row["phone_number_id"]) if row else None
