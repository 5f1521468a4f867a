"""Turn a verified webhook body into rows, and store them: messages once per wamid, statuses
forward, what cannot be stored kept, encrypted, in tt.quarantine with the reason.

Concurrent bodies are stored together in one transaction by bot/group_commit.py; `store_one`
stores one body with each message under its own savepoint, so a message the database refuses
never takes the others down."""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import asyncpg

from bot.inbound import StatusUpdate, from_envelope, parse_payload, user_keys
from sql.cipher import Cipher
from tracker.text import without_lone_surrogates

log = logging.getLogger(__name__)

INSERT_INBOUND = """
INSERT INTO tt.inbound_messages
    (wamid, user_id, phone_number_id, kind, payload, sent_at, request_id)
VALUES ($1, tt.resolve_user($2, $3, $4), $5, $6, $7, $8, $9)
ON CONFLICT (wamid) DO NOTHING
RETURNING id
"""
# The same for many messages in one statement, in the order given.
INSERT_INBOUND_ROWS = """
INSERT INTO tt.inbound_messages
    (wamid, user_id, phone_number_id, kind, payload, sent_at, request_id)
SELECT m.wamid, tt.resolve_user(m.phone, m.bsuid, m.seen_at), m.number_id, m.kind, m.payload,
       m.sent_at, m.request_id
FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[], $5::text[], $6::text[],
            $7::bytea[], $8::timestamptz[], $9::text[])
     WITH ORDINALITY AS m
         (wamid, phone, bsuid, seen_at, number_id, kind, payload, sent_at, request_id, n)
ORDER BY m.n
ON CONFLICT (wamid) DO NOTHING
RETURNING id, wamid
"""

# Meta's report on a reply we sent: delivered and read only move `delivery` forward (a
# change no index sees); failed is final. A status of delivered or read was written by the
# code before migration 0030 and counts as sent.
ADVANCE_STATUS = """
UPDATE tt.outbox
SET status = CASE WHEN $2 = 'failed' THEN 'failed' ELSE status END,
    delivery = CASE WHEN $2 = 'failed' THEN delivery ELSE $2 END,
    status_at = now(), error_code = coalesce($3, error_code)
WHERE wamid = $1 AND status <> 'failed'
  AND tt.delivery_rank(coalesce(delivery, status)) < tt.delivery_rank($2)
"""

INSERT_QUARANTINE = """
INSERT INTO tt.quarantine (digest, reasons, body) VALUES ($1, $2, $3)
ON CONFLICT (digest) DO NOTHING
"""

STATUS_ALIASES = {"played": "read"}
ADVANCING = frozenset({"sent", "delivered", "read", "failed"})
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


@dataclass(frozen=True, slots=True)
class Row:
    """One inbound message as INSERT_INBOUND takes it, its envelope already encrypted."""

    wamid: str
    phone: str
    bsuid: str
    seen_at: datetime
    number_id: str
    kind: str
    payload: bytes
    sent_at: datetime | None
    request_id: str | None  # the webhook request that brought it, for the worker's logs


@dataclass(slots=True)
class Prepared:
    """A body ready to store: its messages' rows, statuses to advance (wamid, status, error
    code), and why any part of it cannot be stored (then the body is quarantined)."""

    body: bytes
    rows: list[Row] = field(default_factory=list)
    statuses: list[tuple[str, str, str | None]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def prepare(body: bytes, cipher: Cipher, request_id: str | None = None) -> Prepared:
    """Parse a verified webhook body and encrypt its messages; never raises on its content."""
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError) as e:
        return Prepared(body, problems=[_json_problem(e)])
    batch = parse_payload(payload)
    prepared = Prepared(body, statuses=_advancing(batch.statuses), problems=batch.rejected)
    for envelope in batch.envelopes:
        try:
            prepared.rows.append(_row(envelope, cipher, request_id))
        except POISON as e:
            prepared.problems.append(f"refused_{type(e).__name__}")
    _log_errors(batch.errors)
    return prepared


def _json_problem(error: Exception) -> str:
    if isinstance(error, RecursionError):
        return "json_too_deep"
    return "not_utf8" if isinstance(error, UnicodeDecodeError) else "not_json"


def _advancing(statuses: list[StatusUpdate]) -> list[tuple[str, str, str | None]]:
    found = [(s.wamid, STATUS_ALIASES.get(s.status, s.status), s.error_code) for s in statuses]
    return [status for status in found if status[1] in ADVANCING]


def _log_errors(errors: list[dict[str, Any]]) -> None:
    for error in errors:
        code = error.get("code")
        log.warning(
            "whatsapp reported an error",
            extra={"code": code if isinstance(code, int) and not isinstance(code, bool) else None},
        )


def _row(envelope: dict[str, Any], cipher: Cipher, request_id: str | None) -> Row:
    envelope, plain = _storable(envelope)
    message = from_envelope(envelope)
    phone, bsuid = user_keys(envelope)
    return Row(
        wamid=message.wamid,
        phone=phone,
        bsuid=bsuid,
        seen_at=message.sent_at or datetime.now(UTC),
        number_id=message.phone_number_id,
        kind=message.kind[:32],
        payload=cipher.encrypt(plain),
        sent_at=message.sent_at,
        request_id=request_id,
    )


