"""Days off for a child: each holiday is one local day and belongs to that day's month.

A reset month sets days off aside (superseded_at) instead of deleting them; every read and
change here skips those."""

from __future__ import annotations

from datetime import date

import asyncpg


async def insert_holidays(
    conn: asyncpg.Connection, child_id: int, days: list[date], set_by: int
) -> int:
    """Mark the days off; returns how many were new."""
    inserted = await conn.fetch(
        "INSERT INTO tt.holidays (child_id, day, set_by) SELECT $1, d, $3 FROM unnest($2::date[]) "
        "AS d ON CONFLICT DO NOTHING RETURNING day",
        child_id,
        days,
        set_by,
    )
    return len(inserted)


async def select_holidays(
    conn: asyncpg.Connection, child_id: int, first: date, last: date
) -> list[date]:
    rows = await conn.fetch(
        "SELECT day FROM tt.holidays WHERE child_id = $1 AND day BETWEEN $2 AND $3 "
        "AND superseded_at IS NULL ORDER BY day",
        child_id,
        first,
        last,
    )
    return [row["day"] for row in rows]


async def delete_holidays(conn: asyncpg.Connection, child_id: int, days: list[date]) -> int:
    result = await conn.execute(
        "DELETE FROM tt.holidays WHERE child_id = $1 AND day = ANY($2) AND superseded_at IS NULL",
        child_id,
        days,
    )
    return int(result.split()[-1])
