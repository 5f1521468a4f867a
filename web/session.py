"""The short cookie a link is traded for: the link's claims, a CSRF secret and the page
language, signed with the link keys under a salt of its own. The address bar then holds a
clean URL, never the token."""

from __future__ import annotations

import secrets
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
    language: str = ""  # chosen on the page; empty: the member's own
    flash: tuple[str, ...] = ()  # what the last save said, shown once on the next page

    def speaking(self, language: str) -> WebSession:
        return replace(self, language=language)

    def telling(self, *lines: str) -> WebSession:
        return replace(self, flash=lines[:MAX_FLASH])


def new_session(claims: LinkClaims) -> WebSession:
    return WebSession(claims, secrets.token_urlsafe(24))


class SessionCookie:
    """Seals a WebSession into a cookie value and opens it again within LIFETIME."""

    def __init__(self, keys: tuple[str, ...]) -> None:
        self._serializer = URLSafeTimedSerializer(list(reversed(keys)), salt="cal-session")

    def seal(self, session: WebSession) -> str:
        claims = session.claims
        fields = [claims.member_id, claims.child_id, claims.version, claims.purpose]
        return self._serializer.dumps([*fields, session.csrf, session.language, session.flash])

    def open(self, value: str | None) -> WebSession | None:
        if not value:
            return None
        try:
            fields = self._serializer.loads(value, max_age=int(LIFETIME.total_seconds()))
        except BadSignature:
            return None
        if not isinstance(fields, list) or len(fields) != 7:
            return None
        member_id, child_id, version, purpose, csrf, language, flash = fields
        if purpose not in PURPOSES:
            return None
        claims = LinkClaims(member_id, child_id, version, purpose)
        return WebSession(claims, csrf, language, tuple(flash))
