"""The claim helper against the real Postgres, on a queue table of its own: oldest first per
person, one row per person at a time, SKIP LOCKED, leases, claim tokens and retries."""

import asyncio
import dataclasses
import json
import time
from datetime import timedelta

import asyncpg
import pytest

from bot.sender import OUTBOX
from bot.voice_jobs import MAX_ATTEMPTS, VOICE_NOTES
from bot.worker import INBOUND
from sql.queue import Claim, Queue
from tracker.notice_store import NOTICES

JOBS = Queue(
    "queue_test.jobs",
    waiting="status = 'pending'",
    lease=timedelta(minutes=1),
    returning="q.user_id, q.name",
    given_up="status = 'dead'",
)
DONE = "status = 'done'"
ANN, BEN = "919000000001", "919000000002"


@pytest.fixture(autouse=True)
async def _jobs_table(db):
    await db.execute(
        """
        CREATE SCHEMA queue_test;
        CREATE TABLE queue_test.jobs (
            id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            user_id         bigint NOT NULL REFERENCES tt.users (id),
            name            text NOT NULL,
            status          text NOT NULL DEFAULT 'pending',
            attempts        integer NOT NULL DEFAULT 0,
            next_attempt_at timestamptz NOT NULL DEFAULT now(),
            claim_token     uuid,
            claimed_until   timestamptz,
            last_error      text
        )
        """
    )
    yield
    await db.execute("DROP SCHEMA queue_test CASCADE")


@pytest.fixture(name="connect")
async def _connect(database_url):
    """More connections to the test database, as other processes would hold."""
    opened = []

    async def connect():
        opened.append(await asyncpg.connect(database_url))
        return opened[-1]

    yield connect
    for conn in opened:
        await conn.close()


async def add(db, phone, *names):
    """Queue jobs for the person with `phone`, in this order; returns their ids."""
    user_id = await db.fetchval(
        "INSERT INTO tt.users (phone) VALUES ($1) "
        "ON CONFLICT (phone) DO UPDATE SET phone = excluded.phone RETURNING id",
        phone,
    )
    return [
        await db.fetchval(
            "INSERT INTO queue_test.jobs (user_id, name) VALUES ($1, $2) RETURNING id",
            user_id,
            name,
        )
        for name in names
    ]


async def job(db, job_id):
    return await db.fetchrow("SELECT * FROM queue_test.jobs WHERE id = $1", job_id)


async def claimed(db):
    claim = await JOBS.claim(db)
    return None if claim is None else claim.row["name"]


async def test_a_claim_counts_an_attempt_and_holds_a_lease(db):
    await add(db, ANN, "a1")
    claim = await JOBS.claim(db)
    assert isinstance(claim, Claim)
    assert (claim.attempts, claim.row["name"]) == (1, "a1")
    row = await job(db, claim.id)
    assert row["claim_token"] == claim.token
    lease = await db.fetchval(
        "SELECT claimed_until - now() FROM queue_test.jobs WHERE id = $1", claim.id
    )
    assert timedelta(seconds=55) < lease <= timedelta(minutes=1)


async def test_a_persons_rows_go_oldest_first(db):
    await add(db, ANN, "a1", "a2", "a3")
    names = []
    while (claim := await JOBS.claim(db)) is not None:
        names.append(claim.row["name"])
        assert await JOBS.finish(db, claim, DONE)
    assert names == ["a1", "a2", "a3"]


async def test_one_row_per_person_at_a_time_while_others_go_on(db):
    await add(db, ANN, "a1", "a2")
    await add(db, BEN, "b1")
    first = await JOBS.claim(db)
    assert first.row["name"] == "a1"
    assert await claimed(db) == "b1", "Ben need not wait for Ann"
    assert await claimed(db) is None, "a2 waits until a1 is finished"
    await JOBS.finish(db, first, DONE)
    assert await claimed(db) == "a2"


async def test_a_row_locked_by_one_claimer_is_skipped_not_waited_for(db, connect):
    await add(db, ANN, "a1", "a2")
    await add(db, BEN, "b1")
    one, other = await connect(), await connect()
    transaction = one.transaction()
    await transaction.start()
    held = await JOBS.claim(one)  # a1 stays locked until `one` ends its transaction
    assert held.row["name"] == "a1"
    assert (await asyncio.wait_for(JOBS.claim(other), 2)).row["name"] == "b1"
    assert await asyncio.wait_for(JOBS.claim(other), 2) is None, "a2 still waits behind a1"
    await transaction.rollback()
    assert await claimed(other) == "a1"


