"""Session logging through the real webhook and worker: replies in the Graph stub, rows in the
database. The clock is Wed 11 Feb 2026, 12:00 in Asia/Kolkata unless a test says otherwise."""

from datetime import date

import pytest

from dialog.texts import t
from sql.cipher import Cipher
from tests.conftest import TEST_KEY
from tests.support.families import add_member, add_user, at, make_family

PHONE = "919000000101"
CO_PARENT = "919000000102"
NOON = at("2026-02-11T06:30:00")
FEB, SINCE = date(2026, 2, 1), date(2026, 1, 1)
CIPHER = Cipher([TEST_KEY])


@pytest.fixture(name="tb")
async def _tracking_bot(make_bot):
    return await make_bot(clock=lambda: NOON)


async def family(bot, phone=PHONE, **kw):
    return await make_family(bot.db, phone, month=FEB, since=SINCE, **kw)


async def sessions(bot, child_id=None):
    rows = await bot.db.fetch(
        "SELECT id, child_id, day, status, count, reason, reason_category, mood, logged_by "
        "FROM tt.sessions WHERE $1::bigint IS NULL OR child_id = $1 ORDER BY day, id",
        child_id,
    )
    return [dict(r, reason=CIPHER.decrypt_text(r["reason"]) if r["reason"] else "") for r in rows]


def last_rows(bot, phone=PHONE):
    body = bot.graph.to(phone)[-1]["interactive"]
    assert body["type"] == "list"
    rows = [row for section in body["action"]["sections"] for row in section["rows"]]
    assert len(rows) <= 10
    return rows


def last_buttons(bot, phone=PHONE):
    body = bot.graph.to(phone)[-1]["interactive"]
    assert body["type"] == "button"
    return [b["reply"]["id"] for b in body["action"]["buttons"]]


# ---- attended ----


async def test_attended_with_a_typed_count(tb):
    user_id, child_id = await family(tb)
    replies = await tb.say(PHONE, "attended 2")
    assert replies == [
        "✅ Attended logged for Asha: Wed 11 Feb, 2 sessions",
        "How did Asha's session go? (optional)",
    ]
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
        "Which day did Asha attend? Pick a day, or type one (e.g. *yesterday*, *monday*, *12 feb*)."
    ]
    rows = last_rows(tb)
    assert [r["id"] for r in rows] == [
        f"log:attended:2026-02-{d:02d}" for d in range(11, 3, -1)
    ] + ["log:page:attended:2026-02-03"]
    assert (rows[0]["title"], rows[0]["description"]) == ("Wed 11 Feb", "Today")
    await tb.tap(PHONE, "log:attended:2026-02-10")
    assert [r["id"] for r in last_rows(tb)] == [f"log:count:2026-02-10:{n}" for n in range(1, 6)]
    replies = await tb.tap(PHONE, "log:count:2026-02-10:3")
    assert replies[0] == "✅ Attended logged for Asha: Tue 10 Feb, 3 sessions"
    assert [(r["day"], r["count"]) for r in await sessions(tb)] == [(date(2026, 2, 10), 3)]


async def test_a_typed_day_and_count_answer_the_picker(tb):
    await family(tb)
    await tb.say(PHONE, "attended")
    assert await tb.say(PHONE, "monday") == [
        "How many sessions did Asha have on Mon 9 Feb? Pick one, or type a number from 1 to 5."
    ]
    assert (await tb.say(PHONE, "6"))[0].startswith("At most 5 sessions")
    replies = await tb.say(PHONE, "2")
    assert replies[0] == "✅ Attended logged for Asha: Mon 9 Feb, 2 sessions"
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
    assert replies[0].startswith("Sorry, I did not understand")
    assert await sessions(tb) == []


# ---- missed ----


async def test_missed_with_a_reason_kept_exactly_and_categorised(tb):
    await family(tb)
    await tb.say(PHONE, "missed")
    assert last_rows(tb)[0]["id"] == "log:missed:2026-02-11"
    assert await tb.tap(PHONE, "log:missed:2026-02-10") == [
        "Why was Asha's session on Tue 10 Feb missed? Type the reason in your own words "
        "(e.g. *fever*, *travelling*, *therapist on leave*)."
    ]
    replies = await tb.say(PHONE, "Fever 🤒")
    assert replies == ["❌ Missed logged for Asha: Tue 10 Feb\nReason: Fever 🤒 (health)"]
    [row] = await sessions(tb)
    assert (row["status"], row["reason"], row["reason_category"]) == (
        "missed",
        "Fever 🤒",
        "health",
    )
    raw = await tb.db.fetchval("SELECT reason FROM tt.sessions")
    assert b"Fever" not in raw


