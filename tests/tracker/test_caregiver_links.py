"""Themes and link versions on a real Postgres: a member sets their own theme; owners and
parents revoke the family's links, and the database refuses a therapist."""

import asyncpg
import pytest

from sql.db import as_user
from tests.support.families import add_member, make_family
from tracker.link_versions import link_version, revoke_links
from tracker.themes import THEMES, set_theme, theme_of


@pytest.fixture(name="family")
async def _family(db):
    owner, child = await make_family(db, "919300000001")
    therapist = await db.fetchval(
        "INSERT INTO tt.users (phone) VALUES ('919300000003') RETURNING id"
    )
    await add_member(db, child, therapist, "therapist")
    return {"owner": owner, "therapist": therapist, "child": child}


async def test_a_member_starts_with_sunrise_and_sets_their_own_theme(database, family):
    async with database.transaction(as_user(family["therapist"])) as conn:
        assert await theme_of(conn, family["therapist"]) == "sunrise"
        await set_theme(conn, family["therapist"], "ocean")
    async with database.transaction(as_user(family["owner"])) as conn:
        assert await theme_of(conn, family["therapist"]) == "ocean"
        assert await theme_of(conn, family["owner"]) == "sunrise"
        await conn.execute(
            "UPDATE tt.users SET theme = 'forest' WHERE id = $1", family["therapist"]
        )
        assert await theme_of(conn, family["therapist"]) == "ocean"


async def test_only_the_three_themes_exist(database, family):
    assert THEMES == ("sunrise", "ocean", "forest")
    async with database.transaction(as_user(family["owner"])) as conn:
        with pytest.raises(ValueError, match="unknown theme"):
            await set_theme(conn, family["owner"], "neon")
    with pytest.raises(asyncpg.CheckViolationError):
        async with database.transaction(as_user(family["owner"])) as conn:
            await conn.execute("UPDATE tt.users SET theme = 'neon' WHERE id = $1", family["owner"])


async def test_revoking_links_bumps_the_version_for_owners_only(database, family):
    async with database.transaction(as_user(family["owner"])) as conn:
        assert await link_version(conn, family["child"]) == 1
        assert await revoke_links(conn, family["child"]) == 2
        assert await revoke_links(conn, family["child"]) == 3
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        async with database.transaction(as_user(family["therapist"])) as conn:
            await revoke_links(conn, family["child"])
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        async with database.transaction(as_user(family["owner"])) as conn:
            await conn.execute(
                "UPDATE tt.children SET link_version = 1 WHERE id = $1", family["child"]
            )
    async with database.transaction(as_user(family["therapist"])) as conn:
        assert await link_version(conn, family["child"]) == 3
