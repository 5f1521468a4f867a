"""The family's link version: every signed calendar link carries it, and `revoke links` bumps
it so that every link made before stops working."""

from __future__ import annotations

import asyncpg

from sql.db import fetch_value


async def link_version(conn: asyncpg.Connection, child_id: int) -> int:
    return await fetch_value(
        conn, int, "SELECT link_version FROM tt.children WHERE id = $1", child_id
    )


async def revoke_links(conn: asyncpg.Connection, child_id: int) -> int:
    """Bump the version and return the new one. Owners and parents only: the database refuses
    anyone else (asyncpg.InsufficientPrivilegeError), so check the role first."""
    return await fetch_value(conn, int, "SELECT tt.revoke_links($1)", child_id)
