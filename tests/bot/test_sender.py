import asyncio
import logging
from datetime import UTC, datetime, timedelta

import pytest

from bot.graph_client import classify
from bot.outbox import enqueue
from bot.sender import MAX_ERRORS
from bot.stats import collect_stats
from dialog.replies import Document, Outgoing, Reply, Template
from sql.db import SYSTEM
from tests.conftest import wait_until
from tests.support import payloads

PHONE = "919000000007"
PDF = b"%PDF-1.4 not a real pdf but real bytes"
INVITE = Template(name="invite_v1", language="en", parameters=("Asha",))


async def queue(
    bot,
    *replies,
    fallback=None,
    last_inbound=timedelta(minutes=5),
    attempts=0,
    age=timedelta(0),
):
    """Queue replies to PHONE; `attempts` and `age` say how long they have been retried."""
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
        await conn.execute(
            "UPDATE tt.outbox SET attempts = $1, created_at = now() - $2::interval",
            attempts,
            age,
        )
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


async def test_a_number_that_must_wait_takes_no_token_from_the_person(bot):
    await bot.db.execute(  # the number's bucket refills only in an hour
        "INSERT INTO tt.send_pacing (key, tokens, updated_at) "
        "VALUES ($1, 0, now() + interval '1 hour')",
        f"number:{payloads.BUSINESS_NUMBER_ID}",
    )
    await queue(bot, Reply(text="later"))

    async def handed_back():
        return await bot.db.fetchval(
            "SELECT next_attempt_at > now() + interval '1 minute' FROM tt.outbox "
            "WHERE status = 'pending'"
        )

    await wait_until(handed_back)
    assert bot.graph.sent == []
    assert await bot.db.fetchval("SELECT attempts FROM tt.outbox") == 0
    keys = await bot.db.fetch("SELECT key FROM tt.send_pacing ORDER BY key")
    assert [r["key"] for r in keys] == [f"number:{payloads.BUSINESS_NUMBER_ID}"]


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


# ---- retried while useful, given up loudly ----


async def test_a_reply_in_its_window_is_retried_past_eight_tries(make_bot):
    bot = await make_bot(worker_retry_base_seconds=0.002)  # backoff capped at 0.3 s
    bot.graph.fail_next(503, 2, count=2)
    await queue(bot, Reply(text="hello"), attempts=8)  # as after a four-minute outage
    await bot.settle()
    assert bot.graph.texts_to(PHONE) == ["hello"]
    assert await statuses(bot) == [("sent", "2")]  # sent, after Meta's error 2 last time


async def test_a_template_is_retried_for_hours(make_bot):
    bot = await make_bot(worker_retry_base_seconds=0.002)
    bot.graph.fail_next(503, 2, count=2)
    await queue(bot, INVITE, attempts=40, age=timedelta(hours=20))
    await bot.settle()
    assert [body["type"] for body in bot.graph.to(PHONE)] == ["template"]


async def test_a_template_a_day_old_is_given_up_as_expired(bot):
    await queue(bot, INVITE, age=timedelta(hours=25))
    await bot.settle()
    assert bot.graph.paths == []
    assert await statuses(bot) == [("failed", "expired")]


async def test_retries_end_when_the_window_closes(make_bot):
    now = [datetime.now(UTC)]
    bot = await make_bot(clock=lambda: now[0])
    bot.graph.down = True
    await queue(bot, Reply(text="hello"))

    async def tried_twice():
        return bot.graph.calls >= 2

    await wait_until(tried_twice)
    now[0] += timedelta(hours=24)
    await bot.settle()
    assert bot.graph.sent == []
    assert await statuses(bot) == [("failed", "window_closed")]


async def test_a_reply_given_up_is_a_warning_with_its_reason_and_counted(bot, caplog):
    caplog.set_level(logging.INFO, logger="bot.sender")
    await queue(bot, Reply(text="reminder"), last_inbound=timedelta(hours=25))
    await bot.settle()
    [given_up] = [r for r in caplog.records if r.getMessage() == "reply given up"]
    assert (given_up.levelno, given_up.reason) == (logging.WARNING, "window_closed")
    assert PHONE not in given_up.to
    stats = await collect_stats(bot.db)
    assert stats["outbox"]["failed"] == 1
    assert stats["given_up"]["outbox"] == {"window_closed": 1}


# ---- our own failures: capped, then failed with one apology, and the person's later replies go


async def answered_message(conn, user_id):
    """An inbound message the queued reply answers (an apology is only owed for those)."""
    return await conn.fetchval(
        "INSERT INTO tt.inbound_messages (wamid, user_id, phone_number_id, kind, payload, status) "
        "VALUES ('wamid.ASKED', $1, $2, 'text', '\\x00', 'done') RETURNING id",
        user_id,
        payloads.BUSINESS_NUMBER_ID,
    )


