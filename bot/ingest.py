"""Store what a webhook carried, in one transaction: messages once per wamid, statuses forward.

Each message is stored under its own savepoint, so one that the database refuses never takes
the others down; what cannot be stored is kept, encrypted, in tt.quarantine with the reason."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import asyncpg

from bot.inbound import Batch, from_envelope, parse_payload, user_keys
from sql.cipher import Cipher
from tracker.text import without_lone_surrogates

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

INSERT_QUARANTINE = """
INSERT INTO tt.quarantine (digest, reasons, body) VALUES ($1, $2, $3)
ON CONFLICT (digest) DO NOTHING
"""

STATUS_ALIASES = {"played": "read"}
# What a message's own data can make the database or the encoder refuse; a connection that
# fails is not among them (the webhook answers 503 and Meta retries).
POISON = (
    asyncpg.DataError,
    asyncpg.CheckViolationError,
    asyncpg.NotNullViolationError,
    ValueError,
    RecursionError,
)


@dataclass(frozen=True, slots=True)
class Stored:
    new: int
    quarantined: bool


async def store_body(conn: asyncpg.Connection, body: bytes, cipher: Cipher) -> Stored:
    """Parse a verified webhook body and store what it carried; never raises on its content."""
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError) as e:
        return Stored(0, await quarantine(conn, cipher, body, [_json_problem(e)]))
    batch = parse_payload(payload)
    new, refused = await store_batch(conn, batch, cipher)
    problems = batch.rejected + refused
    return Stored(new, bool(problems) and await quarantine(conn, cipher, body, problems))


def _json_problem(error: Exception) -> str:
    if isinstance(error, RecursionError):
        return "json_too_deep"
    return "not_utf8" if isinstance(error, UnicodeDecodeError) else "not_json"


async def store_batch(
    conn: asyncpg.Connection, batch: Batch, cipher: Cipher
) -> tuple[int, list[str]]:
    """Insert new inbound rows and advance statuses; how many messages were new, and why
    any could not be stored."""
    new, refused = 0, []
    for envelope in batch.envelopes:
        try:
            async with conn.transaction():
                new += await _store_message(conn, envelope, cipher)
        except POISON as e:
            refused.append(f"refused_{type(e).__name__}")
    for status in batch.statuses:
        state = STATUS_ALIASES.get(status.status, status.status)
        if state in {"sent", "delivered", "read", "failed"}:
            await conn.execute(ADVANCE_STATUS, status.wamid, state, status.error_code)
    for error in batch.errors:
        code = error.get("code")
        log.warning(
            "whatsapp reported an error",
            extra={"code": code if isinstance(code, int) and not isinstance(code, bool) else None},
        )
    return new, refused


async def quarantine(
    conn: asyncpg.Connection, cipher: Cipher, body: bytes, reasons: list[str]
) -> bool:
    """Keep a body we could not fully store, once, encrypted; say so in the log."""
    named = ",".join(sorted(set(reasons)))[:500]
    log.warning("webhook body quarantined", extra={"reasons": named})
    await conn.execute(
        INSERT_QUARANTINE, hashlib.sha256(body).digest(), named, cipher.encrypt(body)
    )
    return True


def _storable(envelope: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """The envelope as it will be stored: a lone surrogate (which UTF-8 cannot hold) becomes
    U+FFFD, and the JSON bytes to encrypt."""
    text = json.dumps(envelope, ensure_ascii=False, separators=(",", ":"))
    try:
        return envelope, text.encode()
    except UnicodeEncodeError:
        clean = without_lone_surrogates(text)
        return json.loads(clean), clean.encode()


async def _store_message(conn: asyncpg.Connection, envelope: dict[str, Any], cipher: Cipher) -> int:
    envelope, plain = _storable(envelope)
    message = from_envelope(envelope)
    phone, bsuid = user_keys(envelope)
    seen_at = message.sent_at or datetime.now(UTC)
    row = await conn.fetchrow(
        INSERT_INBOUND,
        message.wamid,
        phone,
        bsuid,
        seen_at,
        message.phone_number_id,
        message.kind[:32],
        cipher.encrypt(plain),
        message.sent_at,
    )
    if message.kind not in {"text", "interactive", "button"}:
        log.info(
            "non-text message stored",
            extra={
                "kind": message.kind[:32],
                "wamid": message.wamid,
                "message_id": row["id"] if row else None,
            },
        )
    return 1 if row else 0
