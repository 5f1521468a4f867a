"""Pro for a test family, granted the way a captured payment grants it: payments.pro's
extend_pro, run as the system role that the payments worker uses."""

from __future__ import annotations

from datetime import UTC, datetime

import asyncpg

from payments.pro import extend_pro


async def grant_pro(
    db: asyncpg.Connection,
    child_id: int,
    plan: str = "pro_plus_499",
    *,
    days: int = 365,
    now: datetime | None = None,
) -> datetime:
    """Give the child's family `plan` for `days` from `now` (all of 2026 by default, which
    holds the tests' fixed clocks); the new expiry."""
    async with db.transaction():
        await db.execute("SET LOCAL ROLE tt_system")
        return await extend_pro(db, child_id, plan, days, now or datetime(2026, 1, 1, tzinfo=UTC))
