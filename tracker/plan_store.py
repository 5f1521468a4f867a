"""A child's plan for one month: sessions paid, cost per session, carried, used before tracking,
and the day the package began."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import asyncpg

from sql.db import fetch_value


@dataclass(frozen=True, slots=True)
class Plan:
    month: date
    sessions_paid: int
    cost_paise: int
    carried: int
    used_before: int
    starts_on: date | None = None  # None: only a number of sessions used is known (mid-month)

    @property
    def total(self) -> int:
        return self.sessions_paid + self.carried


COLUMNS = "month, sessions_paid, cost_paise, carried, used_before, starts_on"


async def select_plan(conn: asyncpg.Connection, child_id: int, month: date) -> Plan | None:
    row = await conn.fetchrow(
        f"SELECT {COLUMNS} FROM tt.plans WHERE child_id = $1 AND month = $2", child_id, month
    )
    return Plan(**dict(row)) if row else None


async def select_latest_plan_before(
    conn: asyncpg.Connection, child_id: int, month: date
) -> Plan | None:
    row = await conn.fetchrow(
        f"SELECT {COLUMNS} FROM tt.plans WHERE child_id = $1 AND month < $2 "
        "ORDER BY month DESC LIMIT 1",
        child_id,
        month,
    )
    return Plan(**dict(row)) if row else None


async def upsert_plan(conn: asyncpg.Connection, child_id: int, plan: Plan, set_by: int) -> bool:
    """Store the month's plan; True when it replaced an earlier one."""
    return await fetch_value(
        conn,
        bool,
        """
        INSERT INTO tt.plans (child_id, month, sessions_paid, cost_paise, carried, used_before,
                              set_by, starts_on)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        ON CONFLICT (child_id, month) DO UPDATE SET sessions_paid = excluded.sessions_paid,
            cost_paise = excluded.cost_paise, carried = excluded.carried,
            used_before = excluded.used_before, set_by = excluded.set_by,
            starts_on = excluded.starts_on, updated_at = now()
        RETURNING xmax <> 0
        """,
        child_id,
        plan.month,
        plan.sessions_paid,
        plan.cost_paise,
        plan.carried,
        plan.used_before,
        set_by,
        plan.starts_on,
    )


async def select_plan_months(conn: asyncpg.Connection, child_id: int) -> list[date]:
    """The first days of the months the child has a plan for, oldest first."""
    rows = await conn.fetch(
        "SELECT month FROM tt.plans WHERE child_id = $1 ORDER BY month", child_id
    )
    return [row["month"] for row in rows]
