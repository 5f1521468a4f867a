"""Fault injection on a Postgres of the suite's own, mid-traffic: stopped like a crash and
started again, hung with SIGSTOP and resumed, restarted; and a real server process on it
killed with SIGTERM or SIGKILL and started again. Each runs in both layouts: everything in
one process (`serve`), and a web process (`serve --no-workers`) beside a work process
(`work`), where the work process is the one killed. And a claim the database took whose
answer never arrived. Every case ends, within its time budget, with exactly one reply per
message at Meta's edge and nothing pending or claimed."""

import asyncio
import contextlib
import shutil
import signal
import tempfile
import time
from pathlib import Path

import asyncpg
import httpx
import pytest

from bot.worker import INBOUND
from sql.migrate import apply_pending
from tests.conftest import APP_SECRET, wait_until
from tests.support import faults, payloads
from tests.support.db_proxy import hanging_proxy
from tests.support.faults import helps
from tests.support.graph_stub import HANG, TRICKLE, free_port, serve
from tests.support.own_postgres import OwnPostgres

# Meta gets an answer, a 503 while the database is away, within seconds (INGEST_LIMITS in
# bot/app.py allow 4 s), with room for a loaded machine.
ACK_SECONDS = 8.0
RECOVERY_SECONDS = 20.0  # from the database's return until everyone is answered


class Probe:
    """The test's look at the database: a fresh connection per query, so it outlives the
    restarts it causes."""

    def __init__(self, dsn: str) -> None:
        self.dsn = dsn

    async def fetchval(self, query, *args):
        return await self._once("fetchval", query, *args)

    async def execute(self, query, *args):
        return await self._once("execute", query, *args)

    async def _once(self, method, query, *args):
        conn = await asyncpg.connect(self.dsn)
        try:
            return await getattr(conn, method)(query, *args)
        finally:
            await conn.close()


@pytest.fixture(scope="module")
async def own_pg():
    """Outside pytest's temporary folders, which another pytest run may delete meanwhile."""
    folder = Path(tempfile.mkdtemp(prefix="tt-faults-pg-"))
    server = OwnPostgres(folder)
    try:
        await asyncio.to_thread(server.init)
        await server.start()
        admin = await asyncpg.connect(server.dsn())
        await admin.execute("CREATE DATABASE tt")
        await admin.close()
        await apply_pending(server.dsn("tt"))
        yield server
    finally:
        server.close()
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
async def probe(own_pg):
    """The suite's database, emptied, with everyone welcomed; the server running again if a
    test failed while it was down."""
    probe = Probe(own_pg.dsn("tt"))
    tables = await probe.fetchval(
        "SELECT string_agg(format('tt.%I', tablename), ', ') FROM pg_tables "
        "WHERE schemaname = 'tt' AND tablename <> 'schema_migrations'"
    )
    await probe.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    await faults.welcomed(probe)
    yield probe
    await own_pg.ensure_running()


async def in_flight(bot):
    """Messages stored and replies on their way to Meta: the database is mid-traffic."""
    await bot.post(helps(0))

    async def replying():
        return len(bot.graph.sent) >= 2

    await wait_until(replying)


async def refused_quickly(bot, round_):
    """While the database is away Meta gets a 503 in seconds, and so will retry."""
    asked = time.monotonic()
    response = await bot.post(helps(round_))
    assert response.status_code == 503
    assert time.monotonic() - asked < ACK_SECONDS


async def recovered(bot):
    """From the database's return: Meta's retries of the refused delivery until it is taken,
    then everyone answered once for both rounds, within the budget."""
    back = time.monotonic()
    while (await bot.post(helps(1))).status_code != 200:
        assert time.monotonic() - back < RECOVERY_SECONDS, "the webhook never took it again"
        await asyncio.sleep(0.2)
    await bot.settle(timeout=RECOVERY_SECONDS)
    assert time.monotonic() - back < RECOVERY_SECONDS
    await asyncio.sleep(0.5)  # a late duplicate would show by now
    await faults.assert_each_answered_once(bot.db, bot.graph, rounds=2)


