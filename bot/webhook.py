"""Meta's webhook: the verification handshake, and signed POSTs stored before the 200."""

from __future__ import annotations

import asyncio
import hmac
import logging

from quart import Blueprint, Response, request

from bot import signature
from bot.ingest import prepare
from bot.runtime import runtime

log = logging.getLogger(__name__)
blueprint = Blueprint("whatsapp_webhook", __name__)
INLINE_HASH_MAX_BYTES = 16 * 1024


@blueprint.get("/webhooks/whatsapp")
async def verify_subscription() -> Response:
    """Answer Meta's GET handshake with the raw challenge when the verify token matches."""
    expected = runtime().settings.whatsapp_verify_token
    token = request.args.get("hub.verify_token", "")
    challenge = request.args.get("hub.challenge", "")
    mode_ok = request.args.get("hub.mode") == "subscribe"
    if mode_ok and expected and hmac.compare_digest(token.encode(), expected.encode()):
        return Response(challenge, status=200, content_type="text/plain; charset=utf-8")
    return Response("forbidden", status=403, content_type="text/plain")


@blueprint.post("/webhooks/whatsapp")
async def receive_update() -> Response:
    """Verify, store every message and status (quarantining what cannot be), then acknowledge."""
    rt = runtime()
    header = request.headers.get("X-Hub-Signature-256", "")
    checking = not rt.settings.skip_signature_check
    if checking and not header:
        return _plain("missing signature", 401)
    if checking and not signature.well_formed(header):
        return _plain("bad signature", 403)  # refused before the body is even read
    body = await _raw_body()
    if checking and not await _signed(body, header, rt.settings.whatsapp_app_secret):
        return _plain("bad signature", 403)
    stored = await rt.running.webhook_ingest.store(prepare(body, rt.cipher))
    if stored.new:
        rt.running.wake_worker()
    return _plain("ok", 200)


async def _signed(body: bytes, header: str, secret: str) -> bool:
    """A large body is hashed off the event loop (hashlib releases the GIL); a message-sized
    one here, where it costs less than the hand-off to a thread."""
    if len(body) <= INLINE_HASH_MAX_BYTES:
        return signature.is_valid(body, header, secret)
    return await asyncio.to_thread(signature.is_valid, body, header, secret)


async def _raw_body() -> bytes:
    """The body exactly as Meta signed it (get_data is typed for text too; as_text=False)."""
    data = await request.get_data(cache=False, as_text=False)
    return data if isinstance(data, bytes) else data.encode()


def _plain(text: str, status: int) -> Response:
    return Response(text, status=status, content_type="text/plain")
