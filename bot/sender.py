"""Sends outbox rows in order per user, paced per user and per number, retried for as long as
the reply is still useful; every call to Meta ends well inside the claim's lease."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

import asyncpg

from bot.background import (
    DATABASE_GONE,
    DETERMINISTIC,
    STOP_DEADLINE_SECONDS,
    ClaimLost,
    Hold,
    QueueDrainer,
    backoff,
)
from bot.graph_client import PAIR_RATE_LIMIT, Media, SendResult, Transport
from bot.logs import about_message
from bot.metrics import count_send
from bot.outbox import enqueue, enqueue_followup
from dialog.replies import Outgoing, Reply
from dialog.texts import t
from dialog.window import window_open
from sql.cipher import Cipher
from sql.db import SYSTEM, Database
from sql.queue import Claim, Queue
from tracker.phones import mask_phone

log = logging.getLogger(__name__)

USER_RATE, USER_BURST = 1 / 6, 10.0  # Meta's pair rate: about one message per 6 s per user
NUMBER_RATE, NUMBER_BURST = 80.0, 80.0  # default throughput of one business number
TEMPLATE_USEFUL_FOR = timedelta(hours=24)  # a template is still worth sending a day later
MAX_ERRORS = 5  # failures of our own code (an exception) before a row is given up
MAX_ATTEMPTS = 1000  # a last stop below the schema's bound; the limits above come first
CALL_SHARE_OF_LEASE = 2 / 3  # one call to Meta is cut off here; the lease is renewed before each

OUTBOX = Queue(
    "tt.outbox",
    waiting="status = 'pending'",
    lease=timedelta(seconds=30),
    returning="q.user_id, q.inbound_id, q.phone_number_id, q.body, q.free_form, q.errors, "
    "now() - q.created_at AS age, u.phone, u.bsuid, u.last_inbound_at, u.language",
    error_column="error_code",
    given_up="status = 'failed', status_at = now()",
)
SENT = "status = 'sent', wamid = $3, sent_at = now(), status_at = now()"
FAILED_HERE = (
    "errors = errors + 1, next_attempt_at = now() + make_interval(secs => $3), error_code = $4"
)


def retry_delay(result: SendResult, attempts: int, base: float = 2.0) -> float:
    """Meta's own wait when it names one, else a capped backoff with jitter."""
    if result.retry_after is not None:
        return result.retry_after
    if result.code == str(PAIR_RATE_LIMIT):
        return backoff(2 * base, attempts, growth=4)  # Meta's advice for the pair rate: 4^x s
    return backoff(base, attempts)


