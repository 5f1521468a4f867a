"""Outbox bodies built once per shape and filled per member: a sweep over many members queues
few distinct messages that differ only in a child's name. The message is built with a stand-in
of the name's length, so Meta's length limits are checked as for the real name, encoded once,
and each member's copy is the encoded text with the name put in."""

from __future__ import annotations

import json
from dataclasses import dataclass

from bot.outbox import encode_body
from dialog.replies import Outgoing, Template

MARK = "\ue000"  # a private-use character: no catalog text holds one


def stand_in(length: int) -> str:
    return MARK * length


@dataclass(frozen=True, slots=True)
class Shape:
    """An outbox body (JSON, as the cipher encrypts it) with stand-ins where the name goes."""

    encoded: str
    stand_in: str
    free_form: bool

    def filled(self, name: str) -> bytes:
        """The body for `name`, byte for byte as encoding the message built with it would be."""
        escaped = json.dumps(name, ensure_ascii=False)[1:-1]
        return self.encoded.replace(self.stand_in, escaped).encode()


def shape_of(message: Outgoing, name_stand_in: str) -> Shape:
    """`message`, built with `name_stand_in` for the name; raises if Meta's limits refuse it."""
    encoded = json.dumps(encode_body(message), ensure_ascii=False, separators=(",", ":"))
    return Shape(encoded, name_stand_in, not isinstance(message.reply, Template))
