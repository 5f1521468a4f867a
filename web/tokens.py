"""Signed calendar links: who (member and child by id, never a phone), what for (view or edit),
and the family's link version, so `revoke links` kills every link already sent.

The token is signed, not encrypted: anyone holding it can read the ids, none can change them.
Each purpose has its own salt, so a view link never verifies as an edit link, and its own
lifetime, checked when the link is opened."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Literal

from itsdangerous import BadSignature, SignatureExpired, TimestampSigner, URLSafeTimedSerializer

Purpose = Literal["view", "edit"]
PURPOSES: tuple[Purpose, ...] = ("view", "edit")
LIFETIMES: dict[Purpose, timedelta] = {"view": timedelta(weeks=4), "edit": timedelta(hours=48)}


@dataclass(frozen=True, slots=True)
class LinkClaims:
    """What a link says: member `member_id` may `purpose` child `child_id` while the child's
    link version is still `version`."""

    member_id: int
    child_id: int
    version: int
    purpose: Purpose


class LinkRefused(Exception):
    """The link cannot be used; `reason` names the page to show ("expired" or "tampered").
    An expired link still tells whose it was (its signature held), for their language."""

    def __init__(self, reason: Literal["expired", "tampered"], member_id: int | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.member_id = member_id


class LinkSigner:
    """Signs with the first key and accepts any of `keys` (newest first, as in the variable);
    `clock` (seconds since the epoch) dates new links and measures the age of old ones."""

    def __init__(self, keys: tuple[str, ...], clock: Callable[[], float] = time.time) -> None:
        if not keys:
            msg = "at least one link signing key is needed"
            raise ValueError(msg)
        oldest_first = list(reversed(keys))  # itsdangerous signs with the last one

        class ClockedSigner(TimestampSigner):
            def get_timestamp(self) -> int:
                return int(clock())

        self._serializers = {
            purpose: URLSafeTimedSerializer(
                oldest_first, salt=f"cal-{purpose}", signer=ClockedSigner
            )
            for purpose in PURPOSES
        }

    def sign(self, claims: LinkClaims) -> str:
        payload = {"m": claims.member_id, "c": claims.child_id, "v": claims.version}
        token = self._serializers[claims.purpose].dumps(payload)
        return f"{claims.purpose[0]}.{token}"

    def verify(self, token: str) -> LinkClaims:
        """The claims of a link still within its purpose's lifetime, or LinkRefused."""
        prefix, _, signed = token.partition(".")
        purpose = next((p for p in PURPOSES if p[0] == prefix), None)
        if purpose is None or not signed:
            raise LinkRefused("tampered", None)
        serializer = self._serializers[purpose]
        try:
            payload = serializer.loads(signed, max_age=int(LIFETIMES[purpose].total_seconds()))
        except SignatureExpired as e:
            raise LinkRefused("expired", _member_of(serializer, e.payload)) from e
        except BadSignature as e:
            raise LinkRefused("tampered", None) from e
        claims = _claims(payload, purpose)
        if claims is None:
            raise LinkRefused("tampered", None)
        return claims


def _member_of(serializer: URLSafeTimedSerializer, raw: object) -> int | None:
    """The member an expired link named: its signature held, only its time ran out."""
    try:
        payload = serializer.load_payload(raw) if isinstance(raw, bytes) else None
    except BadSignature:  # itsdangerous' BadPayload
        return None
    member = payload.get("m") if isinstance(payload, dict) else None
    return member if type(member) is int else None


def _claims(payload: object, purpose: Purpose) -> LinkClaims | None:
    if not isinstance(payload, dict):
        return None
    member_id, child_id, version = payload.get("m"), payload.get("c"), payload.get("v")
    if type(member_id) is int and type(child_id) is int and type(version) is int:
        return LinkClaims(member_id, child_id, version, purpose)
    return None
