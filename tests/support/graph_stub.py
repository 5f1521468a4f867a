"""A stand-in for Meta's Graph API at the HTTP edge: records sends, answers like Meta."""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass, field
from typing import Any

import httpx


@dataclass
class GraphStub:
    """Answers POST /{version}/{number}/messages; queued failures are returned first."""

    sent: list[dict[str, Any]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    failures: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    _ids: itertools.count = field(default_factory=lambda: itertools.count(1))

    def fail_next(self, status: int, code: int, count: int = 1) -> None:
        error = {
            "error": {
                "message": "stub",
                "type": "OAuthException",
                "code": code,
                "fbtrace_id": "stub",
            }
        }
        self.failures += [(status, error)] * count

    uploads: list[bytes] = field(default_factory=list)

    def handler(self, request: httpx.Request) -> httpx.Response:
        assert request.headers["Authorization"] == "Bearer test-token"
        self.paths.append(request.url.path)
        if request.url.path.endswith("/media"):
            return self._upload(request)
        body = json.loads(request.content)
        if self.failures:
            status, error = self.failures.pop(0)
            return httpx.Response(status, json=error)
        self.sent.append(body)
        wamid = f"wamid.OUT{next(self._ids):06d}"
        return httpx.Response(
            200,
            json={
                "messaging_product": "whatsapp",
                "contacts": [{"input": body["to"], "wa_id": body["to"]}],
                "messages": [{"id": wamid}],
            },
        )

    def _upload(self, request: httpx.Request) -> httpx.Response:
        if self.failures:
            status, error = self.failures.pop(0)
            return httpx.Response(status, json=error)
        self.uploads.append(request.content)
        return httpx.Response(200, json={"id": f"media.{len(self.uploads)}"})

    def to(self, phone: str) -> list[dict[str, Any]]:
        return [body for body in self.sent if body["to"] == phone]

    def texts_to(self, phone: str) -> list[str]:
        return [_text(body) for body in self.to(phone)]


def _text(body: dict[str, Any]) -> str:
    if body["type"] == "text":
        return body["text"]["body"]
    if body["type"] == "interactive":
        return body["interactive"]["body"]["text"]
    return body["type"]
