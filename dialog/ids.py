"""Button and list-row ids: `namespace:action[:arg]`, built and parsed only here, typed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

MAX_ID_LENGTH = 200  # list rows allow 200, buttons 256: the smaller one fits both
PART = r"[a-z0-9_]+"


class InvalidId(ValueError):
    """An id that is malformed, unknown, or carries an argument that does not validate."""


@dataclass(frozen=True, slots=True)
class ChoiceId:
    namespace: str
    action: str
    value: Any = None


_ARG_PARSERS: dict[tuple[str, str], Callable[[str], Any] | None] = {}
# Ids of the bot this one replaces, still typed or tapped from old chats: same meaning, same checks.
LEGACY = {"attended_date": "log:attended", "missed_date": "log:missed"}


def register(namespace: str, action: str, parse_arg: Callable[[str], Any] | None = None) -> None:
    """Declare an id; `parse_arg` validates and converts its argument (raise ValueError)."""
    _ARG_PARSERS[(namespace, action)] = parse_arg


def encode(namespace: str, action: str, arg: object = None) -> str:
    if (namespace, action) not in _ARG_PARSERS:
        msg = f"unregistered id {namespace}:{action}"
        raise InvalidId(msg)
    raw = f"{namespace}:{action}" if arg is None else f"{namespace}:{action}:{arg}"
    decode(raw)  # what we build must be what we accept
    return raw


def decode(raw: str) -> ChoiceId:
    """Parse and validate an id, whether it came from a tap or was typed by hand."""
    if len(raw) > MAX_ID_LENGTH:
        msg = "id too long"
        raise InvalidId(msg)
    head, _, tail = raw.strip().partition(":")
    if head.lower() in LEGACY:
        raw = f"{LEGACY[head.lower()]}:{tail}"
    namespace, _, rest = raw.strip().partition(":")
    action, _, arg = rest.partition(":")
    key = (namespace.lower(), action.lower())
    if key not in _ARG_PARSERS:
        msg = f"unknown id {namespace}:{action}"
        raise InvalidId(msg)
    parse_arg = _ARG_PARSERS[key]
    if parse_arg is None:
        if arg:
            msg = f"{namespace}:{action} takes no argument"
            raise InvalidId(msg)
        return ChoiceId(*key)
    try:
        return ChoiceId(*key, parse_arg(arg))
    except ValueError as e:
        msg = f"bad argument for {namespace}:{action}"
        raise InvalidId(msg) from e
