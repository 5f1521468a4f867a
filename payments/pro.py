"""A family's Pro state: which plan, until when, and extending or shortening it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import asyncpg

from payments.features import Feature, unlocked
from payments.plans import FREE_RANK, better, plan_for
from sql.db import fetch_one


@dataclass(frozen=True, slots=True)
class ProState:
    plan_code: str | None
    expires_at: datetime | None

    def active(self, now: datetime) -> bool:
        return self.expires_at is not None and self.expires_at > now

    def rank(self, now: datetime) -> int:
        """The active plan's rank, or FREE_RANK; what the gating table is asked with."""
        plan = plan_for(self.plan_code)
        return plan.rank if plan and self.active(now) else FREE_RANK


FREE = ProState(None, None)


async def select_pro(conn: asyncpg.Connection, child_id: int) -> ProState:
    row = await conn.fetchrow(
        "SELECT plan_code, expires_at FROM tt.family_pro WHERE child_id = $1", child_id
    )
    return FREE if row is None else ProState(row["plan_code"], row["expires_at"])


async def extend_pro(
    conn: asyncpg.Connection, child_id: int, plan_code: str, days: int, now: datetime
) -> datetime:
    """Add `days` from the later of now and the current expiry (system work); the new expiry."""
    await conn.execute(
        "INSERT INTO tt.family_pro (child_id, plan_code, expires_at) VALUES ($1, $2, $3) "
        "ON CONFLICT (child_id) DO NOTHING",
        child_id,
        plan_code,
        now,
    )
    row = await fetch_one(
        conn,
        "SELECT plan_code, expires_at FROM tt.family_pro WHERE child_id = $1 FOR UPDATE",
        child_id,
    )
    active = row["expires_at"] > now
    held = better(row["plan_code"] if active else None, plan_code)
    expires_at: datetime = max(row["expires_at"], now) + timedelta(days=days)
    await conn.execute(
        "UPDATE tt.family_pro SET plan_code = $2, expires_at = $3, updated_at = now() "
        "WHERE child_id = $1",
        child_id,
        held,
        expires_at,
    )
    return expires_at


async def shorten_pro(conn: asyncpg.Connection, child_id: int, days: int) -> datetime | None:
    """Take `days` back (a refund); the new expiry, or None when the family had none."""
    expires_at: datetime | None = await conn.fetchval(
        "UPDATE tt.family_pro SET expires_at = expires_at - make_interval(days => $2), "
        "updated_at = now() WHERE child_id = $1 RETURNING expires_at",
        child_id,
        days,
    )
    return expires_at


async def allows(conn: asyncpg.Connection, child_id: int, feature: Feature, now: datetime) -> bool:
    """Whether the family may use a gated feature now: what other features ask."""
    return unlocked(feature, (await select_pro(conn, child_id)).rank(now))
