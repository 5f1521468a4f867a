from datetime import date, datetime, timedelta

import pytest

from bot.notice_flusher import merge_lines
from handlers.family_notices import notify_family
from tests.conftest import wait_until
from tests.support.families import (
    KOLKATA,
    add_invite,
    add_member,
    add_user,
    close_window,
    make_family,
)
from tracker.children import select_current_child
from tracker.permissions import allowed
from tracker.phones import display_phone, normalise_phone

OWNER = "919000000001"
PARENT = "919000000002"
THERAPIST = "919000000003"
AWAY = "919000000004"
STRANGER = "919000000009"


def add_test_choice(bot, action, handler):
    router = bot.app.extensions["therapy_tracker"].router
    router.choice("test", action)(handler)


async def log_attended(ctx, _choice):
    """A stand-in for the sessions feature: tell the family about one attended session."""
    child = await select_current_child(ctx.conn, ctx.user.id)
    queued = await notify_family(ctx, child, "notify.attended", count=1, day=date(2026, 11, 20))
    ctx.reply(f"queued {queued}")


async def family_of_four(bot):
    """Owner, a parent and a therapist (window open), and a parent who last wrote days ago."""
    _, child = await make_family(bot.db, OWNER)
    ids = {}
    for phone, role in ((PARENT, "parent"), (THERAPIST, "therapist"), (AWAY, "parent")):
        ids[phone] = await add_user(bot.db, phone)
        await add_member(bot.db, child, ids[phone], role)
    await close_window(bot.db, ids[AWAY])
    return child, ids


async def flushed(bot):
    await bot.settle()
    await wait_until(lambda: _no_notices(bot))
    await bot.settle()


async def _no_notices(bot):
    return not await bot.db.fetchval("SELECT count(*) FROM tt.pending_notices")


# Co-member notifications


async def test_notices_skip_the_opted_out_and_those_outside_their_window(make_bot):
    bot = await make_bot(notice_batch_seconds=600)
    _, ids = await family_of_four(bot)
    await bot.db.execute("UPDATE tt.users SET consent = 'opted_out' WHERE id = $1", ids[THERAPIST])
    add_test_choice(bot, "log", log_attended)
    assert await bot.tap(OWNER, "test:log") == ["queued 1"]
    queued = await bot.db.fetch("SELECT user_id FROM tt.pending_notices")
    assert [r["user_id"] for r in queued] == [ids[PARENT]], "nothing queued for the others"
    line = await bot.db.fetchval("SELECT line FROM tt.pending_notices")
    assert b"Parent" not in line, "lines are stored encrypted"


async def test_notices_are_merged_into_one_message_per_person(make_bot):
    bot = await make_bot(notice_batch_seconds=2.0)
    await family_of_four(bot)
    add_test_choice(bot, "log", log_attended)
    await bot.tap(OWNER, "test:log")
    await bot.tap(OWNER, "test:log")
    await flushed(bot)
    line = "✅ Parent (+91 90000 00001) logged 1 attended session for Asha on Fri 20 Nov."
    assert bot.graph.texts_to(PARENT) == [f"📣 Family updates:\n{line}\n{line}"]
    assert bot.graph.texts_to(THERAPIST) == [f"📣 Family updates:\n{line}\n{line}"]
    assert bot.graph.to(AWAY) == []


async def test_a_notice_is_written_in_the_readers_language(make_bot):
    bot = await make_bot(notice_batch_seconds=0)
    _, ids = await family_of_four(bot)
    await bot.db.execute("UPDATE tt.users SET language = 'hi' WHERE id = $1", ids[PARENT])
    add_test_choice(bot, "log", log_attended)
    await bot.tap(OWNER, "test:log")
    await flushed(bot)
    assert bot.graph.texts_to(PARENT) == [
        "✅ Parent (+91 90000 00001) ने शुक्र 20 नवंबर को Asha का 1 सत्र हुआ दर्ज किया।"
    ]


async def test_someone_who_opts_out_after_a_notice_was_queued_gets_nothing(make_bot):
    bot = await make_bot(notice_batch_seconds=2.0)
    await family_of_four(bot)
    add_test_choice(bot, "log", log_attended)
    await bot.tap(OWNER, "test:log")
    await bot.say(PARENT, "stop")
    await flushed(bot)
    assert not any("logged" in text for text in bot.graph.texts_to(PARENT))
    assert any("logged" in text for text in bot.graph.texts_to(THERAPIST))


