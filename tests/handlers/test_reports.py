"""Reports through the real webhook and worker, checked against numbers worked out by hand.

The clock is Wed 18 Feb 2026, 11:30 in Kolkata (06:00 UTC); every family plans February.
"""

from datetime import date

import pytest

from tests.support.families import add_member, add_user, at, make_family

PHONE = "919000000101"
COPARENT = "919000000102"
STRANGER = "919000000109"
THERAPIST = "919000000105"
FEB = date(2026, 2, 1)
WEDNESDAY_18_FEB = at("2026-02-18T06:00:00")
PLAN = (16, 80000, 2, 0)  # 16 paid, ₹800 each, 2 carried, none used before tracking


def feb(day: int) -> date:
    return date(2026, 2, day)


@pytest.fixture(name="reports_bot")
async def _reports_bot(make_bot):
    return await make_bot(clock=lambda: WEDNESDAY_18_FEB)


async def family(db, phone=PHONE, **kwargs):
    kwargs.setdefault("plan", PLAN)
    return await make_family(db, phone, month=FEB, **kwargs)


async def log(
    db,
    child_id,
    day,
    status,
    *,
    count=1,
    category=None,
    mood=None,
    by=None,
    reason=None,
    created_at=None,
):
    await db.execute(
        "INSERT INTO tt.sessions (child_id, day, status, count, reason, reason_category, mood, "
        "logged_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, now()))",
        child_id,
        day,
        status,
        count,
        reason,
        category,
        mood,
        by,
        created_at,
    )


async def day_off(db, child_id, day):
    await db.execute("INSERT INTO tt.holidays (child_id, day) VALUES ($1, $2)", child_id, day)


async def therapist(db, child_id):
    therapist_id = await add_user(db, THERAPIST)
    await add_member(db, child_id, therapist_id, "therapist")
    return therapist_id


async def note(bot, child_id, body, created_at, *, by, kind="free"):
    """A note as `by` wrote it; the database keeps the author's role at the time."""
    cipher = bot.app.extensions["therapy_tracker"].cipher
    await bot.db.execute(
        "INSERT INTO tt.notes (child_id, author_id, kind, body, created_at) "
        "VALUES ($1, $2, $3, $4, $5)",
        child_id,
        by,
        kind,
        cipher.encrypt_json(body) if kind == "structured" else cipher.encrypt_text(body),
        at(created_at),
    )


async def february_sessions(db, child_id, by=None):
    """5 attended (one row of 2), 2 missed, 1 day off, and a January row that must not count."""
    await log(db, child_id, feb(2), "attended", count=2, by=by)
    await log(db, child_id, feb(5), "attended", by=by)
    await log(db, child_id, feb(9), "missed", category="health", by=by)
    await log(db, child_id, feb(10), "attended", by=by)
    await log(db, child_id, feb(12), "attended", by=by)
    await log(db, child_id, feb(16), "missed", category="travel", by=by)
    await day_off(db, child_id, feb(13))
    await log(db, child_id, date(2026, 1, 30), "attended", by=by)


# paid 16 × ₹800 = ₹12,800, + 2 carried = 18; used min(5, 16) × ₹800 = ₹4,000; left 18 − 5
# = 13 (a miss does not use a session). 18 Feb is before the month's last 7 days, so nothing
# is said about next month yet.
# Risk looks at 5–18 Feb: 3 attended, 2 missed → not high (5 logged, 3/5 = 60%), medium.
FEBRUARY_SUMMARY = """📊 *Asha* · summary for February 2026
💳 Paid: 16 × ₹800 = ₹12,800
↪️ Carried from last month: 2 (total 18)
✅ Attended: 5 (₹4,000 used)
❌ Missed: 2 (not counted as used)
🏖 Days off: 1 (not counted)
⏳ Left: 13

Top miss reasons: Health (1), Travel (1)
Risk of dropping off (last 14 days): Medium 🟡"""


async def test_summary_follows_the_month_formulas(reports_bot):
    _, child_id = await family(reports_bot.db)
    await february_sessions(reports_bot.db, child_id)
    assert await reports_bot.say(PHONE, "summary") == [FEBRUARY_SUMMARY]


async def test_summary_counts_sessions_used_before_tracking_as_used(reports_bot):
    _, child_id = await family(reports_bot.db, plan=(16, 80000, 0, 4))
    await log(reports_bot.db, child_id, feb(16), "attended")
    (reply,) = await reports_bot.say(PHONE, "month")
    # attended 1 + 4 used before = 5 → ₹4,000 used; 16 − 5 = 11 left
    assert "✅ Attended: 5 (₹4,000 used)\n    including 4 before tracking started" in reply
    assert "⏳ Left: 11" in reply


