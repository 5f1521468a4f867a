"""The retention job: erased members' stubs and finished queue rows past their documented
ages, in batches (the sweeps themselves live in bot/scheduler.py, with the ages)."""

from __future__ import annotations

from bot.jobs.core import Counts, JobEnv
from bot.scheduler import purge_erased_users, purge_expired


async def run(env: JobEnv) -> Counts:
    """Deletes need no ledger: each is idempotent. Counted as `purged` per rule."""
    counts = Counts()
    if env.dry_run:
        return counts
    counts.extra["erased_users"] = await purge_erased_users(env.db)
    counts.extra.update(await purge_expired(env.db))
    return counts