class Sender(QueueDrainer):
    """Background loops that drain the outbox through a Transport."""

    concurrency = 4

    def __init__(
        self,
        db: Database,
        cipher: Cipher,
        transport: Transport,
        *,
        clock: Callable[[], datetime],
        lease_seconds: float = OUTBOX.lease.total_seconds(),
        retry_base_seconds: float = 2.0,
        sweep_seconds: float = 5.0,
    ) -> None:
        self._cipher, self._transport, self._clock = cipher, transport, clock
        self._queue = dataclasses.replace(OUTBOX, lease=timedelta(seconds=lease_seconds))
        self._call_timeout = lease_seconds * CALL_SHARE_OF_LEASE
        self._retry_base = retry_base_seconds
        super().__init__(db, sweep_seconds=sweep_seconds)

    async def stop(self, deadline: float = STOP_DEADLINE_SECONDS) -> None:
        await super().stop(deadline)
        await self._transport.close()

    async def step(self) -> bool:
        """Claim and send one outbox row; False when nothing is ready."""
        async with self._db.transaction(SYSTEM) as conn:
            claim = await self._queue.claim(conn)
        if claim is None:
            return False
        with about_message(claim.row["inbound_id"]):
            return await self._held(claim)

    async def _held(self, claim: Claim) -> bool:
        async with self.holding(self._queue, claim) as hold:
            try:
                return await self._deliver(hold)
            except ClaimLost:
                log.info("outbox row taken over by another sender", extra={"outbox_id": claim.id})
            except DATABASE_GONE:
                raise  # not this row's fault: `holding` gives it back once the database answers
            except Exception as e:
                log.exception("outbox send failed", extra={"outbox_id": claim.id})
                await self._after_error(claim, e)
            return True

    async def _deliver(self, hold: Hold) -> bool:
        """Send one claimed row; False when the whole number must wait for its rate limit."""
        claim = hold.claim
        row = claim.row
        body = self._cipher.decrypt_json(row["body"])
        message, fallback = body["message"], body.get("fallback")
        if row["free_form"] and not window_open(row["last_inbound_at"], self._clock()):
            if not fallback:
                await self._give_up(claim, "window_closed")
                return True
            message, fallback = fallback, None
        if message["type"] == "template" and row["age"] > TEMPLATE_USEFUL_FOR:
            await self._give_up(claim, "expired")
            return True
        number_wait, user_wait = await self._pace(claim)
        if number_wait or user_wait:
            await self._retry_later(claim, number_wait or user_wait, uncount=True, code=None)
            return not number_wait  # other users may go on; a saturated number pauses the loop
        if body.get("media"):
            upload = await self._upload(row, body["media"])
            if upload.outcome != "sent":
                await self._finish(claim, upload)
                return True
            await self._renew(claim)  # the upload may have been slow
            message = {**message, "document": {**message["document"], "id": upload.media_id}}
        result = await self._send(hold, message)
        if result.outcome == "window_closed" and fallback:
            await self._renew(claim)
            result = await self._send(hold, fallback)
        # Meta has acted on the send: what it answered is stored even if the database is away
        # a while, or the row would be sent again once its lease ran out.
        if result.outcome == "sent":
            then = body.get("then")
            await self.until_stored(hold, lambda: self._mark_sent(claim, result.wamid, then))
        else:
            await self.until_stored(hold, lambda: self._finish(claim, result))
        return True

    async def _call(self, call: Awaitable[SendResult]) -> SendResult:
        """One call to Meta, cut off well before the lease runs out (a hang or a trickle)."""
        try:
            async with asyncio.timeout(self._call_timeout):
                return await call
        except TimeoutError:
            return SendResult("retry", code="timeout")

    async def _upload(self, row: asyncpg.Record, media: dict[str, Any]) -> SendResult:
        content = base64.b64decode(media["content"])
        document = Media(media["filename"], media["mime_type"], content)
        return await self._call(self._transport.upload(row["phone_number_id"], document))

    async def _mark_sent(
        self, claim: Claim, wamid: str | None, then: dict[str, Any] | None
    ) -> None:
        """Record the wamid; a follow-up is queued in the same transaction, so never lost."""
        async with self._db.transaction(SYSTEM) as conn:
            if not await self._queue.finish(conn, claim, SENT, wamid):
                return  # stored by an earlier try whose answer was lost, or taken over
            if then:
                await enqueue_followup(
                    conn,
                    self._cipher,
                    user_id=claim.row["user_id"],
                    phone_number_id=claim.row["phone_number_id"],
                    message=then,
                )
        if then:
            self.wake()

    async def _send(self, hold: Hold, message: dict[str, Any]) -> SendResult:
        row = hold.claim.row
        payload = {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": row["phone"] or row["bsuid"],
            **message,
        }
        hold.started = True
        result = await self._call(self._transport.send(row["phone_number_id"], payload))
        count_send(result.outcome, result.code)
        log.info(
            "outbox send",
            extra={
                "outbox_id": row["id"],
                "to": mask_phone(row["phone"]),
                "outcome": result.outcome,
                "code": result.code,
            },
        )
        return result

    async def _pace(self, claim: Claim) -> tuple[float, float]:
        """Seconds to wait for the number's and then the user's token (0 when granted); the
        claim is checked (and its lease renewed) in the same transaction, before any send."""
        async with self._db.transaction(SYSTEM) as conn:
            await self._renew_in(conn, claim)
            number_wait = await conn.fetchval(
                "SELECT tt.take_send_token($1, $2, $3)",
                f"number:{claim.row['phone_number_id']}",
                NUMBER_RATE,
                NUMBER_BURST,
            )
            if number_wait > 0:
                return number_wait, 0.0
            return 0.0, await conn.fetchval(
                "SELECT tt.take_send_token($1, $2, $3)",
                f"user:{claim.row['user_id']}",
                USER_RATE,
                USER_BURST,
            )

    async def _renew(self, claim: Claim) -> None:
        async with self._db.transaction(SYSTEM) as conn:
            await self._renew_in(conn, claim)

    async def _renew_in(self, conn: asyncpg.Connection, claim: Claim) -> None:
        if not await self._queue.extend(conn, claim):
            raise ClaimLost

    async def _finish(self, claim: Claim, result: SendResult) -> None:
        """Retry what may still go through (whether it is still useful is checked when it is
        claimed again); anything else fails with Meta's code."""
        if result.outcome != "retry":
            await self._give_up(claim, result.code or result.outcome)
        elif claim.attempts >= MAX_ATTEMPTS:
            await self._give_up(claim, "too_many_attempts")
        else:
            delay = retry_delay(result, claim.attempts, self._retry_base)
            await self._retry_later(claim, delay, uncount=False, code=result.code)

    async def _after_error(self, claim: Claim, error: Exception) -> None:
        """Our own code failed on this row: retry a few times, never what cannot change."""
        reason = type(error).__name__
        if isinstance(error, DETERMINISTIC) or claim.row["errors"] + 1 >= MAX_ERRORS:
            await self._give_up(claim, reason, apologise=True)
            return
        delay = backoff(self._retry_base, claim.row["errors"] + 1)
        async with self._db.transaction(SYSTEM) as conn:
            await self._queue.finish(conn, claim, FAILED_HERE, delay, reason[:64])
        self.wake_later(delay)

    async def _give_up(self, claim: Claim, reason: str, *, apologise: bool = False) -> None:
        """Fail the row with its reason; when our own code failed on an answer, say sorry once."""
        row = claim.row
        async with self._db.transaction(SYSTEM) as conn:
            if not await self._queue.give_up(conn, claim, reason[:64]):
                return
            if apologise and row["inbound_id"] is not None:
                apology = Reply(text=t(row["language"], "error.apology"))
                outgoing = [Outgoing(user_id=row["user_id"], reply=apology)]
                await enqueue(conn, self._cipher, outgoing, phone_number_id=row["phone_number_id"])
        log.warning(
            "reply given up",
            extra={
                "outbox_id": claim.id,
                "to": mask_phone(row["phone"]),
                "reason": reason,
                "attempts": claim.attempts,
            },
        )
        if apologise:
            self.wake()

    async def _retry_later(
        self, claim: Claim, seconds: float, *, uncount: bool, code: str | None
    ) -> None:
        async with self._db.transaction(SYSTEM) as conn:
            await self._queue.retry_later(conn, claim, seconds, code, uncount=uncount)
        self.wake_later(seconds)
