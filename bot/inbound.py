"""Meta webhook payload → typed messages, statuses and errors; tolerant of every shape."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from dialog.message import Inbound

log = logging.getLogger(__name__)

MAX_ID_LENGTH = 512
MEDIA_KINDS = frozenset({"image", "audio", "video", "document", "sticker"})


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusUpdate:
    wamid: str
    status: str
    error_code: str | None = None


@dataclass(slots=True)
class Batch:
    """Everything one POST carried: message envelopes to store, statuses, out-of-band errors."""

    envelopes: list[dict[str, Any]] = field(default_factory=list)
    statuses: list[StatusUpdate] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _str(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def parse_payload(payload: Any) -> Batch:
    """Walk every entry, change, message, status and error of a webhook body."""
    batch = Batch()
    for entry in _dicts(_obj(payload).get("entry")):
        for change in _dicts(entry.get("changes")):
            value = _obj(change.get("value"))
            metadata = _obj(value.get("metadata"))
            contacts = _dicts(value.get("contacts"))
            for message in _dicts(value.get("messages")):
                envelope = _envelope(message, contacts, metadata)
                if envelope is not None:
                    batch.envelopes.append(envelope)
            batch.statuses += [s for s in map(_status, _dicts(value.get("statuses"))) if s]
            batch.errors += _dicts(value.get("errors"))
    return batch


def _contact_for(message: dict[str, Any], contacts: list[dict[str, Any]]) -> dict[str, Any]:
    sender = _str(message.get("from"))
    for contact in contacts:
        if sender and _str(contact.get("wa_id")) == sender:
            return contact
    return contacts[0] if len(contacts) == 1 else {}


def _envelope(
    message: dict[str, Any], contacts: list[dict[str, Any]], metadata: dict[str, Any]
) -> dict[str, Any] | None:
    contact = _contact_for(message, contacts)
    envelope = {"message": message, "contact": contact, "metadata": metadata}
    wamid = _str(message.get("id"))
    if not wamid or len(wamid) > MAX_ID_LENGTH:
        log.warning("message without a usable id skipped", extra={"kind": message.get("type")})
        return None
    if not user_keys(envelope)[0] and not user_keys(envelope)[1]:
        log.warning("message with no sender skipped", extra={"wamid": wamid})
        return None
    return envelope


def user_keys(envelope: dict[str, Any]) -> tuple[str, str]:
    """(phone digits, business-scoped user id); either may be empty, never both when stored."""
    message, contact = _obj(envelope.get("message")), _obj(envelope.get("contact"))
    phone = "".join(ch for ch in _str(message.get("from") or contact.get("wa_id")) if ch.isdigit())
    bsuid = _str(message.get("from_user_id") or contact.get("user_id"))[:256]
    return (phone if 6 <= len(phone) <= 15 else ""), bsuid


def _status(status: dict[str, Any]) -> StatusUpdate | None:
    wamid, state = _str(status.get("id")), _str(status.get("status"))
    if not wamid or not state:
        return None
    errors = _dicts(status.get("errors"))
    code = _str(errors[0].get("code")) if errors else None
    return StatusUpdate(wamid=wamid, status=state, error_code=code or None)


def _sent_at(message: dict[str, Any]) -> datetime | None:
    raw = _str(message.get("timestamp"))
    return datetime.fromtimestamp(int(raw), UTC) if raw.isdigit() else None


def _reply(message: dict[str, Any]) -> tuple[str | None, str]:
    kind = _str(message.get("type"))
    if kind == "interactive":
        interactive = _obj(message.get("interactive"))
        chosen = _obj(interactive.get("button_reply") or interactive.get("list_reply"))
        return (_str(chosen.get("id")) or None), _str(chosen.get("title"))
    if kind == "button":
        button = _obj(message.get("button"))
        return (_str(button.get("payload")) or None), _str(button.get("text"))
    return None, ""


def from_envelope(envelope: dict[str, Any]) -> Inbound:
    """Build the handler-facing message from a stored envelope."""
    message, metadata = _obj(envelope.get("message")), _obj(envelope.get("metadata"))
    kind = _str(message.get("type")) or "unknown"
    reply_id, title = _reply(message)
    media = _obj(message.get(kind)) if kind in MEDIA_KINDS else {}
    # a media caption is not a command: media gets its own reply
    text = _str(_obj(message.get("text")).get("body")) if kind == "text" else title
    phone, bsuid = user_keys(envelope)
    return Inbound(
        wamid=_str(message.get("id")),
        phone=phone,
        bsuid=bsuid,
        phone_number_id=_str(metadata.get("phone_number_id")),
        kind=kind,
        text=text.strip(),
        reply_id=reply_id,
        media_id=_str(media.get("id")) or None,
        profile_name=_str(_obj(_obj(envelope.get("contact")).get("profile")).get("name")),
        sent_at=_sent_at(message),
    )
