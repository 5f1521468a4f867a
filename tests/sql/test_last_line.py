"""What must never happen, refused by the database itself: each test acts as the app role
(tt_app, through `transaction(as_user(...))`) and tries what a careless or hostile handler
could write."""

import asyncpg
import pytest

from sql.db import SYSTEM, Database, as_user
from tests.support.families import add_member, make_family

OWNER, PARENT, THERAPIST, STRANGER = "919100000001", "919100000002", "919100000003", "919100000009"
REFUSED = asyncpg.InsufficientPrivilegeError


@pytest.fixture(name="family")
async def _family(db):
    """Ids of an owner, a parent and a therapist of one child, a stranger, and the child."""
    owner, child = await make_family(db, OWNER)
    people = {"owner": owner, "child": child}
    for role, phone in (("parent", PARENT), ("therapist", THERAPIST)):
        people[role] = await db.fetchval(
            "INSERT INTO tt.users (phone) VALUES ($1) RETURNING id", phone
        )
        await add_member(db, child, people[role], role)
    people["stranger"] = await db.fetchval(
        "INSERT INTO tt.users (phone) VALUES ($1) RETURNING id", STRANGER
    )
    return people


async def _as(database, user_id, query, *args):
    async with database.transaction(as_user(user_id)) as conn:
        return await conn.fetchval(query, *args)


async def test_a_member_cannot_add_anyone_to_their_family(database, family):
    with pytest.raises(REFUSED):
        await _as(
            database,
            family["parent"],
            "INSERT INTO tt.memberships (child_id, user_id, role) VALUES ($1, $2, 'parent')",
            family["child"],
            family["stranger"],
        )
    seen = await _as(
        database, family["parent"], "SELECT phone FROM tt.users WHERE id = $1", family["stranger"]
    )
    assert seen is None


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE tt.memberships SET role = 'owner' WHERE child_id = $1 AND user_id = $2",
        "UPDATE tt.memberships SET proposed_role = 'owner', proposed_by = $2 "
        "WHERE child_id = $1 AND user_id = $2",
        "DELETE FROM tt.memberships WHERE child_id = $1 AND user_id <> $2",
    ],
)
async def test_a_therapist_cannot_rewrite_memberships(database, family, statement):
    with pytest.raises(REFUSED):
        await _as(database, family["therapist"], statement, family["child"], family["therapist"])
    assert await _roles(database, family) == {"owner": 1, "parent": 1, "therapist": 1}


async def test_a_therapist_cannot_ask_for_ownership_or_role_changes(database, family):
    for target, role in (
        (family["therapist"], "owner"),
        (family["parent"], "therapist"),
        (family["owner"], "parent"),
    ):
        with pytest.raises(REFUSED):
            await _as(
                database,
                family["therapist"],
                "SELECT tt.propose_role($1, $2, $3)",
                family["child"],
                target,
                role,
            )
    assert await _proposals(database) == 0


async def test_only_an_owner_offers_ownership(database, family):
    child, parent, therapist = family["child"], family["parent"], family["therapist"]
    propose = "SELECT tt.propose_role($1, $2, $3)"
    with pytest.raises(REFUSED):
        await _as(database, parent, propose, child, therapist, "owner")
    with pytest.raises(REFUSED):
        await _as(database, parent, propose, child, family["owner"], "parent")
    assert not await _as(database, parent, propose, child, parent, "therapist")
    assert await _as(database, parent, propose, child, therapist, "parent")
    assert await _as(database, family["owner"], propose, child, parent, "owner")
    assert await _proposals(database) == 2


async def test_a_stranger_cannot_ask_anything_of_a_family(database, family):
    with pytest.raises(REFUSED):
        await _as(
            database,
            family["stranger"],
            "SELECT tt.propose_role($1, $2, 'owner')",
            family["child"],
            family["stranger"],
        )