def test_a_long_batch_is_cut_with_a_count():
    text = merge_lines("en", ["x" * 1000] * 6)
    assert len(text) <= 4096
    assert text.endswith("…and 3 more updates.")


# Permissions: one table, fail closed


def test_the_permission_table_fails_closed():
    assert not allowed("therapist", "billing")
    assert not allowed("therapist", "members_manage")
    assert not allowed("therapist", "transfer")
    assert allowed("owner", "transfer")
    assert not allowed("parent", "transfer")
    assert not allowed("ghost", "view")
    assert not allowed(None, "view")
    assert not allowed("owner", "no_such_action")


async def test_owner_only_and_manager_commands_refuse_a_therapist(bot):
    _, ids = await family_of_four(bot)
    refusal = "Sorry, as a therapist you cannot do that for this child."
    assert await bot.say(THERAPIST, "transfer ownership") == [refusal]
    assert await bot.say(THERAPIST, "add parent 9000000009") == [refusal]
    assert await bot.say(THERAPIST, "remove member") == [refusal]
    assert await bot.tap(THERAPIST, f"member:remove_yes:{ids[PARENT]}") == [refusal]
    assert await bot.db.fetchval("SELECT count(*) FROM tt.memberships") == 4
    assert await bot.db.fetchval("SELECT count(*) FROM tt.users WHERE phone = $1", STRANGER) == 0


async def test_a_database_error_during_the_permission_check_refuses(bot):
    await make_family(bot.db, OWNER)
    await bot.db.execute("REVOKE SELECT ON tt.memberships FROM tt_app")
    try:
        replies = await bot.say(OWNER, "add parent 9000000009")
    finally:
        await bot.db.execute("GRANT SELECT ON tt.memberships TO tt_app")
    assert len(replies) == 1
    assert replies[0].startswith("Sorry, something went wrong on my side")
    assert await bot.db.fetchval("SELECT count(*) FROM tt.users WHERE phone = $1", STRANGER) == 0
    assert await bot.db.fetchval("SELECT count(*) FROM tt.memberships") == 1
    assert bot.graph.to(STRANGER) == []


# Clinic view


async def sessions(bot, child, status, count):
    today = datetime.now(KOLKATA).date()
    for back in range(count):
        await bot.db.execute(
            "INSERT INTO tt.sessions (child_id, day, status) VALUES ($1, $2, $3)",
            child,
            today - timedelta(days=back),
            status,
        )


async def test_admin_counts_only_the_families_the_caller_belongs_to(bot):
    therapist = await add_user(bot.db, THERAPIST)
    owner, asha = await make_family(bot.db, OWNER, child="Asha")
    _, ravi = await make_family(bot.db, PARENT, child="Ravi")
    _, bala = await make_family(bot.db, STRANGER, child="Bala")
    await add_member(bot.db, asha, therapist, "therapist")
    await add_member(bot.db, ravi, therapist, "therapist")
    await add_invite(bot.db, asha, await add_user(bot.db, AWAY), "parent", owner)
    await sessions(bot, asha, "missed", 3)
    await sessions(bot, ravi, "attended", 1)
    await sessions(bot, bala, "missed", 5)
    text = (await bot.say(THERAPIST, "admin"))[0]
    assert text == (
        "🏥 Your families, last 14 days:\n• Children: 2\n• Active (a session "
        "logged): 2\n• Pending invites: 1\n\n⚠️ Children who may drop off:\n"
        "• Asha: high risk (0 attended, 3 missed)"
    )
    assert "Bala" not in text


async def test_admin_without_families(bot):
    await add_user(bot.db, STRANGER)
    assert await bot.say(STRANGER, "admin") == [
        "You are not in any family yet, so there is nothing to show."
    ]


# Phone numbers


@pytest.mark.parametrize(
    ("typed", "digits"),
    [
        ("9876543210", "919876543210"),
        ("98765 43210", "919876543210"),
        ("+91 98765-43210", "919876543210"),
        ("09876543210", "919876543210"),
        ("919876543210", "919876543210"),
        ("+1 415 555 2671", "14155552671"),
    ],
)
def test_numbers_are_normalised_to_e164_digits(typed, digits):
    assert normalise_phone(typed) == digits


@pytest.mark.parametrize(
    "typed", ["", "banana", "12345", "98765ABCDE", "+44 7700 900123", "9" * 40]
)
def test_nonsense_numbers_are_refused(typed):
    assert normalise_phone(typed) is None


def test_numbers_are_shown_the_way_people_read_them():
    assert display_phone("919876543210") == "+91 98765 43210"
    assert display_phone(None) == "?"
