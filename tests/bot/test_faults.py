"""Fault injection: Meta's Graph API down, hanging, trickling its answers and rate-limiting,
with two servers on one database; and a server stopped with SIGTERM mid-traffic. Every case
ends with exactly one reply per message and nothing left pending or claimed."""

import asyncio
import signal
import time

import pytest

from bot.cli import SERVERS
from tests.conftest import wait_until
from tests.support.faults import (
    PEOPLE,
    assert_each_answered_once,
    helps,
    post,
    server_env,
    start_server,
    welcomed,
)
from tests.support.graph_stub import HANG, TRICKLE, error_body, free_port, serve


async def test_an_outage_then_recovery_answers_everyone_once(make_bot):
    bot = await make_bot(worker_retry_base_seconds=0.02)
    await welcomed(bot.db)
    bot.graph.down = True
    for round_ in range(2):
        assert (await bot.post(helps(round_))).status_code == 200

    async def refused_a_while():
        return bot.graph.calls >= 4 * len(PEOPLE)

    await wait_until(refused_a_while)
    bot.graph.down = False
    await bot.settle(timeout=20)
    await assert_each_answered_once(bot.db, bot.graph, rounds=2)


async def test_hangs_trickles_and_rate_limits_with_two_servers_answer_everyone_once(make_bot):
    settings = {"send_lease_seconds": 1.5, "worker_retry_base_seconds": 0.02}
    bot = await make_bot(**settings)
    await make_bot(**settings)  # a second server on the same database
    await welcomed(bot.db)
    bot.graph.script = [  # a call is cut off after 1 s (two thirds of the lease)
        HANG,
        (TRICKLE, 0.6),
        (429, error_body(130429)),
        (400, error_body(131056)),
        HANG,
        (TRICKLE, 0.4),
        (503, error_body(2)),
        (TRICKLE, 0.6),
    ]
    for round_ in range(2):
        assert (await bot.post(helps(round_))).status_code == 200
    await bot.settle(timeout=20)
    await asyncio.sleep(0.5)  # a late duplicate would show by now
    await assert_each_answered_once(bot.db, bot.graph, rounds=2)


@pytest.mark.parametrize("server", SERVERS)
async def test_sigterm_mid_traffic_strands_nothing_and_the_next_server_goes_on_at_once(
    db, database_url, graph, make_bot, tmp_path, server
):
    await welcomed(db)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    async with serve(graph) as graph_url:
        env = server_env(database_url, graph_url)
        process = await start_server(port, env, tmp_path / "server.log", "--server", server)
        graph.script = [(TRICKLE, 0.3)] * 200  # every answer is slow: sends are in flight
        for round_ in range(3):
            await post(url, helps(round_))

        async def replying():
            return len(graph.sent) >= 4

        await wait_until(replying)
        process.send_signal(signal.SIGTERM)
        stopping = time.monotonic()
        code = await asyncio.wait_for(process.wait(), 20)
    assert code == 0, (tmp_path / "server.log").read_text()
    assert time.monotonic() - stopping < 10
    claimed = await db.fetchval(
        "SELECT (SELECT count(*) FROM tt.inbound_messages WHERE claim_token IS NOT NULL) + "
        "(SELECT count(*) FROM tt.outbox WHERE claim_token IS NOT NULL)"
    )
    assert claimed == 0, "work not finished was given back"
    left = await db.fetchval("SELECT count(*) FROM tt.inbound_messages WHERE status = 'pending'")
    sent_before = len(graph.sent)
    graph.script.clear()
    taking_over = time.monotonic()
    bot = await make_bot()
    await bot.settle(timeout=15)
    assert time.monotonic() - taking_over < 10, "nobody waits for a lease to run out"
    await assert_each_answered_once(db, graph, rounds=3)
    assert left or sent_before < 3 * len(PEOPLE), "the server was stopped mid-traffic"
