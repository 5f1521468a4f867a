import asyncio

from dialog.replies import Reply
from tests.conftest import wait_until
from tests.support import payloads

PHONE = "919000000001"


def add_test_choice(bot, action, handler):
    router = bot.app.extensions["therapy_tracker"].router
    router.choice("test", action)(handler)


async def test_same_message_delivered_20_times_concurrently_gets_one_reply(bot):
    await bot.say(PHONE, "hi")
    before = len(bot.graph.sent)
    payload = payloads.webhook([payloads.text(PHONE, "help", wamid="wamid.DUPLICATE1")])
    responses = await asyncio.gather(*(bot.post(payload) for _ in range(20)))
    assert {r.status_code for r in responses} == {200}
    await bot.settle()
    assert (
        await bot.db.fetchval(
            "SELECT count(*) FROM tt.inbound_messages WHERE wamid = 'wamid.DUPLICATE1'"
        )
        == 1
    )
    assert len(bot.graph.sent) - before == 1


async def test_handler_failing_once_is_retried_and_answers_once(bot):
    await bot.say(PHONE, "hi")
    calls = []

    async def flaky(ctx, _):
        calls.append(1)
        await ctx.conn.execute(
            "INSERT INTO tt.audit_events (user_id, kind) VALUES ($1, 'flaky')", ctx.user.id
        )
        if len(calls) == 1:
            raise RuntimeError("transient")
        ctx.reply("recovered")

    add_test_choice(bot, "flaky", flaky)
    replies = await bot.tap(PHONE, "test:flaky")
    assert replies == ["recovered"]
    assert len(calls) == 2
    assert await bot.db.fetchval("SELECT count(*) FROM tt.audit_events WHERE kind = 'flaky'") == 1
    row = await bot.db.fetchrow("SELECT status, attempts FROM tt.inbound_messages ORDER BY id DESC")
    assert (row["status"], row["attempts"]) == ("done", 2)


async def test_handler_always_failing_ends_dead_with_one_apology(bot):
    await bot.say(PHONE, "hi")

    async def broken(ctx, _):
        ctx.reply("never sent")
        raise RuntimeError("always")

    add_test_choice(bot, "broken", broken)
    replies = await bot.tap(PHONE, "test:broken")
    row = await bot.db.fetchrow(
        "SELECT status, attempts, last_error FROM tt.inbound_messages ORDER BY id DESC LIMIT 1"
    )
    assert row["status"] == "dead"
    assert row["attempts"] == 5
    assert row["last_error"] == "RuntimeError"
    assert len(replies) == 1
    assert replies[0].startswith("Sorry, something went wrong")


async def test_later_messages_wait_for_the_earlier_one_of_the_same_user(bot):
    await bot.say(PHONE, "hi")
    order = []

    async def slow(ctx, _):
        order.append("slow-start")
        await asyncio.sleep(0.3)
        order.append("slow-end")
        ctx.reply("slow done")

    add_test_choice(bot, "slow", slow)
    first = payloads.button_reply(PHONE, "test:slow")
    second = payloads.text(PHONE, "help")
    await bot.post(payloads.webhook([first, second]))
    await bot.settle()
    texts = bot.graph.texts_to(PHONE)[-2:]
    assert texts[0] == "slow done"
    assert texts[1].startswith("Here is what you can type")
    assert order == ["slow-start", "slow-end"]


async def test_status_webhooks_send_nothing_and_only_move_forward(bot):
    await bot.say(PHONE, "help")
    wamid = await bot.db.fetchval("SELECT wamid FROM tt.outbox ORDER BY id LIMIT 1")
    sent_before = len(bot.graph.sent)
    for state, expected in [
        ("delivered", ("sent", "delivered")),
        ("read", ("sent", "read")),
        ("delivered", ("sent", "read")),
        ("sent", ("sent", "read")),
        ("failed", ("failed", "read")),
        ("read", ("failed", "read")),
    ]:
        response = await bot.post(payloads.webhook(statuses=[payloads.status(wamid, state)]))
        assert response.status_code == 200
        stored = "SELECT status, delivery FROM tt.outbox WHERE wamid = $1"
        assert tuple(await bot.db.fetchrow(stored, wamid)) == expected
    await asyncio.sleep(0.3)
    assert len(bot.graph.sent) == sent_before
    assert await bot.db.fetchval("SELECT count(*) FROM tt.inbound_messages") == 1