async def test_holidays_are_neither_used_nor_missed(reports_bot):
    _, child_id = await family(reports_bot.db)
    for day in (3, 4, 5):
        await day_off(reports_bot.db, child_id, feb(day))
    (reply,) = await reports_bot.say(PHONE, "summary")
    assert "✅ Attended: 0 (₹0 used)\n❌ Missed: 0 (not counted as used)\n🏖 Days off: 3" in reply
    assert "⏳ Left: 18\n\n" in reply
    assert "No missed sessions this month 🎉\nRisk of dropping off (last 14 days): Low 🟢" in reply


async def test_a_co_parents_logs_count_for_the_whole_family(reports_bot):
    _, child_id = await family(reports_bot.db)
    coparent_id = await add_user(reports_bot.db, COPARENT)
    await add_member(reports_bot.db, child_id, coparent_id, "parent")
    await february_sessions(reports_bot.db, child_id, by=coparent_id)
    assert await reports_bot.say(PHONE, "summary") == [FEBRUARY_SUMMARY]
    assert await reports_bot.say(COPARENT, "summary") == [FEBRUARY_SUMMARY]


async def test_two_children_are_kept_apart(reports_bot):
    _, other_child = await family(reports_bot.db, child="Ravi")
    _, child_id = await family(reports_bot.db)  # made last, so Asha is the current child
    _, strangers_child = await family(reports_bot.db, STRANGER, child="Asha")
    await february_sessions(reports_bot.db, child_id)
    for other in (other_child, strangers_child):
        await log(reports_bot.db, other, feb(17), "attended", count=3)
        await log(reports_bot.db, other, feb(11), "missed", category="school")
        await day_off(reports_bot.db, other, feb(6))
    assert await reports_bot.say(PHONE, "summary") == [FEBRUARY_SUMMARY]


async def test_status_shows_today_and_the_month(reports_bot):
    _, child_id = await family(reports_bot.db)
    await february_sessions(reports_bot.db, child_id)
    await log(reports_bot.db, child_id, feb(18), "attended")
    assert await reports_bot.say(PHONE, "status") == [
        """📊 *Asha* · Wed 18 Feb
Today: ✅ attended (1 session)

*February 2026*
✅ Attended: 6 of 18
❌ Missed: 2
⏳ Left: 12
💰 Cost per session: ₹800"""
    ]


async def test_status_says_nothing_logged_or_a_day_off_today(reports_bot):
    _, child_id = await family(reports_bot.db)
    (reply,) = await reports_bot.say(PHONE, "today status")
    assert "Today: nothing logged yet. Type *attended* or *missed*." in reply
    await day_off(reports_bot.db, child_id, feb(18))
    (reply,) = await reports_bot.say(PHONE, "status")
    assert "Today: 🏖 day off\n" in reply


async def test_status_without_a_plan_points_to_setup(reports_bot):
    await family(reports_bot.db, plan=None)
    (reply,) = await reports_bot.say(PHONE, "status")
    assert reply.startswith("There is no plan for Asha for February 2026 yet")
    assert "Type *setup*" in reply
    buttons = reports_bot.graph.to(PHONE)[-1]["interactive"]["action"]["buttons"]
    assert [b["reply"]["id"] for b in buttons] == ["cmd:setup"]


async def test_the_month_is_the_childs_local_month(make_bot):
    # 19:00 UTC on 28 Feb is already 1 March in Kolkata, and March has no plan.
    bot = await make_bot(clock=lambda: at("2026-02-28T19:00:00"))
    await family(bot.db)
    (reply,) = await bot.say(PHONE, "summary")
    assert reply.startswith("There is no plan for Asha for March 2026 yet")


async def week_of_sessions(db, child_id):
    await log(db, child_id, feb(11), "missed", category="health")  # 8 days ago: not this week
    await log(db, child_id, feb(12), "attended", mood="good")
    await day_off(db, child_id, feb(13))
    await log(db, child_id, feb(16), "missed", category="travel")
    await log(db, child_id, feb(17), "attended", count=2, mood="great")


WEEK_START = """📅 *Asha* · the last 7 days (12\u2009–\u200918 Feb)
Thu 12  ✅
Fri 13  🏖
Sat 14  ▫️
Sun 15  ▫️
Mon 16  ❌
Tue 17  ✅
Wed 18  ▫️
✅ attended · ❌ missed · 🏖 day off · ▫️ nothing logged

Sessions attended: 3 · missed: 1
Consistency: 75%
Top miss reason: Travel
💡 """


