"""Meta's X-Hub-Signature-256: HMAC-SHA256 of the raw body with the app secret."""

from __future__ import annotations

import hashlib
import hmac
import json
import re

HEADER = re.compile(r"sha256=[0-9a-fA-F]{64}")
NON_ASCII_RUN = re.compile(r"([^\x00-\x7f]+)")
# Real message bodies are a few KB; above this only the raw form is checked, so an
# unauthenticated body never costs more than a bounded amount of Python work.
ESCAPED_FORM_MAX_BYTES = 64 * 1024


def sign(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def well_formed(header: str) -> bool:
    """The header has Meta's shape (checked before any work on the body)."""
    return HEADER.fullmatch(header) is not None


def _escaped_unicode(body: bytes) -> bytes:
    """The form Meta documents signing: every non-ASCII char as a lowercase \\uXXXX escape."""
    parts = NON_ASCII_RUN.split(body.decode("utf-8", errors="strict"))
    # json escapes a non-ASCII run exactly so (surrogate pairs above U+FFFF), in C
    parts[1::2] = [json.dumps(run)[1:-1] for run in parts[1::2]]
    return "".join(parts).encode("ascii")


def is_valid(body: bytes, header: str, secret: str) -> bool:
    """Raw bytes first; only a small body with non-ASCII bytes gets a second try, escaped."""
    if not well_formed(header):
        return False
    expected = header.lower().encode("ascii")
    if hmac.compare_digest(sign(body, secret).encode("ascii"), expected):
        return True
    if body.isascii() or len(body) > ESCAPED_FORM_MAX_BYTES:
        return False
    try:
        escaped = _escaped_unicode(body)
    except UnicodeDecodeError:
        return False
    return hmac.compare_digest(sign(escaped, secret).encode("ascii"), expected)
