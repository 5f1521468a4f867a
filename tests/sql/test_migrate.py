import pytest

from sql.migrate import MigrationError, apply_pending, discover
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
