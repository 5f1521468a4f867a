from datetime import date

import pytest

from tests.support.families import at, make_family

PHONE = "919000000001"
CLOCK = lambda: at("2026-02-11T06:00:00")  # noqa: E731 - Wed 11 Feb 2026, 11:30 in Kolkata


@pytest.mark.parametrize(
    "typed",
    [
        "attended_date:2099-01-01",
        "missed_date:2026-02-29",
        "log:attended:2026-13-01",
        "attended_count:500",
        "setup:preset:99x1",
        "child:switch:abc",
    ],
)
async def test_typed_ids_that_do_not_validate_are_refused_and_store_nothing(make_bot, typed):
    bot = await make_bot(clock=CLOCK)
    await make_family(bot.db, PHONE, month=date(2026, 2, 1))
    replies = await bot.say(PHONE, typed)
    assert replies[0].startswith("That choice is not valid") or "has not come yet" in replies[0]
    assert await bot.db.fetchval("SELECT count(*) FROM tt.sessions") == 0


async def test_a_future_date_in_an_old_style_id_is_refused(make_bot):
    bot = await make_bot(clock=CLOCK)
    await make_family(bot.db, PHONE, month=date(2026, 2, 1))
    replies = await bot.say(PHONE, "attended_date:2099-01-01")
    assert "has not come yet" in replies[0]
    assert await bot.db.fetchval("SELECT count(*) FROM tt.sessions") == 0


async def test_an_old_style_id_for_a_valid_day_still_works(make_bot):
    bot = await make_bot(clock=CLOCK)
    await make_family(bot.db, PHONE, month=date(2026, 2, 1))
    await bot.say(PHONE, "attended_date:2026-02-10")
    await bot.tap(PHONE, "log:count:2026-02-10:1")
    assert await bot.db.fetchval("SELECT day FROM tt.sessions") == date(2026, 2, 10)


@pytest.mark.parametrize(
    ("typed", "day"),
    [("कल हुआ", date(2026, 2, 10)), ("నిన్న జరిగింది", date(2026, 2, 10)), ("आज हुआ", date(2026, 2, 11))],
)
async def test_verb_last_in_hindi_and_telugu(make_bot, typed, day):
    bot = await make_bot(clock=CLOCK)
    await make_family(bot.db, PHONE, month=date(2026, 2, 1))
    await bot.say(PHONE, typed)
    assert await bot.db.fetchval("SELECT day FROM tt.sessions") == day
