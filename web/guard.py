"""What every caregiver page response carries and every write must prove: a strict CSP (no
inline script, no inline style but the pages' own stylesheet named by its hash, nothing from
another site), a CSRF token and an Origin of our own, and a per-member rate limit."""

from __future__ import annotations

import hmac
import time
from collections import deque
from collections.abc import Callable
from urllib.parse import urlsplit

from web.page_style import PAGE_STYLE, csp_hash

CSP = (
    f"default-src 'none'; script-src 'self'; style-src 'self' {csp_hash(PAGE_STYLE)}; "
    "img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)


def csrf_ok(sent: str | None, expected: str) -> bool:
    return bool(sent) and hmac.compare_digest(str(sent), expected)


def same_origin(origin: str | None, fetch_site: str | None, own_origin: str) -> bool:
    """The browser says the form came from our own pages: Origin names our origin, or, when a
    browser leaves Origin out (or sends "null", as under a no-referrer policy), Sec-Fetch-Site
    says same-origin. Neither: refused."""
    if origin and origin != "null":
        return origin == own_origin
    return fetch_site == "same-origin"


def origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class RateLimiter:
    """At most `limit` hits per key within `window` seconds (a sliding log of hit times).

    Kept in memory: one instance serves the pages today, so every member's hits meet here;
    a second instance would give each member twice the limit, still far below harm. A
    Postgres counter would add a write to every page view for that."""

    def __init__(
        self, limit: int, window: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit, self.window, self._clock = limit, window, clock
        self._hits: dict[str, deque[float]] = {}

    def allow(self, key: str) -> bool:
        now = self._clock()
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return False
        hits.append(now)
        self._forget_idle(now)
        return True

    def _forget_idle(self, now: float) -> None:
        """Drop keys with no recent hit, so the map holds only active members."""
        if len(self._hits) > 10_000:
            idle = [
                k for k, hits in self._hits.items() if not hits or hits[-1] <= now - self.window
            ]
            for key in idle:
                del self._hits[key]
