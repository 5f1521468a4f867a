import asyncpg
import pytest

from sql.db import SYSTEM, as_user


async def _family(conn, phone, child):
    user_id = await conn.fetchval("INSERT INTO tt.users (phone) VALUES ($1) RETURNING id", phone)
    child_id = await conn.fetchval(
        "INSERT INTO tt.children (name, created_by) VALUES ($1, $2) RETURNING id", child, user_id
    )
    await conn.execute(
        "INSERT INTO tt.memberships (child_id, user_id, role) VALUES ($1, $2, 'owner')",
        child_id,
        user_id,
    )
    await conn.execute(
        "INSERT INTO tt.audit_events (user_id, child_id, kind) VALUES ($1, $2, 'seed')",
        user_id,
        child_id,
    )
    await conn.execute(
        "INSERT INTO tt.plans (child_id, month, sessions_paid, cost_paise) "
        "VALUES ($1, date '2026-11-01', 8, 80000)",
        child_id,
    )
    await conn.execute(
        "INSERT INTO tt.sessions (child_id, day, status) VALUES ($1, "
        "date '2026-11-02', 'attended')",
        child_id,
    )
    await conn.execute(
        "INSERT INTO tt.holidays (child_id, day) VALUES ($1, date '2026-11-03')", child_id
    )
    await conn.execute(
        "INSERT INTO tt.conversations (user_id, flow, step, data, expires_at) "
        "VALUES ($1, 'f', 's', '\\x00', now())",
        user_id,
    )
    return user_id, child_id


@pytest.fixture(name="families")
async def _families(database):
    async with database.transaction(SYSTEM) as conn:
        a = await _family(conn, "919000000001", "Asha")
        b = await _family(conn, "919000000002", "Bala")
    return a, b


TABLES = [
    "users",
    "children",
    "memberships",
    "conversations",
    "audit_events",
    "inbound_messages",
    "outbox",
    "plans",
    "sessions",
    "holidays",
]


@pytest.mark.parametrize("table", TABLES)
async def test_reads_without_where_see_only_own_family(database, families, table):
    (user_a, _), (user_b, child_b) = families
    async with database.transaction(as_user(user_a)) as conn:
        rows = await conn.fetch(f"SELECT * FROM tt.{table}")
    for row in rows:
        values = dict(row)
        assert user_b not in (values.get("user_id"), values.get("id") if table == "users" else None)
        assert values.get("child_id") != child_b
        if table == "children":
            assert values["id"] != child_b


async def test_own_family_is_visible(database, families):
    (user_a, child_a), _ = families
    async with database.transaction(as_user(user_a)) as conn:
        assert await conn.fetchval("SELECT count(*) FROM tt.children") == 1
        assert await conn.fetchval("SELECT id FROM tt.children") == child_a


async def test_updates_to_another_family_change_nothing(database, families):
    (user_a, _), (user_b, child_b) = families
    async with database.transaction(as_user(user_a)) as conn:
        assert (
            await conn.execute("UPDATE tt.children SET name = 'x' WHERE id = $1", child_b)
            == "UPDATE 0"
        )
        assert (
            await conn.execute("UPDATE tt.users SET language = 'hi' WHERE id = $1", user_b)
            == "UPDATE 0"
        )
    async with database.transaction(SYSTEM) as conn:
        assert await conn.fetchval("SELECT name FROM tt.children WHERE id = $1", child_b) == "Bala"


@pytest.mark.parametrize(
    "statement",
    [
        "INSERT INTO tt.sessions (child_id, day, status, logged_by) VALUES ($1, current_date, "
        "'attended', $2)",
        "INSERT INTO tt.plans (child_id, month, sessions_paid, cost_paise, set_by) VALUES ($1, "
        "date '2026-12-01', 8, 100, $2)",
        "INSERT INTO tt.memberships (child_id, user_id, role) VALUES ($1, $2, 'parent')",
        "INSERT INTO tt.audit_events (user_id, child_id, kind) VALUES ($2, $1, 'x')",
    ],
)
async def test_inserts_into_another_family_fail(database, families, statement):
    (user_a, _), (_, child_b) = families
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        async with database.transaction(as_user(user_a)) as conn:
            await conn.execute(statement, child_b, user_a)


async def test_outbox_insert_for_a_stranger_fails(database, families):
    (user_a, _), (user_b, _) = families
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        async with database.transaction(as_user(user_a)) as conn:
            await conn.execute(
                "INSERT INTO tt.outbox (user_id, phone_number_id, body) VALUES ($1, 'n', '\\x00')",
                user_b,
            )


async def test_roles_cannot_log_in_or_bypass_rls(db):
    rows = await db.fetch(
        "SELECT rolname, rolcanlogin, rolbypassrls FROM pg_roles "
        "WHERE rolname IN ('tt_app', 'tt_system')"
    )
    assert {r["rolname"] for r in rows} == {"tt_app", "tt_system"}
    assert not any(r["rolcanlogin"] or r["rolbypassrls"] for r in rows)


async def test_every_table_has_rls_and_nothing_granted_to_public(db):
    tables = await db.fetch(
        "SELECT relname, relrowsecurity FROM pg_class c JOIN pg_namespace n "
        "ON n.oid = c.relnamespace WHERE n.nspname = 'tt' AND relkind = 'r'"
    )
    assert tables and all(t["relrowsecurity"] for t in tables)
    grants = await db.fetchval(
        "SELECT count(*) FROM information_schema.role_table_grants WHERE table_schema = 'tt' "
        "AND grantee IN ('PUBLIC', 'anon', 'authenticated')"
    )
    assert grants == 0
