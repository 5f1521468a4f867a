"""The message a handler answers, already parsed out of Meta's payload."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Inbound:
    """One user message, as the worker and handlers see it; `text` keeps the user's case."""

    wamid: str
    phone: str
    bsuid: str
    phone_number_id: str
    kind: str
    text: str = ""
    reply_id: str | None = None
    media_id: str | None = None
    profile_name: str = ""
    sent_at: datetime | None = None

    @property
    def normalized(self) -> str:
        return " ".join(self.text.casefold().split())