async def test_unknown_status_ids_are_ignored(bot):
    response = await bot.post(payloads.webhook(statuses=[payloads.status("wamid.nope", "read")]))
    assert response.status_code == 200
    assert await bot.db.fetchval("SELECT count(*) FROM tt.outbox") == 0


async def test_database_down_answers_503(bot):
    rt = bot.app.extensions["therapy_tracker"]
    for service in rt.running.background:
        await service.stop()
    rt.running.background = []
    await rt.running.ingest_db.pool.close()
    response = await bot.post(payloads.webhook([payloads.text(PHONE, "hi")]))
    assert response.status_code == 503


async def test_message_left_by_a_crash_is_picked_up_by_the_sweep(bot):
    await bot.say(PHONE, "hi")
    cipher = bot.app.extensions["therapy_tracker"].cipher
    envelope = {
        "message": payloads.text(PHONE, "help"),
        "contact": payloads.contact(PHONE),
        "metadata": {"phone_number_id": payloads.BUSINESS_NUMBER_ID},
    }
    # a claim whose lease ran out, as a crashed process would leave it
    await bot.db.execute(
        "INSERT INTO tt.inbound_messages (wamid, user_id, phone_number_id, kind, payload, "
        "attempts, claim_token, claimed_until) SELECT $1, id, $2, 'text', $3, 1, "
        "gen_random_uuid(), now() - interval '1 second' FROM tt.users",
        envelope["message"]["id"],
        payloads.BUSINESS_NUMBER_ID,
        cipher.encrypt_json(envelope),
    )
    await wait_until(lambda: _done(bot, envelope["message"]["id"]))
    await bot.settle()
    assert bot.graph.texts_to(PHONE)[-1].startswith("Here is what you can type")


async def _done(bot, wamid):
    return await bot.db.fetchval(
        "SELECT status = 'done' FROM tt.inbound_messages WHERE wamid = $1", wamid
    )


def test_reply_type_is_plain_value():
    assert Reply(text="x") == Reply(text="x")


async def test_a_reply_over_metas_limits_is_not_retried(bot):
    await bot.say(PHONE, "hi")
    calls = []

    async def too_long(ctx, _):
        calls.append(1)
        ctx.reply("x" * 5000)

    add_test_choice(bot, "too_long", too_long)
    replies = await bot.tap(PHONE, "test:too_long")
    row = await bot.db.fetchrow(
        "SELECT status, attempts, last_error FROM tt.inbound_messages ORDER BY id DESC LIMIT 1"
    )
    assert tuple(row) == ("dead", 1, "OutboundLimitError")
    assert len(calls) == 1
    assert len(replies) == 1
    assert replies[0].startswith("Sorry, something went wrong")


# ---- shutdown: stop claiming, let work in flight finish, give back what did not start ----


async def test_stopping_gives_back_a_claim_whose_work_could_not_finish(bot):
    await bot.say(PHONE, "hi")
    started = asyncio.Event()

    async def stuck(ctx, _):
        started.set()
        await asyncio.sleep(60)

    add_test_choice(bot, "stuck", stuck)
    await bot.post(payloads.webhook([payloads.button_reply(PHONE, "test:stuck")]))
    await asyncio.wait_for(started.wait(), 5)
    rt = bot.app.extensions["therapy_tracker"]
    await rt.running.worker.stop(deadline=0.2)
    row = await bot.db.fetchrow(
        "SELECT status, attempts, claim_token, claimed_until FROM tt.inbound_messages "
        "ORDER BY id DESC LIMIT 1"
    )
    assert tuple(row) == ("pending", 0, None, None), "another process may take it at once"


async def test_stopping_lets_a_send_in_flight_finish(bot):
    await bot.say(PHONE, "hi")
    bot.graph.trickle_next(0.5)
    response = await bot.post(payloads.webhook([payloads.text(PHONE, "help")]))
    assert response.status_code == 200
    calls = bot.graph.calls

    async def sending():
        return bot.graph.calls > calls

    await wait_until(sending)
    rt = bot.app.extensions["therapy_tracker"]
    await rt.running.sender.stop(deadline=5)
    assert bot.graph.texts_to(PHONE)[-1].startswith("Here is what you can type")
    row = await bot.db.fetchrow("SELECT status, claim_token FROM tt.outbox ORDER BY id DESC")
    assert tuple(row) == ("sent", None)
