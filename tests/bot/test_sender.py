import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from bot.graph_client import classify
from bot.outbox import enqueue
from dialog.replies import Document, Outgoing, Reply, Template
from sql.db import SYSTEM
from tests.conftest import wait_until
from tests.support import payloads

PHONE = "919000000007"
PDF = b"%PDF-1.4 not a real pdf but real bytes"
INVITE = Template(name="invite_v1", language="en", parameters=("Asha",))


async def queue(bot, *replies, fallback=None, last_inbound=timedelta(minutes=5)):
    rt = bot.app.extensions["therapy_tracker"]
    async with rt.running.db.transaction(SYSTEM) as conn:
        user_id = await conn.fetchval(
            "INSERT INTO tt.users (phone, last_inbound_at) VALUES ($1, now() - $2::interval) "
            "ON CONFLICT (phone) DO UPDATE SET phone = excluded.phone RETURNING id",
            PHONE,
            last_inbound,
        )
        items = [Outgoing(user_id=user_id, reply=r, fallback=fallback) for r in replies]
        await enqueue(conn, rt.cipher, items, phone_number_id=payloads.BUSINESS_NUMBER_ID)
    rt.running.sender.wake()


async def statuses(bot):
    rows = await bot.db.fetch("SELECT status, error_code FROM tt.outbox ORDER BY id")
    return [(r["status"], r["error_code"]) for r in rows]


async def test_throttled_send_is_retried_and_delivered_once(bot):
    bot.graph.fail_next(429, 130429)
    await queue(bot, Reply(text="hello"))
    await bot.settle()
    assert bot.graph.texts_to(PHONE) == ["hello"]
    assert (await statuses(bot))[0][0] == "sent"


async def test_permanent_error_fails_without_retrying(bot):
    bot.graph.fail_next(400, 131008)
    await queue(bot, Reply(text="hello"))
    await bot.settle()
    assert await statuses(bot) == [("failed", "131008")]
    assert bot.graph.sent == []


async def test_window_closed_error_falls_back_to_the_template(bot):
    bot.graph.fail_next(400, 131047)
    await queue(bot, Reply(text="hello"), fallback=INVITE)
    await bot.settle()
    assert [body["type"] for body in bot.graph.to(PHONE)] == ["template"]
    assert (await statuses(bot))[0][0] == "sent"


async def test_window_closed_error_without_template_fails_with_reason(bot):
    bot.graph.fail_next(400, 131047)
    await queue(bot, Reply(text="hello"))
    await bot.settle()
    assert await statuses(bot) == [("failed", "131047")]


async def test_free_form_is_not_attempted_outside_the_window(bot):
    await queue(bot, Reply(text="reminder"), last_inbound=timedelta(hours=25))
    await bot.settle()
    assert bot.graph.paths == []
    assert await statuses(bot) == [("failed", "window_closed")]


async def test_outside_the_window_the_template_goes_instead(bot):
    await queue(bot, Reply(text="invite"), fallback=INVITE, last_inbound=timedelta(hours=30))
    await bot.settle()
    assert [body["template"]["name"] for body in bot.graph.to(PHONE)] == ["invite_v1"]


async def test_sends_to_one_user_are_paced(bot):
    await queue(bot, *[Reply(text=f"m{i}") for i in range(12)])

    async def ten_sent():
        return len(bot.graph.sent) >= 10

    await wait_until(ten_sent)
    await asyncio.sleep(0.5)
    assert bot.graph.texts_to(PHONE) == [f"m{i}" for i in range(10)]
    # the 11th waits for a token; the 12th keeps its place behind it
    assert await bot.db.fetchval("SELECT count(*) FROM tt.outbox WHERE status = 'pending'") == 2
    assert await bot.db.fetchval(
        "SELECT next_attempt_at > now() + interval '4 seconds' FROM tt.outbox "
        "WHERE status = 'pending' ORDER BY id LIMIT 1"
    )


@pytest.mark.parametrize(
    ("status", "payload", "outcome"),
    [
        (200, {"messages": [{"id": "wamid.1"}]}, "sent"),
        (429, {"error": {"code": 130429}}, "retry"),
        (400, {"error": {"code": 131056}}, "retry"),
        (503, None, "retry"),
        (400, {"error": {"code": 131047}}, "window_closed"),
        (400, {"error": {"code": 131026}}, "failed"),
        (401, {"error": {"code": 190}}, "retry"),
    ],
)
def test_graph_responses_are_classified(status, payload, outcome):
    assert classify(status, payload).outcome == outcome


def test_retry_delay_grows_with_jitter_up_to_a_cap():
    from bot.graph_client import SendResult
    from bot.sender import retry_delay

    pair, server = SendResult("retry", code="131056"), SendResult("retry", code="500")
    assert 8 <= retry_delay(pair, 2) <= 16, "Meta's advice for the pair rate: 4^x s"
    assert 4 <= retry_delay(server, 3) <= 8
    delays = {retry_delay(server, 3) for _ in range(20)}
    assert len(delays) > 1, "jittered, so many rows retried together spread out"
    assert all(150 <= retry_delay(server, n) <= 300 for n in (20, 900))
    assert retry_delay(SendResult("retry", code="190", retry_after=300), 1) == 300


def test_window_check_has_a_margin():
    from dialog.window import window_open

    now = datetime.now(UTC)
    assert window_open(now - timedelta(hours=23), now)
    assert not window_open(now - timedelta(hours=23, minutes=59), now)
    assert not window_open(None, now)


async def queue_document(bot, then):
    rt = bot.app.extensions["therapy_tracker"]
    document = Document(filename="export.pdf", mime_type="application/pdf", content=PDF)
    async with rt.running.db.transaction(SYSTEM) as conn:
        user_id = await conn.fetchval(
            "INSERT INTO tt.users (phone, last_inbound_at) VALUES ($1, now()) "
            "ON CONFLICT (phone) DO UPDATE SET phone = excluded.phone RETURNING id",
            PHONE,
        )
        await enqueue(
            conn,
            rt.cipher,
            [Outgoing(user_id=user_id, reply=document, then=then)],
            phone_number_id=payloads.BUSINESS_NUMBER_ID,
        )
    rt.running.sender.wake()


async def test_document_is_uploaded_then_sent_then_the_follow_up_goes(bot):
    await queue_document(bot, then=Reply(text="Export sent."))
    await bot.settle()
    sent = bot.graph.to(PHONE)
    assert [b["type"] for b in sent] == ["document", "text"]
    assert sent[0]["document"] == {"filename": "export.pdf", "id": "media.1"}
    assert sent[1]["text"]["body"] == "Export sent."
    assert PDF in bot.graph.uploads[-1]


async def test_failed_upload_sends_nothing_and_no_follow_up(bot):
    bot.graph.fail_next(400, 131053)
    await queue_document(bot, then=Reply(text="Export sent."))
    await bot.settle()
    assert bot.graph.sent == []
    assert await statuses(bot) == [("failed", "131053")]


async def test_token_bucket_grants_a_burst_then_says_how_long_to_wait(db):
    waits = [
        await db.fetchval("SELECT tt.take_send_token('number:test', 0.01, 3)") for _ in range(4)
    ]
    assert waits[:3] == [0, 0, 0]
    assert 99 < waits[3] <= 100, "one token at 0.01/s is about 100 s away"
    other = await db.fetchval("SELECT tt.take_send_token('number:other', 0.01, 3)")
    assert other == 0, "each number has its own bucket"
