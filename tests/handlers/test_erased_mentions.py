"""Erasing a member's data also rewrites or drops what still waits to be sent to others and
names them: queued family notices and unsent outbox messages, in the same transaction."""

from datetime import date

import asyncpg
import pytest

from bot.outbox import enqueue
from dialog.replies import Outgoing, Reply
from sql.db import SYSTEM, as_user
from tests.conftest import wait_until
from tests.support import payloads
from tests.support.families import add_member, add_user, at, make_family

OWNER, PARENT, THERAPIST = "919000000001", "919000000002", "919000000004"
CLOCK = lambda: at("2026-11-20T06:00:00")  # noqa: E731 - Friday 20 Nov, 11:30 in Kolkata


def cipher(bot):
    return bot.app.extensions["therapy_tracker"].cipher


async def family_with_therapist(bot):
    owner, child = await make_family(bot.db, OWNER, month=date(2026, 11, 1))
    therapist = await add_user(bot.db, THERAPIST)
    await add_member(bot.db, child, therapist, "therapist")
    await bot.db.execute(
        "UPDATE tt.users SET current_child_id = $1 WHERE id = $2", child, therapist
    )
    return owner, therapist


async def erase(bot, phone):
    """Ask and confirm; waits for the worker only, as held outbox rows never settle."""
    for message in (
        payloads.text(phone, "delete my data"),
        payloads.button_reply(phone, "cmd:delete_confirm"),
    ):
        await bot.post(payloads.webhook([message]))

        async def handled():
            return not await bot.db.fetchval(
                "SELECT count(*) FROM tt.inbound_messages WHERE status = 'pending'"
            )

        await wait_until(handled)


async def queued_lines(bot):
    rows = await bot.db.fetch("SELECT line, about_user_id FROM tt.pending_notices ORDER BY id")
    return [(cipher(bot).decrypt_text(r["line"]), r["about_user_id"]) for r in rows]


async def test_a_deleted_therapists_queued_update_reaches_the_family_without_their_number(
    make_bot,
):
    bot = await make_bot(clock=CLOCK)  # notices wait an hour in tests, so they are still queued
    _, therapist = await family_with_therapist(bot)
    await bot.say(THERAPIST, "attended yesterday")
    [(line, about)] = await queued_lines(bot)
    assert "+91 90000 00004" in line and about == therapist
    await erase(bot, THERAPIST)
    [(line, about)] = await queued_lines(bot)
    assert line == "✅ A family member logged 1 attended session for Asha on Thu 19 Nov."
    assert about is None
    await bot.db.execute("UPDATE tt.pending_notices SET queued_at = now() - interval '2 hours'")
    await bot.flush_notices()
    [received] = bot.graph.texts_to(OWNER)
    assert received == line
    assert "0004" not in str(bot.graph.to(OWNER))


async def test_the_anonymous_line_is_in_the_readers_language(make_bot):
    bot = await make_bot(clock=CLOCK)
    await family_with_therapist(bot)
    await bot.db.execute("UPDATE tt.users SET language = 'hi' WHERE phone = $1", OWNER)
    await bot.say(THERAPIST, "note Good eye contact")
    await erase(bot, THERAPIST)
    [(line, _)] = await queued_lines(bot)
    assert line == "📝 परिवार के एक सदस्य ने Asha के लिए थेरेपी नोट जोड़ा।"


async def test_a_given_up_line_naming_them_is_rewritten_too(make_bot):
    bot = await make_bot(clock=CLOCK)
    await family_with_therapist(bot)
    await bot.say(THERAPIST, "attended yesterday")
    await bot.db.execute(
        "UPDATE tt.pending_notices SET status = 'dead', last_error = 'x', attempts = 5"
    )
    await erase(bot, THERAPIST)
    [(line, about)] = await queued_lines(bot)
    assert line == "✅ A family member logged 1 attended session for Asha on Thu 19 Nov."
    assert about is None


async def test_lines_naming_someone_else_are_untouched(make_bot):
    bot = await make_bot(clock=CLOCK)
    owner, _ = await family_with_therapist(bot)
    parent = await add_user(bot.db, PARENT)
    await add_member(bot.db, await bot.db.fetchval("SELECT id FROM tt.children"), parent, "parent")
    await bot.say(OWNER, "attended yesterday")
    await erase(bot, THERAPIST)
    [(line, about)] = await queued_lines(bot)  # the therapist's own line went with their data
    assert line.startswith("✅ Parent (+91 90000 00001) logged") and about == owner


async def unsent(bot, owner, *, about, anonymous):
    """An outbox row for the owner still waiting to be sent (the sender is not run)."""
    message = Outgoing(
        user_id=owner,
        reply=Reply(text="📣 Family updates:\n✅ Dr Rao (+91 90000 00004) logged 1 session"),
        about=about,
        anonymous=anonymous,
    )
    async with bot.app.extensions["therapy_tracker"].running.db.transaction(SYSTEM) as conn:
        await enqueue(conn, cipher(bot), [message], phone_number_id="held")
        await conn.execute(
            "UPDATE tt.outbox SET next_attempt_at = now() + interval '1 hour' "
            "WHERE phone_number_id = 'held'"
        )


async def held_rows(bot):
    rows = await bot.db.fetch(
        "SELECT body, about_user_ids, anonymous_body FROM tt.outbox "
        "WHERE phone_number_id = 'held' ORDER BY id"
    )
    return [
        (cipher(bot).decrypt_json(r["body"])["message"], r["about_user_ids"], r["anonymous_body"])
        for r in rows
    ]


async def test_an_unsent_message_naming_them_is_rewritten_or_dropped(make_bot):
    bot = await make_bot(clock=CLOCK)
    owner, therapist = await family_with_therapist(bot)
    anonymous = Reply(text="📣 Family updates:\n✅ A family member logged 1 session")
    await unsent(bot, owner, about=(therapist,), anonymous=anonymous)
    await unsent(bot, owner, about=(therapist,), anonymous=None)  # e.g. an invite they sent
    await unsent(bot, owner, about=(), anonymous=None)  # names nobody
    await erase(bot, THERAPIST)
    rows = await held_rows(bot)
    assert [(m["text"]["body"], about, anon) for m, about, anon in rows] == [
        ("📣 Family updates:\n✅ A family member logged 1 session", [], None),
        ("📣 Family updates:\n✅ Dr Rao (+91 90000 00004) logged 1 session", [], None),
    ]


async def test_a_member_cannot_queue_a_message_that_names_someone_else(make_bot):
    bot = await make_bot(clock=CLOCK)
    owner, therapist = await family_with_therapist(bot)
    rt = bot.app.extensions["therapy_tracker"]
    message = Outgoing(user_id=owner, reply=Reply(text="hi"), about=(owner,))
    with pytest.raises(asyncpg.InsufficientPrivilegeError):
        async with rt.running.db.transaction(as_user(therapist)) as conn:
            await enqueue(conn, cipher(bot), [message], phone_number_id="held")


async def test_an_invite_remembers_whom_it_names(bot):
    owner, asha = await make_family(bot.db, OWNER)
    invitee = await add_user(bot.db, PARENT)
    await add_member(bot.db, asha, invitee, "parent")  # known to the owner, so messaged
    await make_family(bot.db, OWNER, child="Ravi")
    await bot.say(OWNER, "invite")
    await bot.tap(OWNER, "invite:role:parent")
    await bot.say(OWNER, "90000 00002")
    about = await bot.db.fetchval(
        "SELECT about_user_ids FROM tt.outbox WHERE user_id = $1", invitee
    )
    assert about == [owner]
