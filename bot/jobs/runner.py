"""Every job by name, and one run of one (or of all, for `tick`) with its counts recorded."""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

import asyncpg

from bot.config import Settings
from bot.jobs import digest, monthly_report, package_low, pro_expiry, reminders, retention
from bot.jobs.core import Counts, JobEnv
from sql.cipher import Cipher
from sql.db import SYSTEM, Database

log = logging.getLogger(__name__)

Job = Callable[[JobEnv], Awaitable[Counts]]
TICK = "tick"
# The tick runs every job listed here.
JOBS: dict[str, Job] = {
    "reminders": reminders.run,
    "package-low": package_low.run,
    "weekly-digest": digest.run,
    "monthly-report": monthly_report.run,
    "pro-expiry": pro_expiry.run,
    "retention": retention.run,
}
NAMES = (*JOBS, TICK)

RECORD = (
    "INSERT INTO tt.job_runs (job, as_of, dry_run, counts, started_at) VALUES ($1, $2, $3, $4, $5)"
)


def job_env(
    settings: Settings, db: Database, cipher: Cipher, now: datetime, *, dry_run: bool = False
) -> JobEnv:
    return JobEnv(
        db=db,
        cipher=cipher,
        now=now,
        phone_number_id=settings.whatsapp_phone_number_id,
        reminder_templates=settings.reminder_templates,
        report_templates=settings.report_templates,
        dry_run=dry_run,
    )


async def run_named(env: JobEnv, name: str) -> dict[str, dict[str, object]]:
    """Run `name` (every job for `tick`); one job failing does not stop the others."""
    names = list(JOBS) if name == TICK else [name]
    return {job: await _run_one(env, job) for job in names}


async def _run_one(env: JobEnv, job: str) -> dict[str, object]:
    async with env.db.transaction(SYSTEM) as conn:
        started: datetime = await conn.fetchval("SELECT clock_timestamp()")
    try:
        counts = (await JOBS[job](env)).as_json()
    except Exception as e:  # one job's bug or outage must not stop the others
        log.exception("job %s stopped; the next run finishes its work", job)
        counts = {"error": type(e).__name__}
    log.info("job run", extra={"job": job, "dry_run": env.dry_run, "counts": counts})
    try:
        async with env.db.transaction(SYSTEM) as conn:
            await conn.execute(RECORD, job, env.now, env.dry_run, json.dumps(counts), started)
    except (OSError, asyncpg.PostgresError, TimeoutError):
        log.exception("job run not recorded", extra={"job": job})
    return counts
