"""Replies are written to the outbox inside the handler's transaction and sent after commit."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import asyncpg

from bot.outbound import to_graph
from bot.replies import Reply, Template
from sql.cipher import Cipher

INSERT_OUTBOX = """
INSERT INTO tt.outbox (user_id, inbound_id, phone_number_id, body, free_form)
VALUES ($1, $2, $3, $4, $5)
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class Outgoing:
    """One message for one user, with an optional template to use if the window has closed."""

    user_id: int
    reply: Reply | Template
    fallback: Template | None = None


def encode_body(item: Outgoing) -> dict[str, Any]:
    return {"message": to_graph(item.reply),
            "fallback": to_graph(item.fallback) if item.fallback else None}


async def enqueue(conn: asyncpg.Connection, cipher: Cipher, items: list[Outgoing], *,
                  phone_number_id: str, inbound_id: int | None = None) -> None:
    """Validate and store replies; nothing leaves until the transaction commits."""
    rows = [(item.user_id, inbound_id, phone_number_id, cipher.encrypt_json(encode_body(item)),
             not isinstance(item.reply, Template)) for item in items]
    if rows:
        await conn.executemany(INSERT_OUTBOX, rows)
