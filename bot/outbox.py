"""Replies are written to the outbox inside the handler's transaction and sent after commit."""

from __future__ import annotations

import base64
from dataclasses import replace
from typing import Any

import asyncpg

from bot.graph_messages import MAX_INTERACTIVE_BODY, MAX_TEXT, to_graph
from dialog.replies import Document, Outgoing, Reply, Template
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
    if document := _file(item):
        body["media"] = {
            "filename": document.filename,
            "mime_type": document.mime_type,
            "content": base64.b64encode(document.content).decode(),
        }
    return body


def _file(item: Outgoing) -> Document | None:
    """The file the sender uploads first: the message's, or its template fallback's header."""
    if isinstance(item.reply, Document):
        return item.reply
    for template in (item.reply, item.fallback):
        if isinstance(template, Template) and template.document:
            return template.document
    return None


def merge_replies(items: list[Outgoing]) -> list[Outgoing]:
    """One action, as few messages as Meta's limits allow: a plain text to a person is joined
    to the reply that follows it for them (a confirmation above the next question's buttons),
    so a conversation rarely waits on the per-person pacing."""
    merged: list[Outgoing] = []
    latest: dict[int, int] = {}  # person → index of their latest message in `merged`
    for item in items:
        index = latest.get(item.user_id)
        joined = _joined(merged[index], item) if index is not None else None
        if index is not None and joined is not None:
            merged[index] = joined
            continue
        latest[item.user_id] = len(merged)
        merged.append(item)
    return merged


def _joined(first: Outgoing, then: Outgoing) -> Outgoing | None:
    """`first` above `then` as one message, or None when they must stay two."""
    head, tail = first.reply, then.reply
    if not (_plain(first) and isinstance(head, Reply) and isinstance(tail, Reply)):
        return None
    if then.fallback or then.about:
        return None
    text = f"{head.text}\n\n{tail.text}"
    limit = MAX_INTERACTIVE_BODY if tail.buttons or tail.sections or tail.link else MAX_TEXT
    return replace(then, reply=replace(tail, text=text)) if len(text) <= limit else None


def _plain(item: Outgoing) -> bool:
    reply = item.reply
    extras = item.fallback or item.then or item.about
    return isinstance(reply, Reply) and not extras and reply == Reply(text=reply.text)


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
