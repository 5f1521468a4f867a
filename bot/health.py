"""Liveness and readiness, request ids and security headers on every response."""

from __future__ import annotations

import asyncio
import logging
import secrets

from quart import Blueprint, Response, g, jsonify, request

from bot import logs
from bot.runtime import runtime
from sql.migrate import is_current

log = logging.getLogger(__name__)
blueprint = Blueprint("health", __name__)

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains",
    "Cache-Control": "no-store",
}


@blueprint.get("/health/live")
async def live() -> Response:
    """The process answers; no database call."""
    return jsonify({"status": "ok"})


@blueprint.get("/health/ready")
async def ready() -> tuple[Response, int]:
    """The database answers and every migration is applied; nothing else is disclosed."""
    rt = runtime()
    try:
        async with rt.running.db.as_owner(timeout=2) as conn:
            current = await asyncio.wait_for(is_current(conn), timeout=3)
    except Exception as e:  # any failure means not ready; the kind is enough for the log
        log.warning("readiness check failed", extra={"error": type(e).__name__})
        current = False
    return jsonify({"status": "ok" if current else "unavailable"}), 200 if current else 503


def request_id_from(incoming: str) -> str:
    """The caller's X-Request-Id when it is a sane one, else a new one."""
    return incoming if incoming.isalnum() and len(incoming) <= 64 else secrets.token_hex(8)


@blueprint.before_app_request
async def assign_request_id() -> None:
    g.request_id = request_id_from(request.headers.get("X-Request-Id", ""))
    logs.request_id.set(g.request_id)  # this request's task only


@blueprint.after_app_request
async def add_headers(response: Response) -> Response:
    response.headers["X-Request-Id"] = getattr(g, "request_id", "")
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    return response
