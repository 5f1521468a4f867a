from datetime import date

from tests.support import payloads
from tests.support.families import add_member, add_user, at, make_family

OWNER, PARENT = "919000000001", "919000000002"
CLOCK = lambda: at("2026-11-20T06:00:00")  # noqa: E731 - Friday 20 Nov, 11:30 in Kolkata


async def family_of_two(bot):
    _, child = await make_family(bot.db, OWNER, month=date(2026, 11, 1))
    parent = await add_user(bot.db, PARENT)
    await add_member(bot.db, child, parent, "parent")
    await bot.db.execute("UPDATE tt.users SET current_child_id = $1 WHERE id = $2", child, parent)
    return child


async def test_a_co_parents_log_reaches_the_owner_as_one_batched_update(make_bot):
    bot = await make_bot(clock=CLOCK, notice_batch_seconds=0.2)
    await family_of_two(bot)
    await bot.say(PARENT, "attended 2 yesterday")
    await bot.say(PARENT, "note Worked on b and p sounds")
    await bot.flush_notices()
    joined = "\n".join(bot.graph.texts_to(OWNER))
    assert "logged 2 attended sessions for Asha on Thu 19 Nov" in joined
    assert "added a therapy note for Asha" in joined
    assert "for Asha on Thu 19 Nov" not in "\n".join(bot.graph.texts_to(PARENT)[:1])


async def test_updates_waiting_together_go_as_one_message(make_bot):
    bot = await make_bot(clock=CLOCK, notice_batch_seconds=1.5)
    await family_of_two(bot)
    await bot.post(
        payloads.webhook(
            [
                payloads.text(PARENT, "attended yesterday"),
                payloads.text(PARENT, "note Worked on b and p sounds"),
            ]
        )
    )
    await bot.flush_notices()
    assert len(bot.graph.texts_to(OWNER)) == 1
    assert bot.graph.texts_to(OWNER)[0].startswith("📣 Family updates:")


async def test_an_opted_out_member_hears_nothing(make_bot):
    bot = await make_bot(clock=CLOCK, notice_batch_seconds=0.2)
    await family_of_two(bot)
    await bot.db.execute("UPDATE tt.users SET consent = 'opted_out' WHERE phone = $1", OWNER)
    await bot.say(PARENT, "attended yesterday")
    await bot.flush_notices()
    assert bot.graph.to(OWNER) == []
    assert await bot.db.fetchval("SELECT count(*) FROM tt.pending_notices") == 0
