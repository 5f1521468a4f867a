"""Periodic system sweeps on apscheduler; each run claims its work in the database."""

from __future__ import annotations

import logging

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from sql.db import SYSTEM, Database
from tracker.my_data import purge_deleted_users

log = logging.getLogger(__name__)

PURGE_MINUTES = 15


def start_scheduler(db: Database) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone="UTC")
    scheduler.add_job(
        purge_erased_users,
        "interval",
        minutes=PURGE_MINUTES,
        args=[db],
        id="purge_erased_users",
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
