"""Whose log it is: co-parents, two children, a therapist and a stranger.
Through the real webhook and worker; `tb` runs at Wed 11 Feb 2026, 12:00 in Kolkata."""

from tests.support.families import add_member, add_user
from tests.support.logging_steps import CO_PARENT, PHONE, family, sessions, with_mood_question


async def test_a_co_parents_log_belongs_to_the_child_the_owner_sees(tb):
    _, child_id = await family(tb)
    parent_id = await add_user(tb.db, CO_PARENT)
    await add_member(tb.db, child_id, parent_id, "parent")
    replies = await tb.say(CO_PARENT, "attended yesterday")
    assert replies[0] == with_mood_question("✅ Attended logged for Asha: Tue 10 Feb, 1 session")
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
