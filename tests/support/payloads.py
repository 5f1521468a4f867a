"""Meta-shaped webhook payloads built from the documented schema (not copied samples)."""

from __future__ import annotations

import itertools
import json
import time
from typing import Any

from bot.signature import sign

BUSINESS_NUMBER_ID = "106540352242922"
_counter = itertools.count(1)


def new_wamid() -> str:
    return f"wamid.TEST{next(_counter):08d}{time.time_ns() % 10**9:09d}"


def message(
    phone: str,
    kind: str,
    body: dict[str, Any] | None = None,
    *,
    wamid: str | None = None,
    timestamp: int | None = None,
) -> dict[str, Any]:
    msg: dict[str, Any] = {
        "from": phone,
        "id": wamid or new_wamid(),
        "timestamp": str(timestamp or int(time.time())),
        "type": kind,
    }
    if body is not None:
        msg[kind] = body
    return msg


def text(phone: str, body: str, **kw: Any) -> dict[str, Any]:
    return message(phone, "text", {"body": body}, **kw)


def button_reply(phone: str, reply_id: str, title: str = "Tap", **kw: Any) -> dict[str, Any]:
    return message(
        phone,
        "interactive",
        {"type": "button_reply", "button_reply": {"id": reply_id, "title": title}},
        **kw,
    )


def list_reply(phone: str, reply_id: str, title: str = "Row", **kw: Any) -> dict[str, Any]:
    return message(
        phone,
        "interactive",
        {"type": "list_reply", "list_reply": {"id": reply_id, "title": title}},
        **kw,
    )


def contact(
    phone: str, name: str = "Parent", *, user_id: str | None = None, with_profile: bool = True
) -> dict[str, Any]:
    entry: dict[str, Any] = {"wa_id": phone}
    if with_profile:
        entry["profile"] = {"name": name}
    if user_id:
        entry["user_id"] = user_id
    return entry


def webhook(
    messages: list[dict[str, Any]] = (),
    *,
    contacts: list[dict[str, Any]] | None = None,
    statuses: list[dict[str, Any]] = (),
    errors: list[dict[str, Any]] = (),
    phone_number_id: str = BUSINESS_NUMBER_ID,
) -> dict[str, Any]:
    value: dict[str, Any] = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "15550001111", "phone_number_id": phone_number_id},
    }
    if messages:
        senders = dict.fromkeys(m.get("from", "") for m in messages)
        value["contacts"] = contacts if contacts is not None else [contact(p) for p in senders]
        value["messages"] = list(messages)
    if statuses:
        value["statuses"] = list(statuses)
    if errors:
        value["errors"] = list(errors)
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "WABA1", "changes": [{"field": "messages", "value": value}]}],
    }


def status(
    wamid: str, state: str, recipient: str = "919000000001", error_code: int | None = None
) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": wamid,
        "status": state,
        "timestamp": str(int(time.time())),
        "recipient_id": recipient,
    }
    if error_code:
        entry["errors"] = [{"code": error_code, "title": "error"}]
    return entry


def encode(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False).encode()


def signed_headers(body: bytes, secret: str) -> dict[str, str]:
    return {"Content-Type": "application/json", "X-Hub-Signature-256": sign(body, secret)}
