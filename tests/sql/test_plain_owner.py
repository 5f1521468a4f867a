"""The schema owned by a plain login role (no superuser, no BYPASSRLS), as a managed Postgres
may give us: forced row-level security holds that role too, and every feature that writes
through the definer functions still works."""

import json
import os
import subprocess
import sys
import uuid
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import pytest

from sql.cipher import Cipher
from sql.db import SYSTEM, Database
from sql.migrate import apply_pending
from tests.conftest import Bot

OWNER, PARENT = "919000000001", "919000000002"


def _with_login(dsn: str, user: str, database: str) -> str:
    parts = urlsplit(dsn)
    host = parts.netloc.rpartition("@")[2]
    return urlunsplit((parts.scheme, f"{user}:pw@{host}", f"/{database}", parts.query, ""))


@pytest.fixture(name="plain")
async def _plain(admin_dsn, database_url):
    """(DSN as the plain owner, superuser connection) for a fresh database it migrated."""
    role, name = f"tt_owner_{uuid.uuid4().hex[:8]}", f"tt_test_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(admin_dsn)
    await admin.execute(f"CREATE ROLE {role} LOGIN NOSUPERUSER NOBYPASSRLS PASSWORD 'pw'")
    # the app roles already exist in this cluster; migrations grant them to their runner
    await admin.execute(f"GRANT tt_app, tt_system TO {role} WITH ADMIN OPTION")
    await admin.execute(f'CREATE DATABASE "{name}" OWNER {role}')
    dsn = _with_login(admin_dsn, role, name)
    await apply_pending(dsn)
    superuser = await asyncpg.connect(_with_login(admin_dsn, urlsplit(admin_dsn).username, name))
    yield dsn, superuser
    await superuser.close()
    await admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
    await admin.execute(f"DROP ROLE {role}")
    await admin.close()


async def test_forced_security_holds_the_owner_itself(plain):
    dsn, superuser = plain
    database = await Database.connect(dsn, max_size=1)
    try:
        async with database.transaction(SYSTEM) as conn:
            await conn.execute("INSERT INTO tt.users (phone) VALUES ('919000000077')")
        owner = await asyncpg.connect(dsn)
        try:
            assert await owner.fetchval("SELECT count(*) FROM tt.users") == 0
            assert await owner.fetchval("SELECT count(*) FROM tt.schema_migrations") > 0
        finally:
            await owner.close()
    finally:
        await database.close()
    assert await superuser.fetchval("SELECT count(*) FROM tt.users") == 1


async def test_stats_count_the_queues_for_a_plain_owner(plain):
    dsn, superuser = plain
    user_id = await superuser.fetchval(
        "INSERT INTO tt.users (phone) VALUES ($1) RETURNING id", OWNER
    )
    await superuser.execute(
        "INSERT INTO tt.inbound_messages (wamid, user_id, phone_number_id, kind, payload) "
        "VALUES ('wamid.stats', $1, 'n', 'text', '\\x00')",
        user_id,
    )
    await superuser.execute(
        "INSERT INTO tt.quarantine (digest, reasons, body) VALUES ($1, 'bad JSON', '\\x00')",
        bytes(32),
    )
    env = {
        "PATH": os.environ["PATH"],
        "APP_ENV": "test",
        "DATABASE_URL": dsn,
        "WHATSAPP_APP_SECRET": "s",
        "WHATSAPP_VERIFY_TOKEN": "v",
        "DATA_ENCRYPTION_KEYS": Cipher.new_key(),
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot", "stats", "--json"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    inbound = json.loads(result.stdout)["inbound"]
    assert (inbound["pending"], inbound["quarantined"]) == (1, 1)


async def test_a_family_lives_its_whole_life_under_a_plain_owner(plain, make_bot):
    dsn, superuser = plain
    started = await make_bot(database_url=dsn)
    bot = Bot(started.app, started.client, superuser, started.graph)
    assert (await bot.client.get("/health/ready")).status_code == 200
    await bot.say(OWNER, "hi")
    await bot.say(OWNER, "setup")
    await bot.say(OWNER, "Asha")
    child = await superuser.fetchval("SELECT id FROM tt.children WHERE name = 'Asha'")
    assert child is not None
    await bot.say(PARENT, "hi")
    await bot.say(OWNER, "add parent 90000 00002")
    invited = await superuser.fetchval("SELECT role FROM tt.invites WHERE phone = $1", PARENT)
    assert invited == "parent"
    assert await _membership(superuser, PARENT) is None
    await bot.say(PARENT, "accept")
    assert await _membership(superuser, PARENT) == ("parent", "active")
    assert await superuser.fetchval("SELECT count(*) FROM tt.invites") == 0
    parent = await superuser.fetchval("SELECT id FROM tt.users WHERE phone = $1", PARENT)
    await bot.say(OWNER, "role")
    await bot.tap(OWNER, f"member:propose:{parent}")
    await bot.tap(PARENT, f"member:role_yes:{child}")
    assert (await _membership(superuser, PARENT))[0] == "therapist"
    await bot.say(PARENT, "leave")
    await bot.tap(PARENT, f"member:leave_yes:{child}")
    assert await _membership(superuser, PARENT) is None
    await bot.say(OWNER, "delete my data")
    await bot.tap(OWNER, "cmd:delete_confirm")
    assert await superuser.fetchval("SELECT count(*) FROM tt.children") == 0
    dead = await superuser.fetchval(
        "SELECT count(*) FROM tt.inbound_messages WHERE status = 'dead'"
    )
    assert dead == 0


async def _membership(conn, phone):
    row = await conn.fetchrow(
        "SELECT m.role, m.status FROM tt.memberships m "
        "JOIN tt.users u ON u.id = m.user_id WHERE u.phone = $1",
        phone,
    )
    return tuple(row) if row else None
