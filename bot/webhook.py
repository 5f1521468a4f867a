"""Meta's webhook: the verification handshake, and signed POSTs stored before the 200."""

from __future__ import annotations

import hmac
import json
import logging

from quart import Blueprint, Response, request

from bot import signature
from bot.inbound import parse_payload
from bot.ingest import store_batch
from bot.runtime import runtime
from sql.db import SYSTEM

log = logging.getLogger(__name__)
blueprint = Blueprint("whatsapp_webhook", __name__)


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
    """Verify, parse every message and status, store them, then acknowledge."""
    rt = runtime()
    body = await _raw_body()
    header = request.headers.get("X-Hub-Signature-256", "")
    if not rt.settings.skip_signature_check:
        if not header:
            return _plain("missing signature", 401)
        if not signature.is_valid(body, header, rt.settings.whatsapp_app_secret):
            return _plain("bad signature", 403)
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return _plain("invalid json", 400)
    batch = parse_payload(payload)
    async with rt.running.ingest_db.transaction(SYSTEM) as conn:
        new = await store_batch(conn, batch, rt.cipher)
    if new:
        rt.running.worker.wake()
    return _plain("ok", 200)


async def _raw_body() -> bytes:
    """The body exactly as Meta signed it (get_data is typed for text too; as_text=False)."""
    data = await request.get_data(cache=False, as_text=False)
    return data if isinstance(data, bytes) else data.encode()


def _plain(text: str, status: int) -> Response:
    return Response(text, status=status, content_type="text/plain")