async def app_on(dsn, probe, make_bot, **settings):
    bot = await make_bot(database_url=dsn, worker_retry_base_seconds=0.05, **settings)
    bot.db = probe
    return bot


class WebAndWork:
    """`serve --no-workers` and `work` as real processes, driven like the in-process bot."""

    def __init__(self, url: str, graph, probe: Probe) -> None:
        self.url, self.graph, self.db = url, graph, probe

    async def post(self, payload) -> httpx.Response:
        body = payloads.encode(payload)
        async with httpx.AsyncClient(base_url=self.url, timeout=30) as client:
            return await client.post(
                "/webhooks/whatsapp",
                content=body,
                headers=payloads.signed_headers(body, APP_SECRET),
            )

    async def settle(self, timeout: float) -> None:
        await wait_until(nothing_pending(self.db), timeout=timeout)


@contextlib.asynccontextmanager
async def web_and_work(own_pg, probe, graph, log):
    async with serve(graph) as graph_url:
        env = faults.server_env(own_pg.dsn("tt"), graph_url)
        port = free_port()
        processes = []
        try:
            processes.append(await faults.start_server(port, env, log, "--no-workers"))
            processes.append(await faults.start_work(env, log, probe))
            yield WebAndWork(f"http://127.0.0.1:{port}", graph, probe)
        finally:
            await stopped(processes)


async def stopped(processes) -> None:
    for process in processes:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            await asyncio.wait_for(process.wait(), 20)


@pytest.fixture(params=["serve", "web+work"])
async def running(request, own_pg, probe, make_bot, graph, tmp_path):
    """The app in either layout; answers are slow: when the database goes, replies Meta has
    accepted are still arriving."""
    graph.script = [(TRICKLE, 0.6)] * 100
    if request.param == "serve":
        yield await app_on(own_pg.dsn("tt"), probe, make_bot)
        return
    async with web_and_work(own_pg, probe, graph, tmp_path / "processes.log") as bot:
        yield bot


async def test_postgres_stopped_like_a_crash_and_started_again(own_pg, running):
    await in_flight(running)
    await own_pg.stop(signal.SIGQUIT)
    await refused_quickly(running, 1)
    await asyncio.sleep(1)  # every loop meets the outage
    await own_pg.start()
    await recovered(running)


async def test_postgres_hung_with_sigstop_then_resumed(own_pg, running):
    await in_flight(running)
    own_pg.freeze()
    try:
        await refused_quickly(running, 1)
    finally:
        own_pg.thaw()
    await recovered(running)


async def test_postgres_restarted_mid_traffic(own_pg, running):
    await in_flight(running)
    await own_pg.restart()
    await recovered(running)


SEND_LEASE = 6  # the killed server's replies wait this long; its messages 15 s


