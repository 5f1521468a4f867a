"""A day that already has entries (replace, add or keep) and undoing one's own last entry.
Through the real webhook and worker; `tb` runs at Wed 11 Feb 2026, 12:00 in Kolkata."""

from datetime import date

from tests.support.families import add_member, add_user
from tests.support.logging_steps import (
    CO_PARENT,
    NOON,
    PHONE,
    family,
    last_buttons,
    sessions,
    with_mood_question,
)

# ---- replace or add ----


async def test_replace_an_attended_day_with_missed(tb):
    await family(tb)
    await tb.say(PHONE, "attended yesterday")
    replies = await tb.say(PHONE, "missed yesterday Fever")
    assert replies == [
        "Asha is already marked Attended (1 session) on Tue 10 Feb. Replace it with Missed?"
    ]
    assert last_buttons(tb) == ["log:replace", "log:keep"]
    replies = await tb.tap(PHONE, "log:replace")
    assert replies == [
        "🔁 Replaced what was logged on Tue 10 Feb (type *undo* to bring it back).\n"
        "❌ Missed logged for Asha: "
        "Tue 10 Feb, 1 session\nReason: Fever (health)"
    ]
    assert [(r["status"], r["reason"]) for r in await sessions(tb)] == [("missed", "Fever")]


async def test_add_another_or_keep_on_a_day_already_attended(tb):
    await family(tb)
    await tb.say(PHONE, "attended today")
    replies = await tb.say(PHONE, "attended today 2")
    assert replies == [
        "Asha already has Attended (1 session) logged on Wed 11 Feb. Add another "
        "entry, or replace what is there?"
    ]
    assert last_buttons(tb) == ["log:add", "log:replace", "log:keep"]
    replies = await tb.tap(PHONE, "log:add")
    assert replies[0] == with_mood_question("✅ Attended logged for Asha: Wed 11 Feb, 2 sessions")
    await tb.say(PHONE, "attended today")
    assert await tb.say(PHONE, "keep as is") == [
        "Okay, Wed 11 Feb stays as it was. Nothing changed."
    ]
    assert [r["count"] for r in await sessions(tb)] == [1, 2]
    assert await tb.tap(PHONE, "log:replace") == [
        "That question has closed. Type *attended* or *missed* to log again."
    ]
    assert len(await sessions(tb)) == 2


# ---- undo ----


async def test_undo_removes_only_my_last_entry_and_says_what(tb):
    _, child_id = await family(tb)
    parent_id = await add_user(tb.db, CO_PARENT)
    await add_member(tb.db, child_id, parent_id, "parent")
    await tb.say(PHONE, "attended 9 feb")
    await tb.say(PHONE, "attended yesterday 2")
    await tb.say(CO_PARENT, "attended today")
    assert await tb.say(PHONE, "undo") == ["↩️ Removed for Asha: Attended, Tue 10 Feb, 2 sessions."]
    assert [(r["day"], r["logged_by"]) for r in await sessions(tb)] == [
        (date(2026, 2, 9), await tb.db.fetchval("SELECT id FROM tt.users WHERE phone = $1", PHONE)),
        (date(2026, 2, 11), parent_id),
    ]
    await tb.say(PHONE, "undo")
    assert await tb.say(PHONE, "undo") == ["There is nothing you logged for Asha to undo."]
    assert [r["logged_by"] for r in await sessions(tb)] == [parent_id]


# ---- replace keeps what it replaced; undo brings it back ----

THIRD = "919000000103"


async def two_parents(bot, *, language="en"):
    """Asha's owner (PHONE) and a co-parent (CO_PARENT, in `language`); (child id, co-parent id)."""
    _, child_id = await family(bot)
    parent_id = await add_user(bot.db, CO_PARENT)
    await add_member(bot.db, child_id, parent_id, "parent")
    await bot.db.execute("UPDATE tt.users SET language = $1 WHERE id = $2", language, parent_id)
    return child_id, parent_id


async def superseded(bot):
    """The rows a replace set aside: (status, count, logged_by), in day order."""
    rows = await bot.db.fetch(
        "SELECT status, count, logged_by FROM tt.sessions WHERE superseded_at IS NOT NULL "
        "ORDER BY day, id"
    )
    return [tuple(r) for r in rows]


