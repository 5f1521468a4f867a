"""A pool that acts as the system for whole sessions: its autocommit connections run as
tt_system with the pool's statement limit, and a transaction as a user on the same pool leaves
the next autocommit use acting as the system again."""

import pytest

from sql.db import SYSTEM, Database, Limits, as_user


@pytest.fixture
async def system_pool(database_url, db):
    pool = await Database.connect(
        database_url, max_size=1, limits=Limits(statement=2.5), acting_as=SYSTEM
    )
    yield pool
    await pool.close()


async def test_autocommit_acts_as_the_system_with_the_statement_limit(system_pool):
    async with system_pool.autocommit() as conn:
        assert await conn.fetchval("SELECT current_user") == "tt_system"
        assert await conn.fetchval("SHOW statement_timeout") == "2500ms"
        assert await conn.fetchval("SELECT current_setting('tt.user_id')") == ""


async def test_a_user_transaction_on_the_pool_leaves_the_session_as_the_system(system_pool, db):
    user = await db.fetchval("INSERT INTO tt.users (phone) VALUES ('919000000701') RETURNING id")
    async with system_pool.transaction(as_user(user)) as conn:
        assert await conn.fetchval("SELECT current_user") == "tt_app"
    async with system_pool.autocommit() as conn:  # max_size=1: the same connection
        assert await conn.fetchval("SELECT current_user") == "tt_system"
        assert await conn.fetchval("SELECT current_setting('tt.user_id')") == ""


async def test_only_a_system_pool_has_autocommit(database, database_url):
    with pytest.raises(RuntimeError):
        async with database.autocommit():
            pass
    with pytest.raises(ValueError):
        await Database.connect(database_url, acting_as=as_user(1))
