"""Bounded waits on the database: a pool with limits gives up within them, whether the server
hangs (no answer at all), a statement is blocked, or every connection is busy."""

import asyncio

import asyncpg
import pytest

from sql.db import SYSTEM, Database, Limits
from tests.support.db_proxy import hanging_proxy

QUICK = Limits(connect=1.0, acquire=0.5, statement=1.0, transaction=1.5)
GUARD = 15.0  # far above the limits, far below the minute it took without them


async def _one(database: Database) -> int:
    async with database.transaction(SYSTEM) as conn:
        return await conn.fetchval("SELECT 1")


async def _outcome(database: Database) -> BaseException | int:
    """What a transaction ended with; the test fails if it is still waiting after GUARD."""
    task = asyncio.ensure_future(_one(database))
    done, _ = await asyncio.wait([task], timeout=GUARD)
    if not done:
        task.cancel()
        pytest.fail(f"still waiting on the database after {GUARD} s")
    return task.exception() or task.result()


async def test_a_hung_server_fails_the_transaction_within_its_limit(database_url, db):
    async with hanging_proxy(database_url) as proxy:
        database = await Database.connect(proxy.dsn, min_size=2, max_size=2, limits=QUICK)
        try:
            assert await _one(database) == 1
            proxy.hang()
            outcomes = await asyncio.gather(*(_outcome(database) for _ in range(4)))
            assert all(isinstance(o, TimeoutError) for o in outcomes), outcomes
            proxy.resume()
            assert await _one(database) == 1  # dropped connections are replaced
        finally:
            proxy.resume()
            await database.close()


async def test_a_blocked_statement_is_cancelled_by_the_server(database_url, db):
    await db.execute("CREATE TABLE IF NOT EXISTS public.limits_probe (id int PRIMARY KEY)")
    await db.execute("GRANT SELECT ON public.limits_probe TO tt_system")
    database = await Database.connect(database_url, limits=QUICK)
    holder = await asyncpg.connect(database_url)
    try:
        async with holder.transaction():
            await holder.execute("LOCK TABLE public.limits_probe")
            with pytest.raises(asyncpg.QueryCanceledError):
                async with database.transaction(SYSTEM) as conn:
                    await conn.execute("SELECT count(*) FROM public.limits_probe")
    finally:
        await holder.close()
        await database.close()
        await db.execute("DROP TABLE public.limits_probe")


async def test_waiting_for_a_busy_pool_is_bounded(database_url, db):
    database = await Database.connect(database_url, max_size=1, limits=QUICK)
    try:
        async with database.transaction(SYSTEM):
            assert isinstance(await _outcome(database), TimeoutError)
        assert await _one(database) == 1
    finally:
        await database.close()


async def test_without_limits_a_slow_transaction_is_left_alone(database_url, db):
    database = await Database.connect(database_url, max_size=1)
    try:
        async with database.transaction(SYSTEM) as conn:
            await conn.execute("SELECT pg_sleep(1.6)")
            assert await conn.fetchval("SELECT 1") == 1
    finally:
        await database.close()
