"""The app's pool has a connection for every background task, every scheduled job and the
readiness check: when every loop waits on the database at once, the server still says whether
it is ready, and the loops go on once the database does."""

from pathlib import Path

import asyncpg

from bot.app import (
    BACKGROUND,
    INGEST_POOL_SIZE,
    REQUEST_CONNECTIONS,
    connections,
    main_pool_size,
)
from bot.runtime import ALL_IN_ONE, WEB, WORK
from bot.scheduler import TICK_CONNECTIONS
from bot.wakeups import LISTEN_CONNECTIONS
from tests.conftest import wait_until
from tests.support import payloads


async def test_readiness_answers_while_every_loop_waits_on_the_database(make_bot, database_url):
    bot = await make_bot()
    services = bot.app.extensions["therapy_tracker"].running
    tasks = sum(loop.concurrency for loop in services.background)
    locker = await asyncpg.connect(database_url)
    try:
        async with locker.transaction():
            # like a long migration: every claim joins tt.users, so each loop waits holding
            # one connection of the pool
            await locker.execute("LOCK TABLE tt.users IN ACCESS EXCLUSIVE MODE")

            async def waiting():
                return await locker.fetchval(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND application_name = 'therapy-tracker' AND wait_event_type = 'Lock'"
                )

            async def pool_used_up():
                return await waiting() >= min(tasks, services.db.pool.get_max_size())

            await wait_until(pool_used_up, timeout=20)
            ready = await bot.client.get("/health/ready")
            assert ready.status_code == 200
            assert await waiting() == tasks
    finally:
        await locker.close()
    await bot.db.execute(
        "INSERT INTO tt.users (phone, welcomed_at, last_inbound_at) VALUES ($1, now(), now())",
        "919000000401",
    )
    assert (await bot.say("919000000401", "help"))[0].startswith("Here is what you can type")


async def test_the_pool_is_sized_by_the_loops_that_run(bot):
    services = bot.app.extensions["therapy_tracker"].running
    assert {type(loop) for loop in services.background} == set(BACKGROUND)
    tasks = sum(loop.concurrency for loop in services.background)
    assert services.db.pool.get_max_size() == tasks + TICK_CONNECTIONS + REQUEST_CONNECTIONS


def test_the_readme_states_how_many_connections_a_server_opens():
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    main = main_pool_size()
    assert f"at most {main + INGEST_POOL_SIZE} connections to Postgres: {main} for" in readme
    assert f"and {INGEST_POOL_SIZE} for the webhook" in readme


def test_each_role_opens_what_the_readme_table_says():
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    tasks = sum(loop.concurrency for loop in BACKGROUND)
    assert main_pool_size(WEB) == TICK_CONNECTIONS + REQUEST_CONNECTIONS
    assert main_pool_size(WORK) == main_pool_size(ALL_IN_ONE) == tasks + 3
    assert connections(WORK) == main_pool_size(WORK) + LISTEN_CONNECTIONS
    for role, label in ((ALL_IN_ONE, "`serve`"), (WEB, "`serve --no-workers`"), (WORK, "`work`")):
        [row] = [line for line in readme.splitlines() if line.startswith(f"| {label} |")]
        assert row.startswith(f"| {label} | {main_pool_size(role)}:"), row
        assert row.endswith(f"| {connections(role)} |"), row


async def test_a_web_process_runs_no_loops_and_a_small_pool(make_bot):
    bot = await make_bot(role=WEB)
    services = bot.app.extensions["therapy_tracker"].running
    assert services.background == [] and services.scheduler is None
    assert services.db.pool.get_max_size() == main_pool_size(WEB)
    assert (await bot.client.get("/health/ready")).status_code == 200
    stored = await bot.post(payloads.webhook([payloads.text("919000000402", "help")]))
    assert stored.status_code == 200
    assert await bot.db.fetchval("SELECT status FROM tt.inbound_messages") == "pending"