def _storable(envelope: dict[str, Any]) -> tuple[dict[str, Any], bytes]:
    """The envelope as it will be stored: a lone surrogate (which UTF-8 cannot hold) becomes
    U+FFFD, and the JSON bytes to encrypt."""
    text = json.dumps(envelope, ensure_ascii=False, separators=(",", ":"))
    try:
        return envelope, text.encode()
    except UnicodeEncodeError:
        clean = without_lone_surrogates(text)
        return json.loads(clean), clean.encode()


def without_problems(bodies: list[Prepared]) -> bool:
    """Nothing in these bodies needs quarantine: `store_apart` may store them."""
    return not any(prepared.problems for prepared in bodies)


async def store_apart(conn: asyncpg.Connection, bodies: list[Prepared]) -> list[Stored]:
    """Store many bodies with no problems, each kind of write a transaction of its own (on an
    autocommit connection): every write is idempotent, so when a later one fails the caller's
    503 has Meta send the whole body again, and what was stored is not stored twice."""
    new = await _insert_messages(conn, bodies)
    await _advance_statuses(conn, bodies)
    return [Stored(_new_in(prepared, new), quarantined=False) for prepared in bodies]


async def store_together(
    conn: asyncpg.Connection, bodies: list[Prepared], cipher: Cipher
) -> list[Stored]:
    """Store many bodies in the caller's transaction, one statement per kind of write;
    raises if the database refuses any of it (then store each with `store_one`, under
    savepoints)."""
    new = await _insert_messages(conn, bodies)
    await _advance_statuses(conn, bodies)
    return [
        Stored(
            _new_in(prepared, new),
            await _quarantine_if(conn, cipher, prepared, prepared.problems),
        )
        for prepared in bodies
    ]


async def _insert_messages(conn: asyncpg.Connection, bodies: list[Prepared]) -> dict[str, int]:
    """Every body's messages in one INSERT; the wamid and id of each row it added."""
    # Rows are locked in one order, users then replies by wamid, so two batches (of one
    # process or two) wait for each other rather than deadlock; the sorts are stable, so one
    # person's messages and one reply's statuses keep their order.
    rows = sorted((row for prepared in bodies for row in prepared.rows), key=_person)
    if not rows:
        return {}
    columns = [list(column) for column in zip(*(_values(row) for row in rows), strict=True)]
    inserted = await conn.fetch(INSERT_INBOUND_ROWS, *columns)
    new = {record["wamid"]: record["id"] for record in inserted}
    for row in rows:
        _log_non_text(row, new.get(row.wamid))
    return new


async def _advance_statuses(conn: asyncpg.Connection, bodies: list[Prepared]) -> None:
    """Every body's statuses, in one implicit transaction (executemany is atomic)."""
    statuses = sorted(
        (status for prepared in bodies for status in prepared.statuses), key=lambda s: s[0]
    )
    if statuses:
        await conn.executemany(ADVANCE_STATUS, statuses)


def _new_in(prepared: Prepared, new: dict[str, int]) -> int:
    return sum(row.wamid in new for row in prepared.rows)


async def store_one(conn: asyncpg.Connection, prepared: Prepared, cipher: Cipher) -> Stored:
    """Store one body, each message under its own savepoint; never raises on its content."""
    new, refused = 0, []
    for row in prepared.rows:
        try:
            async with conn.transaction():
                message_id = await conn.fetchval(INSERT_INBOUND, *_values(row))
            _log_non_text(row, message_id)
            new += message_id is not None
        except POISON as e:
            refused.append(f"refused_{type(e).__name__}")
    if prepared.statuses:
        await conn.executemany(ADVANCE_STATUS, prepared.statuses)
    problems = prepared.problems + refused
    return Stored(new, await _quarantine_if(conn, cipher, prepared, problems))


def _log_non_text(row: Row, message_id: int | None) -> None:
    if row.kind not in {"text", "interactive", "button"}:
        log.info(
            "non-text message stored",
            extra={"kind": row.kind, "wamid": row.wamid, "message_id": message_id},
        )


def _person(row: Row) -> tuple[str, str]:
    return row.phone, row.bsuid


def _values(row: Row) -> tuple[object, ...]:
    return (
        row.wamid,
        row.phone,
        row.bsuid,
        row.seen_at,
        row.number_id,
        row.kind,
        row.payload,
        row.sent_at,
        row.request_id,
    )


async def _quarantine_if(
    conn: asyncpg.Connection, cipher: Cipher, prepared: Prepared, problems: list[str]
) -> bool:
    """Keep a body we could not fully store, once, encrypted; say so in the log."""
    if not problems:
        return False
    named = ",".join(sorted(set(problems)))[:500]
    log.warning("webhook body quarantined", extra={"reasons": named})
    digest = hashlib.sha256(prepared.body).digest()
    await conn.execute(INSERT_QUARANTINE, digest, named, cipher.encrypt(prepared.body))
    return True