async def test_missed_with_day_and_reason_in_one_message(tb):
    await family(tb)
    replies = await tb.say(PHONE, "missed monday Therapist on LEAVE")
    assert replies == [
        "❌ Missed logged for Asha: Mon 9 Feb\nReason: Therapist on LEAVE (therapist unavailable)"
    ]
    [row] = await sessions(tb)
    assert (row["day"], row["reason"], row["reason_category"]) == (
        date(2026, 2, 9),
        "Therapist on LEAVE",
        "therapist",
    )


async def test_a_very_long_reason_is_stored_whole_and_echoed_short(tb):
    await family(tb)
    reason = "High fever " + "and more " * 440
    replies = await tb.say(PHONE, f"missed today {reason}")
    assert replies[0].startswith("❌ Missed logged for Asha: Wed 11 Feb\nReason: High fever")
    assert len(replies[0]) < 400
    [row] = await sessions(tb)
    assert (row["reason"], row["reason_category"]) == (reason.strip(), "health")


async def test_a_reason_in_hindi_is_categorised_and_answered_in_hindi(tb):
    user_id, _ = await family(tb)
    await tb.db.execute("UPDATE tt.users SET language = 'hi' WHERE id = $1", user_id)
    replies = await tb.say(PHONE, "छूट गया कल बुखार था")
    assert replies == ["❌ Asha का छूटा सत्र दर्ज: मंगल, 10 फ़रवरी\nवजह: बुखार था (सेहत)"]
    [row] = await sessions(tb)
    assert (row["reason"], row["reason_category"]) == ("बुखार था", "health")


async def test_a_typed_day_answers_the_missed_picker(tb):
    await family(tb)
    await tb.say(PHONE, "missed")
    assert (await tb.say(PHONE, "someday"))[0].startswith("I could not read that date")
    await tb.say(PHONE, "12/02/2025")
    assert (await tb.say(PHONE, "yesterday"))[0].startswith("Why was Asha's session on Tue 10")
    await tb.say(PHONE, "School exam")
    [row] = await sessions(tb)
    assert (row["day"], row["reason_category"]) == (date(2026, 2, 10), "school")


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
        "🔁 Replaced what was logged on Tue 10 Feb.\n❌ Missed logged for Asha: "
        "Tue 10 Feb\nReason: Fever (health)"
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
    assert replies[0] == "✅ Attended logged for Asha: Wed 11 Feb, 2 sessions"
    await tb.say(PHONE, "attended today")
    assert await tb.say(PHONE, "keep as is") == [
        "Okay, Wed 11 Feb stays as it was. Nothing changed."
    ]
    assert [r["count"] for r in await sessions(tb)] == [1, 2]
    assert await tb.tap(PHONE, "log:replace") == [
        "That question has closed. Type *attended* or *missed* to log again."
    ]
    assert len(await sessions(tb)) == 2


# ---- mood ----


async def test_mood_tapped_and_typed_is_stored_on_the_session(tb):
    await family(tb)
    await tb.say(PHONE, "attended today")
    rows = last_rows(tb)
    [today] = await sessions(tb)
    assert [r["id"] for r in rows] == [
        f"mood:set:{today['id']}:{m}" for m in ("great", "good", "okay", "tough")
    ]
    assert await tb.tap(PHONE, f"mood:set:{today['id']}:good") == [
        "Mood saved for Asha's session on Wed 11 Feb: 🙂 Good"
    ]
    await tb.say(PHONE, "attended yesterday")
    assert (await tb.say(PHONE, "ok"))[0].startswith("Sorry, I did not understand")
    assert (await tb.say(PHONE, "Great!"))[0].endswith("Tue 10 Feb: 🤩 Great")
    assert (await tb.say(PHONE, "good"))[0].startswith("Sorry, I did not understand")
    assert [(r["day"], r["mood"]) for r in await sessions(tb)] == [
        (date(2026, 2, 10), "great"),
        (date(2026, 2, 11), "good"),
    ]


# ---- undo ----


async def test_undo_removes_only_my_last_entry_and_says_what(tb):
    _, child_id = await family(tb)
    parent_id = await add_user(tb.db, CO_PARENT)
    await add_member(tb.db, child_id, parent_id, "parent")
    await tb.say(PHONE, "attended 9 feb")
    await tb.say(PHONE, "attended yesterday 2")
    await tb.say(CO_PARENT, "attended today")
    assert await tb.say(PHONE, "undo") == ["↩️ Removed from Asha: Attended, Tue 10 Feb, 2 sessions."]
    assert [(r["day"], r["logged_by"]) for r in await sessions(tb)] == [
        (date(2026, 2, 9), await tb.db.fetchval("SELECT id FROM tt.users WHERE phone = $1", PHONE)),
        (date(2026, 2, 11), parent_id),
    ]
    await tb.say(PHONE, "undo")
    assert await tb.say(PHONE, "undo") == ["There is nothing you logged for Asha to undo."]
    assert [r["logged_by"] for r in await sessions(tb)] == [parent_id]


