"""tt.invites as the app role: a family sees its own invites, an invitee those to their own
number, nobody else anything; erasing a user drops the invites to their number."""

import asyncpg
import pytest

from sql.db import as_user
from tests.support.families import add_invite, add_user, make_family

OWNER, OTHER, INVITEE = "919000000001", "919000000002", "919000000003"
INVITE = "SELECT * FROM tt.invite_member($1, $2, 'parent', 'link')"


async def test_invites_are_seen_by_the_family_and_the_invitee_only(database, db):
    owner, child = await make_family(db, OWNER)
    other, _ = await make_family(db, OTHER, child="Bala")
    invitee = await add_user(db, INVITEE)
    await add_invite(db, child, invitee, "parent", owner)
    seen = {}
    for name, user in (("owner", owner), ("other", other), ("invitee", invitee)):
        async with database.transaction(as_user(user)) as conn:
            seen[name] = [
                tuple(r) for r in await conn.fetch("SELECT child_id, phone FROM tt.invites")
            ]
    assert seen == {"owner": [(child, INVITEE)], "other": [], "invitee": [(child, INVITEE)]}


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO tt.invites (child_id, phone, role) VALUES ($1, '919000000009', 'parent')",
        "UPDATE tt.invites SET role = 'therapist' WHERE child_id = $1",
        "DELETE FROM tt.invites WHERE child_id = $1",
        "SELECT count(*) FROM tt.quarantine WHERE $1 > 0",
    ],
)
async def test_the_app_role_changes_invites_only_through_the_functions(database, db, statement):
    owner, child = await make_family(db, OWNER)
    await add_invite(db, child, await add_user(db, INVITEE), "parent", owner)
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        async with database.transaction(as_user(owner)) as conn:
            await conn.execute(statement, child)


async def test_a_therapist_cannot_invite(database, db):
    _, child = await make_family(db, OWNER)
    therapist = await add_user(db, OTHER)
    await db.execute(
        "INSERT INTO tt.memberships (child_id, user_id, role) VALUES ($1, $2, 'therapist')",
        child,
        therapist,
    )
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        async with database.transaction(as_user(therapist)) as conn:
            await conn.fetch(
                "SELECT * FROM tt.invite_member($1, $2, 'parent', 'link')", child, INVITEE
            )


async def test_erasing_a_user_drops_the_invites_to_their_number_and_their_name(database, db):
    owner, child = await make_family(db, OWNER)
    invitee = await add_user(db, INVITEE)
    parent = await add_user(db, OTHER)
    await db.execute(
        "INSERT INTO tt.memberships (child_id, user_id, role) VALUES ($1, $2, 'parent')",
        child,
        parent,
    )
    await add_invite(db, child, invitee, "parent", owner)
    async with database.transaction(as_user(parent)) as conn:
        await conn.fetch(INVITE, child, "919000000004")
    for user in (invitee, parent):
        async with database.transaction(as_user(user)) as conn:
            await conn.fetch("SELECT * FROM tt.delete_my_data()")
    rows = await db.fetch("SELECT phone, invited_by FROM tt.invites")
    assert [tuple(r) for r in rows] == [("919000000004", None)]