async def test_concurrent_claimers_take_each_row_once_and_each_person_in_order(db, connect):
    people = [f"9190000001{n:02d}" for n in range(20)]
    for phone in people:
        await add(db, phone, *(f"{phone}:{i}" for i in range(3)))
    busy: set[int] = set()
    taken: list[str] = []

    async def drain(conn):
        while (claim := await JOBS.claim(conn)) is not None:
            assert claim.row["user_id"] not in busy, "two rows of one person at once"
            busy.add(claim.row["user_id"])
            taken.append(claim.row["name"])
            await asyncio.sleep(0)
            busy.discard(claim.row["user_id"])
            assert await JOBS.finish(conn, claim, DONE)

    claimers = [await connect() for _ in range(5)]
    await asyncio.gather(*(drain(conn) for conn in claimers))
    assert sorted(taken) == sorted(f"{p}:{i}" for p in people for i in range(3))
    for phone in people:
        assert [n for n in taken if n.startswith(phone)] == [f"{phone}:{i}" for i in range(3)]


async def test_when_the_lease_runs_out_another_claimer_takes_over(db, connect):
    short = dataclasses.replace(JOBS, lease=timedelta(milliseconds=500))
    await add(db, ANN, "a1")
    crashed = await short.claim(db)
    other = await connect()
    assert await short.claim(other) is None, "still leased"
    await asyncio.sleep(0.6)
    taken = await short.claim(other)
    assert (taken.id, taken.attempts) == (crashed.id, 2)
    assert taken.token != crashed.token


async def test_a_stale_token_can_neither_finish_nor_hold_the_row(db):
    await add(db, ANN, "a1")
    stale = await JOBS.claim(db)
    await db.execute("UPDATE queue_test.jobs SET claimed_until = now() - interval '1 second'")
    current = await JOBS.claim(db)
    assert not await JOBS.finish(db, stale, DONE)
    assert not await JOBS.retry_later(db, stale, 0, "late")
    assert not await JOBS.give_up(db, stale, "late")
    async with db.transaction():
        assert not await JOBS.holds(db, stale)
        assert await JOBS.holds(db, current)
    row = await job(db, current.id)
    assert (row["status"], row["claim_token"], row["last_error"]) == (
        "pending",
        current.token,
        None,
    )
    assert await JOBS.finish(db, current, DONE)
    assert (await job(db, current.id))["claim_token"] is None


async def test_extending_the_lease_keeps_the_row_from_other_claimers(db, connect):
    short = dataclasses.replace(JOBS, lease=timedelta(milliseconds=500))
    await add(db, ANN, "a1")
    slow = await short.claim(db)
    other = await connect()
    await asyncio.sleep(0.3)
    assert await short.extend(db, slow)
    await asyncio.sleep(0.3)
    assert await short.claim(other) is None, "the extended lease still holds"
    assert await short.finish(db, slow, DONE)


async def test_a_lost_claim_cannot_extend_or_release(db):
    await add(db, ANN, "a1")
    stale = await JOBS.claim(db)
    await db.execute("UPDATE queue_test.jobs SET claimed_until = now() - interval '1 second'")
    current = await JOBS.claim(db)
    assert not await JOBS.extend(db, stale)
    assert not await JOBS.release(db, stale)
    assert (await job(db, current.id))["claim_token"] == current.token


async def test_a_released_claim_goes_at_once_with_its_attempt_given_back(db, connect):
    await add(db, ANN, "a1", "a2")
    stopping = await JOBS.claim(db)
    assert await JOBS.release(db, stopping)
    row = await job(db, stopping.id)
    assert (row["claim_token"], row["claimed_until"], row["attempts"]) == (None, None, 0)
    again = await JOBS.claim(await connect())
    assert (again.row["name"], again.attempts) == ("a1", 1)


async def test_a_claim_released_after_the_database_went_away_keeps_its_attempt(db, connect):
    await add(db, ANN, "a1")
    interrupted = await JOBS.claim(db)
    assert await JOBS.release(db, interrupted, uncount=False)
    again = await JOBS.claim(await connect())
    assert (again.row["name"], again.attempts) == ("a1", 2)


async def test_retry_later_delays_the_row_and_the_persons_later_rows(db):
    await add(db, ANN, "a1", "a2")
    claim = await JOBS.claim(db)
    started = time.monotonic()
    assert await JOBS.retry_later(db, claim, 0.5, "busy")
    row = await job(db, claim.id)
    assert (row["claim_token"], row["claimed_until"], row["last_error"]) == (None, None, "busy")
    assert await claimed(db) is None, "neither a1 nor a2 is due"
    while (again := await JOBS.claim(db)) is None:
        await asyncio.sleep(0.02)
    assert time.monotonic() - started >= 0.4
    assert (again.row["name"], again.attempts) == ("a1", 2)