@pytest.mark.parametrize(
    ("actor", "target"),
    [("therapist", "parent"), ("therapist", "owner"), ("parent", "owner")],
)
async def test_removal_follows_the_roles(database, family, actor, target):
    with pytest.raises(REFUSED):
        await _as(
            database,
            family[actor],
            "SELECT tt.remove_member($1, $2)",
            family["child"],
            family[target],
        )
    assert await _roles(database, family) == {"owner": 1, "parent": 1, "therapist": 1}


async def test_anyone_may_leave_and_a_parent_may_remove_a_therapist(database, family):
    remove = "SELECT tt.remove_member($1, $2)"
    child, parent, therapist = family["child"], family["parent"], family["therapist"]
    assert await _as(database, parent, remove, child, therapist) == "removed"
    assert await _as(database, parent, remove, child, parent) == "left"
    assert await _roles(database, family) == {"owner": 1}


async def test_a_therapist_cannot_invite(database, family):
    with pytest.raises(REFUSED):
        await _as(
            database,
            family["therapist"],
            "SELECT outcome FROM tt.invite_member($1, '919100000077', 'parent', 'message')",
            family["child"],
        )
    assert await _invites(database, family["child"]) == []
    assert await _roles(database, family) == {"owner": 1, "parent": 1, "therapist": 1}


async def test_a_parent_invites_a_number_and_only_they_may_cancel_it(database, family):
    child, parent = family["child"], family["parent"]
    outcome = await _as(
        database,
        parent,
        "SELECT outcome FROM tt.invite_member($1, '919100000077', 'therapist', 'link')",
        child,
    )
    assert outcome == "invited"
    assert await _invites(database, child) == [("919100000077", "therapist", "link")]
    invite = await _as(database, parent, "SELECT id FROM tt.invites WHERE child_id = $1", child)
    with pytest.raises(REFUSED):
        await _as(database, family["therapist"], "SELECT tt.cancel_invite($1, $2)", child, invite)
    with pytest.raises(REFUSED):
        await _as(database, family["therapist"], "DELETE FROM tt.invites WHERE id = $1", invite)
    assert await _as(database, parent, "SELECT tt.cancel_invite($1, $2)", child, invite)
    assert await _invites(database, child) == []


async def test_an_invite_names_an_owner_or_parent_whatever_writes_it(database, family):
    """Even code running as tt_system cannot store an invite from a therapist or a stranger."""
    for inviter in (family["therapist"], family["stranger"]):
        with pytest.raises(REFUSED):
            async with database.transaction(SYSTEM) as conn:
                await conn.execute("SELECT set_config('tt.user_id', $1, true)", str(inviter))
                await conn.execute(
                    "INSERT INTO tt.invites (child_id, phone, role, invited_by) "
                    "VALUES ($1, '919100000077', 'parent', $2)",
                    family["child"],
                    inviter,
                )
    assert await _invites(database, family["child"]) == []


async def test_a_membership_is_never_a_pending_invite(db, family):
    with pytest.raises(asyncpg.CheckViolationError):
        await db.execute(
            "INSERT INTO tt.memberships (child_id, user_id, role, status, invited_by) "
            "VALUES ($1, $2, 'parent', 'pending', $3)",
            family["child"],
            family["stranger"],
            family["owner"],
        )


async def _invites(database, child_id):
    async with database.transaction(SYSTEM) as conn:
        rows = await conn.fetch(
            "SELECT phone, role, invite_channel FROM tt.invites WHERE child_id = $1", child_id
        )
    return [tuple(row) for row in rows]


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("phone", "919100000055"),
        ("bsuid", "IN.stolen"),
        ("deleted_at", "2020-01-01"),
        ("last_inbound_at", "2099-01-01"),
        ("created_at", "2020-01-01"),
        ("display_name", "someone else"),
    ],
)
async def test_a_user_cannot_change_what_the_system_owns(database, family, column, value):
    with pytest.raises(REFUSED):
        await _as(
            database,
            family["parent"],
            f"UPDATE tt.users SET {column} = $2::text::{_type(column)} WHERE id = $1",
            family["parent"],
            value,
        )


