"""Store what a webhook carried, in one transaction: messages once per wamid, statuses forward."""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

import asyncpg

from bot.inbound import Batch, from_envelope, user_keys
from sql.cipher import Cipher

log = logging.getLogger(__name__)

INSERT_INBOUND = """
INSERT INTO tt.inbound_messages (wamid, user_id, phone_number_id, kind, payload, sent_at)
VALUES ($1, tt.resolve_user($2, $3, $4), $5, $6, $7, $8)
ON CONFLICT (wamid) DO NOTHING
RETURNING id
"""

ADVANCE_STATUS = """
UPDATE tt.outbox
SET status = $2, status_at = now(), error_code = coalesce($3, error_code)
WHERE wamid = $1 AND tt.delivery_rank(status) < tt.delivery_rank($2) AND status <> 'failed'
"""

STATUS_ALIASES = {"played": "read"}


async def store_batch(conn: asyncpg.Connection, batch: Batch, cipher: Cipher) -> int:
    """Insert new inbound rows and advance statuses; return how many messages were new."""
    new = 0
    for envelope in batch.envelopes:
        new += await _store_message(conn, envelope, cipher)
    for status in batch.statuses:
        state = STATUS_ALIASES.get(status.status, status.status)
        if state in {"sent", "delivered", "read", "failed"}:
            await conn.execute(ADVANCE_STATUS, status.wamid, state, status.error_code)
    for error in batch.errors:
        log.warning(
            "whatsapp reported an error",
            extra={"code": error.get("code"), "title": error.get("title")},
        )
    return new


async def _store_message(conn: asyncpg.Connection, envelope: dict[str, Any], cipher: Cipher) -> int:
    message = from_envelope(envelope)
    phone, bsuid = user_keys(envelope)
    seen_at = message.sent_at or datetime.now(UTC)
    row = await conn.fetchrow(
        INSERT_INBOUND,
        message.wamid,
        phone,
        bsuid,
        seen_at,
        message.phone_number_id[:64],
        message.kind[:32],
        cipher.encrypt_json(envelope),
        message.sent_at,
    )
    if message.kind not in {"text", "interactive", "button"}:
        log.info("non-text message stored", extra={"kind": message.kind, "wamid": message.wamid})
    return 1 if row else 0
