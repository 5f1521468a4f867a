"""Every screen that shows a month's numbers agrees, going past the package is said and priced,
and the money lines read as one story. Through the real webhook and worker; numbers by hand.

The clock is Wed 18 Feb 2026, 11:30 in Kolkata unless a test moves it."""

from datetime import date

import pytest

from tests.support.families import at, make_family

PHONE = "919000000301"
FEB = date(2026, 2, 1)
WEDNESDAY_18_FEB = at("2026-02-18T06:00:00")


@pytest.fixture(name="feb_bot")
async def _feb_bot(make_bot):
    return await make_bot(clock=lambda: WEDNESDAY_18_FEB)


async def family(db, plan, **kwargs):
    return await make_family(db, PHONE, month=FEB, plan=plan, **kwargs)


async def attended(db, child_id, day, count=1):
    await db.execute(
        "INSERT INTO tt.sessions (child_id, day, status, count) VALUES ($1, $2, 'attended', $3)",
        child_id,
        date(2026, 2, day),
        count,
    )


async def set_language(db, language):
    await db.execute("UPDATE tt.users SET language = $1 WHERE phone = $2", language, PHONE)


async def test_setup_again_mid_month_says_the_same_left_as_every_report(feb_bot):
    _, child_id = await family(feb_bot.db, (14, 80000, 0, 0))
    await attended(feb_bot.db, child_id, 2)
    await attended(feb_bot.db, child_id, 5, count=2)
    await feb_bot.tap(PHONE, "setup:mid")
    (saved,) = await feb_bot.say(PHONE, "14 800 0 1")
    # 14 paid, 1 used before tracking, 3 logged: 14 − 1 − 3 = 10 left.
    assert "Already used before tracking: 1. Already logged this month: 3. Left: 10." in saved
    (status,) = await feb_bot.say(PHONE, "status")
    assert "✅ Attended: 4 of 14\n❌ Missed: 0\n⏳ Left: 10\n" in status
    (summary,) = await feb_bot.say(PHONE, "summary")
    assert "⏳ Left: 10\n" in summary
    assert await feb_bot.say(PHONE, "menu") == [
        "📅 Asha: 4 of 14 sessions used, 10 left.\n\nWhat would you like to do?"
    ]


async def test_a_fresh_plan_says_nothing_about_used_sessions(feb_bot):
    await family(feb_bot.db, None)
    await feb_bot.tap(PHONE, "setup:fresh")
    assert await feb_bot.say(PHONE, "16 800 2") == [
        "✅ Plan saved for Asha, February 2026:\n16 paid + 2 carried = 18 sessions at ₹800 each."
    ]


async def test_going_past_the_package_is_said_when_logging_and_in_every_report(feb_bot):
    _, child_id = await family(feb_bot.db, (6, 80000, 0, 0))
    await attended(feb_bot.db, child_id, 2, count=3)
    await attended(feb_bot.db, child_id, 9, count=3)
    # The 7th session of a 6-session package: 1 beyond it, which may cost 1 × ₹800.
    replies = await feb_bot.say(PHONE, "attended 1")
    assert replies[0] == (  # the confirmation, above the mood question in the same message
        "✅ Attended logged for Asha: Wed 18 Feb, 1 session\n"
        "⚠️ Beyond the package: 1 (may cost ₹800 more)\n\n"
        "How did Asha's session go? (optional)"
    )
    (status,) = await feb_bot.say(PHONE, "status")
    assert status.endswith(
        "✅ Attended: 7 of 6\n❌ Missed: 0\n⏳ Left: 0\n💰 Cost per session: ₹800\n"
        "⚠️ Beyond the package: 1 (may cost ₹800 more)"
    )
    (summary,) = await feb_bot.say(PHONE, "summary")
    assert "✅ Attended: 7 (₹4,800 used)\n" in summary
    assert "⏳ Left: 0\n⚠️ Beyond the package: 1 (may cost ₹800 more)\n" in summary
    (menu,) = await feb_bot.say(PHONE, "menu")
    assert menu.startswith("📅 Asha: 7 of 6 sessions used, 1 beyond the package.")


async def test_within_the_package_logging_says_nothing_about_money(feb_bot):
    _, child_id = await family(feb_bot.db, (6, 80000, 0, 0))
    await attended(feb_bot.db, child_id, 2, count=5)
    replies = await feb_bot.say(PHONE, "attended 1")
    confirmation, _ = replies[0].split("\n\n")
    assert confirmation == "✅ Attended logged for Asha: Wed 18 Feb, 1 session"


