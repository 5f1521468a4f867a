from datetime import date

from tests.support.families import at, make_family

PHONE = "919000000001"
CLOCK = lambda: at("2026-11-20T06:00:00")  # noqa: E731 - Friday 20 Nov, 11:30 in Kolkata


async def holidays(bot):
    return [r["day"] for r in await bot.db.fetch("SELECT day FROM tt.holidays ORDER BY day")]


async def test_holiday_list_offers_four_options(make_bot):
    bot = await make_bot(clock=CLOCK)
    await make_family(bot.db, PHONE)
    await bot.say(PHONE, "holiday")
    rows = bot.graph.to(PHONE)[-1]["interactive"]["action"]["sections"][0]["rows"]
    assert [r["id"] for r in rows] == [
        "holiday:today",
        "holiday:next3",
        "holiday:next7",
        "holiday:range",
    ]


async def test_today(make_bot):
    bot = await make_bot(clock=CLOCK)
    await make_family(bot.db, PHONE)
    replies = await bot.tap(PHONE, "holiday:today")
    assert replies[0].startswith(
        "🏖️ 1 day off marked for Asha: Fri 20 Nov. It counts as neither used nor missed."
    )
    assert await holidays(bot) == [date(2026, 11, 20)]


async def test_next_seven_days_cross_into_next_month_each_in_its_own_month(make_bot):
    bot = await make_bot(clock=lambda: at("2026-11-27T06:00:00"))
    await make_family(bot.db, PHONE)
    replies = await bot.tap(PHONE, "holiday:next7")
    assert "Fri 27 Nov to Thu 3 Dec" in replies[0]
    days = await holidays(bot)
    assert len(days) == 7
    assert days[-1] == date(2026, 12, 3)


async def test_next_three_days(make_bot):
    bot = await make_bot(clock=CLOCK)
    await make_family(bot.db, PHONE)
    await bot.tap(PHONE, "holiday:next3")
    assert await holidays(bot) == [date(2026, 11, d) for d in (20, 21, 22)]


async def test_custom_range_works(make_bot):
    bot = await make_bot(clock=CLOCK)
    await make_family(bot.db, PHONE)
    assert (await bot.tap(PHONE, "holiday:range"))[0].startswith("Type the first and last day")
    replies = await bot.say(PHONE, "24/12 - 28/12")
    assert "Thu 24 Dec to Mon 28 Dec" in replies[0]
    assert await holidays(bot) == [date(2026, 12, d) for d in range(24, 29)]
    assert await bot.db.fetchval("SELECT count(*) FROM tt.conversations") == 0


async def test_custom_range_in_iso_and_a_bad_one(make_bot):
    bot = await make_bot(clock=CLOCK)
    await make_family(bot.db, PHONE)
    await bot.tap(PHONE, "holiday:range")
    assert (await bot.say(PHONE, "2026-12-28..2026-12-24"))[0].startswith(
        "I could not read those dates"
    )
    await bot.say(PHONE, "2026-12-24..2026-12-25")
    assert await holidays(bot) == [date(2026, 12, 24), date(2026, 12, 25)]


async def test_holiday_over_a_logged_session_asks_first_then_replaces(make_bot):
    bot = await make_bot(clock=CLOCK)
    _, child = await make_family(bot.db, PHONE)
    await bot.db.execute(
        "INSERT INTO tt.sessions (child_id, day, status) VALUES ($1, '2026-11-21', 'attended')",
        child,
    )
    replies = await bot.tap(PHONE, "holiday:next3")
    assert replies == [
        "Sessions are already logged on Sat 21 Nov. Replace them with holidays, "
        "or keep them and mark only the other days?"
    ]
    assert await holidays(bot) == []
    await bot.tap(PHONE, "holiday:replace")
    assert await holidays(bot) == [date(2026, 11, d) for d in (20, 21, 22)]
    # Set aside, not deleted: nothing a member logged is lost to a replace.
    assert (
        await bot.db.fetchval("SELECT count(*) FROM tt.sessions WHERE superseded_at IS NULL") == 0
    )
    assert await bot.db.fetchval("SELECT count(*) FROM tt.sessions") == 1


async def test_keeping_logged_sessions_marks_only_the_free_days(make_bot):
    bot = await make_bot(clock=CLOCK)
    _, child = await make_family(bot.db, PHONE)
    await bot.db.execute(
        "INSERT INTO tt.sessions (child_id, day, status) VALUES ($1, '2026-11-21', 'missed')", child
    )
    await bot.tap(PHONE, "holiday:next3")
    await bot.tap(PHONE, "holiday:skip")
    assert await holidays(bot) == [date(2026, 11, 20), date(2026, 11, 22)]
    assert await bot.db.fetchval("SELECT count(*) FROM tt.sessions") == 1


async def test_marking_again_says_how_many_were_already_marked(make_bot):
    bot = await make_bot(clock=CLOCK)
    await make_family(bot.db, PHONE)
    await bot.tap(PHONE, "holiday:today")
    replies = await bot.tap(PHONE, "holiday:next3")
    assert "(1 of them was already marked.)" in replies[0]


async def test_hindi_and_telugu_ranges_read_their_own_word_for_from(make_bot):
    bot = await make_bot(clock=CLOCK)
    await make_family(bot.db, PHONE, month=date(2026, 11, 1))
    await bot.say(PHONE, "छुट्टी 25 nov से 26 nov तक")
    assert await holidays(bot) == [date(2026, 11, 25), date(2026, 11, 26)]
    await bot.say(PHONE, "సెలవు 27 nov నుండి 28 nov వరకు")
    assert (await holidays(bot))[2:] == [date(2026, 11, 27), date(2026, 11, 28)]


async def test_after_unread_days_the_range_typed_as_shown_is_read(make_bot):
    bot = await make_bot(clock=CLOCK)
    await make_family(bot.db, PHONE, month=date(2026, 11, 1))
    replies = await bot.say(PHONE, "holiday 25 nov and 26 nov")
    assert replies[0].startswith("I could not read those dates. Type like *24/12 - 28/12*")
    replies = await bot.say(PHONE, "25/11 - 26/11")
    assert "Wed 25 Nov to Thu 26 Nov" in replies[0]
    assert await holidays(bot) == [date(2026, 11, 25), date(2026, 11, 26)]
