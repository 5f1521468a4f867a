"""Meta's webhook: the verification handshake, and signed POSTs stored before the 200.

The POST is the product's front door, so it is answered straight from ASGI (`Ingest`, in
front of the Quart app) without Quart's request machinery: its cost per request is most of
what a slow ack is made of. The handshake, rare, stays a Quart route."""

from __future__ import annotations

import asyncio
import hmac
import logging
import time
from collections.abc import Awaitable, Callable

from hypercorn.typing import (
    ASGIReceiveCallable,
    ASGISendCallable,
    HTTPResponseBodyEvent,
    HTTPResponseStartEvent,
    Scope,
)
from quart import Blueprint, Response, request

from bot import logs, metrics, signature
from bot.group_commit import SLOW_OR_GONE
from bot.health import SECURITY_HEADERS, request_id_from
from bot.ingest import Prepared, prepare
from bot.runtime import Runtime, runtime

log = logging.getLogger(__name__)
blueprint = Blueprint("whatsapp_webhook", __name__)
PATH = "/webhooks/whatsapp"
INLINE_HASH_MAX_BYTES = 16 * 1024
ASGIApp = Callable[[Scope, ASGIReceiveCallable, ASGISendCallable], Awaitable[None]]
FIXED_HEADERS = [
    (b"content-type", b"text/plain"),
    *((name.lower().encode(), value.encode()) for name, value in SECURITY_HEADERS.items()),
]


@blueprint.get(PATH)
async def verify_subscription() -> Response:
    """Answer Meta's GET handshake with the raw challenge when the verify token matches."""
    expected = runtime().settings.whatsapp_verify_token
    token = request.args.get("hub.verify_token", "")
    challenge = request.args.get("hub.challenge", "")
    mode_ok = request.args.get("hub.mode") == "subscribe"
    if mode_ok and expected and hmac.compare_digest(token.encode(), expected.encode()):
        return Response(challenge, status=200, content_type="text/plain; charset=utf-8")
    return Response("forbidden", status=403, content_type="text/plain")


class BodyTooLarge(Exception):
    pass


class ClientGone(Exception):
    pass


class Ingest:
    """ASGI middleware: `POST /webhooks/whatsapp` is verified, stored and acknowledged here;
    every other request goes on to the Quart app."""

    def __init__(self, app: ASGIApp, rt: Runtime) -> None:
        self._app, self._rt = app, rt

    async def __call__(
        self, scope: Scope, receive: ASGIReceiveCallable, send: ASGISendCallable
    ) -> None:
        if scope["type"] != "http" or scope["path"] != PATH or scope["method"] != "POST":
            await self._app(scope, receive, send)
            return
        started = time.perf_counter()
        headers = dict(scope["headers"])  # ASGI servers give lower-case names
        request_id = request_id_from(headers.get(b"x-request-id", b"").decode("latin-1"))
        logs.request_id.set(request_id)  # this request's task only
        try:
            status, text = await self._answer(headers, receive, request_id)
        except ClientGone:
            return
        await _respond(send, status, text, request_id)
        metrics.observe_webhook("whatsapp", status, time.perf_counter() - started)

    async def _answer(
        self, headers: dict[bytes, bytes], receive: ASGIReceiveCallable, request_id: str
    ) -> tuple[int, str]:
        settings = self._rt.settings
        header = headers.get(b"x-hub-signature-256", b"").decode("latin-1")
        checking = not settings.skip_signature_check
        if checking and not header:
            return 401, "missing signature"
        if checking and not signature.well_formed(header):
            return 403, "bad signature"  # refused before the body is even read
        try:
            body = await _read_body(headers, receive, settings.max_body_bytes)
        except BodyTooLarge:
            return 413, "body too large"
        if checking and not await _signed(body, header, settings.whatsapp_app_secret):
            return 403, "bad signature"
        return await self._store(prepare(body, self._rt.cipher, request_id))

    async def _store(self, prepared: Prepared) -> tuple[int, str]:
        services = self._rt.running
        try:
            stored = await services.webhook_ingest.store(prepared)
        except SLOW_OR_GONE as e:  # Meta retries a 503 later; nothing of the body was kept
            log.warning("database unreachable", extra={"error": type(e).__name__})
            return 503, "database unavailable"
        except Exception:
            log.exception("webhook failed")
            return 500, "internal error"
        if stored.new:
            services.wake_worker()
        return 200, ""  # Meta reads only the status; no body saves the server a write


async def _read_body(
    headers: dict[bytes, bytes], receive: ASGIReceiveCallable, limit: int
) -> bytes:
    """The body exactly as Meta signed it, refused as soon as it is known to exceed `limit`."""
    declared = headers.get(b"content-length", b"")
    if declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks, size = [], 0
    while True:
        event = await receive()
        if event["type"] != "http.request":  # http.disconnect: nobody is waiting for an answer
            raise ClientGone
        chunk = event.get("body", b"")  # both keys are optional in the ASGI spec
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        if not event.get("more_body", False):
            return b"".join(chunks)


async def _respond(send: ASGISendCallable, status: int, text: str, request_id: str) -> None:
    body = text.encode()
    headers = [
        *FIXED_HEADERS,
        (b"content-length", str(len(body)).encode()),
        (b"x-request-id", request_id.encode()),
    ]
    await send(HTTPResponseStartEvent(type="http.response.start", status=status, headers=headers))
    await send(HTTPResponseBodyEvent(type="http.response.body", body=body, more_body=False))


async def _signed(body: bytes, header: str, secret: str) -> bool:
    """A large body is hashed off the event loop (hashlib releases the GIL); a message-sized
    one here, where it costs less than the hand-off to a thread."""
    if len(body) <= INLINE_HASH_MAX_BYTES:
        return signature.is_valid(body, header, secret)
    return await asyncio.to_thread(signature.is_valid, body, header, secret)
