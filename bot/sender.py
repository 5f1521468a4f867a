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
from bot.graph_messages import with_media_id
from bot.logs import about_message
from bot.metrics import count_send
from bot.outbox import enqueue, enqueue_followup
from dialog.replies import Outgoing, Reply
from dialog.texts import t
from dialog.window import window_open
from sql.cipher import Cipher
from sql.db import SYSTEM, Database, fetch_one
from sql.queue import Claim, Queue
from tracker.phones import mask_phone

log = logging.getLogger(__name__)

USER_RATE, USER_BURST = 1 / 6, 10.0  # Meta's pair rate: about one message per 6 s per user
NUMBER_RATE, NUMBER_BURST = 80.0, 80.0  # default throughput of one business number (Meta's)
# Meta counts sends as they arrive: one held back a moment lands just before the next one on
# time. The sender keeps half the number's burst unspent to absorb that, at the full rate
# (bench/drain_bench.py: with the whole burst spent, a loaded machine drew 130429s).
NUMBER_BURST_SPENT = 0.5
TEMPLATE_USEFUL_FOR = timedelta(hours=24)  # a template is still worth sending a day later
MAX_ERRORS = 5  # failures of our own code (an exception) before a row is given up
MAX_ATTEMPTS = 1000  # a last stop below the schema's bound; the limits above come first
CALL_SHARE_OF_LEASE = 2 / 3  # one call to Meta is cut off here; the lease is renewed before each

OUTBOX = Queue(
    "tt.outbox",
    waiting="status = 'pending'",
    lease=timedelta(seconds=30),
    returning="q.user_id, q.inbound_id, q.phone_number_id, q.body, q.free_form, q.errors, "
    "now() - q.created_at AS age, u.phone, u.bsuid, u.last_inbound_at, u.language, "
    "(SELECT i.request_id FROM tt.inbound_messages i WHERE i.id = q.inbound_id) AS request_id",
    error_column="error_code",
    given_up="status = 'failed', status_at = now()",
)
# Both pacing tokens in one round trip: the number's first; the person's only when the number's
# was granted (CASE evaluates its branch only then; OFFSET 0 keeps the number's call one call).
TAKE_TOKENS = """
SELECT number_wait,
       CASE WHEN number_wait > 0 THEN 0::double precision
            ELSE tt.take_send_token($4, $5, $6) END AS user_wait
FROM (SELECT tt.take_send_token($1, $2, $3) AS number_wait OFFSET 0) AS number
"""
SENT = "status = 'sent', wamid = $3, sent_at = now(), status_at = now()"
FAILED_HERE = (
    "errors = errors + 1, next_attempt_at = now() + make_interval(secs => $3), error_code = $4"
)


