"""Sends outbox rows in order per user, paced per user and per number, with retries."""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

import asyncpg

from bot.background import QueueDrainer
from bot.graph_client import PAIR_RATE_LIMIT, Media, SendResult, Transport
from bot.outbox import enqueue_followup
from dialog.window import window_open
from sql.cipher import Cipher
from sql.db import SYSTEM, Database
from sql.queue import Claim, Queue
from tracker.phones import mask_phone

log = logging.getLogger(__name__)

MAX_SEND_ATTEMPTS = 8
USER_RATE, USER_BURST = 1 / 6, 10.0  # Meta's pair rate: about one message per 6 s per user
NUMBER_RATE, NUMBER_BURST = 80.0, 80.0  # default throughput of one business number

OUTBOX = Queue(
    "tt.outbox",
    waiting="status = 'pending'",
    lease=timedelta(seconds=30),
    returning="q.user_id, q.phone_number_id, q.body, q.free_form, "
    "u.phone, u.bsuid, u.last_inbound_at",
    error_column="error_code",
    given_up="status = 'failed', status_at = now()",
)
SENT = "status = 'sent', wamid = $3, sent_at = now(), status_at = now()"


def retry_delay(result: SendResult, attempts: int) -> float:
    if result.retry_after is not None:
        return result.retry_after
    if result.code == str(PAIR_RATE_LIMIT):
        return float(4 ** min(attempts, 4))  # Meta's advice for the pair rate limit: 4^x s
    return min(2.0**attempts, 300.0)


class Sender(QueueDrainer):
    """Background loops that drain the outbox through a Transport."""

    def __init__(
        self,
        db: Database,
        cipher: Cipher,
        transport: Transport,
        *,
        clock: Callable[[], datetime],
        concurrency: int = 4,
        sweep_seconds: float = 5.0,
    ) -> None:
        self._db, self._cipher, self._transport = db, cipher, transport
        self._clock = clock
        super().__init__(concurrency=concurrency, sweep_seconds=sweep_seconds)

    async def stop(self) -> None:
        await super().stop()
        await self._transport.close()

    async def step(self) -> bool:
        """Claim and send one outbox row; False when nothing is ready."""
        async with self._db.transaction(SYSTEM) as conn:
            claim = await OUTBOX.claim(conn)
        if claim is None:
            return False
        return await self._deliver(claim)

    async def _deliver(self, claim: Claim) -> bool:
        """Send one claimed row; False when the whole number must wait for its rate limit."""
        row = claim.row
        body = self._cipher.decrypt_json(row["body"])
        message, fallback = body["message"], body.get("fallback")
        if row["free_form"] and not window_open(row["last_inbound_at"], self._clock()):
            if not fallback:
                await self._finish(claim, SendResult("failed", code="window_closed"))
                return True
            message, fallback = fallback, None
        number_wait, user_wait = await self._pace(row["user_id"], row["phone_number_id"])
        if number_wait or user_wait:
            await self._retry_later(claim, number_wait or user_wait, uncount=True, code=None)
            return not number_wait  # other users may go on; a saturated number pauses the loop
        if body.get("media"):
            upload = await self._upload(row, body["media"])
            if upload.outcome != "sent":
                await self._finish(claim, upload)
                return True
            message = {**message, "document": {**message["document"], "id": upload.media_id}}
        result = await self._send(row, message)
        if result.outcome == "window_closed" and fallback:
            result = await self._send(row, fallback)
        if result.outcome == "sent":
            await self._mark_sent(claim, result.wamid, body.get("then"))
        else:
            await self._finish(claim, result)
        return True

    async def _upload(self, row: asyncpg.Record, media: dict[str, Any]) -> SendResult:
        content = base64.b64decode(media["content"])
        return await self._transport.upload(
            row["phone_number_id"], Media(media["filename"], media["mime_type"], content)
        )

    async def _mark_sent(
        self, claim: Claim, wamid: str | None, then: dict[str, Any] | None
    ) -> None:
        """Record the wamid; a follow-up is queued in the same transaction, so never lost."""
        async with self._db.transaction(SYSTEM) as conn:
            await OUTBOX.finish(conn, claim, SENT, wamid)
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

    async def _send(self, row: asyncpg.Record, message: dict[str, Any]) -> SendResult:
        to = row["phone"] or row["bsuid"]
        payload = {
            "messaging_product": "whatsapp",
            "recipient_type": "individual",
            "to": to,
            **message,
        }
        result = await self._transport.send(row["phone_number_id"], payload)
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

    async def _pace(self, user_id: int, phone_number_id: str) -> tuple[float, float]:
        """Seconds to wait for the number's and then the user's token (0 when granted)."""
        async with self._db.transaction(SYSTEM) as conn:
            number_wait = await conn.fetchval(
                "SELECT tt.take_send_token($1, $2, $3)",
                f"number:{phone_number_id}",
                NUMBER_RATE,
                NUMBER_BURST,
            )
            if number_wait > 0:
                return number_wait, 0.0
            return 0.0, await conn.fetchval(
                "SELECT tt.take_send_token($1, $2, $3)", f"user:{user_id}", USER_RATE, USER_BURST
            )

    async def _finish(self, claim: Claim, result: SendResult) -> None:
        """Retry what may still go through; otherwise the row fails with Meta's code."""
        if result.outcome == "retry" and claim.attempts < MAX_SEND_ATTEMPTS:
            delay = retry_delay(result, claim.attempts)
            await self._retry_later(claim, delay, uncount=False, code=result.code)
        else:
            async with self._db.transaction(SYSTEM) as conn:
                await OUTBOX.give_up(conn, claim, result.code or result.outcome)

    async def _retry_later(
        self, claim: Claim, seconds: float, *, uncount: bool, code: str | None
    ) -> None:
        async with self._db.transaction(SYSTEM) as conn:
            await OUTBOX.retry_later(conn, claim, seconds, code, uncount=uncount)
        self.wake_later(seconds)