async def test_weekly_timeline_and_a_tip_that_reads_the_weeks_notes(reports_bot):
    _, child_id = await family(reports_bot.db)
    therapist_id = await therapist(reports_bot.db, child_id)
    await week_of_sessions(reports_bot.db, child_id)
    # 23:30 on 11 Feb in Kolkata: before the week began, so the tip still asks for a note.
    await note(
        reports_bot, child_id, "worked on turn taking", "2026-02-11T18:00:00", by=therapist_id
    )
    assert await reports_bot.say(PHONE, "weekly") == [
        WEEK_START + "Ask the therapist for a short note after a session (goal, activity, "
        "homework), so you can practise at home."
    ]
    # 00:15 on 12 Feb in Kolkata: inside the week, so the tip moves on to the top reason.
    await note(
        reports_bot, child_id, "good eye contact today", "2026-02-11T18:45:00", by=therapist_id
    )
    assert await reports_bot.say(PHONE, "week") == [
        WEEK_START + "The main reason for misses: Travel. Plan around it, for example with a "
        "backup slot."
    ]


async def test_weekly_with_nothing_logged(reports_bot):
    await family(reports_bot.db)
    (reply,) = await reports_bot.say(PHONE, "weekly")
    assert (
        "Sessions attended: 0 · missed: 0\nConsistency: nothing logged yet\n💡 Ask the therapist"
        in reply
    )


async def test_digest(reports_bot):
    _, child_id = await family(reports_bot.db)
    therapist_id = await therapist(reports_bot.db, child_id)
    await week_of_sessions(reports_bot.db, child_id)
    await note(
        reports_bot,
        child_id,
        "Homework: practise 'p' and 'b' sounds daily\nthanks",
        "2026-02-16T09:00:00",
        by=therapist_id,
    )
    await note(reports_bot, child_id, "calm session", "2026-02-17T09:00:00", by=therapist_id)
    await note(
        reports_bot, child_id, "old homework: stack blocks", "2026-02-05T09:00:00", by=therapist_id
    )
    # Moods after attended sessions: good once, great twice (a row of 2 sessions).
    assert await reports_bot.say(PHONE, "digest") == [
        """\
📰 *Weekly digest for Asha* · 12\u2009–\u200918 Feb

✅ Attended: 3
❌ Missed: 1
📈 Adherence: 75%
🙂 Mood after sessions: Great 😄
Main miss reasons: Travel (1)
📝 Therapist notes this week: 2
📚 Homework: practise 'p' and 'b' sounds daily

👉 Next step: Follow this week's homework: practise 'p' and 'b' sounds daily"""
    ]


async def test_missed_analytics_by_reason_and_local_weekday(reports_bot):
    _, child_id = await family(reports_bot.db)
    cipher = reports_bot.app.extensions["therapy_tracker"].cipher
    # Both Monday misses were logged on Sunday evening UTC: the child's local day decides.
    await log(
        reports_bot.db,
        child_id,
        feb(9),
        "missed",
        category="health",
        created_at=at("2026-02-08T20:00:00"),
    )
    await log(
        reports_bot.db,
        child_id,
        feb(16),
        "missed",
        category="travel",
        created_at=at("2026-02-15T20:00:00"),
    )
    await log(
        reports_bot.db,
        child_id,
        feb(10),
        "missed",
        reason=cipher.encrypt_text("Fever since Sunday"),
    )
    await log(reports_bot.db, child_id, feb(12), "missed")
    await log(reports_bot.db, child_id, feb(13), "attended")
    await log(reports_bot.db, child_id, date(2026, 1, 26), "missed", category="school")
    assert await reports_bot.say(PHONE, "missed analytics") == [
        """\
📉 *Missed sessions* · Asha · February 2026
Missed this month: 4
• Health: 2 (50%)
• Travel: 1 (25%)
• No reason given: 1 (25%)

📅 Most misses fall on Monday.
💡 Keep a backup slot for Monday with the therapist, so a missed session can be made up the \
same week."""
    ]


async def test_missed_analytics_with_no_misses(reports_bot):
    _, child_id = await family(reports_bot.db)
    await log(reports_bot.db, child_id, feb(3), "attended")
    assert await reports_bot.say(PHONE, "missed_analytics") == [
        "🎉 No missed sessions for Asha in February 2026. Keep it up!"
    ]


async def test_streak_across_weeks(reports_bot):
    _, child_id = await family(reports_bot.db)
    # Five weeks in a row in December, a gap in January, then four weeks up to this one.
    for day in (
        date(2025, 12, 2),
        date(2025, 12, 9),
        date(2025, 12, 16),
        date(2025, 12, 23),
        date(2025, 12, 30),
        date(2026, 1, 27),
        feb(3),
    ):
        await log(reports_bot.db, child_id, day, "attended")
    await log(reports_bot.db, child_id, feb(4), "missed")
    await log(reports_bot.db, child_id, feb(10), "attended", count=2)
    await log(reports_bot.db, child_id, feb(17), "attended")
    assert await reports_bot.say(PHONE, "streak") == [
        """🔥 *Asha's therapy streak*
Weeks in a row with a session: 4
Best week streak: 5
Sessions in a row without a miss: 3

🎯 Next milestone: 8 weeks (4 weeks to go)
One session a week keeps the streak alive."""
    ]


