"""Meta's X-Hub-Signature-256: HMAC-SHA256 of the raw body with the app secret."""

from __future__ import annotations

import hashlib
import hmac


def sign(body: bytes, secret: str) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _escaped_unicode(body: bytes) -> bytes:
    """The form Meta documents signing: every non-ASCII char as a lowercase \\uXXXX escape."""
    text = body.decode("utf-8", errors="strict")
    out = []
    for char in text:
        code = ord(char)
        if code < 0x80:
            out.append(char)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
    return "".join(out).encode("ascii")


def is_valid(body: bytes, header: str, secret: str) -> bool:
    """Raw bytes first; only a body with non-ASCII bytes gets a second try in escaped form."""
    if hmac.compare_digest(sign(body, secret), header):
        return True
    if body.isascii():
        return False
    try:
        return hmac.compare_digest(sign(_escaped_unicode(body), secret), header)
    except UnicodeDecodeError:
        return False
