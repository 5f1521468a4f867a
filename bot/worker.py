"""Processes stored messages: one user's messages in order, one at a time, across processes."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime

import asyncpg

from bot.background import QueueDrainer
from bot.inbound import from_envelope
from bot.outbox import enqueue
from dialog.context import Context, Links
from dialog.replies import Outgoing, Reply
from dialog.router import Router
from dialog.texts import t
from sql.cipher import Cipher
from sql.db import SYSTEM, Database, as_user
from tracker.users import select_user

log = logging.getLogger(__name__)

CLAIM = """
WITH candidate AS (
    SELECT m.id FROM tt.inbound_messages m
    WHERE m.status = 'pending' AND m.next_attempt_at <= now()
      AND (m.claimed_until IS NULL OR m.claimed_until < now())
      AND NOT EXISTS (SELECT 1 FROM tt.inbound_messages p
                      WHERE p.user_id = m.user_id AND p.status = 'pending' AND p.id < m.id)
    ORDER BY m.id
    LIMIT 1
    FOR UPDATE SKIP LOCKED
)
UPDATE tt.inbound_messages m
SET attempts = m.attempts + 1, claim_token = $1, claimed_until = now() + interval '2 minutes'
FROM candidate WHERE m.id = candidate.id
RETURNING m.id, m.user_id, m.attempts, m.payload, m.phone_number_id
"""

LOCK_CLAIMED = """
SELECT 1 FROM tt.inbound_messages
WHERE id = $1 AND claim_token = $2 AND status = 'pending' FOR UPDATE
"""
MARK_DONE = """
UPDATE tt.inbound_messages
SET status = 'done', processed_at = now(), claim_token = NULL, claimed_until = NULL,
    last_error = NULL
WHERE id = $1
"""
RETRY_LATER = """
UPDATE tt.inbound_messages
SET next_attempt_at = now() + make_interval(secs => $3), claim_token = NULL,
    claimed_until = NULL, last_error = $4
WHERE id = $1 AND claim_token = $2
"""
MARK_DEAD = """
UPDATE tt.inbound_messages
SET status = 'dead', processed_at = now(), claim_token = NULL, claimed_until = NULL,
    last_error = coalesce($3, last_error)
WHERE id = $1 AND claim_token = $2
RETURNING (SELECT language FROM tt.users WHERE id = user_id)
"""


class Worker(QueueDrainer):
    """Background loops that claim and process inbound messages."""

    def __init__(
        self,
        db: Database,
        cipher: Cipher,
        router: Router,
        *,
        default_phone_number_id: str,
        links: Links,
        on_replies: Callable[[], None],
        clock: Callable[[], datetime],
        max_attempts: int = 5,
        retry_base_seconds: float = 2.0,
        concurrency: int = 4,
        sweep_seconds: float = 5.0,
    ) -> None:
        self._db, self._cipher, self._router = db, cipher, router
        self._default_number, self._links = default_phone_number_id, links
        self._on_replies, self._clock = on_replies, clock
        self._max_attempts, self._retry_base = max_attempts, retry_base_seconds
        super().__init__(concurrency=concurrency, sweep_seconds=sweep_seconds)

    async def step(self) -> bool:
        """Claim the next message any user is waiting on and handle it; False when idle."""
        token = uuid.uuid4()
        async with self._db.transaction(SYSTEM) as conn:
            row = await conn.fetchrow(CLAIM, token)
        if row is None:
            return False
        if row["attempts"] > self._max_attempts:
            await self._give_up(row, token, "too many attempts")
            return True
        try:
            await self._handle(row, token)
        except Exception as e:
            log.exception(
                "handler failed", extra={"inbound_id": row["id"], "attempt": row["attempts"]}
            )
            await self._after_failure(row, token, type(e).__name__)
        self._on_replies()
        return True

    async def _handle(self, row: asyncpg.Record, token: uuid.UUID) -> None:
        async with self._db.transaction(as_user(row["user_id"])) as conn:
            if await conn.fetchval(LOCK_CLAIMED, row["id"], token) is None:
                return  # another process took over this message after our lease ran out
            message = from_envelope(self._cipher.decrypt_json(row["payload"]))
            ctx = Context(
                conn=conn,
                cipher=self._cipher,
                user=await select_user(conn, row["user_id"]),
                message=message,
                now=self._clock(),
                links=self._links,
            )
            await self._router.dispatch(ctx)
            await enqueue(
                conn,
                self._cipher,
                ctx.outgoing,
                inbound_id=row["id"],
                phone_number_id=row["phone_number_id"] or self._default_number,
            )
            await conn.execute(MARK_DONE, row["id"])

    async def _after_failure(self, row: asyncpg.Record, token: uuid.UUID, error: str) -> None:
        if row["attempts"] >= self._max_attempts:
            await self._give_up(row, token, error)
            return
        delay = self._retry_base * 2 ** (row["attempts"] - 1)
        async with self._db.transaction(SYSTEM) as conn:
            await conn.execute(RETRY_LATER, row["id"], token, delay, error[:200])
        self.wake_later(delay)

    async def _give_up(self, row: asyncpg.Record, token: uuid.UUID, error: str) -> None:
        """Mark the message dead and tell the user once, in their language."""
        async with self._db.transaction(SYSTEM) as conn:
            language = await conn.fetchval(MARK_DEAD, row["id"], token, error[:200])
            if language is None:
                return
            apology = Outgoing(
                user_id=row["user_id"], reply=Reply(text=t(language, "error.apology"))
            )
            await enqueue(
                conn,
                self._cipher,
                [apology],
                inbound_id=row["id"],
                phone_number_id=row["phone_number_id"] or self._default_number,
            )
        log.error("message dead after retries", extra={"inbound_id": row["id"]})