async def test_two_sessions_beyond_cost_twice_as_much(feb_bot):
    _, child_id = await family(feb_bot.db, (6, 50000, 1, 0))
    await attended(feb_bot.db, child_id, 2, count=5)
    # 6 paid + 1 carried = 7; 5 + 4 = 9 attended: 2 beyond, 2 × ₹500 = ₹1,000.
    replies = await feb_bot.say(PHONE, "attended 4")
    confirmation, _ = replies[0].split("\n\n")
    assert confirmation.endswith("⚠️ Beyond the package: 2 (may cost ₹1,000 more)")


async def test_setting_a_smaller_plan_says_what_is_already_beyond_it(feb_bot):
    _, child_id = await family(feb_bot.db, (8, 80000, 0, 0))
    await attended(feb_bot.db, child_id, 2, count=5)
    await feb_bot.tap(PHONE, "setup:fresh")
    (saved,) = await feb_bot.say(PHONE, "4 1000 0")
    assert (
        "Already logged this month: 5. Left: 0.\n⚠️ Beyond the package: 1 (may cost ₹1,000 more)"
        in saved
    )


LAST_WEEK_MONEY = """📊 *Asha* · summary for February 2026
💳 Paid: 16 × ₹800 = ₹12,800
↪️ Carried from last month: 2 (total 18)
✅ Attended: 5 (₹4,000 used)
❌ Missed: 1 (not counted as used)
🏖 Days off: 0 (not counted)
⏳ Left: 13
➡️ Carries into next month if not used: 13"""


async def test_what_carries_into_next_month_shows_in_the_months_last_week(make_bot):
    bot = await make_bot(clock=lambda: at("2026-02-22T06:00:00"))  # Sun 22 Feb: 7 days left
    _, child_id = await family(bot.db, (16, 80000, 2, 0))
    await attended(bot.db, child_id, 2, count=5)
    await bot.db.execute(
        "INSERT INTO tt.sessions (child_id, day, status, count) VALUES ($1, $2, 'missed', 1)",
        child_id,
        date(2026, 2, 20),
    )
    (summary,) = await bot.say(PHONE, "summary")
    assert summary.startswith(LAST_WEEK_MONEY + "\n\n")


async def test_nothing_carries_forward_on_the_first_of_the_month(make_bot):
    bot = await make_bot(clock=lambda: at("2026-02-01T06:00:00"))
    await family(bot.db, (8, 80000, 12, 0))
    (summary,) = await bot.say(PHONE, "summary")
    assert "↪️ Carried from last month: 12 (total 20)\n" in summary
    assert "⏳ Left: 20\n\n" in summary
    assert "next month" not in summary
    assert "Buffer" not in summary


async def test_the_day_before_the_last_week_shows_no_carry_line(make_bot):
    bot = await make_bot(clock=lambda: at("2026-02-21T06:00:00"))
    await family(bot.db, (8, 80000, 0, 0))
    (summary,) = await bot.say(PHONE, "summary")
    assert "next month" not in summary


@pytest.mark.parametrize(
    ("language", "saved", "left", "summary"),
    [
        ("hi", "16 भुगतान + 2 पिछले महीने के = 18 सत्र", "बाकी", "↪️ पिछले महीने के: 2 (कुल 18)"),
        (
            "te",
            "చెల్లించినవి 16 + గత నెల నుండి 2 = 18 సెషన్లు",
            "మిగిలినవి",
            "↪️ గత నెల నుండి: 2 (మొత్తం 18)",
        ),
    ],
)
async def test_one_word_for_carried_from_last_month_and_another_for_left(
    feb_bot, language, saved, left, summary
):
    await family(feb_bot.db, None)
    await set_language(feb_bot.db, language)
    await feb_bot.tap(PHONE, "setup:mid")
    (reply,) = await feb_bot.say(PHONE, "16 800 2 1")
    assert saved in reply
    assert reply.count(left) == 1, "only the number left is called left"
    (report,) = await feb_bot.say(PHONE, "summary")
    assert summary in report


async def test_logging_many_days_at_once_says_when_it_goes_past_the_package(feb_bot):
    _, child_id = await family(feb_bot.db, (4, 80000, 0, 0))
    await attended(feb_bot.db, child_id, 2, count=3)
    # 3 + 3 new days = 6 of a 4-session package: 2 beyond, 2 × ₹800.
    replies = await feb_bot.say(PHONE, "attended_range 2026-02-09 .. 2026-02-11")
    (reply,) = replies
    assert reply.startswith("✅ Attended days logged for Asha:\n• Logged: 3\n")
    assert reply.endswith("\n⚠️ Beyond the package: 2 (may cost ₹1,600 more)")
