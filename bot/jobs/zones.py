"""Which stored time zones the database can use: a sweep computes local time in SQL, and one
member's unknown zone must skip that member, not fail the statement for everyone."""

from __future__ import annotations

import logging

import asyncpg

from sql.db import fetch_one

log = logging.getLogger(__name__)

KNOWN = """
SELECT array_agg(z.zone) FILTER (WHERE n.name IS NOT NULL) AS known,
       array_agg(z.zone) FILTER (WHERE n.name IS NULL) AS unknown
FROM (SELECT timezone AS zone FROM tt.users WHERE deleted_at IS NULL
      UNION SELECT timezone FROM tt.children) z
LEFT JOIN pg_timezone_names n ON n.name = z.zone
"""


async def known_zones(conn: asyncpg.Connection) -> list[str]:
    """The zones members and children have stored that Postgres knows; the others are logged,
    once a run."""
    row = await fetch_one(conn, KNOWN)
    if row["unknown"]:
        log.warning(
            "members with an unknown time zone are skipped", extra={"zones": row["unknown"]}
        )
    return list(row["known"] or [])


async def members_in_unknown_zones(conn: asyncpg.Connection, condition: str) -> int:
    """How many members meeting `condition` (SQL on `u`) a sweep skips for their zone."""
    count: int = await conn.fetchval(
        f"SELECT count(*) FROM tt.users u WHERE u.deleted_at IS NULL AND {condition} "
        "AND NOT EXISTS (SELECT 1 FROM pg_timezone_names n WHERE n.name = u.timezone)"
    )
    return count
