"""Replies are written to the outbox inside the handler's transaction and sent after commit."""

from __future__ import annotations

import base64
from typing import Any

import asyncpg

from bot.graph_messages import to_graph
from dialog.replies import Document, Outgoing, Template
from sql.cipher import Cipher

INSERT_OUTBOX = """
INSERT INTO tt.outbox (user_id, inbound_id, phone_number_id, body, free_form, about_user_ids,
                       anonymous_body)
VALUES ($1, $2, $3, $4, $5, $6, $7)
"""


def encode_body(item: Outgoing) -> dict[str, Any]:
    body = {
        "message": to_graph(item.reply),
        "fallback": to_graph(item.fallback) if item.fallback else None,
        "then": to_graph(item.then) if item.then else None,
    }
    if isinstance(item.reply, Document):
        body["media"] = {
            "filename": item.reply.filename,
            "mime_type": item.reply.mime_type,
            "content": base64.b64encode(item.reply.content).decode(),
        }
    return body


async def enqueue(
    conn: asyncpg.Connection,
    cipher: Cipher,
    items: list[Outgoing],
    *,
    phone_number_id: str,
    inbound_id: int | None = None,
) -> None:
    """Validate and store replies; nothing leaves until the transaction commits."""
    rows = [
        (
            item.user_id,
            inbound_id,
            phone_number_id,
            cipher.encrypt_json(encode_body(item)),
            not isinstance(item.reply, Template),
            list(item.about),
            _anonymous_body(cipher, item),
        )
        for item in items
    ]
    if rows:
        await conn.executemany(INSERT_OUTBOX, rows)


def _anonymous_body(cipher: Cipher, item: Outgoing) -> bytes | None:
    """The body sent instead if a member the message names erases their data first."""
    if item.anonymous is None:
        return None
    return cipher.encrypt_json(encode_body(Outgoing(user_id=item.user_id, reply=item.anonymous)))


async def enqueue_followup(
    conn: asyncpg.Connection,
    cipher: Cipher,
    *,
    user_id: int,
    phone_number_id: str,
    message: dict[str, Any],
) -> None:
    """Queue an already-encoded message, e.g. "your export was sent" after Meta accepted it."""
    body = {"message": message, "fallback": None, "then": None}
    await conn.execute(
        INSERT_OUTBOX, user_id, None, phone_number_id, cipher.encrypt_json(body), True, [], None
    )
