"""Meta's media API and the speech-to-text services at the HTTP edge, and an app wired to them."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import asyncpg
import httpx

from bot.app import create_app
from bot.graph_client import GraphTransport
from tests.conftest import Bot, make_settings
from tests.support import payloads
from tests.support.graph_stub import GraphStub

GROQ_BASE = "https://groq.test/openai/v1"
SARVAM_BASE = "https://sarvam.test"
GROQ = {"groq_api_key": "test-groq", "groq_api_base": GROQ_BASE}
SARVAM = {"sarvam_api_key": "test-sarvam", "sarvam_api_base": SARVAM_BASE}
AUDIO = b"OggS\x00fake-opus-voice-note"
TIMEOUT = "timeout"


@dataclass
class VoiceStub:
    """Answers GET /{version}/{media_id}, the download URL, and both transcription APIs.

    `script` holds what the next transcription calls return: a text, an HTTP status, or
    TIMEOUT; when it is empty, `fallback` answers."""

    script: list[str | int] = field(default_factory=list)
    fallback: str | int = "He said three new words today"
    missing_media: set[str] = field(default_factory=set)
    requests: list[httpx.Request] = field(default_factory=list)

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.host in {"groq.test", "sarvam.test"}:
            return self._transcribe(request)
        assert request.headers["Authorization"] == "Bearer test-token"
        media_id = request.url.path.rsplit("/", 1)[-1]
        if media_id in self.missing_media:
            return httpx.Response(404, json={"error": {"code": 100, "message": "stub"}})
        if request.url.path.startswith("/v25.0/"):
            return httpx.Response(
                200,
                json={
                    "messaging_product": "whatsapp",
                    "id": media_id,
                    "mime_type": "audio/ogg",
                    "url": f"https://graph.test/download/{media_id}",
                    "file_size": len(AUDIO),
                },
            )
        return httpx.Response(200, content=AUDIO, headers={"Content-Type": "audio/ogg"})

    def _transcribe(self, request: httpx.Request) -> httpx.Response:
        outcome = self.script.pop(0) if self.script else self.fallback
        if outcome == TIMEOUT:
            raise httpx.ReadTimeout("stub timeout", request=request)
        if isinstance(outcome, int):
            return httpx.Response(outcome, json={"error": {"message": "stub"}})
        field_name = "text" if request.url.host == "groq.test" else "transcript"
        return httpx.Response(200, content=json.dumps({field_name: outcome}).encode())

    def to(self, host: str) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.host == host]


def audio_message(phone: str, media_id: str, *, url: str | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "mime_type": "audio/ogg; codecs=opus",
        "sha256": "c2hh",
        "id": media_id,
        "voice": True,
    }
    if url:
        body["url"] = url
    return payloads.message(phone, "audio", body)


@asynccontextmanager
async def voice_bot(
    database_url: str,
    db: asyncpg.Connection,
    graph: GraphStub,
    stub: VoiceStub,
    *,
    clock: Callable[[], datetime] | None = None,
    **overrides: Any,
) -> AsyncIterator[Bot]:
    """The real app, as make_bot starts it, with media and transcription going to `stub`."""
    settings = make_settings(database_url, **overrides)
    graph_client = httpx.AsyncClient(transport=httpx.MockTransport(graph.handler))
    transport = GraphTransport(
        settings.whatsapp_api_base,
        settings.whatsapp_api_version,
        settings.whatsapp_token,
        client=graph_client,
    )
    app = create_app(
        settings,
        transport=transport,
        clock=clock,
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(stub.handler)),
    )
    async with app.test_app() as test_app:
        yield Bot(app, test_app.test_client(), db, graph)
