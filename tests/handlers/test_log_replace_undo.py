"""A day that already has entries (replace, add or keep) and undoing one's own last entry.
Through the real webhook and worker; `tb` runs at Wed 11 Feb 2026, 12:00 in Kolkata."""

from datetime import date

from tests.support.families import add_member, add_user
from tests.support.logging_steps import (
    CO_PARENT,
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
    assert await tb.say(PHONE, "undo") == ["↩️ Removed from Asha: Attended, Tue 10 Feb, 2 sessions."]
    assert [(r["day"], r["logged_by"]) for r in await sessions(tb)] == [
        (date(2026, 2, 9), await tb.db.fetchval("SELECT id FROM tt.users WHERE phone = $1", PHONE)),
        (date(2026, 2, 11), parent_id),
    ]
    await tb.say(PHONE, "undo")
    assert await tb.say(PHONE, "undo") == ["There is nothing you logged for Asha to undo."]
    assert [r["logged_by"] for r in await sessions(tb)] == [parent_id]