async def test_a_send_that_raises_every_time_fails_once_capped_and_later_replies_go(bot):
    bot.graph.raise_next(count=MAX_ERRORS)  # the export's upload breaks on every try
    rt = bot.app.extensions["therapy_tracker"]
    document = Document(filename="export.pdf", mime_type="application/pdf", content=PDF)
    async with rt.running.db.transaction(SYSTEM) as conn:
        user_id = await conn.fetchval(
            "INSERT INTO tt.users (phone, last_inbound_at) VALUES ($1, now()) RETURNING id", PHONE
        )
        items = [
            Outgoing(user_id=user_id, reply=document),
            Outgoing(user_id=user_id, reply=Reply(text="later")),
        ]
        await enqueue(
            conn,
            rt.cipher,
            items,
            phone_number_id=payloads.BUSINESS_NUMBER_ID,
            inbound_id=await answered_message(conn, user_id),
        )
    rt.running.sender.wake()
    await bot.settle()
    assert bot.graph.texts_to(PHONE)[0] == "later"
    assert bot.graph.texts_to(PHONE)[1].startswith("Sorry, something went wrong")
    assert len(bot.graph.sent) == 2
    failed = await bot.db.fetchrow("SELECT * FROM tt.outbox ORDER BY id LIMIT 1")
    assert (failed["status"], failed["error_code"], failed["errors"]) == (
        "failed",
        "RuntimeError",
        MAX_ERRORS - 1,
    )


async def test_a_reply_no_key_decrypts_is_given_up_at_once(bot):
    rt = bot.app.extensions["therapy_tracker"]
    async with rt.running.db.transaction(SYSTEM) as conn:
        user_id = await conn.fetchval(
            "INSERT INTO tt.users (phone, last_inbound_at) VALUES ($1, now()) RETURNING id", PHONE
        )
        await conn.execute(
            "INSERT INTO tt.outbox (user_id, inbound_id, phone_number_id, body) "
            "VALUES ($1, $2, $3, 'not a token')",
            user_id,
            await answered_message(conn, user_id),
            payloads.BUSINESS_NUMBER_ID,
        )
    rt.running.sender.wake()
    await bot.settle()
    row = await bot.db.fetchrow("SELECT status, error_code, attempts FROM tt.outbox ORDER BY id")
    assert tuple(row) == ("failed", "CipherError", 1)
    [apology] = bot.graph.texts_to(PHONE)
    assert apology.startswith("Sorry, something went wrong")


# ---- slow, hung and lost: every call ends inside the lease, and a lost claim sends nothing


async def test_a_hung_call_is_cut_off_and_retried(make_bot):
    bot = await make_bot(send_lease_seconds=1.5)
    bot.graph.hang_next()
    await queue(bot, Reply(text="hello"))
    await bot.settle()
    assert bot.graph.texts_to(PHONE) == ["hello"]
    assert (await statuses(bot))[0][0] == "sent"


async def test_a_slow_upload_and_send_go_once_with_two_senders(make_bot):
    bot = await make_bot(send_lease_seconds=2.1)  # a call is cut off after 1.4 s
    await make_bot(send_lease_seconds=2.1)  # another process on the same database
    bot.graph.trickle_next(1.1, count=2)  # upload and send together take longer than the lease
    await queue_document(bot, then=None)
    await bot.settle()
    await asyncio.sleep(0.5)
    assert len(bot.graph.uploads) == 1
    assert [body["type"] for body in bot.graph.sent] == ["document"]


async def test_a_sender_whose_claim_was_lost_during_an_upload_sends_nothing(bot):
    bot.graph.trickle_next(1.0)  # the first upload

    async def uploading():
        return bool(bot.graph.paths)

    await queue_document(bot, then=None)
    await wait_until(uploading)
    await bot.db.execute("UPDATE tt.outbox SET claimed_until = now() - interval '1 second'")
    await bot.settle()
    await asyncio.sleep(1.2)  # the first upload has ended by now
    assert [body["type"] for body in bot.graph.sent] == ["document"]


async def test_a_template_with_a_document_header_is_sent_with_the_uploaded_file(bot):
    rt = bot.app.extensions["therapy_tracker"]
    document = Document(filename="report.pdf", mime_type="application/pdf", content=PDF)
    template = Template(name="tt_report", language="en", parameters=("Asha",), document=document)
    async with rt.running.db.transaction(SYSTEM) as conn:
        user_id = await conn.fetchval(
            "INSERT INTO tt.users (phone) VALUES ($1) RETURNING id", PHONE
        )  # never wrote: only a template can reach them
        await enqueue(
            conn,
            rt.cipher,
            [Outgoing(user_id=user_id, reply=template)],
            phone_number_id=payloads.BUSINESS_NUMBER_ID,
        )
    rt.running.sender.wake()
    await bot.settle()
    [sent] = bot.graph.to(PHONE)
    header = sent["template"]["components"][0]
    assert header["parameters"][0]["document"] == {"filename": "report.pdf", "id": "media.1"}
    assert PDF in bot.graph.uploads[-1]