async def test_streak_from_nothing(reports_bot):
    await family(reports_bot.db)
    (reply,) = await reports_bot.say(PHONE, "streak")
    assert reply.endswith(
        "Weeks in a row with a session: 0\nBest week streak: 0\n"
        "Sessions in a row without a miss: 0\n\n"
        "🎯 Next milestone: 2 weeks (2 weeks to go)\n"
        "Log an attended session this week to start a streak."
    )


async def test_a_hindi_user_gets_the_report_in_hindi(reports_bot):
    user_id, child_id = await family(reports_bot.db)
    await reports_bot.db.execute("UPDATE tt.users SET language = 'hi' WHERE id = $1", user_id)
    await february_sessions(reports_bot.db, child_id)
    (reply,) = await reports_bot.say(PHONE, "सारांश")
    assert reply.startswith("📊 *Asha* · फ़रवरी 2026 का सारांश\n")
    assert "💳 भुगतान: 16 × ₹800 = ₹12,800\n↪️ पिछले महीने के: 2 (कुल 18)\n" in reply
    assert "✅ हुए: 5 (₹4,000 खर्च हुए)\n❌ छूटे: 2 (इस्तेमाल में नहीं गिने)" in reply
    assert "⏳ बाकी: 13\n" in reply
    assert "छूटने के मुख्य कारण: सेहत (1), यात्रा (1)" in reply
    assert reply.endswith("थेरेपी छूट जाने का जोखिम (पिछले 14 दिन): मध्यम 🟡")


async def test_reports_need_a_child_first(reports_bot):
    await add_user(reports_bot.db, PHONE)
    (reply,) = await reports_bot.say(PHONE, "weekly")
    assert reply.startswith("First, let us set up your child.")


async def test_the_more_list_opens_the_reports(reports_bot):
    _, child_id = await family(reports_bot.db)
    await february_sessions(reports_bot.db, child_id)
    assert await reports_bot.tap(PHONE, "cmd:summary") == [FEBRUARY_SUMMARY]
    (reply,) = await reports_bot.tap(PHONE, "cmd:weekly")
    assert reply.startswith("📅 *Asha* · the last 7 days (12\u2009–\u200918 Feb)")


async def test_a_structured_note_counts_but_is_not_read_as_free_text(reports_bot):
    _, child_id = await family(reports_bot.db)
    therapist_id = await therapist(reports_bot.db, child_id)
    body = {"goal": "sounds", "homework": ""}
    await note(
        reports_bot, child_id, body, "2026-02-17T09:00:00", by=therapist_id, kind="structured"
    )
    (reply,) = await reports_bot.say(PHONE, "digest")
    assert "📝 Therapist notes this week: 1\n\n👉 Next step: Good consistency." in reply


async def test_the_digest_counts_only_notes_by_therapists(reports_bot):
    parent_id, child_id = await family(reports_bot.db)
    therapist_id = await therapist(reports_bot.db, child_id)
    await note(reports_bot, child_id, "calm session", "2026-02-16T09:00:00", by=therapist_id)
    await note(reports_bot, child_id, "she slept well", "2026-02-17T09:00:00", by=parent_id)
    (reply,) = await reports_bot.say(PHONE, "digest")
    # 2 notes this week, 1 of them by the parent.
    assert "📝 Therapist notes this week: 1\n" in reply


async def test_a_therapists_note_still_counts_after_they_leave(reports_bot):
    _, child_id = await family(reports_bot.db)
    therapist_id = await therapist(reports_bot.db, child_id)
    await note(reports_bot, child_id, "calm session", "2026-02-16T09:00:00", by=therapist_id)
    await reports_bot.db.execute(
        "DELETE FROM tt.memberships WHERE user_id = $1 AND child_id = $2", therapist_id, child_id
    )
    (reply,) = await reports_bot.say(PHONE, "digest")
    assert "📝 Therapist notes this week: 1\n" in reply


async def test_notes_written_in_chat_count_by_their_authors_role(reports_bot):
    _, child_id = await family(reports_bot.db)
    await therapist(reports_bot.db, child_id)
    await reports_bot.db.execute(
        "UPDATE tt.users SET current_child_id = $1 WHERE phone = $2", child_id, THERAPIST
    )
    assert await reports_bot.say(THERAPIST, "note good eye contact") == ["✅ Note saved for Asha."]
    assert await reports_bot.say(PHONE, "note she slept well") == ["✅ Note saved for Asha."]
    roles = await reports_bot.db.fetch("SELECT author_role FROM tt.notes ORDER BY id")
    assert [row["author_role"] for row in roles] == ["therapist", "owner"]
    (reply,) = await reports_bot.say(PHONE, "digest")
    assert "📝 Therapist notes this week: 1\n" in reply
