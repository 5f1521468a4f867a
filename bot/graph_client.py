"""The only way out to WhatsApp: POST /{version}/{phone_number_id}/messages, classified."""

from __future__ import annotations

import json
import logging
import sys
import uuid
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

log = logging.getLogger(__name__)

RETRY_CODES = frozenset({130429, 131056, 131057, 131000, 131016, 4, 80007, 2, 1})
WINDOW_CLOSED = 131047
PAIR_RATE_LIMIT = 131056


@dataclass(frozen=True, slots=True)
class SendResult:
    """`outcome` is sent, retry, window_closed or failed; `code` names Meta's reason."""

    outcome: str
    wamid: str | None = None
    code: str | None = None
    retry_after: float | None = None
    media_id: str | None = None


class Transport(Protocol):
    async def send(self, phone_number_id: str, body: dict[str, Any]) -> SendResult: ...

    async def upload(self, phone_number_id: str, media: Media) -> SendResult: ...

    async def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Media:
    filename: str
    mime_type: str
    content: bytes


def classify(status: int, payload: Any) -> SendResult:
    """Turn a Graph response into what the sender should do next."""
    if 200 <= status < 300 and isinstance(payload, dict) and "messages" not in payload:
        media_id = payload.get("id")
        return (
            SendResult("sent", media_id=media_id)
            if media_id
            else SendResult("retry", code="no_media_id")
        )
    if 200 <= status < 300:
        messages = payload.get("messages") if isinstance(payload, dict) else None
        wamid = messages[0].get("id") if messages and isinstance(messages[0], dict) else None
        return SendResult("sent", wamid=wamid) if wamid else SendResult("retry", code="no_wamid")
    error = payload.get("error", {}) if isinstance(payload, dict) else {}
    code = error.get("code") if isinstance(error, dict) else None
    label = str(code) if code is not None else f"http_{status}"
    if code == WINDOW_CLOSED:
        return SendResult("window_closed", code=label)
    if code in RETRY_CODES or status == 429 or status >= 500:
        return SendResult("retry", code=label)
    if code == 190 or status == 401:
        # an expired token is an operator problem: keep the message and retry later
        log.error("whatsapp token rejected; replies are waiting", extra={"code": label})
        return SendResult("retry", code=label, retry_after=300)
    return SendResult("failed", code=label)


class GraphTransport:
    """httpx client for the Cloud API with a bearer token and short timeouts."""

    def __init__(
        self, base_url: str, version: str, token: str, client: httpx.AsyncClient | None = None
    ) -> None:
        self._prefix = f"{base_url}/{version}"
        self._client = client or httpx.AsyncClient(timeout=httpx.Timeout(10.0, connect=5.0))
        self._headers = {"Authorization": f"Bearer {token}"}

    async def send(self, phone_number_id: str, body: dict[str, Any]) -> SendResult:
        return await self._post(f"{phone_number_id}/messages", json=body)

    async def upload(self, phone_number_id: str, media: Media) -> SendResult:
        """Upload a document to Meta; the result carries its media id."""
        return await self._post(
            f"{phone_number_id}/media",
            data={"messaging_product": "whatsapp", "type": media.mime_type},
            files={"file": (media.filename, media.content, media.mime_type)},
        )

    async def _post(self, path: str, **kwargs: Any) -> SendResult:
        try:
            response = await self._client.post(
                f"{self._prefix}/{path}", headers=self._headers, **kwargs
            )
        except httpx.HTTPError as e:
            return SendResult("retry", code=type(e).__name__)
        try:
            payload = response.json()
        except ValueError:
            payload = None
        return classify(response.status_code, payload)

    async def close(self) -> None:
        await self._client.aclose()


class ConsoleTransport:
    """No token configured: print each reply readably; the outbox row still records it."""

    def __init__(self, stream: Any = None) -> None:
        self._stream = stream or sys.stdout

    async def send(self, phone_number_id: str, body: dict[str, Any]) -> SendResult:
        print(f"[whatsapp → {body.get('to', '?')[-4:]}] {render(body)}", file=self._stream)
        return SendResult("sent", wamid=f"console.{uuid.uuid4().hex}")

    async def upload(self, phone_number_id: str, media: Media) -> SendResult:
        print(f"[document {media.filename}, {len(media.content)} bytes]", file=self._stream)
        return SendResult("sent", media_id=f"console-media.{uuid.uuid4().hex}")

    async def close(self) -> None:
        return None


def render(body: dict[str, Any]) -> str:
    """A human-readable form of a message body: text, then numbered buttons or rows."""
    kind = body.get("type")
    if kind == "text":
        return str(body["text"]["body"])
    if kind == "template":
        return f"(template {body['template']['name']})"
    if kind == "document":
        return f"(document {body['document'].get('filename', '')})"
    if kind != "interactive":
        return json.dumps(body, ensure_ascii=False)
    interactive = body["interactive"]
    lines = [interactive["body"]["text"]]
    if interactive.get("type") == "cta_url":
        link = interactive["action"]["parameters"]
        lines.append(f"  🔗 {link['display_text']}: {link['url']}")
    for number, (_, title) in enumerate(choices(body), start=1):
        lines.append(f"  {number}. {title}")
    return "\n".join(lines)


def choices(body: dict[str, Any]) -> list[tuple[str, str]]:
    """(id, title) of every button or list row in a message body, in order."""
    interactive = body.get("interactive") or {}
    action = interactive.get("action") or {}
    if interactive.get("type") == "button":
        return [(b["reply"]["id"], b["reply"]["title"]) for b in action.get("buttons", [])]
    rows = [row for section in action.get("sections", []) for row in section.get("rows", [])]
    return [(row["id"], row["title"]) for row in rows]
