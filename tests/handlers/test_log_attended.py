"""Logging attended sessions: typed counts, the day picker and count list, plain words, the
child's local day and streaks.
Through the real webhook and worker; `tb` runs at Wed 11 Feb 2026, 12:00 in Kolkata."""

from datetime import date

import pytest

from tests.support.families import at
from tests.support.logging_steps import (
    PHONE,
    family,
    last_buttons,
    last_rows,
    sessions,
    with_mood_question,
)

# ---- attended ----


async def test_attended_with_a_typed_count(tb):
    user_id, child_id = await family(tb)
    replies = await tb.say(PHONE, "attended 2")
    assert replies == [with_mood_question("✅ Attended logged for Asha: Wed 11 Feb, 2 sessions")]
    [row] = await sessions(tb)
    assert (row["child_id"], row["day"], row["status"], row["count"], row["logged_by"]) == (
        child_id,
        date(2026, 2, 11),
        "attended",
        2,
        user_id,
    )


async def test_attended_through_the_picker_and_the_count_list(tb):
    await family(tb)
    assert await tb.say(PHONE, "attended") == [
        "Which day did Asha attend? Pick a day, or type one (e.g. *yesterday*, *monday*, *3 Feb*)."
    ]
    rows = last_rows(tb)
    assert [r["id"] for r in rows] == [
        f"log:attended:2026-02-{d:02d}" for d in range(11, 3, -1)
    ] + ["log:page:attended:2026-02-03"]
    assert (rows[0]["title"], rows[0]["description"]) == ("Wed 11 Feb", "Today")
    await tb.tap(PHONE, "log:attended:2026-02-10")
    assert [r["id"] for r in last_rows(tb)] == [f"log:count:2026-02-10:{n}" for n in range(1, 6)]
    replies = await tb.tap(PHONE, "log:count:2026-02-10:3")
    assert replies[0] == with_mood_question("✅ Attended logged for Asha: Tue 10 Feb, 3 sessions")
    assert [(r["day"], r["count"]) for r in await sessions(tb)] == [(date(2026, 2, 10), 3)]


async def test_a_typed_day_and_count_answer_the_picker(tb):
    await family(tb)
    await tb.say(PHONE, "attended")
    assert await tb.say(PHONE, "monday") == [
        "How many sessions did Asha have on Mon 9 Feb? Pick one, or type a number from 1 to 5."
    ]
    assert (await tb.say(PHONE, "6"))[0].startswith("The number of sessions can be at most 5")
    replies = await tb.say(PHONE, "2")
    assert replies[0] == with_mood_question("✅ Attended logged for Asha: Mon 9 Feb, 2 sessions")
    assert [(r["day"], r["count"]) for r in await sessions(tb)] == [(date(2026, 2, 9), 2)]


@pytest.mark.parametrize(
    ("text", "day", "count"),
    [
        ("2 sessions today", date(2026, 2, 11), 2),
        ("went yesterday", date(2026, 2, 10), 1),
        ("done 2", date(2026, 2, 11), 2),
        ("had 3 sessions on monday", date(2026, 2, 9), 3),
        ("आज 2", date(2026, 2, 11), 2),
        ("హాజరు నిన్న", date(2026, 2, 10), 1),
    ],
)
async def test_plain_words_log_attended(tb, text, day, count):
    await family(tb)
    replies = await tb.say(PHONE, text)
    assert replies[0].startswith("✅ Attended logged for Asha")
    assert [(r["day"], r["count"]) for r in await sessions(tb)] == [(day, count)]


async def test_a_day_on_its_own_asks_attended_or_missed(tb):
    await family(tb)
    assert await tb.say(PHONE, "yesterday") == ["What happened on Tue 10 Feb for Asha?"]
    assert last_buttons(tb) == ["log:attended:2026-02-10", "log:missed:2026-02-10"]
    assert await sessions(tb) == []


async def test_a_count_beside_a_missed_word_is_not_logged_as_attended(tb):
    await family(tb)
    replies = await tb.say(PHONE, "2 sessions got missed")
    # a sentence about missing: asked about as missed, never logged as attended
    assert replies[0].startswith("Log Asha's session on Wed 11 Feb as missed?")
    assert await sessions(tb) == []


# ---- the child's local day ----


@pytest.mark.parametrize(
    ("moment", "today"),
    [
        ("2026-02-11T18:00:00", date(2026, 2, 11)),  # 23:30 in Kolkata
        ("2026-02-11T19:00:00", date(2026, 2, 12)),  # 00:30 in Kolkata, the next day
    ],
)
async def test_today_is_the_childs_local_day(make_bot, moment, today):
    bot = await make_bot(clock=lambda: at(moment))
    await family(bot)
    await bot.say(PHONE, "attended")
    assert last_rows(bot)[0]["id"] == f"log:attended:{today.isoformat()}"
    await bot.say(PHONE, "attended today")
    assert [r["day"] for r in await sessions(bot)] == [today]


# ---- streaks ----


async def test_a_second_week_in_a_row_is_celebrated(tb):
    await family(tb)
    first = await tb.say(PHONE, "attended 2026-02-03")
    assert not any("🎉" in r for r in first)
    replies = await tb.say(PHONE, "attended today")
    assert replies[0] == with_mood_question(
        "✅ Attended logged for Asha: Wed 11 Feb, 1 session\n"
        "🎉 2 weeks in a row with therapy for Asha! Keep it up."
    )


# ---- a reminder's Attended ----


async def test_a_reminders_attended_logs_one_session_at_once_with_the_months_numbers(tb):
    user_id, _ = await family(tb)
    await tb.say(PHONE, "attended 9 feb 2")
    replies = await tb.tap(PHONE, "log:attended_one:2026-02-10")
    assert replies == [
        with_mood_question(
            "✅ Attended logged for Asha: Tue 10 Feb, 1 session\n"
            "📅 Asha: 3 of 16 sessions used, 13 left."
        )
    ]
    assert [(r["day"], r["count"], r["logged_by"]) for r in await sessions(tb)] == [
        (date(2026, 2, 9), 2, user_id),
        (date(2026, 2, 10), 1, user_id),
    ]
    assert await tb.say(PHONE, "undo") == ["↩️ Removed for Asha: Attended, Tue 10 Feb, 1 session."]


async def test_a_reminders_attended_on_a_logged_day_asks_replace_and_keeps_the_numbers(tb):
    await family(tb)
    await tb.say(PHONE, "missed yesterday Fever")
    replies = await tb.tap(PHONE, "log:attended_one:2026-02-10")
    assert replies == [
        "Asha is already marked Missed (1 session) on Tue 10 Feb. Replace it with Attended?"
    ]
    replies = await tb.tap(PHONE, "log:replace")
    assert replies == [
        with_mood_question(
            "🔁 Replaced what was logged on Tue 10 Feb (type *undo* to bring it back).\n"
            "✅ Attended logged for Asha: Tue 10 Feb, 1 session\n"
            "📅 Asha: 1 of 16 sessions used, 15 left."
        )
    ]
    assert [(r["status"], r["count"]) for r in await sessions(tb)] == [("attended", 1)]
    await tb.say(PHONE, "undo")
    assert [(r["status"], r["reason"]) for r in await sessions(tb)] == [("missed", "Fever")]


async def test_a_reminders_attended_for_a_month_without_a_plan_says_so(tb):
    await family(tb, plan=None)
    replies = await tb.tap(PHONE, "log:attended_one:2026-02-11")
    assert replies[0] == with_mood_question(
        "✅ Attended logged for Asha: Wed 11 Feb, 1 session\n"
        "📅 Asha: no plan for this month yet. Type *setup* to add one."
    )
