"""Children and the acting user's place in each family (RLS limits rows to their families)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import asyncpg

from sql.db import fetch_value
from tracker.text import clean_person_name

MAX_NAME = 60


@dataclass(frozen=True, slots=True)
class Child:
    id: int
    name: str
    timezone: str
    tracking_since: date
    role: str


MINE = """
FROM tt.children c JOIN tt.memberships m ON m.child_id = c.id{users}
WHERE m.user_id = tt.acting_user_id() AND m.status = 'active'
ORDER BY c.id
"""
SELECT_MINE = "SELECT c.id, c.name, c.timezone, c.tracking_since, m.role" + MINE.format(users="")
# the same rows and, on each, the child the user chose: one round trip instead of two
SELECT_MINE_AND_CHOSEN = (
    "SELECT c.id, c.name, c.timezone, c.tracking_since, m.role, u.current_child_id AS chosen"
    + MINE.format(users=" LEFT JOIN tt.users u ON u.id = $1")
)


def clean_name(text: str) -> str | None:
    """The name as typed (case and script kept), spaces collapsed; None when unusable."""
    name = clean_person_name(text)
    return name if name and len(name) <= MAX_NAME and any(ch.isalpha() for ch in name) else None


async def select_children(conn: asyncpg.Connection) -> list[Child]:
    return [_child(row) for row in await conn.fetch(SELECT_MINE)]


def _child(row: asyncpg.Record) -> Child:
    return Child(row["id"], row["name"], row["timezone"], row["tracking_since"], row["role"])


async def select_current_child(conn: asyncpg.Connection, user_id: int) -> Child | None:
    """The child the user is working on: their choice if still theirs, else their first."""
    rows = await conn.fetch(SELECT_MINE_AND_CHOSEN, user_id)
    children = [_child(row) for row in rows]
    chosen = rows[0]["chosen"] if rows else None
    return next((c for c in children if c.id == chosen), children[0] if children else None)


async def insert_child(conn: asyncpg.Connection, name: str, timezone: str, today: date) -> int:
    return await fetch_value(conn, int, "SELECT tt.create_child($1, $2, $3)", name, timezone, today)


async def update_current_child(conn: asyncpg.Connection, user_id: int, child_id: int) -> None:
    await conn.execute("UPDATE tt.users SET current_child_id = $2 WHERE id = $1", user_id, child_id)


async def update_tracking_since(conn: asyncpg.Connection, child_id: int, day: date) -> None:
    await conn.execute("UPDATE tt.children SET tracking_since = $2 WHERE id = $1", child_id, day)
