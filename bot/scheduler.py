"""The in-process tick on apscheduler, and the retention sweeps; each run claims its work in
the database."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from sql.db import SYSTEM, Database
from tracker.my_data import purge_deleted_users

log = logging.getLogger(__name__)

TICK_MINUTES = 5
# One tick at a time (max_instances=1) runs its jobs one after another. A sweep holds one
# connection; the digest and the monthly report read each member's family as that member on
# a second one while the sweep holds its own (bot/jobs/core.py), so a tick may hold two.
TICK_CONNECTIONS = 2
PURGE_BATCH = 1000  # rows per transaction, so a sweep never holds many locks for long


@dataclass(frozen=True, slots=True)
class Retention:
    """Rows of `table` that are `finished` are deleted once `column` is older than `keep`."""

    name: str
    table: str
    finished: str
    column: str
    keep: timedelta
    key: str = "id"
    # Skip rows a loop or another sweep holds; a table nobody locks (and that grants no UPDATE,
    # which FOR UPDATE needs) sets it False.
    skip_locked: bool = True

    def batch_sql(self) -> str:
        """Delete one batch: $1 the age, $2 the batch size; rows another sweep holds are left."""
        locking = " FOR UPDATE SKIP LOCKED" if self.skip_locked else ""
        return (
            f"DELETE FROM {self.table} WHERE {self.key} = ANY(ARRAY("
            f"SELECT {self.key} FROM {self.table} "
            f"WHERE {self.finished} AND {self.column} < now() - $1::interval "
            f"LIMIT $2{locking}))"
        )


# The ages are documented in README.md ("Retention"); keep the two in step.
RETENTION = (
    # Kept past Meta's 7 days of webhook retries, so a late duplicate is still recognised.
    Retention(
        "inbound_done", "tt.inbound_messages", "status = 'done'", "received_at", timedelta(days=14)
    ),
    Retention(
        "inbound_dead", "tt.inbound_messages", "status = 'dead'", "received_at", timedelta(days=30)
    ),
    Retention(
        "outbox_sent",
        "tt.outbox",
        "status IN ('sent', 'delivered', 'read')",  # the last two: code before migration 0030
        "created_at",
        timedelta(days=14),
    ),
    Retention("outbox_failed", "tt.outbox", "status = 'failed'", "created_at", timedelta(days=30)),
    Retention(
        "notices_dead", "tt.pending_notices", "status = 'dead'", "queued_at", timedelta(days=30)
    ),
    # Past Meta's 7 days of retries, so a redelivered body is still recognised and not kept twice.
    Retention(
        "quarantined",
        "tt.quarantine",
        "true",
        "received_at",
        timedelta(days=30),
        skip_locked=False,
    ),
    # Razorpay retries an event for 24 hours; its facts live on in tt.payments.
    Retention(
        "razorpay_done",
        "tt.razorpay_events",
        "status = 'done'",
        "received_at",
        timedelta(days=30),
    ),
    # A bucket idle for a day has long refilled to its burst, which is how a new one starts.
    Retention("pacing_idle", "tt.send_pacing", "true", "updated_at", timedelta(days=1), key="key"),
    # A decision matters while its period can still come round: a month at most.
    Retention(
        "scheduled_decided",
        "tt.scheduled_sends",
        "true",
        "created_at",
        timedelta(days=60),
        key="ctid",
    ),
    Retention("job_runs", "tt.job_runs", "true", "finished_at", timedelta(days=30)),
)


def start_scheduler(tick: Callable[[], Awaitable[object]]) -> AsyncIOScheduler:
    """Only a tick: every job's sweep decides for itself what is due (bot/jobs/). A tick late
    by minutes still runs; missed ones coalesce into one."""
    scheduler = AsyncIOScheduler(timezone="UTC")
    scheduler.add_job(
        tick,
        "interval",
        minutes=TICK_MINUTES,
        id="tick",
        coalesce=True,
        max_instances=1,
        misfire_grace_time=TICK_MINUTES * 60,
    )
    scheduler.start()
    return scheduler


async def purge_erased_users(db: Database) -> int:
    """Remove the stubs left by `delete my data` once their goodbye has gone out."""
    async with db.transaction(SYSTEM) as conn:
        purged = await purge_deleted_users(conn)
    if purged:
        log.info("erased users purged", extra={"count": purged})
    return purged


async def purge_expired(db: Database, batch: int = PURGE_BATCH) -> dict[str, int]:
    """Delete finished queue rows past their retention age, one batch per transaction."""
    purged: dict[str, int] = {}
    for rule in RETENTION:
        while True:
            async with db.transaction(SYSTEM) as conn:
                status = await conn.execute(rule.batch_sql(), rule.keep, batch)
            deleted = int(status.split()[-1])
            purged[rule.name] = purged.get(rule.name, 0) + deleted
            if deleted < batch:
                break
    if any(purged.values()):
        log.info("expired rows purged", extra={"purged": purged})
    return purged