@pytest.mark.parametrize("layout", ["serve", "web+work"])
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
async def test_server_killed_mid_traffic_and_started_again(
    own_pg, probe, graph, tmp_path, how, layout
):
    """`serve` killed; or, beside a web process that stays up, the work process."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = tmp_path / "server.log"
    others = []
    async with serve(graph) as graph_url:
        env = faults.server_env(own_pg.dsn("tt"), graph_url, SEND_LEASE_SECONDS=str(SEND_LEASE))
        if layout == "serve":

            async def start():
                return await faults.start_server(port, env, log)

        else:
            others.append(await faults.start_server(port, env, log, "--no-workers"))

            async def start():
                return await faults.start_work(env, log, probe)

        server = await start()
        try:
            await killed_mid_traffic(server, url, probe, graph, how)
            server = await start()
            # a killed server's messages wait for their lease (15 s), then a sweep (5 s)
            await wait_until(nothing_pending(probe), timeout=20 + RECOVERY_SECONDS)
            await asyncio.sleep(0.5)  # a late duplicate would show by now
            await faults.assert_each_answered_once(probe, graph, rounds=3)
        finally:
            await stopped([server, *others])


async def killed_mid_traffic(server, url, probe, graph, how) -> None:
    # A few replies go out, then Meta hangs: the sends in flight when the server dies
    # were not accepted, so sending them again is right (see docs/architecture.md on a
    # send Meta accepted just before a crash).
    graph.script = [None] * 4 + [HANG] * 1000
    await faults.post(url, helps(0))
    await faults.post(url, helps(1))

    async def hanging():
        recorded = await probe.fetchval("SELECT count(*) FROM tt.outbox WHERE wamid IS NOT NULL")
        return recorded == 4 and graph.hanging > 0

    await wait_until(hanging, timeout=20)
    await faults.post(url, helps(2))  # the worker is busy with these when the server goes
    server.send_signal(how)
    await asyncio.wait_for(server.wait(), 20)
    held = await probe.fetchval(
        "SELECT (SELECT count(*) FROM tt.inbound_messages WHERE claim_token IS NOT NULL) + "
        "(SELECT count(*) FROM tt.outbox WHERE claim_token IS NOT NULL)"
    )
    if how == signal.SIGKILL:
        assert held, "the server was killed holding work"
    else:
        assert not held, "a stopping server gives back what it holds"
    graph.script.clear()


def nothing_pending(probe):
    async def check():
        return not await probe.fetchval(
            "SELECT (SELECT count(*) FROM tt.inbound_messages WHERE status = 'pending') + "
            "(SELECT count(*) FROM tt.outbox WHERE status = 'pending')"
        )

    return check


# A claim that commits slowly, once: long enough to hold back the answer to its COMMIT.
COMMIT_SLOWLY = """
CREATE SCHEMA faults;
CREATE TABLE faults.armed (id int);
INSERT INTO faults.armed VALUES (1);
CREATE FUNCTION faults.commit_slowly() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER AS $$
BEGIN
    DELETE FROM faults.armed;
    IF FOUND THEN PERFORM pg_sleep(1); END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER commit_slowly AFTER UPDATE OF claim_token ON tt.inbound_messages
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.claim_token IS NOT NULL)
    EXECUTE FUNCTION faults.commit_slowly();
"""
COMMITTING_SQL = """
SELECT count(*) FROM pg_stat_activity
WHERE datname = current_database() AND wait_event = 'PgSleep'
"""
CLAIMED_SQL = "SELECT count(*) FROM tt.inbound_messages WHERE claim_token IS NOT NULL"
HOUR = 3600.0


async def test_a_claim_committed_but_unanswered_is_given_back(own_pg, probe, make_bot, graph):
    """The database takes the worker's claim, then the connection dies before the worker
    hears so (a crash just after the commit): the worker gives the claim back by its token
    once the database answers, and handles the message at once, instead of leaving it to
    wait out its lease (15 s) and a sweep (here an hour, so only wakes count)."""
    await probe.execute(COMMIT_SLOWLY)
    try:
        async with hanging_proxy(own_pg.dsn("tt")) as proxy:
            bot = await app_on(proxy.dsn, probe, make_bot, sweep_interval_seconds=HOUR)
            assert (await bot.post(helps(0))).status_code == 200
            await wait_until(lambda: probe.fetchval(COMMITTING_SQL))
            proxy.hang()  # the answer to the COMMIT is held back ...
            await wait_until(lambda: probe.fetchval(CLAIMED_SQL), timeout=5)
            proxy.cut()  # ... and never arrives
            cut = time.monotonic()
            await bot.settle(timeout=INBOUND.lease.total_seconds() / 3)
            assert time.monotonic() - cut < INBOUND.lease.total_seconds() / 3
            await asyncio.sleep(0.5)  # a late duplicate would show by now
            await faults.assert_each_answered_once(probe, graph, rounds=1)
    finally:
        await probe.execute("DROP SCHEMA faults CASCADE")
