"""Typed codes (referral and coupon) are not to be guessed: each one a member gets wrong is a
line in their activity log (tt.audit_events), and after GUESS_LIMIT of them within the last
hour no code of theirs is looked up. Counted in Postgres, as tt.recheck_family_links counts
rechecks, so the limit holds across restarts and processes."""

from __future__ import annotations

import json

import asyncpg

from sql.db import fetch_value

GUESS_KIND = "code_not_accepted"
GUESS_LIMIT = 5


async def guessing_too_often(conn: asyncpg.Connection, user_id: int) -> bool:
    """As the member: they got GUESS_LIMIT codes wrong in the last hour."""
    misses = await fetch_value(
        conn,
        int,
        "SELECT count(*) FROM tt.audit_events "
        "WHERE user_id = $1 AND kind = $2 AND created_at > now() - interval '1 hour'",
        user_id,
        GUESS_KIND,
    )
    return misses >= GUESS_LIMIT


async def record_wrong_code(
    conn: asyncpg.Connection, user_id: int, child_id: int, what: str
) -> None:
    """As the member: one wrong `what` ("referral" or "coupon"); the code itself is not kept."""
    await conn.execute(
        "INSERT INTO tt.audit_events (user_id, child_id, kind, details) VALUES ($1, $2, $3, $4)",
        user_id,
        child_id,
        GUESS_KIND,
        json.dumps({"code": what}),
    )
