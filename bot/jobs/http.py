"""POST /internal/jobs/NAME (or `tick`): the same sweeps for an external cron, behind a bearer
CRON_SECRET compared in constant time; never a secret in the query string."""

from __future__ import annotations

import hmac
import logging
from datetime import UTC, datetime

from quart import Blueprint, Response, jsonify, request

from bot.jobs.runner import NAMES, job_env, run_named
from bot.runtime import runtime

log = logging.getLogger(__name__)
blueprint = Blueprint("jobs", __name__)


def authorized(header: str, secret: str) -> bool:
    scheme, _, token = header.partition(" ")
    if not secret or scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(token.strip().encode(), secret.encode())


@blueprint.post("/internal/jobs/<name>")
async def run_job(name: str) -> tuple[Response, int]:
    """Run one job now (or every job for `tick`) and answer its counts."""
    rt = runtime()
    if not authorized(request.headers.get("Authorization", ""), rt.settings.cron_secret):
        log.warning("job request refused", extra={"job": name[:32]})
        return jsonify({"error": "unauthorized"}), 401
    if name not in NAMES:
        return jsonify({"error": "unknown job", "jobs": list(NAMES)}), 404
    services = rt.running
    env = job_env(rt.settings, services.db, rt.cipher, datetime.now(UTC))
    counts = await run_named(env, name)
    services.wake_sender()
    return jsonify(counts), 200
