"""X-Razorpay-Signature: lowercase hex HMAC-SHA256 of the raw body with the webhook secret.
During a rotation both secrets are accepted: retries of older events keep the old one."""

from __future__ import annotations

import hashlib
import hmac
import re

HEADER = re.compile(r"[0-9a-f]{64}")


def sign(body: bytes, secret: str) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def is_valid(body: bytes, header: str, secrets: tuple[str, ...]) -> bool:
    header = header.strip()
    if not HEADER.fullmatch(header):
        return False
    given = header.encode("ascii")
    return any(hmac.compare_digest(sign(body, s).encode("ascii"), given) for s in secrets)
