"""Button and list-row ids: `namespace:action[:arg]`, built and parsed only here, typed.

A feature declares its ids when it registers their handlers (`router.choice`) and builds
them with `encode`, which refuses an id nobody handles. Menu entries name commands instead
(`command("status")`), so a menu never depends on a feature's own ids."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

MAX_ID_LENGTH = 200  # list rows allow 200, buttons 256: the smaller one fits both
COMMAND_PREFIX = "cmd:"

Problem = Literal["too_long", "unknown", "unexpected_argument", "bad_argument"]


class InvalidId(ValueError):
    """An id that is malformed, unknown, or carries an argument that does not validate.
    It names only the kind of problem: an id may have been typed, so it is never repeated."""

    def __init__(self, kind: Problem) -> None:
        super().__init__(kind)
        self.kind = kind


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
    """Build an id that a registered handler accepts, or raise InvalidId."""
    raw = f"{namespace}:{action}" if arg is None else f"{namespace}:{action}:{arg}"
    decode(raw)  # what we build must be what we accept
    return raw


def command(name: str) -> str:
    """The id of a button or row that runs a command, as if its words were typed."""
    return COMMAND_PREFIX + name


def decode(raw: str) -> ChoiceId:
    """Parse and validate an id, whether it came from a tap or was typed by hand."""
    if len(raw) > MAX_ID_LENGTH:
        raise InvalidId("too_long")
    head, _, tail = raw.strip().partition(":")
    if head.lower() in LEGACY:
        raw = f"{LEGACY[head.lower()]}:{tail}"
    namespace, _, rest = raw.strip().partition(":")
    action, _, arg = rest.partition(":")
    key = (namespace.lower(), action.lower())
    if key not in _ARG_PARSERS:
        raise InvalidId("unknown")
    parse_arg = _ARG_PARSERS[key]
    if parse_arg is None:
        if arg:
            raise InvalidId("unexpected_argument")
        return ChoiceId(*key)
    try:
        return ChoiceId(*key, parse_arg(arg))
    except ValueError as e:
        raise InvalidId("bad_argument") from e
