"""The few Razorpay endpoints we call, with httpx (the SDK is synchronous and has no timeout).

Every answer is classified: a result, a refusal that will not change on retry (BadRequest),
or a failure worth retrying later (Unavailable: a timeout, a lost answer, a 5xx or a 429)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

DEFAULT_API_BASE = "https://api.razorpay.com"
TIMEOUT_SECONDS = 10.0
ALREADY_ATTEMPTED = "already attempted"


class RazorpayError(Exception):
    """Razorpay did not give us what we asked for; the message is safe to log."""


class BadRequest(RazorpayError):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(f"{status}: {description[:150]}")
        self.description = description


class Unavailable(RazorpayError):
    """Try again later; a create retried with the same reference_id makes no second link."""


@dataclass(frozen=True, slots=True)
class Keys:
    key_id: str
    key_secret: str


class RazorpayApi:
    def __init__(
        self,
        keys: Keys,
        *,
        base: str = DEFAULT_API_BASE,
        client: httpx.AsyncClient | None = None,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        self._keys, self._base = keys, base.rstrip("/")
        self._client = client or httpx.AsyncClient(timeout=timeout)
        self._owns_client = client is None
        self._timeout = timeout

    async def close(self) -> None:
        if self._owns_client:
            await self._client.aclose()

    async def create_link(self, body: dict[str, Any]) -> dict[str, Any]:
        return await self._call("POST", "/v1/payment_links", json=body)

    async def links_by_reference(self, reference_id: str) -> list[dict[str, Any]]:
        found = await self._call("GET", "/v1/payment_links", params={"reference_id": reference_id})
        links: list[dict[str, Any]] = found.get("payment_links") or []
        return links

    async def fetch_link(self, plink_id: str) -> dict[str, Any]:
        return await self._call("GET", f"/v1/payment_links/{plink_id}")

    async def fetch_payment(self, payment_id: str) -> dict[str, Any]:
        return await self._call("GET", f"/v1/payments/{payment_id}")

    async def _call(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        try:
            response = await self._client.request(
                method,
                self._base + path,
                auth=(self._keys.key_id, self._keys.key_secret),
                timeout=self._timeout,
                **kw,
            )
        except httpx.HTTPError as e:
            raise Unavailable(type(e).__name__) from e
        if response.status_code == 429 or response.status_code >= 500:
            raise Unavailable(str(response.status_code))
        try:
            body = response.json()
        except ValueError as e:
            raise Unavailable(f"{response.status_code}: not JSON") from e
        if response.status_code >= 400:
            error = body.get("error") if isinstance(body, dict) else None
            description = str((error or {}).get("description") or "")
            raise BadRequest(response.status_code, description)
        if not isinstance(body, dict):
            raise Unavailable("answer is not an object")
        return body


async def create_or_find_link(api: RazorpayApi, body: dict[str, Any]) -> dict[str, Any]:
    """Create the link; if this reference_id was already used (our earlier try whose answer
    was lost), fetch the link that try made instead of making a second one."""
    try:
        return await api.create_link(body)
    except BadRequest as e:
        if ALREADY_ATTEMPTED not in e.description.lower():
            raise
    links = await api.links_by_reference(body["reference_id"])
    if not links:
        raise Unavailable("reference already attempted, link not listed yet")
    return links[0]