async def test_retry_later_may_give_the_attempt_back(db):
    await add(db, ANN, "a1")
    claim = await JOBS.claim(db)
    assert await JOBS.retry_later(db, claim, 0, None, uncount=True)
    assert (await JOBS.claim(db)).attempts == 1


async def test_giving_up_closes_the_row_with_its_reason_and_the_next_goes(db):
    await add(db, ANN, "a1", "a2")
    claim = await JOBS.claim(db)
    assert await JOBS.give_up(db, claim, "too many attempts")
    row = await job(db, claim.id)
    assert (row["status"], row["last_error"], row["claim_token"]) == (
        "dead",
        "too many attempts",
        None,
    )
    assert await claimed(db) == "a2"


async def test_a_queue_without_a_given_up_state_refuses_to_give_up(db):
    await add(db, ANN, "a1")
    endless = dataclasses.replace(JOBS, given_up=None)
    claim = await endless.claim(db)
    with pytest.raises(TypeError):
        await endless.give_up(db, claim, "never")


# ---- the real queues still use their indexes ----

FILL = """
INSERT INTO tt.users (phone)
    SELECT '9180000' || lpad(g::text, 5, '0') FROM generate_series(1, 500) g;
INSERT INTO tt.inbound_messages (wamid, user_id, phone_number_id, kind, payload, status)
    SELECT 'w' || g, 1 + g % 500, 'n', 'text', '\\x00',
           CASE WHEN g > 5990 THEN 'pending' ELSE 'done' END
    FROM generate_series(1, 6000) g;
INSERT INTO tt.outbox (user_id, phone_number_id, body, status)
    SELECT 1 + g % 500, 'n', '\\x00', CASE WHEN g > 5990 THEN 'pending' ELSE 'sent' END
    FROM generate_series(1, 6000) g;
INSERT INTO tt.voice_notes (user_id, phone_number_id, media_id, status, audio_state)
    SELECT 1 + g % 500, 'n', 'm' || g,
           CASE WHEN g > 5990 THEN 'pending' ELSE 'transcribed' END,
           CASE WHEN g > 5990 THEN 'pending' ELSE 'deleted' END
    FROM generate_series(1, 6000) g;
INSERT INTO tt.pending_notices (user_id, line, status)
    SELECT 1 + g % 500, '\\x00', CASE WHEN g > 5990 THEN 'pending' ELSE 'dead' END
    FROM generate_series(1, 6000) g;
ANALYZE tt.users, tt.inbound_messages, tt.outbox, tt.voice_notes, tt.pending_notices;
"""


def scans(plan):
    """Every scan in a JSON plan, as 'Node Type:index or table'."""
    found = []
    if "Relation Name" in plan:
        found.append(f"{plan['Node Type']}:{plan.get('Index Name', plan['Relation Name'])}")
    for child in plan.get("Plans", []):
        found += scans(child)
    return found


@pytest.mark.parametrize(
    ("queue", "args", "index"),
    [
        (INBOUND, (), "inbound_pending_id_idx"),
        (OUTBOX, (), "outbox_pending_id_idx"),
        (VOICE_NOTES, (MAX_ATTEMPTS, True), "voice_notes_due_idx"),
        (NOTICES, (0,), "pending_notices_pending_id_idx"),
    ],
    ids=["inbound", "outbox", "voice", "notices"],
)
async def test_claims_walk_the_pending_index_not_the_history(db, queue, args, index):
    await db.execute(FILL)
    async with db.transaction():
        await db.execute("SET LOCAL plan_cache_mode = force_custom_plan")  # as sql/db.py does
        explained = await db.fetchval(
            f"EXPLAIN (FORMAT JSON) {queue.claim_sql()}", None, queue.lease, *args
        )
    found = scans(json.loads(explained)[0]["Plan"])
    assert f"Index Scan:{index}" in found
    assert not [scan for scan in found if scan.startswith("Seq Scan")], found


@pytest.mark.parametrize("queue", [INBOUND, OUTBOX, NOTICES], ids=["inbound", "outbox", "notices"])
def test_short_work_is_leased_for_seconds_so_a_crash_holds_nobody_up_for_long(queue):
    assert queue.lease <= timedelta(seconds=30)
