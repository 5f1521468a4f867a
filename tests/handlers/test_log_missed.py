"""Logging missed sessions: the day, then the reason kept exactly as typed and categorised.
Through the real webhook and worker; `tb` runs at Wed 11 Feb 2026, 12:00 in Kolkata."""

from datetime import date

from tests.support.logging_steps import PHONE, family, last_rows, sessions


async def test_missed_with_a_reason_kept_exactly_and_categorised(tb):
    await family(tb)
    await tb.say(PHONE, "missed")
    assert last_rows(tb)[0]["id"] == "log:missed:2026-02-11"
    assert await tb.tap(PHONE, "log:missed:2026-02-10") == [
        "Why was Asha's session on Tue 10 Feb missed? Type the reason in your own words "
        "(e.g. *fever*, *travelling*, *therapist on leave*)."
    ]
    replies = await tb.say(PHONE, "Fever 🤒")
    assert replies == [
        "❌ Missed logged for Asha: Tue 10 Feb, 1 session\nReason: Fever 🤒 (health)"
    ]
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
        "❌ Missed logged for Asha: Mon 9 Feb, 1 session\n"
        "Reason: Therapist on LEAVE (therapist unavailable)"
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
    assert replies[0].startswith(
        "❌ Missed logged for Asha: Wed 11 Feb, 1 session\nReason: High fever"
    )
    assert len(replies[0]) < 400
    [row] = await sessions(tb)
    assert (row["reason"], row["reason_category"]) == (reason.strip(), "health")


async def test_a_reason_in_hindi_is_categorised_and_answered_in_hindi(tb):
    user_id, _ = await family(tb)
    await tb.db.execute("UPDATE tt.users SET language = 'hi' WHERE id = $1", user_id)
    replies = await tb.say(PHONE, "छूट गया कल बुखार था")
    assert replies == ["❌ Asha का छूटा सत्र दर्ज: मंगल 10 फ़रवरी, 1 सत्र\nवजह: बुखार था (सेहत)"]
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
