"""Issue 9: one date reader for every feature. A day and month typed without a year is the
nearest such day the feature accepts; tomorrow is refused by name; `holiday 25 dec` marks it.
Through the real webhook and worker on Tue 1 Dec 2026 (later days where said), in Kolkata."""

from datetime import date

import pytest

from tests.support.families import at, make_family
from tests.support.logging_steps import sessions

PHONE = "919000000301"
DEC_1 = lambda: at("2026-12-01T06:30:00")  # noqa: E731 - Tue 1 Dec 2026, 12:00 in Kolkata
DEC_5 = lambda: at("2026-12-05T06:30:00")  # noqa: E731
DEC, NOV = date(2026, 12, 1), date(2026, 11, 1)


async def family_on_dec_5(bot):
    """The family seen on 5 Dec: its last message then, so the reply window is open."""
    await make_family(bot.db, PHONE, month=DEC, since=DEC)
    await bot.db.execute("UPDATE tt.users SET last_inbound_at = '2026-12-05T06:00:00Z'")


async def holidays(bot):
    return [r["day"] for r in await bot.db.fetch("SELECT day FROM tt.holidays ORDER BY day")]


async def test_missed_3_dec_is_this_years_3_dec(make_bot):
    bot = await make_bot(clock=DEC_5)
    await family_on_dec_5(bot)
    replies = await bot.say(PHONE, "missed 3 dec fever")
    assert "before" not in replies[0]
    [row] = await sessions(bot)
    assert (row["day"], row["status"]) == (date(2026, 12, 3), "missed")


async def test_attended_25_dec_on_1_dec_has_not_come_yet(make_bot):
    bot = await make_bot(clock=DEC_1)
    await make_family(bot.db, PHONE, month=DEC, since=DEC)
    assert await bot.say(PHONE, "attended 25 dec") == [
        "Fri 25 Dec has not come yet for Asha (today is Tue 1 Dec), so I cannot log it."
    ]
    assert await sessions(bot) == []


@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        (
            "attended tomorrow",
            "Tomorrow has not come yet, so I cannot log it for Asha. Log it tomorrow after "
            "the session, or type *attended today* for today.",
        ),
        (
            "missed tomorrow",
            "Tomorrow has not come yet, so I cannot log it for Asha. Log it tomorrow after "
            "the session, or type *attended today* for today.",
        ),
    ],
)
async def test_tomorrow_is_refused_by_name_not_a_picker(make_bot, typed, reply):
    bot = await make_bot(clock=DEC_1)
    await make_family(bot.db, PHONE, month=DEC, since=NOV)
    assert await bot.say(PHONE, typed) == [reply]
    assert await sessions(bot) == []
    assert bot.graph.to(PHONE)[-1]["type"] == "text", "no day picker"


async def test_tomorrow_in_telugu_and_hindi_is_refused_in_the_users_language(make_bot):
    bot = await make_bot(clock=DEC_1)
    await make_family(bot.db, PHONE, month=DEC, since=NOV)
    await bot.db.execute("UPDATE tt.users SET language = 'te'")
    [reply] = await bot.say(PHONE, "రేపు జరిగింది")
    assert reply.startswith("రేపు ఇంకా రాలేదు")
    await bot.db.execute("UPDATE tt.users SET language = 'hi'")
    [reply] = await bot.say(PHONE, "attended tomorrow")
    assert "अभी आया नहीं" in reply
    assert await sessions(bot) == []


async def test_typed_day_in_the_picker_step_uses_this_year(make_bot):
    bot = await make_bot(clock=DEC_5)
    await family_on_dec_5(bot)
    await bot.say(PHONE, "attended")
    await bot.say(PHONE, "3 dec")
    await bot.say(PHONE, "2")
    [row] = await sessions(bot)
    assert (row["day"], row["count"]) == (date(2026, 12, 3), 2)


async def test_holiday_with_a_day_marks_that_day(make_bot):
    bot = await make_bot(clock=DEC_1)
    await make_family(bot.db, PHONE, month=DEC, since=NOV)
    [reply] = await bot.say(PHONE, "holiday 25 dec")
    assert reply.startswith("🏖️ 1 day off marked for Asha: Fri 25 Dec.")
    assert await holidays(bot) == [date(2026, 12, 25)]


async def test_holiday_with_a_range_and_hindi_month_names(make_bot):
    bot = await make_bot(clock=DEC_1)
    await make_family(bot.db, PHONE, month=DEC, since=NOV)
    await bot.say(PHONE, "holiday 2 dec to 4 dec")
    await bot.say(PHONE, "छुट्टी 24 दिसंबर")
    assert await holidays(bot) == [date(2026, 12, d) for d in (2, 3, 4, 24)]


async def test_holiday_with_an_unreadable_day_says_so_and_marks_nothing(make_bot):
    bot = await make_bot(clock=DEC_1)
    await make_family(bot.db, PHONE, month=DEC, since=NOV)
    [reply] = await bot.say(PHONE, "holiday 45 dec")
    assert reply.startswith("I could not read those dates.")
    assert await holidays(bot) == []


async def test_holiday_before_tracking_started_is_refused(make_bot):
    bot = await make_bot(clock=DEC_1)
    await make_family(bot.db, PHONE, month=DEC, since=DEC)
    [reply] = await bot.say(PHONE, "holiday 20 nov")
    assert reply == "Tracking for this child starts on Tue 1 Dec; pick days from then on."
    assert await holidays(bot) == []


async def test_holiday_today_on_a_logged_day_offers_only_replace_or_cancel(make_bot):
    bot = await make_bot(clock=DEC_1)
    _, child = await make_family(bot.db, PHONE, month=DEC, since=NOV)
    await bot.db.execute(
        "INSERT INTO tt.sessions (child_id, day, status) VALUES ($1, '2026-12-01', 'attended')",
        child,
    )
    replies = await bot.tap(PHONE, "holiday:today")
    assert replies == ["Already logged on Tue 1 Dec. Replace with a holiday, or cancel?"]
    buttons = bot.graph.to(PHONE)[-1]["interactive"]["action"]["buttons"]
    assert [b["reply"]["id"] for b in buttons] == ["holiday:replace", "cmd:cancel"]
    await bot.tap(PHONE, "holiday:replace")
    assert await holidays(bot) == [date(2026, 12, 1)]