# ---- bulk ----


async def test_bulk_dates_with_spaces_report_every_outcome(tb):
    await family(tb)
    await tb.say(PHONE, "missed 2026-02-03 fever")
    await tb.say(PHONE, "attended 2026-02-04")
    replies = await tb.say(PHONE, "attended_dates 2026-02-02, 2026-02-03, 2026-02-04, 2026-02-20")
    assert replies == [
        "✅ Attended days logged for Asha:\n• Logged: 1\n"
        "• Already logged the same way (skipped): 1\n"
        "• Already logged the other way (skipped): 1\n"
        "• In the future (skipped): 1"
    ]
    assert [(r["day"].day, r["status"]) for r in await sessions(tb)] == [
        (2, "attended"),
        (3, "missed"),
        (4, "attended"),
    ]


async def test_bulk_ranges_and_reasons(tb):
    await family(tb)
    replies = await tb.say(PHONE, "attended_range 2026-02-05 .. 2026-02-07")
    assert "• Logged: 3" in replies[0]
    replies = await tb.say(PHONE, "missed_range 2026-02-09..2026-02-10 Travelling to Hyderabad")
    assert replies[0].startswith("❌ Missed days logged for Asha:\n• Logged: 2")
    missed = [r for r in await sessions(tb) if r["status"] == "missed"]
    assert {(r["reason"], r["reason_category"]) for r in missed} == {
        ("Travelling to Hyderabad", "travel")
    }
    replies = await tb.say(PHONE, "attended_dates 2025-12-30, 2026-01-02")
    assert "• Logged: 1" in replies[0]
    assert "• Before tracking started on Thu 1 Jan (skipped): 1" in replies[0]


async def test_bulk_errors_and_help(tb):
    await family(tb)
    replies = await tb.say(PHONE, "attended_range 2026-02-07..2026-02-05")
    assert replies[0].startswith("⚠️ The range starts (Sat 7 Feb) after it ends (Thu 5 Feb).")
    assert "attended_dates 2026-02-02, 2026-02-04" in replies[0]
    assert (await tb.say(PHONE, "missed_dates 2025-02-29 fever"))[0].startswith(
        "⚠️ 2025-02-29 does not exist"
    )
    assert (await tb.say(PHONE, "bulk help"))[0].startswith("📋 Log many days at once")
    assert await sessions(tb) == []


# ---- backfill ----


async def test_backfill_pages_beyond_ten_days(tb):
    await family(tb)
    assert await tb.say(PHONE, "backfill") == [
        "Fill in older days for Asha: were they attended or missed?"
    ]
    assert last_buttons(tb) == ["backfill:attended", "backfill:missed"]
    await tb.tap(PHONE, "backfill:attended")
    ids = [r["id"] for r in last_rows(tb)]
    assert ids[0] == "log:page:attended:2026-02-11"
    assert ids[1:-1] == [
        f"log:attended:2026-{d}"
        for d in ("02-03", "02-02", "02-01", "01-31", "01-30", "01-29", "01-28", "01-27")
    ]
    assert ids[-1] == "log:page:attended:2026-01-26"
    await tb.tap(PHONE, "log:page:attended:2026-01-26")
    ids = [r["id"] for r in last_rows(tb)]
    assert (ids[0], ids[1], ids[-1]) == (
        "log:page:attended:2026-02-03",
        "log:attended:2026-01-26",
        "log:page:attended:2026-01-18",
    )
    await tb.tap(PHONE, "log:attended:2026-01-20")
    replies = await tb.tap(PHONE, "log:count:2026-01-20:1")
    assert replies[0] == "✅ Attended logged for Asha: Tue 20 Jan, 1 session"
    assert [r["day"] for r in await sessions(tb)] == [date(2026, 1, 20)]


async def test_backfill_missed_stops_paging_at_tracking_start(tb):
    await family(tb)
    await tb.tap(PHONE, "backfill:missed")
    await tb.tap(PHONE, "log:page:missed:2026-01-02")
    assert [r["id"] for r in last_rows(tb)] == [
        "log:page:missed:2026-01-10",
        "log:missed:2026-01-02",
        "log:missed:2026-01-01",
    ]
    await tb.tap(PHONE, "log:missed:2026-01-01")
    await tb.say(PHONE, "Wedding in the family")
    [row] = await sessions(tb)
    assert (row["day"], row["reason_category"]) == (date(2026, 1, 1), "family")