async def test_undo_after_replacing_both_parents_entries_brings_all_three_back(tb):
    _, parent_id = await two_parents(tb)
    await tb.say(PHONE, "attended yesterday 2")
    await tb.say(CO_PARENT, "attended yesterday")
    await tb.tap(CO_PARENT, "log:add")
    before = await sessions(tb)
    assert [(r["count"], r["logged_by"] == parent_id) for r in before] == [(2, False), (1, True)]
    await tb.say(PHONE, "attended yesterday")
    await tb.tap(PHONE, "log:replace")
    assert [r["count"] for r in await sessions(tb)] == [1]
    assert [count for _, count, _ in await superseded(tb)] == [2, 1]
    (status,) = await tb.say(PHONE, "status")
    assert "✅ Attended: 1 of 16\n" in status
    assert await tb.say(PHONE, "undo") == [
        "↩️ Removed for Asha: Attended, Tue 10 Feb, 1 session.\n"
        "🔁 Back as it was on Tue 10 Feb: Attended (3 sessions)."
    ]
    assert await sessions(tb) == before
    assert await superseded(tb) == []
    (status,) = await tb.say(PHONE, "status")
    assert "✅ Attended: 3 of 16\n" in status


async def test_undo_after_replacing_attended_with_missed_brings_the_attended_back(tb):
    await family(tb)
    await tb.say(PHONE, "attended yesterday")
    await tb.say(PHONE, "great")
    before = await sessions(tb)
    assert [(r["status"], r["mood"]) for r in before] == [("attended", "great")]
    await tb.say(PHONE, "missed yesterday Fever")
    await tb.tap(PHONE, "log:replace")
    assert [r["status"] for r in await sessions(tb)] == ["missed"]
    assert await tb.say(PHONE, "undo") == [
        "↩️ Removed for Asha: Missed, Tue 10 Feb, 1 session.\n"
        "🔁 Back as it was on Tue 10 Feb: Attended (1 session)."
    ]
    assert await sessions(tb) == before
    assert await tb.say(PHONE, "undo") == ["↩️ Removed for Asha: Attended, Tue 10 Feb, 1 session."]
    assert await tb.say(PHONE, "undo") == ["There is nothing you logged for Asha to undo."]
    assert await tb.db.fetchval("SELECT count(*) FROM tt.sessions") == 0


async def test_replacing_twice_then_undoing_twice_walks_back_one_step_at_a_time(tb):
    await family(tb)
    await tb.say(PHONE, "attended yesterday 3")
    await tb.say(PHONE, "missed yesterday Fever")
    await tb.tap(PHONE, "log:replace")
    await tb.say(PHONE, "attended yesterday 1")
    await tb.tap(PHONE, "log:replace")
    await tb.say(PHONE, "undo")
    assert [(r["status"], r["count"]) for r in await sessions(tb)] == [("missed", 1)]
    await tb.say(PHONE, "undo")
    assert [(r["status"], r["count"]) for r in await sessions(tb)] == [("attended", 3)]


async def test_a_replaced_entry_is_in_no_count_report_or_export(tb):
    await family(tb)
    await tb.say(PHONE, "attended yesterday 4")
    await tb.say(PHONE, "missed yesterday Fever")
    await tb.tap(PHONE, "log:replace")
    (status,) = await tb.say(PHONE, "status")
    assert "✅ Attended: 0 of 16\n❌ Missed: 1\n" in status
    (summary,) = await tb.say(PHONE, "summary")
    assert "4 sessions" not in summary and "Attended: 4" not in summary
    # A mood word rates the member's last live entry only, never a replaced one.
    await tb.say(PHONE, "great")
    assert await tb.db.fetchval("SELECT count(*) FROM tt.sessions WHERE mood IS NOT NULL") == 0


# ---- co-members hear about replaces and undos of their entries ----


async def test_the_co_parent_hears_their_entry_was_replaced_then_brought_back(make_bot):
    bot = await make_bot(clock=lambda: NOON, notice_batch_seconds=0.2)
    child_id, _ = await two_parents(bot)
    await add_member(bot.db, child_id, await add_user(bot.db, THIRD), "therapist")
    await bot.say(CO_PARENT, "attended yesterday 2")
    await bot.flush_notices()
    await bot.say(PHONE, "missed yesterday Fever")
    await bot.tap(PHONE, "log:replace")
    await bot.flush_notices()
    (replaced,) = bot.graph.texts_to(CO_PARENT)[-1:]
    assert replaced.startswith("🔁 ") and replaced.endswith(
        " replaced your 2 sessions on Tue 10 Feb for Asha with Missed (Fever)."
    )
    assert "missed session for Asha on Tue 10 Feb" in bot.graph.texts_to(THIRD)[-1]
    await bot.say(PHONE, "undo")
    await bot.flush_notices()
    assert bot.graph.texts_to(CO_PARENT)[-1].endswith(
        " undid their change on Tue 10 Feb for Asha: your 2 sessions are back."
    )
    assert bot.graph.texts_to(THIRD)[-1].endswith(
        " undid their change on Tue 10 Feb for Asha: what was logged before is back."
    )


