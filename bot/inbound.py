"""Meta webhook payload → typed messages, statuses and errors; tolerant of every shape.

Parsing never raises: a message that cannot be stored is named in `Batch.rejected` with the
reason, and the body it came in is quarantined (bot/ingest.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from dialog.message import Inbound
from tracker.text import clean_free_text, clean_person_name

MAX_ID_LENGTH = 512
MAX_NUMBER_ID_LENGTH = 64
MAX_BSUID_LENGTH = 256
# Meta's messages nest about six levels; anything far deeper is not a message we can read.
MAX_DEPTH = 32
MAX_CLOCK_SKEW = timedelta(days=1)
MEDIA_KINDS = frozenset({"image", "audio", "video", "document", "sticker"})


@dataclass(frozen=True, slots=True, kw_only=True)
class StatusUpdate:
    wamid: str
    status: str
    error_code: str | None = None


@dataclass(slots=True)
class Batch:
    """Everything one POST carried: message envelopes to store, statuses, out-of-band errors,
    and why any message in it cannot be stored."""

    envelopes: list[dict[str, Any]] = field(default_factory=list)
    statuses: list[StatusUpdate] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _obj(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _str(value: Any) -> str:
    """A scalar as text; an object or list is not an id, a name or a text."""
    if isinstance(value, str):
        return value
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else ""


def _usable(value: str, limit: int) -> bool:
    """An id or a kind we can store and compare: no control characters, not too long."""
    return len(value) <= limit and value.isprintable()


def parse_payload(payload: Any) -> Batch:
    """Walk every entry, change, message, status and error of a webhook body."""
    batch = Batch()
    for entry in _dicts(_obj(payload).get("entry")):
        for change in _dicts(entry.get("changes")):
            value = _obj(change.get("value"))
            metadata = _obj(value.get("metadata"))
            contacts = _dicts(value.get("contacts"))
            for message in _dicts(value.get("messages")):
                envelope = {
                    "message": message,
                    "contact": _contact_for(message, contacts),
                    "metadata": metadata,
                }
                problem = unstorable(envelope)
                if problem:
                    batch.rejected.append(problem)
                else:
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


def unstorable(envelope: dict[str, Any]) -> str | None:
    """Why this message cannot be stored, or None when it can."""
    if _deeper_than(envelope, MAX_DEPTH):
        return "too_deep"
    message, contact = _obj(envelope.get("message")), _obj(envelope.get("contact"))
    wamid = _str(message.get("id"))
    senders = (_str(message.get("from")), _str(contact.get("wa_id")))
    checks = (
        ("bad_id", wamid and _usable(wamid, MAX_ID_LENGTH)),
        ("bad_type", _str(message.get("type")).isprintable()),
        ("bad_from", all(_usable(sender, 64) for sender in senders)),
        ("bad_user_id", _usable(_raw_bsuid(envelope), MAX_BSUID_LENGTH)),
        ("bad_phone_number_id", _usable(_number_id(envelope), MAX_NUMBER_ID_LENGTH)),
        ("no_sender", any(user_keys(envelope))),
    )
    return next((reason for reason, ok in checks if not ok), None)


def _deeper_than(value: Any, limit: int) -> bool:
    """Walked without recursion, so a hostile depth cannot exhaust the stack here."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack += [(child, depth + 1) for child in item.values()]
        elif isinstance(item, list):
            stack += [(child, depth + 1) for child in item]
    return False


def _raw_bsuid(envelope: dict[str, Any]) -> str:
    message, contact = _obj(envelope.get("message")), _obj(envelope.get("contact"))
    return _str(message.get("from_user_id") or contact.get("user_id"))


def _number_id(envelope: dict[str, Any]) -> str:
    return _str(_obj(envelope.get("metadata")).get("phone_number_id"))


def user_keys(envelope: dict[str, Any]) -> tuple[str, str]:
    """(phone digits, business-scoped user id); either may be empty, never both when stored."""
    message, contact = _obj(envelope.get("message")), _obj(envelope.get("contact"))
    raw = _str(message.get("from") or contact.get("wa_id"))
    phone = "".join(ch for ch in raw if ch.isascii() and ch.isdigit())
    return (phone if 6 <= len(phone) <= 15 else ""), _raw_bsuid(envelope)[:MAX_BSUID_LENGTH]


def _status(status: dict[str, Any]) -> StatusUpdate | None:
    wamid, state = _str(status.get("id")), _str(status.get("status"))
    if not (wamid and state and _usable(wamid, MAX_ID_LENGTH) and _usable(state, 32)):
        return None
    errors = _dicts(status.get("errors"))
    code = _str(errors[0].get("code")) if errors else ""
    return StatusUpdate(
        wamid=wamid, status=state, error_code=code if code and _usable(code, 64) else None
    )


def _sent_at(message: dict[str, Any]) -> datetime | None:
    """Meta's send time; None when it is not a plausible Unix time (then we use our own)."""
    raw = _str(message.get("timestamp"))
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 12):
        return None
    sent = datetime.fromtimestamp(int(raw), UTC)
    return sent if sent <= datetime.now(UTC) + MAX_CLOCK_SKEW else None


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
    """Build the handler-facing message from a stored envelope; typed text is normalised."""
    message = _obj(envelope.get("message"))
    kind = _str(message.get("type")) or "unknown"
    reply_id, title = _reply(message)
    media = _obj(message.get(kind)) if kind in MEDIA_KINDS else {}
    # a media caption is not a command: media gets its own reply
    text = _str(_obj(message.get("text")).get("body")) if kind == "text" else title
    phone, bsuid = user_keys(envelope)
    profile = _obj(_obj(envelope.get("contact")).get("profile"))
    return Inbound(
        wamid=_str(message.get("id")),
        phone=phone,
        bsuid=bsuid,
        phone_number_id=_number_id(envelope),
        kind=kind,
        text=clean_free_text(text).strip(),
        reply_id=clean_free_text(reply_id) if reply_id else None,
        media_id=_str(media.get("id")) or None,
        profile_name=clean_person_name(_str(profile.get("name"))) or "",
        sent_at=_sent_at(message),
    )
