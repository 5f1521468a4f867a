import shutil

import asyncpg
import pytest

from sql.migrate import MIGRATIONS_DIR, MigrationError, apply_pending, discover
from tests.conftest import _create_database


@pytest.fixture(name="fresh_dsn")
async def _fresh_dsn(admin_dsn):
    dsn, drop = await _create_database(admin_dsn)
    yield dsn
    await drop()


def _write(folder, name, sql):
    (folder / name).write_text(sql)


async def test_applies_in_order_and_twice_is_a_no_op(fresh_dsn, tmp_path):
    _write(tmp_path, "0001_first.sql", "CREATE SCHEMA IF NOT EXISTS tt; CREATE TABLE tt.a (x int);")
    _write(tmp_path, "0002_second.sql", "ALTER TABLE tt.a ADD COLUMN y int;")
    applied = await apply_pending(fresh_dsn, tmp_path)
    assert [m.version for m in applied] == [1, 2]
    assert await apply_pending(fresh_dsn, tmp_path) == []


async def test_refuses_an_applied_file_that_was_edited(fresh_dsn, tmp_path):
    _write(tmp_path, "0001_first.sql", "CREATE SCHEMA IF NOT EXISTS tt; CREATE TABLE tt.a (x int);")
    await apply_pending(fresh_dsn, tmp_path)
    _write(tmp_path, "0001_first.sql", "CREATE SCHEMA IF NOT EXISTS tt; CREATE TABLE tt.a (z int);")
    with pytest.raises(MigrationError, match="edited after it was applied"):
        await apply_pending(fresh_dsn, tmp_path)


async def test_a_failing_migration_leaves_nothing_half_done(fresh_dsn, tmp_path):
    _write(
        tmp_path,
        "0001_bad.sql",
        "CREATE SCHEMA IF NOT EXISTS tt; CREATE TABLE tt.b (x int); SELECT 1/0;",
    )
    with pytest.raises(Exception, match="division by zero"):
        await apply_pending(fresh_dsn, tmp_path)
    _write(tmp_path, "0001_bad.sql", "CREATE SCHEMA IF NOT EXISTS tt; CREATE TABLE tt.b (x int);")
    assert [m.version for m in await apply_pending(fresh_dsn, tmp_path)] == [1]


def test_badly_named_files_are_refused(tmp_path):
    _write(tmp_path, "first.sql", "SELECT 1;")
    with pytest.raises(MigrationError, match=r"0001_what\.sql"):
        discover(tmp_path)


async def test_project_migrations_apply_cleanly_twice(fresh_dsn):
    assert next(m.version for m in await apply_pending(fresh_dsn)) == 1
    assert await apply_pending(fresh_dsn) == []


async def test_what_meta_reported_of_sent_replies_moves_to_delivery(fresh_dsn, tmp_path):
    """0030: replies stored as delivered or read before it keep what Meta said, as sent."""
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        if path.name < "0030":
            shutil.copy(path, tmp_path)
    await apply_pending(fresh_dsn, tmp_path)
    conn = await asyncpg.connect(fresh_dsn)
    try:
        user = await conn.fetchval(
            "INSERT INTO tt.users (phone) VALUES ('919000000701') RETURNING id"
        )
        for status in ("pending", "sent", "delivered", "read", "failed"):
            await conn.execute(
                "INSERT INTO tt.outbox (user_id, phone_number_id, body, status) "
                "VALUES ($1, 'pn', '\\x00', $2)",
                user,
                status,
            )
        shutil.copy(MIGRATIONS_DIR / "0030_outbox_delivery.sql", tmp_path)
        await apply_pending(fresh_dsn, tmp_path)
        rows = await conn.fetch("SELECT status, delivery FROM tt.outbox ORDER BY id")
        # the code before it, still running while a deploy rolls out, writes what it wrote
        await conn.execute("UPDATE tt.outbox SET status = 'read' WHERE status = 'sent'")
    finally:
        await conn.close()
    assert [tuple(row) for row in rows] == [
        ("pending", None),
        ("sent", None),
        ("sent", "delivered"),
        ("sent", "read"),
        ("failed", None),
    ]
