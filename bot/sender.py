"""Sends outbox rows in order per user, paced per user and per number, with retries."""

from __future__ import annotations

import base64
import logging
import uuid
from datetime import UTC, datetime
from typing import Any

import asyncpg

from bot.background import QueueDrainer
from bot.graph_client import PAIR_RATE_LIMIT, Media, SendResult, Transport
from bot.outbox import enqueue_followup
from dialog.window import window_open
from sql.cipher import Cipher
from sql.db import SYSTEM, Database
from tracker.phones import mask_phone

log = logging.getLogger(__name__)

MAX_SEND_ATTEMPTS = 8
USER_RATE, USER_BURST = 1 / 6, 10.0  # Meta's pair rate: about one message per 6 s per user
NUMBER_RATE, NUMBER_BURST = 80.0, 80.0  # default throughput of one business number

CLAIM = """
WITH candidate AS (
    SELECT o.id FROM tt.outbox o
    WHERE o.status = 'pending' AND o.next_attempt_at <= now()
      AND (o.claimed_until IS NULL OR o.claimed_until < now())
      AND NOT EXISTS (SELECT 1 FROM tt.outbox p
                      WHERE p.user_id = o.user_id AND p.status = 'pending' AND p.id < o.id)
    ORDER BY o.id
    LIMIT 1
    FOR UPDATE SKIP LOCKED
)
UPDATE tt.outbox o
SET attempts = o.attempts + 1, claim_token = $1, claimed_until = now() + interval '30 seconds'
FROM candidate, tt.users u
WHERE o.id = candidate.id AND u.id = o.user_id
RETURNING o.id, o.user_id, o.phone_number_id, o.body, o.free_form, o.attempts,
          u.phone, u.bsuid, u.last_inbound_at
"""

MARK_SENT = """
UPDATE tt.outbox SET status = 'sent', wamid = $3, sent_at = now(), status_at = now(),
       claim_token = NULL, claimed_until = NULL
WHERE id = $1 AND claim_token = $2
"""
MARK_FAILED = """
UPDATE tt.outbox SET status = 'failed', error_code = $3, status_at = now(),
       claim_token = NULL, claimed_until = NULL
WHERE id = $1 AND claim_token = $2
"""
RESCHEDULE = """
UPDATE tt.outbox SET next_attempt_at = now() + make_interval(secs => $3),
       attempts = attempts - $4::int, error_code = $5, claim_token = NULL, claimed_until = NULL
WHERE id = $1 AND claim_token = $2
"""


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
        concurrency: int = 4,
        sweep_seconds: float = 5.0,
    ) -> None:
        self._db, self._cipher, self._transport = db, cipher, transport
        super().__init__(concurrency=concurrency, sweep_seconds=sweep_seconds)

    async def stop(self) -> None:
        await super().stop()
        await self._transport.close()

    async def step(self) -> bool:
        """Claim and send one outbox row; False when nothing is ready."""
        token = uuid.uuid4()
        async with self._db.transaction(SYSTEM) as conn:
            row = await conn.fetchrow(CLAIM, token)
        if row is None:
            return False
        return await self._deliver(row, token)

    async def _deliver(self, row: asyncpg.Record, token: uuid.UUID) -> bool:
        """Send one claimed row; False when the whole number must wait for its rate limit."""
        body = self._cipher.decrypt_json(row["body"])
        message, fallback = body["message"], body.get("fallback")
        if row["free_form"] and not window_open(row["last_inbound_at"], datetime.now(UTC)):
            if not fallback:
                await self._finish(row["id"], token, SendResult("failed", code="window_closed"))
                return True
            message, fallback = fallback, None
        number_wait, user_wait = await self._pace(row["user_id"], row["phone_number_id"])
        if number_wait or user_wait:
            await self._reschedule(
                row["id"], token, number_wait or user_wait, uncount=True, code=None
            )
            return not number_wait  # other users may go on; a saturated number pauses the loop
        if body.get("media"):
            upload = await self._upload(row, body["media"])
            if upload.outcome != "sent":
                await self._finish(row["id"], token, upload, attempts=row["attempts"])
                return True
            message = {**message, "document": {**message["document"], "id": upload.media_id}}
        result = await self._send(row, message)
        if result.outcome == "window_closed" and fallback:
            result = await self._send(row, fallback)
        if result.outcome == "sent":
            await self._mark_sent(row, token, result.wamid, body.get("then"))
        else:
            await self._finish(row["id"], token, result, attempts=row["attempts"])
        return True

    async def _upload(self, row: asyncpg.Record, media: dict[str, Any]) -> SendResult:
        content = base64.b64decode(media["content"])
        return await self._transport.upload(
            row["phone_number_id"], Media(media["filename"], media["mime_type"], content)
        )

    async def _mark_sent(
        self, row: asyncpg.Record, token: uuid.UUID, wamid: str | None, then: dict[str, Any] | None
    ) -> None:
        """Record the wamid; a follow-up is queued in the same transaction, so never lost."""
        async with self._db.transaction(SYSTEM) as conn:
            await conn.execute(MARK_SENT, row["id"], token, wamid)
            if then:
                await enqueue_followup(
                    conn,
                    self._cipher,
                    user_id=row["user_id"],
                    phone_number_id=row["phone_number_id"],
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

    async def _finish(
        self, outbox_id: int, token: uuid.UUID, result: SendResult, attempts: int = 1
    ) -> None:
        if result.outcome == "retry" and attempts < MAX_SEND_ATTEMPTS:
            await self._reschedule(
                outbox_id, token, retry_delay(result, attempts), uncount=False, code=result.code
            )
        else:
            async with self._db.transaction(SYSTEM) as conn:
                await conn.execute(MARK_FAILED, outbox_id, token, result.code or result.outcome)

    async def _reschedule(
        self, outbox_id: int, token: uuid.UUID, seconds: float, *, uncount: bool, code: str | None
    ) -> None:
        async with self._db.transaction(SYSTEM) as conn:
            await conn.execute(RESCHEDULE, outbox_id, token, seconds, int(uncount), code)
        self.wake_later(seconds)
