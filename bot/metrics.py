"""`GET /metrics` in Prometheus' text format, behind the bearer METRICS_TOKEN (404 while it is
unset). Counters and histograms are this process's own, since it started; queue depths and
ages, rows given up and each job's latest run are read from the database at scrape time, the
same numbers `python -m bot stats` prints."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from prometheus_client import REGISTRY, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector, CollectorRegistry
from quart import Blueprint, Response, g, request

from bot.background import DATABASE_FAILED
from bot.jobs.http import authorized
from bot.runtime import runtime
from bot.stats import collect_stats
from sql.db import SYSTEM, Database

log = logging.getLogger(__name__)
blueprint = Blueprint("metrics", __name__)

SCRAPE_DATABASE_SECONDS = 2.0  # a slow database makes a scrape report it down, never hang
# the classic text format generate_latest writes, which every Prometheus version reads
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
# Razorpay's webhook is a Quart route, timed by the hooks below; WhatsApp's is answered
# before Quart (bot/webhook.py) and times itself.
WEBHOOKS = {"/webhooks/razorpay": "razorpay"}

WEBHOOK_SECONDS = Histogram(
    "tt_webhook_seconds",
    "Time to answer a webhook POST, by webhook and HTTP status",
    ["webhook", "status"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0),
)
SENDS = Counter(
    "tt_sends", "Calls to Meta's send API, by outcome and Graph error code", ["outcome", "code"]
)
PAYMENT_WEBHOOKS = Counter(
    "tt_payment_webhooks", "Razorpay webhook deliveries, by outcome", ["outcome"]
)


def observe_webhook(webhook: str, status: int, seconds: float) -> None:
    WEBHOOK_SECONDS.labels(webhook, str(status)).observe(seconds)


def count_send(outcome: str, code: str | None) -> None:
    SENDS.labels(outcome, code or "").inc()


def count_payment_webhook(outcome: str) -> None:
    PAYMENT_WEBHOOKS.labels(outcome).inc()


@blueprint.before_app_request
async def start_clock() -> None:
    g.started = time.perf_counter()


@blueprint.after_app_request
async def time_webhook(response: Response) -> Response:
    webhook = WEBHOOKS.get(request.path)
    if webhook is not None and request.method == "POST":
        observe_webhook(webhook, response.status_code, time.perf_counter() - g.started)
    return response


@blueprint.get("/metrics")
async def metrics() -> Response:
    rt = runtime()
    token = rt.settings.metrics_token
    if not token:
        return Response("not found", status=404, content_type="text/plain")
    if not authorized(request.headers.get("Authorization", ""), token):
        log.warning("metrics request refused")
        refused = Response("unauthorized", status=401, content_type="text/plain")
        refused.headers["WWW-Authenticate"] = "Bearer"
        return refused
    numbers = DatabaseNumbers(await _read_database(rt.running.db))
    scraped = CollectorRegistry()
    scraped.register(numbers)
    body = generate_latest(REGISTRY) + generate_latest(scraped)
    return Response(body, status=200, content_type=CONTENT_TYPE)


async def _read_database(db: Database) -> dict[str, dict[str, Any]] | None:
    try:
        async with asyncio.timeout(SCRAPE_DATABASE_SECONDS):
            async with db.transaction(SYSTEM) as conn:
                return await collect_stats(conn)
    except DATABASE_FAILED as e:
        log.warning("metrics could not read the database", extra={"error": type(e).__name__})
        return None


class DatabaseNumbers(Collector):
    """The stats of one scrape as gauges; `None` (the database did not answer in time) shows
    as tt_database_up 0 and nothing else."""

    def __init__(self, stats: dict[str, dict[str, Any]] | None) -> None:
        self._stats = stats

    def collect(self) -> Iterator[GaugeMetricFamily]:
        up = GaugeMetricFamily("tt_database_up", "The database answered this scrape in time")
        up.add_metric([], 0 if self._stats is None else 1)
        yield up
        if self._stats is not None:
            yield from gauges(self._stats)


def gauges(stats: dict[str, dict[str, Any]]) -> Iterator[GaugeMetricFamily]:
    stats = dict(stats)
    given_up, jobs = stats.pop("given_up"), stats.pop("jobs")
    ages = stats.pop("oldest_waiting_seconds")
    rows = GaugeMetricFamily(
        "tt_queue_rows",
        "Rows in each queue by state (dead and quarantined included)",
        labels=["queue", "state"],
    )
    for queue, states in stats.items():
        for state, n in states.items():
            rows.add_metric([queue, state], n)
    yield rows
    oldest = GaugeMetricFamily(
        "tt_queue_oldest_waiting_seconds",
        "Age of each queue's oldest waiting row",
        labels=["queue"],
    )
    for queue, seconds in ages.items():
        oldest.add_metric([queue], seconds)
    yield oldest
    dropped = GaugeMetricFamily(
        "tt_given_up_rows",
        "Rows given up and kept for retention, by reason (outbox: Graph error code or ours)",
        labels=["queue", "reason"],
    )
    for queue, reasons in given_up.items():
        for reason, n in reasons.items():
            dropped.add_metric([queue, reason], n)
    yield dropped
    yield from _job_gauges(jobs)


def _job_gauges(jobs: dict[str, dict[str, Any]]) -> Iterable[GaugeMetricFamily]:
    counts = GaugeMetricFamily(
        "tt_job_last_run",
        "Counts of each job's latest run: due, sent, failed, skipped_REASON",
        labels=["job", "count"],
    )
    finished = GaugeMetricFamily(
        "tt_job_last_run_finished_timestamp_seconds",
        "When each job's latest run finished (dry runs included)",
        labels=["job"],
    )
    for job, last in jobs.items():
        for name, value in _flat(last):
            counts.add_metric([job, name], value)
        finished.add_metric([job], datetime.fromisoformat(last["finished_at"]).timestamp())
    return counts, finished


def _flat(counts: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, float]]:
    for key, value in counts.items():
        if isinstance(value, dict):
            yield from _flat(value, f"{prefix}{key}_")
        elif isinstance(value, int | float) and not isinstance(value, bool):
            yield f"{prefix}{key}", value
