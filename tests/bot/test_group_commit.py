"""Group commit of concurrent webhooks: one statement for many bodies' messages, a body the
database refuses stored apart from the others, and a database lost mid-batch answering 503 to
every body, each stored once when Meta sends it again."""

import asyncio
import dataclasses

import asyncpg
import pytest

from bot.group_commit import GroupCommit
from bot.ingest import prepare, store_together
from sql.cipher import Cipher
from sql.db import SYSTEM, Database
from tests.conftest import TEST_KEY, wait_until
from tests.support import payloads

CIPHER = Cipher([TEST_KEY])


@pytest.fixture
async def ingest(database_url, db):
    """A pool like the webhook's: acting as the system for whole sessions."""
    pool = await Database.connect(database_url, max_size=2, acting_as=SYSTEM)
    yield pool
    await pool.close()


def body(phone: str, *messages: str) -> bytes:
    texts = [payloads.text(phone, text) for text in messages]
    return payloads.encode(payloads.webhook(texts, contacts=[payloads.contact(phone)]))


async def test_concurrent_bodies_share_one_transaction_and_each_gets_its_own_count(ingest, db):
    group = GroupCommit(ingest, CIPHER)
    bodies = [body(f"9190000001{i:02d}", "hi", "menu") for i in range(20)]
    results = await asyncio.gather(*(group.store(prepare(b, CIPHER)) for b in bodies))
    assert [result.new for result in results] == [2] * 20
    assert await db.fetchval("SELECT count(*) FROM tt.inbound_messages") == 40
    assert await db.fetchval("SELECT count(DISTINCT xmin::text) FROM tt.inbound_messages") == 1
    # one person's messages keep their order (wamids here grow in the order they were made)
    rows = await db.fetch("SELECT wamid FROM tt.inbound_messages ORDER BY user_id, id")
    wamids = [row["wamid"] for row in rows]
    assert all(first < second for first, second in zip(wamids[::2], wamids[1::2], strict=True))


async def test_a_redelivery_in_the_same_batch_is_stored_once(ingest, db):
    group = GroupCommit(ingest, CIPHER)
    same = body("919000000201", "hi")
    results = await asyncio.gather(*(group.store(prepare(same, CIPHER)) for _ in range(3)))
    assert all(not result.quarantined for result in results)
    assert await db.fetchval("SELECT count(*) FROM tt.inbound_messages") == 1


async def test_a_message_the_database_refuses_fails_only_its_own_body(ingest, db):
    group = GroupCommit(ingest, CIPHER)
    good = [prepare(body(f"9190000003{i:02d}", "hi"), CIPHER) for i in range(5)]
    bad = prepare(body("919000000399", "hi", "menu"), CIPHER)
    # a kind longer than the column allows: the database refuses it, not our parser
    bad.rows[1] = dataclasses.replace(bad.rows[1], kind="k" * 40)
    results = await asyncio.gather(*(group.store(p) for p in [*good[:3], bad, *good[3:]]))
    assert [result.new for result in results] == [1, 1, 1, 1, 1, 1]
    assert [result.quarantined for result in results] == [False] * 3 + [True] + [False] * 2
    assert await db.fetchval("SELECT count(*) FROM tt.inbound_messages") == 6
    reasons = await db.fetchval("SELECT reasons FROM tt.quarantine")
    assert reasons == "refused_CheckViolationError"


async def test_concurrent_batches_lock_in_one_order_and_never_deadlock(ingest, db, caplog):
    """Statuses for the same replies, named in opposite orders, in batches committed side by
    side: each batch waits its turn; none is refused and stored again body by body."""
    user = await db.fetchval("INSERT INTO tt.users (phone) VALUES ('919000000501') RETURNING id")
    await db.execute(
        "INSERT INTO tt.outbox (user_id, phone_number_id, body, status, wamid) "
        "SELECT $1, 'pn', '\\x00', 'sent', 'wamid.out' || g FROM generate_series(1, 4) g",
        user,
    )
    group = GroupCommit(ingest, CIPHER, max_batch=3)  # batches start in either order
    wamids = [f"wamid.out{i}" for i in range(1, 5)]
    bodies = [
        payloads.encode(
            payloads.webhook(
                [payloads.text(f"9190000005{i:02d}", "hi")],
                statuses=[
                    payloads.status(w, "delivered") for w in (wamids if i % 2 else wamids[::-1])
                ],
            )
        )
        for i in range(48)
    ]
    results = await asyncio.gather(*(group.store(prepare(b, CIPHER)) for b in bodies))
    assert [result.new for result in results] == [1] * 48
    assert "batch refused" not in caplog.text
    assert await db.fetchval("SELECT count(*) FROM tt.outbox WHERE delivery = 'delivered'") == 4