async def test_a_user_changes_their_own_settings(database, family):
    await _as(
        database,
        family["parent"],
        "UPDATE tt.users SET language = 'te', reminder_hour = 8, current_child_id = $2 "
        "WHERE id = $1",
        family["parent"],
        family["child"],
    )
    assert await _as(
        database,
        family["parent"],
        "SELECT language = 'te' AND reminder_hour = 8 FROM tt.users WHERE id = $1",
        family["parent"],
    )


async def test_current_child_is_one_of_the_users_own(database, db, family):
    _, other_child = await make_family(db, "919100000044", child="Bala")
    with pytest.raises(REFUSED):
        await _as(
            database,
            family["parent"],
            "UPDATE tt.users SET current_child_id = $2 WHERE id = $1",
            family["parent"],
            other_child,
        )


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM tt.children WHERE id = $1",
        "UPDATE tt.children SET created_by = NULL WHERE id = $1",
        "INSERT INTO tt.children (name) VALUES ('x') RETURNING $1::bigint",
    ],
)
async def test_children_are_created_and_deleted_only_by_the_functions(database, family, statement):
    with pytest.raises(REFUSED):
        await _as(database, family["owner"], statement, family["child"])
    async with database.transaction(SYSTEM) as conn:
        assert await conn.fetchval("SELECT count(*) FROM tt.children") == 1


async def test_row_level_security_is_forced_on_every_table(db):
    loose = await db.fetch(
        "SELECT relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = 'tt' AND relkind IN ('r', 'p') "
        "AND NOT (relrowsecurity AND relforcerowsecurity)"
    )
    assert [r["relname"] for r in loose] == []


async def test_system_policies_do_not_pass_to_roles_that_inherit_them(db):
    policies = await db.fetch(
        "SELECT policyname, qual, with_check FROM pg_policies "
        "WHERE schemaname = 'tt' AND 'tt_system' = ANY (roles)"
    )
    assert len(policies) >= 14
    loose = [
        p["policyname"]
        for p in policies
        if "CURRENT_USER = 'tt_system'" not in p["qual"]
        or "CURRENT_USER = 'tt_system'" not in p["with_check"]
    ]
    assert loose == []


async def test_definer_functions_run_as_the_system_role_with_a_fixed_path(db):
    rows = await db.fetch(
        "SELECT p.proname, pg_get_userbyid(p.proowner) AS owner, p.proconfig "
        "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = 'tt' AND p.prosecdef"
    )
    assert len(rows) >= 10
    wrong = [
        r["proname"]
        for r in rows
        if r["owner"] != "tt_system"
        or not any(c.startswith("search_path=") for c in r["proconfig"])
    ]
    assert wrong == []


async def test_the_migration_ledger_is_the_login_roles_alone(database, db):
    assert await db.fetchval("SELECT count(*) FROM tt.schema_migrations") > 0
    with pytest.raises(REFUSED):
        async with database.transaction(SYSTEM) as conn:
            await conn.fetchval("SELECT count(*) FROM tt.schema_migrations")


def _type(column: str) -> str:
    return "timestamptz" if column.endswith("_at") else "text"


async def _roles(database: Database, family: dict[str, int]) -> dict[str, int]:
    async with database.transaction(SYSTEM) as conn:
        rows = await conn.fetch(
            "SELECT role, count(*) FROM tt.memberships WHERE child_id = $1 GROUP BY role",
            family["child"],
        )
    return {r["role"]: r["count"] for r in rows}


async def _proposals(database: Database) -> int:
    async with database.transaction(SYSTEM) as conn:
        return await conn.fetchval(
            "SELECT count(*) FROM tt.memberships WHERE proposed_role IS NOT NULL"
        )