async def test_a_plain_undo_is_told_to_the_family(make_bot):
    bot = await make_bot(clock=lambda: NOON, notice_batch_seconds=0.2)
    await two_parents(bot)
    await bot.say(PHONE, "attended yesterday")
    await bot.say(PHONE, "undo")
    await bot.flush_notices()
    assert bot.graph.texts_to(CO_PARENT)[-1].endswith(
        " removed the 1 attended session they logged on Tue 10 Feb for Asha."
    )


async def test_replace_and_undo_notices_in_hindi_with_plural_forms(make_bot):
    bot = await make_bot(clock=lambda: NOON, notice_batch_seconds=0.2)
    await two_parents(bot, language="hi")
    await bot.say(CO_PARENT, "attended yesterday")
    await bot.say(PHONE, "attended yesterday 3")
    await bot.tap(PHONE, "log:replace")
    await bot.flush_notices()
    assert bot.graph.texts_to(CO_PARENT)[-1].endswith(
        " ने मंगल 10 फ़रवरी को Asha के लिए आपका दर्ज किया 1 सत्र बदल दिया; अब दर्ज है: हुआ (3 सत्र)।"
    )
    await bot.say(PHONE, "undo")
    await bot.flush_notices()
    assert bot.graph.texts_to(CO_PARENT)[-1].endswith(
        " ने मंगल 10 फ़रवरी को Asha के लिए अपना बदलाव वापस लिया: आपका 1 सत्र फिर से दर्ज है।"
    )


# ---- a holiday over logged sessions, and erasure ----


async def test_a_holiday_over_a_co_parents_session_sets_it_aside_and_tells_them(make_bot):
    bot = await make_bot(clock=lambda: NOON, notice_batch_seconds=0.2)
    _, parent_id = await two_parents(bot)
    await bot.say(CO_PARENT, "attended today")
    await bot.tap(PHONE, "holiday:today")
    await bot.tap(PHONE, "holiday:replace")
    assert await sessions(bot) == []
    assert await superseded(bot) == [("attended", 1, parent_id)]
    assert "✅ Attended: 0 of 16\n" in "\n".join(await bot.say(PHONE, "status"))
    await bot.flush_notices()
    assert bot.graph.texts_to(CO_PARENT)[-1].endswith(
        " replaced your 1 session on Wed 11 Feb for Asha with a holiday."
    )


async def test_undo_after_days_off_over_sessions_removes_them_and_brings_the_sessions_back(
    make_bot,
):
    bot = await make_bot(clock=lambda: NOON, notice_batch_seconds=0.2)
    await two_parents(bot)
    await bot.say(CO_PARENT, "attended today 2")
    await bot.flush_notices()
    await bot.say(PHONE, "attended yesterday")
    before = await sessions(bot)
    await bot.tap(PHONE, "holiday:next3")
    await bot.tap(PHONE, "holiday:replace")
    assert [r["day"] for r in await sessions(bot)] == [date(2026, 2, 10)]
    assert await bot.say(PHONE, "undo") == [
        "↩️ 3 days off removed for Asha: Wed 11 Feb, Thu 12 Feb, Fri 13 Feb.\n"
        "🔁 Back as it was on Wed 11 Feb: Attended (2 sessions)."
    ]
    assert await sessions(bot) == before
    assert await bot.db.fetchval("SELECT count(*) FROM tt.holidays") == 0
    await bot.flush_notices()
    assert bot.graph.texts_to(CO_PARENT)[-1].endswith(
        " undid their change on Wed 11 Feb for Asha: your 2 sessions are back."
    )
    # The next undo is the entry before the days off.
    assert await bot.say(PHONE, "undo") == ["↩️ Removed for Asha: Attended, Tue 10 Feb, 1 session."]


async def test_erasure_takes_the_name_off_replaced_entries_too(tb):
    _, parent_id = await two_parents(tb)
    await tb.say(CO_PARENT, "missed yesterday Fever")
    await tb.say(PHONE, "attended yesterday")
    await tb.tap(PHONE, "log:replace")
    await tb.say(CO_PARENT, "delete my data")
    await tb.tap(CO_PARENT, "cmd:delete_confirm")
    assert (
        await tb.db.fetchval("SELECT count(*) FROM tt.sessions WHERE logged_by = $1", parent_id)
        == 0
    )
    assert await superseded(tb) == [("missed", 1, None)]


async def test_erasing_a_sole_family_removes_its_replaced_entries(tb):
    await family(tb)
    await tb.say(PHONE, "attended yesterday")
    await tb.say(PHONE, "missed yesterday Fever")
    await tb.tap(PHONE, "log:replace")
    await tb.say(PHONE, "delete my data")
    await tb.tap(PHONE, "cmd:delete_confirm")
    assert await tb.db.fetchval("SELECT count(*) FROM tt.sessions") == 0