@dataclasses.dataclass(slots=True)
class Plan:
    """What the claim's transaction decided for a row: send `message` (or its `fallback`), wait
    for a token, give the row up for a reason, or handle an `error` reading it."""

    body: dict[str, Any] = dataclasses.field(default_factory=dict)
    message: dict[str, Any] = dataclasses.field(default_factory=dict)
    fallback: dict[str, Any] | None = None
    give_up: str | None = None
    error: Exception | None = None
    number_wait: float = 0.0
    user_wait: float = 0.0

    @property
    def waits(self) -> float:
        return self.number_wait or self.user_wait


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
        number_limit: tuple[float, float] = (NUMBER_RATE, NUMBER_BURST),
    ) -> None:
        self._cipher, self._transport, self._clock = cipher, transport, clock
        self._number_rate, burst = number_limit  # Meta's sends a second, and its burst
        self._number_burst = max(1.0, burst * NUMBER_BURST_SPENT)
        self._queue = dataclasses.replace(OUTBOX, lease=timedelta(seconds=lease_seconds))
        self._call_timeout = lease_seconds * CALL_SHARE_OF_LEASE
        self._retry_base = retry_base_seconds
        super().__init__(db, sweep_seconds=sweep_seconds)

    async def stop(self, deadline: float = STOP_DEADLINE_SECONDS) -> None:
        await super().stop(deadline)
        await self._transport.close()

    async def step(self) -> bool:
        """Claim and send one outbox row; False when nothing is ready or the number must wait.
        The claim, the checks and the pacing tokens are one transaction: a token taken is for
        a row this sender holds, and a row that must wait is handed back in it."""
        async with self.claiming(self._queue) as (conn, claim):
            if claim is None:
                return False
            plan = await self._plan(conn, claim)
            if plan.waits:
                await self._queue.retry_later(conn, claim, plan.waits, None, uncount=True)
        if plan.waits:
            self.wake_later(plan.waits)
            return not plan.number_wait  # other users may go on; a saturated number pauses
        with about_message(claim.row["inbound_id"], claim.row["request_id"]):
            return await self._held(claim, plan)

    async def _plan(self, conn: asyncpg.Connection, claim: Claim) -> Plan:
        try:
            plan = self._read(claim)
        except Exception as e:  # handled with the claim held, like a failure while sending
            return Plan(error=e)
        if plan.give_up is None:
            plan.number_wait, plan.user_wait = await self._pace(conn, claim)
        return plan

    def _read(self, claim: Claim) -> Plan:
        """The message to send, its fallback, or why the row is no longer worth sending."""
        row = claim.row
        body = self._cipher.decrypt_json(row["body"])
        message, fallback = body["message"], body.get("fallback")
        if row["free_form"] and not window_open(row["last_inbound_at"], self._clock()):
            if not fallback:
                return Plan(give_up="window_closed")
            message, fallback = fallback, None
        if message["type"] == "template" and row["age"] > TEMPLATE_USEFUL_FOR:
            return Plan(give_up="expired")
        return Plan(body, message, fallback)

    async def _held(self, claim: Claim, plan: Plan) -> bool:
        async with self.holding(self._queue, claim) as hold:
            try:
                if plan.error is not None:
                    raise plan.error
                return await self._deliver(hold, plan)
            except ClaimLost:
                log.info("outbox row taken over by another sender", extra={"outbox_id": claim.id})
            except DATABASE_GONE:
                raise  # not this row's fault: `holding` gives it back once the database answers
            except Exception as e:
                log.exception("outbox send failed", extra={"outbox_id": claim.id})
                await self._after_error(claim, e)
            return True

    async def _deliver(self, hold: Hold, plan: Plan) -> bool:
        """Send one claimed row whose tokens were taken."""
        claim = hold.claim
        row = claim.row
        if plan.give_up is not None:
            await self._give_up(claim, plan.give_up)
            return True
        body, message, fallback = plan.body, plan.message, plan.fallback
        if body.get("media"):
            upload = await self._upload(row, body["media"])
            if upload.outcome != "sent":
                await self._finish(claim, upload)
                return True
            await self._renew(claim)  # the upload may have been slow
            message = with_media_id(message, upload.media_id)
            fallback = fallback and with_media_id(fallback, upload.media_id)
        result = await self._send(hold, message)
        if result.outcome == "window_closed" and fallback:
            await self._renew(claim)
            result = await self._send(hold, fallback)
        # Meta has acted on the send: what it answered is stored even if the database is away
        # a while, or the row would be sent again once its lease ran out.
        if result.outcome == "sent":
            then = body.get("then")
            await self.until_stored(hold.queue, lambda: self._mark_sent(claim, result.wamid, then))
        else:
            await self.until_stored(hold.queue, lambda: self._finish(claim, result))
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

    async def _pace(self, conn: asyncpg.Connection, claim: Claim) -> tuple[float, float]:
        """Seconds to wait for the number's and then the user's token (0 when granted), taken
        in the claim's own transaction, before any send; the user's only once the number's
        was granted."""
        row = await fetch_one(
            conn,
            TAKE_TOKENS,
            f"number:{claim.row['phone_number_id']}",
            self._number_rate,
            self._number_burst,
            f"user:{claim.row['user_id']}",
            USER_RATE,
            USER_BURST,
        )
        return row["number_wait"], row["user_wait"]

    async def _renew(self, claim: Claim) -> None:
        async with self._db.transaction(SYSTEM) as conn:
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
