"""A stand-in for Meta's Graph API at the HTTP edge: records sends, answers like Meta, and
misbehaves on request: fails, rate-limits, hangs, trickles its answer, or is down a while.
`serve` puts it behind a real HTTP port for a server running in another process."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import socket
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from hypercorn.asyncio import serve as hypercorn_serve
from hypercorn.config import Config

HANG, TRICKLE, RAISE = "hang", "trickle", "raise"


def error_body(code: int) -> dict[str, Any]:
    return {"error": {"message": "stub", "type": "OAuthException", "code": code, "fbtrace_id": "x"}}


class Trickle(httpx.AsyncByteStream):
    """An answer that arrives a few bytes at a time over `seconds`."""

    def __init__(self, content: bytes, seconds: float, pieces: int = 8) -> None:
        self._content, self._pause, self._pieces = content, seconds / pieces, pieces

    async def __aiter__(self) -> AsyncIterator[bytes]:
        size = -(-len(self._content) // self._pieces)
        for start in range(0, len(self._content), size):
            await asyncio.sleep(self._pause)
            yield self._content[start : start + size]


@dataclass
class GraphStub:
    """Answers POST /{version}/{number}/messages and /media. What the next calls do is
    scripted in call order: a failure (status, Meta error), HANG (no answer ever, nothing
    accepted), TRICKLE (accepted, answered slowly) or RAISE (the client sees an exception).
    While `down`, every call fails with a 503 and nothing is accepted."""

    sent: list[dict[str, Any]] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    uploads: list[bytes] = field(default_factory=list)
    script: list[Any] = field(default_factory=list)
    refused_uploads: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    down: bool = False
    calls: int = 0
    hanging: int = 0  # calls waiting on a HANG right now
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def fail_next(self, status: int, code: int, count: int = 1) -> None:
        self.script += [(status, error_body(code))] * count

    def refuse_next_upload(self, status: int, code: int) -> None:
        """Only the next media upload fails; sends before it go through."""
        self.refused_uploads.append((status, error_body(code)))

    def rate_limit_next(self, count: int = 1) -> None:
        """Meta's throughput limit: 429 with code 130429."""
        self.fail_next(429, 130429, count)

    def hang_next(self, count: int = 1) -> None:
        self.script += [HANG] * count

    def trickle_next(self, seconds: float, count: int = 1) -> None:
        self.script += [(TRICKLE, seconds)] * count

    def raise_next(self, count: int = 1) -> None:
        self.script += [RAISE] * count

    async def handler(self, request: httpx.Request) -> httpx.Response:
        assert request.headers["Authorization"] == "Bearer test-token"
        self.paths.append(request.url.path)
        self.calls += 1
        if self.down:
            return httpx.Response(503, json=error_body(2))
        if request.url.path.endswith("/media") and self.refused_uploads:
            status, error = self.refused_uploads.pop(0)
            return httpx.Response(status, json=error)
        action = self.script.pop(0) if self.script else None
        if action == HANG:
            self.hanging += 1
            try:
                await asyncio.Event().wait()  # until the client gives up
            finally:
                self.hanging -= 1
        if action == RAISE:
            msg = "stub: the transport broke"
            raise RuntimeError(msg)
        if isinstance(action, tuple) and action[0] != TRICKLE:
            status, error = action
            return httpx.Response(status, json=error)
        response = self._accept(request)
        if isinstance(action, tuple):
            return httpx.Response(
                response.status_code,
                headers={"Content-Type": "application/json"},
                stream=Trickle(response.content, action[1]),
            )
        return response

    def _accept(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/media"):
            self.uploads.append(request.content)
            return httpx.Response(200, json={"id": f"media.{len(self.uploads)}"})
        body = json.loads(request.content)
        self.sent.append(body)
        return httpx.Response(
            200,
            json={
                "messaging_product": "whatsapp",
                "contacts": [{"input": body["to"], "wa_id": body["to"]}],
                "messages": [{"id": f"wamid.OUT{next(self._ids):06d}"}],
            },
        )

    def to(self, phone: str) -> list[dict[str, Any]]:
        return [body for body in self.sent if body["to"] == phone]

    def texts_to(self, phone: str) -> list[str]:
        return [_text(body) for body in self.to(phone)]


def _text(body: dict[str, Any]) -> str:
    if body["type"] == "text":
        return str(body["text"]["body"])
    if body["type"] == "interactive":
        return str(body["interactive"]["body"]["text"])
    return str(body["type"])


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@contextlib.asynccontextmanager
async def serve(stub: GraphStub) -> AsyncIterator[str]:
    """The stub on a real local port, for a server in another process; yields its base URL."""
    port = free_port()
    config = Config()
    config.bind = [f"127.0.0.1:{port}"]
    config.accesslog = config.errorlog = None
    stop = asyncio.Event()
    task = asyncio.create_task(
        hypercorn_serve(_asgi(stub.handler), config, shutdown_trigger=stop.wait)
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop.set()
        await task


Handler = Callable[[httpx.Request], Awaitable[httpx.Response]]


def _asgi(handler: Handler) -> Callable[..., Awaitable[None]]:
    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            while (message := await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        url = f"http://graph.test{scope['path']}"
        request = httpx.Request(scope["method"], url, headers=scope["headers"], content=body)
        response = await handler(request)
        content = await response.aread()
        start = {"type": "http.response.start", "status": response.status_code}
        await send(start | {"headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": content})

    return app
