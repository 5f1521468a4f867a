"""The short cookie a link is traded for: the link's claims, a CSRF secret and the page
language, signed with the link keys under a salt of its own. The address bar then holds a
clean URL, never the token. A visit lasts LIFETIME from the moment the link was opened,
however often the cookie is written again meanwhile."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta

from itsdangerous import BadSignature, URLSafeTimedSerializer

from web.tokens import PURPOSES, LinkClaims

COOKIE = "tt_cal"
COOKIE_PATH = "/calendar"
LIFETIME = timedelta(hours=2)
MAX_FLASH = 8


@dataclass(frozen=True, slots=True)
class WebSession:
    claims: LinkClaims
    csrf: str  # the synchronizer token every form sends back
    opened_at: int  # when the link was traded for this visit, in seconds since the epoch
    language: str = ""  # chosen on the page; empty: the member's own
    flash: tuple[str, ...] = ()  # what the last save said, shown once on the next page

    def speaking(self, language: str) -> WebSession:
        return replace(self, language=language)

    def telling(self, *lines: str) -> WebSession:
        return replace(self, flash=lines[:MAX_FLASH])


def new_session(claims: LinkClaims, now: float) -> WebSession:
    return WebSession(claims, secrets.token_urlsafe(24), int(now))


class SessionCookie:
    """Seals a WebSession into a cookie value and opens it again within LIFETIME of the
    visit's start."""

    def __init__(self, keys: tuple[str, ...], clock: Callable[[], float] = time.time) -> None:
        self._serializer = URLSafeTimedSerializer(list(reversed(keys)), salt="cal-session")
        self._clock = clock

    def seal(self, session: WebSession) -> str:
        claims = session.claims
        fields = [claims.member_id, claims.child_id, claims.version, claims.purpose]
        visit = [session.csrf, session.opened_at, session.language, list(session.flash)]
        return self._serializer.dumps([*fields, *visit])

    def open(self, value: str | None) -> WebSession | None:
        if not value:
            return None
        try:
            fields = self._serializer.loads(value)
        except BadSignature:
            return None
        if not isinstance(fields, list) or len(fields) != 8:
            return None
        member_id, child_id, version, purpose, csrf, opened_at, language, flash = fields
        if purpose not in PURPOSES or not isinstance(opened_at, int):
            return None
        if self._clock() - opened_at > LIFETIME.total_seconds():
            return None
        claims = LinkClaims(member_id, child_id, version, purpose)
        return WebSession(claims, csrf, opened_at, language, tuple(flash))
