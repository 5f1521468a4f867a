"""What the pages need from the app, handed over once when the app is built (the web layer
sits below bot/ and cannot reach into it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from quart import current_app

from dialog.context import Links
from sql.cipher import Cipher
from sql.db import Database
from web.guard import RateLimiter
from web.session import SessionCookie
from web.tokens import LinkSigner

EXTENSION = "therapy_tracker_web"


@dataclass(frozen=True, slots=True, kw_only=True)
class WebDeps:
    signer: LinkSigner
    cookies: SessionCookie
    cipher: Cipher
    database: Callable[[], Database]  # the app's pool, once serving has started
    clock: Callable[[], datetime]
    public_url: str  # where the app is reached, e.g. https://tracker.example
    links: Links
    # per member, a minute: page views, writes, and links opened
    views: RateLimiter = field(default_factory=lambda: RateLimiter(120, 60))
    writes: RateLimiter = field(default_factory=lambda: RateLimiter(30, 60))
    openings: RateLimiter = field(default_factory=lambda: RateLimiter(30, 60))


def deps() -> WebDeps:
    found: WebDeps = current_app.extensions[EXTENSION]
    return found
