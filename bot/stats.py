"""The numbers an operator watches, read from the database: queue depths and the age of each
queue's oldest waiting row, rows given up and why, payment events, each job's latest run.
`python -m bot stats` prints them and `/metrics` exposes them; both read them here."""

from __future__ import annotations

import json
from typing import Any

import asyncpg

from sql.db import fetch_one

STATS_SQL = """
SELECT
  (SELECT count(*) FROM tt.inbound_messages WHERE status = 'pending') AS inbound_pending,
  (SELECT count(*) FROM tt.inbound_messages WHERE status = 'done') AS inbound_done,
  (SELECT count(*) FROM tt.inbound_messages WHERE status = 'dead') AS inbound_dead,
  (SELECT count(*) FROM tt.quarantine) AS inbound_quarantined,
  (SELECT count(*) FROM tt.outbox WHERE status = 'pending') AS outbox_pending,
  (SELECT count(*) FROM tt.outbox WHERE status IN ('sent', 'delivered', 'read')) AS outbox_sent,
  (SELECT count(*) FROM tt.outbox WHERE status = 'failed') AS outbox_failed,
  (SELECT count(*) FROM tt.pending_notices WHERE status = 'pending') AS notices_pending,
  (SELECT count(*) FROM tt.pending_notices WHERE status = 'dead') AS notices_dead,
  (SELECT count(*) FROM tt.razorpay_events WHERE status = 'pending') AS payments_pending,
  (SELECT count(*) FROM tt.razorpay_events WHERE status = 'done') AS payments_done,
  (SELECT count(*) FROM tt.razorpay_events WHERE status = 'dead') AS payments_dead
"""
QUEUE_STATES = {
    "inbound": ("pending", "done", "dead", "quarantined"),
    "outbox": ("pending", "sent", "failed"),
    "notices": ("pending", "dead"),
    "payments": ("pending", "done", "dead"),
}
# Seconds the oldest row still waiting in each queue has waited (0 when none waits).
AGES_SQL = """
SELECT
  (SELECT extract(epoch FROM now() - min(received_at)) FROM tt.inbound_messages
   WHERE status = 'pending') AS inbound,
  (SELECT extract(epoch FROM now() - min(created_at)) FROM tt.outbox
   WHERE status = 'pending') AS outbox,
  (SELECT extract(epoch FROM now() - min(queued_at)) FROM tt.pending_notices
   WHERE status = 'pending') AS notices,
  (SELECT extract(epoch FROM now() - min(received_at)) FROM tt.razorpay_events
   WHERE status = 'pending') AS payments
"""
# Why rows were given up, per queue (kept until the retention sweep removes them); for the
# outbox, the reason is Meta's error code or ours (window_closed, expired, …).
GIVEN_UP_SQL = """
SELECT 'outbox' AS queue, error_code AS reason, count(*) AS n FROM tt.outbox
WHERE status = 'failed' GROUP BY error_code
UNION ALL
SELECT 'inbound', last_error, count(*) FROM tt.inbound_messages
WHERE status = 'dead' GROUP BY last_error
UNION ALL
SELECT 'notices', last_error, count(*) FROM tt.pending_notices
WHERE status = 'dead' GROUP BY last_error
ORDER BY 1, 2
"""
# The latest run of each scheduled job (dry runs included, marked).
JOB_RUNS_SQL = """
SELECT DISTINCT ON (job) job, as_of, finished_at, dry_run, counts FROM tt.job_runs
ORDER BY job, id DESC
"""


async def collect_stats(conn: asyncpg.Connection) -> dict[str, dict[str, Any]]:
    """Queue counts and ages, how many rows each queue gave up for which reason, and the
    latest run of every job."""
    row = await fetch_one(conn, STATS_SQL)
    ages = await fetch_one(conn, AGES_SQL)
    given_up: dict[str, dict[str, int]] = {"outbox": {}, "inbound": {}, "notices": {}}
    for reason in await conn.fetch(GIVEN_UP_SQL):
        given_up[reason["queue"]][reason["reason"] or "unknown"] = reason["n"]
    counts: dict[str, dict[str, Any]] = {
        queue: {state: row[f"{queue}_{state}"] for state in states}
        for queue, states in QUEUE_STATES.items()
    }
    return counts | {
        "oldest_waiting_seconds": {q: round(float(ages[q] or 0), 1) for q in QUEUE_STATES},
        "given_up": given_up,
        "jobs": {
            run["job"]: {
                "as_of": run["as_of"].isoformat(),
                "finished_at": run["finished_at"].isoformat(),
                "dry_run": run["dry_run"],
                **json.loads(run["counts"]),
            }
            for run in await conn.fetch(JOB_RUNS_SQL)
        },
    }


def as_lines(stats: dict[str, dict[str, Any]]) -> list[str]:
    """The numbers for a terminal, one queue, reason list or job per line."""
    lines = [f"{queue:8} " + _pairs(stats[queue]) for queue in QUEUE_STATES]
    lines.append("oldest waiting, seconds: " + _pairs(stats["oldest_waiting_seconds"]))
    given_up, jobs = stats["given_up"], stats["jobs"]
    lines += [f"given up {queue}: {_pairs(why)}" for queue, why in given_up.items() if why]
    for job, last in jobs.items():
        shown = {k: v for k, v in last.items() if k not in {"as_of", "dry_run"}}
        dry = ", dry run" if last["dry_run"] else ""
        lines.append(f"job {job} (as of {last['as_of']}{dry}): {_pairs(shown)}")
    return lines


def _pairs(values: dict[str, Any]) -> str:
    return "  ".join(f"{k}={v}" for k, v in values.items())
