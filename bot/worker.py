"""Processes stored messages: one user's messages in order, one at a time, across processes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta

import asyncpg

from bot.background import DATABASE_GONE, DETERMINISTIC, QueueDrainer
from bot.inbound import from_envelope
from bot.logs import about_message
from bot.outbox import enqueue, merge_replies
from dialog.context import Context, Links
from dialog.replies import Outgoing, Reply
from dialog.router import Router
from dialog.texts import t
from sql.cipher import Cipher
from sql.db import SYSTEM, Database, as_user
from sql.queue import Claim, Queue
from tracker.users import select_user

log = logging.getLogger(__name__)

INBOUND = Queue(
    "tt.inbound_messages",
    waiting="status = 'pending'",
    # Short, so a crashed process holds nobody up for long; a slow handler is safe all the same,
    # since it keeps the row locked (INBOUND.holds) until its transaction ends.
    lease=timedelta(seconds=15),
    returning="q.user_id, q.payload, q.phone_number_id, q.request_id, u.language",
    given_up="status = 'dead', processed_at = now()",
)
DONE = "status = 'done', processed_at = now(), last_error = NULL"


class Worker(QueueDrainer):
    """Background loops that claim and process inbound messages."""

    concurrency = 4

    def __init__(
        self,
        db: Database,
        cipher: Cipher,
        router: Router,
        *,
        default_phone_number_id: str,
        links: Links,
        on_replies: Callable[[], None],
        on_payments: Callable[[], None],
        clock: Callable[[], datetime],
        max_attempts: int = 5,
        retry_base_seconds: float = 2.0,
        sweep_seconds: float = 5.0,
    ) -> None:
        self._cipher, self._router = cipher, router
        self._default_number, self._links = default_phone_number_id, links
        self._on_replies, self._on_payments, self._clock = on_replies, on_payments, clock
        self._max_attempts, self._retry_base = max_attempts, retry_base_seconds
        super().__init__(db, sweep_seconds=sweep_seconds)

    async def step(self) -> bool:
        """Claim the next message any user is waiting on and handle it; False when idle."""
        claim = await self.claim(INBOUND)
        if claim is None:
            return False
        with about_message(claim.id, claim.row["request_id"]):
            async with self.holding(INBOUND, claim):
                payments_queued = await self._guarded(claim)
        self._on_replies()
        if payments_queued:
            self._on_payments()
        return True

    async def _guarded(self, claim: Claim) -> bool:
        """The error boundary: capped retries, then dead with one apology; what cannot
        change (a reply over Meta's limits) is not retried at all. True when the
        handler queued work for the payments loop."""
        if claim.attempts > self._max_attempts:
            await self._give_up(claim, "too many attempts")
            return False
        try:
            return await self._handle(claim)
        except DATABASE_GONE:
            raise  # not the message's fault: `holding` gives it back once the database answers
        except Exception as e:
            log.exception(
                "handler failed", extra={"inbound_id": claim.id, "attempt": claim.attempts}
            )
            if isinstance(e, DETERMINISTIC):
                await self._give_up(claim, type(e).__name__)
            else:
                await self._after_failure(claim, type(e).__name__)
        return False

    async def _handle(self, claim: Claim) -> bool:
        row = claim.row
        async with self._db.transaction(as_user(row["user_id"])) as conn:
            if not await INBOUND.holds(conn, claim):
                return False  # another process took over this message after our lease ran out
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
            await self._enqueue(conn, claim, merge_replies(ctx.outgoing))
            await INBOUND.finish(conn, claim, DONE)
        return ctx.payments_queued

    async def _after_failure(self, claim: Claim, error: str) -> None:
        if claim.attempts >= self._max_attempts:
            await self._give_up(claim, error)
            return
        delay = self._retry_base * 2 ** (claim.attempts - 1)
        async with self._db.transaction(SYSTEM) as conn:
            await INBOUND.retry_later(conn, claim, delay, error[:200])
        self.wake_later(delay)

    async def _give_up(self, claim: Claim, error: str) -> None:
        """Mark the message dead and tell the user once, in their language."""
        row = claim.row
        async with self._db.transaction(SYSTEM) as conn:
            if not await INBOUND.give_up(conn, claim, error[:200]):
                return
            apology = Reply(text=t(row["language"], "error.apology"))
            await self._enqueue(conn, claim, [Outgoing(user_id=row["user_id"], reply=apology)])
        log.error("message given up", extra={"inbound_id": claim.id, "reason": error[:200]})

    async def _enqueue(
        self, conn: asyncpg.Connection, claim: Claim, replies: list[Outgoing]
    ) -> None:
        """Queue replies to the message, from the business number it was sent to."""
        await enqueue(
            conn,
            self._cipher,
            replies,
            inbound_id=claim.id,
            phone_number_id=claim.row["phone_number_id"] or self._default_number,
        )