async def test_database_lost_mid_batch_answers_503_and_the_retry_stores_once(bot, db, database_url):
    """Each batch has inserted its messages and waits on its status update when its
    connection is cut: every request gets 503, so Meta sends each body again, and each message
    is then kept once, whatever of it had been stored before the cut."""
    locker = await asyncpg.connect(database_url)
    await locker.execute("BEGIN; LOCK TABLE tt.outbox IN ACCESS EXCLUSIVE MODE")
    bodies = [
        payloads.webhook(
            [payloads.text(f"9190000004{i:02d}", "hi")],
            statuses=[payloads.status(f"wamid.unknown{i}", "delivered")],
        )
        for i in range(5)
    ]
    posts = [asyncio.ensure_future(bot.post(body)) for body in bodies]

    async def batch_blocked() -> bool:
        return bool(await db.fetchval(f"SELECT count(*) FROM ({BLOCKED_STATUS_UPDATES}) b"))

    await wait_until(batch_blocked)
    while not all(post.done() for post in posts):  # every batch, however the bodies fell
        await db.execute(f"SELECT pg_terminate_backend(pid) FROM ({BLOCKED_STATUS_UPDATES}) b")
        await asyncio.sleep(0.02)
    await locker.execute("ROLLBACK")
    await locker.close()
    assert {post.result().status_code for post in posts} == {503}
    for retried in bodies:
        assert (await bot.post(retried)).status_code == 200
    assert await db.fetchval("SELECT count(*) FROM tt.inbound_messages") == 5
    assert await db.fetchval("SELECT count(DISTINCT wamid) FROM tt.inbound_messages") == 5


BLOCKED_STATUS_UPDATES = (
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
    "AND wait_event_type = 'Lock' AND query LIKE '%tt.delivery_rank($2)%'"
)


async def test_delivery_statuses_rewrite_no_index_entries(ingest, db):
    """Meta reports delivered and read for every reply; each is a change of the reply's row
    that leaves its indexes alone (heap-only), so the webhooks that bring them log little."""
    user = await db.fetchval("INSERT INTO tt.users (phone) VALUES ('919000000601') RETURNING id")
    await db.execute(
        "INSERT INTO tt.outbox (user_id, phone_number_id, body, status, wamid) "
        "VALUES ($1, 'pn', '\\x00', 'sent', 'wamid.out')",
        user,
    )
    statuses = [payloads.status("wamid.out", state) for state in ("delivered", "read")]
    prepared = prepare(payloads.encode(payloads.webhook(statuses=statuses)), CIPHER)
    async with ingest.pool.acquire() as conn, conn.transaction():
        await store_together(conn, [prepared], CIPHER)
        changed = await conn.fetchrow(
            "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_xact_user_tables "
            "WHERE relid = 'tt.outbox'::regclass"
        )
    assert tuple(changed) == (2, 2)
    assert tuple(
        await db.fetchrow("SELECT status, delivery FROM tt.outbox WHERE wamid = 'wamid.out'")
    ) == ("sent", "read")


async def test_a_reply_marked_delivered_by_the_code_before_0030_still_moves_forward(ingest, db):
    """That code wrote delivered and read as the status, and may run beside this one while a
    deploy rolls out, or again after a rollback."""
    user = await db.fetchval("INSERT INTO tt.users (phone) VALUES ('919000000602') RETURNING id")
    await db.execute(
        "INSERT INTO tt.outbox (user_id, phone_number_id, body, status, wamid) "
        "VALUES ($1, 'pn', '\\x00', 'delivered', 'wamid.old')",
        user,
    )
    for state, expected in [("delivered", None), ("read", "read")]:
        statuses = [payloads.status("wamid.old", state)]
        prepared = prepare(payloads.encode(payloads.webhook(statuses=statuses)), CIPHER)
        async with ingest.pool.acquire() as conn, conn.transaction():
            await store_together(conn, [prepared], CIPHER)
        stored = "SELECT status, delivery FROM tt.outbox WHERE wamid = 'wamid.old'"
        assert tuple(await db.fetchrow(stored)) == ("delivered", expected)
