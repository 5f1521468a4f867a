"""A stand-in for Razorpay's API at the HTTP edge: payment links and payments, with basic
auth checked, reference ids unique forever, and an answer that can be lost on request (the
link is made, the client sees a broken connection)."""

from __future__ import annotations

import base64
import itertools
import json
from dataclasses import dataclass, field
from typing import Any

import httpx

KEY_ID, KEY_SECRET = "rzp_test_stubkey", "stub-key-secret"
WEBHOOK_SECRET = "stub-webhook-secret-1"


def _error(description: str) -> httpx.Response:
    return httpx.Response(
        400, json={"error": {"code": "BAD_REQUEST_ERROR", "description": description}}
    )


@dataclass
class RazorpayStub:
    links: dict[str, dict[str, Any]] = field(default_factory=dict)
    payments: dict[str, dict[str, Any]] = field(default_factory=dict)
    creates: list[dict[str, Any]] = field(default_factory=list)
    lose_next_answers: int = 0
    down: bool = False
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    async def handler(self, request: httpx.Request) -> httpx.Response:
        expected = base64.b64encode(f"{KEY_ID}:{KEY_SECRET}".encode()).decode()
        assert request.headers["Authorization"] == f"Basic {expected}"
        if self.down:
            return httpx.Response(503, json={"error": {"description": "down"}})
        path = request.url.path
        if request.method == "POST" and path == "/v1/payment_links":
            response = self._create(json.loads(request.content))
            if self.lose_next_answers:
                self.lose_next_answers -= 1
                msg = "stub: connection reset after the link was made"
                raise httpx.ReadError(msg, request=request)
            return response
        if request.method == "GET" and path == "/v1/payment_links":
            ref = request.url.params.get("reference_id")
            found = [link for link in self.links.values() if link["reference_id"] == ref]
            return httpx.Response(200, json={"payment_links": found})
        if request.method == "GET" and path.startswith("/v1/payment_links/"):
            link = self.links.get(path.rsplit("/", 1)[1])
            return httpx.Response(200, json=link) if link else _error("invalid input")
        if request.method == "GET" and path.startswith("/v1/payments/"):
            payment = self.payments.get(path.rsplit("/", 1)[1])
            return httpx.Response(200, json=payment) if payment else _error("invalid id")
        return httpx.Response(404, json={"error": {"description": "no route"}})

    def _create(self, body: dict[str, Any]) -> httpx.Response:
        self.creates.append(body)
        ref = body.get("reference_id")
        if any(link["reference_id"] == ref for link in self.links.values()):
            return _error("payment link creation with reference ID already attempted")
        n = next(self._ids)
        plink_id = f"plink_Stub{n:06d}"
        link = {
            **body,
            "id": plink_id,
            "short_url": f"https://rzp.io/rzp/stub{n}",
            "status": "created",
            "amount_paid": 0,
            "payments": None,
        }
        self.links[plink_id] = link
        return httpx.Response(200, json=link)

    def pay(self, plink_id: str, payment_id: str) -> None:
        """The link is paid on Razorpay's side (whether or not a webhook tells us)."""
        link = self.links[plink_id]
        captured = {"payment_id": payment_id, "amount": link["amount"], "status": "captured"}
        link.update(status="paid", amount_paid=link["amount"], payments=[captured])

    def only_link(self) -> dict[str, Any]:
        assert len(self.links) == 1, self.links
        return next(iter(self.links.values()))