# ---- families ----


async def test_a_co_parents_log_belongs_to_the_child_the_owner_sees(tb):
    _, child_id = await family(tb)
    parent_id = await add_user(tb.db, CO_PARENT)
    await add_member(tb.db, child_id, parent_id, "parent")
    replies = await tb.say(CO_PARENT, "attended yesterday")
    assert replies[0] == "✅ Attended logged for Asha: Tue 10 Feb, 1 session"
    [row] = await sessions(tb)
    assert (row["child_id"], row["logged_by"]) == (child_id, parent_id)
    assert (await tb.say(PHONE, "attended yesterday"))[0].startswith(
        "Asha already has Attended (1 session) logged on Tue 10 Feb"
    )


async def test_two_children_are_kept_apart(tb):
    user_id, asha = await family(tb)
    _, ravi = await family(tb, child="Ravi")
    assert (await tb.say(PHONE, "attended today"))[0].startswith("✅ Attended logged for Ravi")
    await tb.db.execute("UPDATE tt.users SET current_child_id = $2 WHERE id = $1", user_id, asha)
    assert (await tb.say(PHONE, "attended today"))[0].startswith("✅ Attended logged for Asha")
    assert [r["child_id"] for r in await sessions(tb)] == [ravi, asha]
    assert len(await sessions(tb, asha)) == 1


async def test_a_therapist_may_log_but_a_stranger_has_no_child(tb):
    _, child_id = await family(tb)
    therapist = await add_user(tb.db, CO_PARENT)
    await add_member(tb.db, child_id, therapist, "therapist")
    assert (await tb.say(CO_PARENT, "missed today Clinic closed"))[0].startswith("❌ Missed")
    replies = await tb.say("919000000199", "attended today")
    assert not any("logged" in r for r in replies)
    assert len(await sessions(tb)) == 1


# ---- refusals ----


@pytest.mark.parametrize("typed", ["log:attended:2099-01-01", "log:count:2099-01-01:1"])
async def test_a_typed_future_id_is_refused_and_nothing_stored(tb, typed):
    await family(tb)
    replies = await tb.say(PHONE, typed)
    assert replies == [
        "Thu 1 Jan 2099 has not come yet for Asha (today is Wed 11 Feb), so I cannot log it."
    ]
    assert await sessions(tb) == []


async def test_a_typed_id_that_fails_validation_is_refused(tb):
    await family(tb)
    replies = await tb.say(PHONE, "log:attended:2025-02-29")
    assert replies == [t("en", "choice.invalid")]
    assert await sessions(tb) == []


@pytest.mark.parametrize(
    "typed", ["attended 29 feb", "missed 2025-02-29 fever", "attended 29/02/2025"]
)
async def test_29_february_in_a_common_year_is_refused(tb, typed):
    await family(tb)
    assert await tb.say(PHONE, typed) == [
        "That date does not exist (29 Feb comes only in leap years). Please check it."
    ]
    assert await sessions(tb) == []


@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        ("attended 0", "At least 1 session is needed to log a day. Type a number from 1 to 5."),
        ("attended 6", "At most 5 sessions can be logged for one day. Type a number from 1 to 5."),
        (
            "log:count:2026-02-10:6",
            "At most 5 sessions can be logged for one day. Type a number from 1 to 5.",
        ),
    ],
)
async def test_counts_outside_one_to_five_are_refused(tb, typed, reply):
    await family(tb)
    assert await tb.say(PHONE, typed) == [reply]
    assert await sessions(tb) == []


async def test_a_future_day_is_refused(tb):
    await family(tb)
    assert await tb.say(PHONE, "attended 2026-02-12") == [
        "Thu 12 Feb has not come yet for Asha (today is Wed 11 Feb), so I cannot log it."
    ]
    assert await sessions(tb) == []


async def test_a_day_before_tracking_started_is_refused(tb):
    await family(tb)
    assert await tb.say(PHONE, "missed 2025-12-31 fever") == [
        "Wed 31 Dec 2025 is before Asha's tracking started (Thu 1 Jan), so I cannot log it."
    ]
    assert await tb.tap(PHONE, "log:attended:2025-12-31") == [
        "Wed 31 Dec 2025 is before Asha's tracking started (Thu 1 Jan), so I cannot log it."
    ]
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
    assert replies[0] == (
        "✅ Attended logged for Asha: Wed 11 Feb, 1 session\n"
        "🎉 2 weeks in a row with therapy for Asha! Keep it up."
    )
