"""Periodic system sweeps on apscheduler; each run claims its work in the database."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from sql.db import SYSTEM, Database
from tracker.my_data import purge_deleted_users

log = logging.getLogger(__name__)

PURGE_MINUTES = 15
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

    def batch_sql(self) -> str:
        """Delete one batch: $1 the age, $2 the batch size; rows another sweep holds are left."""
        return (
            f"DELETE FROM {self.table} WHERE {self.key} = ANY(ARRAY("
            f"SELECT {self.key} FROM {self.table} "
            f"WHERE {self.finished} AND {self.column} < now() - $1::interval "
            "LIMIT $2 FOR UPDATE SKIP LOCKED))"
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
        "status IN ('sent', 'delivered', 'read')",
        "created_at",
        timedelta(days=14),
    ),
    Retention("outbox_failed", "tt.outbox", "status = 'failed'", "created_at", timedelta(days=30)),
    Retention(
        "notices_dead", "tt.pending_notices", "status = 'dead'", "queued_at", timedelta(days=30)
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
)


def start_scheduler(db: Database) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone="UTC")
    for job in (purge_erased_users, purge_expired):
        scheduler.add_job(
            job,
            "interval",
            minutes=PURGE_MINUTES,
            args=[db],
            id=job.__name__,
            coalesce=True,
            max_instances=1,
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
