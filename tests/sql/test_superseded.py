"""Entries a replace set aside stay in the database: a member may hard-delete only their own
entry (undo), never another member's, and an entry that replaced others cannot vanish while
they still point at it."""

import asyncpg
import pytest

from sql.db import SYSTEM, as_user


async def _two_parents(conn):
    a = await conn.fetchval("INSERT INTO tt.users (phone) VALUES ('919000000001') RETURNING id")
    b = await conn.fetchval("INSERT INTO tt.users (phone) VALUES ('919000000002') RETURNING id")
    child = await conn.fetchval(
        "INSERT INTO tt.children (name, created_by) VALUES ('Asha', $1) RETURNING id", a
    )
    await conn.execute(
        "INSERT INTO tt.memberships (child_id, user_id, role) VALUES ($1, $2, 'owner'), "
        "($1, $3, 'parent')",
        child,
        a,
        b,
    )
    return a, b, child


async def _log(conn, child, user):
    return await conn.fetchval(
        "INSERT INTO tt.sessions (child_id, day, status, logged_by) "
        "VALUES ($1, date '2026-11-02', 'attended', $2) RETURNING id",
        child,
        user,
    )


async def test_a_member_deletes_only_their_own_entries(database):
    async with database.transaction(SYSTEM) as conn:
        a, b, child = await _two_parents(conn)
        theirs = await _log(conn, child, b)
    async with database.transaction(as_user(a)) as conn:
        assert await conn.execute("DELETE FROM tt.sessions WHERE id = $1", theirs) == "DELETE 0"
    async with database.transaction(as_user(b)) as conn:
        assert await conn.execute("DELETE FROM tt.sessions WHERE id = $1", theirs) == "DELETE 1"


async def test_an_entry_cannot_go_while_what_it_replaced_points_at_it(database):
    async with database.transaction(SYSTEM) as conn:
        a, _, child = await _two_parents(conn)
        old, new = await _log(conn, child, a), await _log(conn, child, a)
        await conn.execute(
            "UPDATE tt.sessions SET superseded_at = now(), superseded_by = $2 WHERE id = $1",
            old,
            new,
        )
    with pytest.raises(asyncpg.ForeignKeyViolationError):
        async with database.transaction(as_user(a)) as conn:
            await conn.execute("DELETE FROM tt.sessions WHERE id = $1", new)
    with pytest.raises(asyncpg.CheckViolationError):
        async with database.transaction(SYSTEM) as conn:
            await conn.execute("UPDATE tt.sessions SET superseded_at = NULL WHERE id = $1", old)
