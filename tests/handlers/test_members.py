import pytest

from sql.db import as_user
from tests.conftest import wait_until
from tests.support.families import add_invite, add_member, add_user, close_window, make_family

OWNER = "919000000001"
INVITEE = "919000000002"
THERAPIST = "919000000003"
PARENT = "919000000004"
TEMPLATE = {"invite_template_name": "family_invite", "invite_template_lang": "en"}


async def flushed(bot):
    """Wait until queued family notices went out and every queue is idle."""
    await bot.settle()
    await wait_until(lambda: _no_notices(bot))
    await bot.settle()


async def _no_notices(bot):
    return not await bot.db.fetchval("SELECT count(*) FROM tt.pending_notices")


async def membership(bot, phone):
    return await bot.db.fetchrow(
        "SELECT m.role, m.status, m.invite_channel, m.invited_by FROM tt.memberships m "
        "JOIN tt.users u ON u.id = m.user_id WHERE u.phone = $1",
        phone,
    )


def buttons(bot, phone):
    return [b["reply"]["id"] for b in bot.graph.to(phone)[-1]["interactive"]["action"]["buttons"]]


def rows(bot, phone):
    sections = bot.graph.to(phone)[-1]["interactive"]["action"]["sections"]
    return [r["id"] for section in sections for r in section["rows"]]


async def family_with(bot, *members):
    """The owner's family plus (phone, role) members, all active with an open window."""
    owner, child = await make_family(bot.db, OWNER)
    ids = {}
    for phone, role in members:
        ids[phone] = await add_user(bot.db, phone)
        await add_member(bot.db, child, ids[phone], role)
    return owner, child, ids


# Inviting and delivery

SAVED = (
    "📨 Invite saved: {phone} can join Asha's family as {role}. Ask them to send any "
    "message (like *hi*) to this WhatsApp number: I will show them the invite, with *Accept* "
    "and *Reject*."
)


async def invite_row(bot, phone):
    return await bot.db.fetchrow(
        "SELECT role, invite_channel, invited_by FROM tt.invites WHERE phone = $1", phone
    )


async def second_child(bot):
    """The owner's second child, current; the members of Asha's family are known to them."""
    _, ravi = await make_family(bot.db, OWNER, child="Ravi")
    await bot.db.execute("UPDATE tt.children SET name = 'Asha' WHERE id = $1", ravi)
    return ravi


async def test_someone_in_another_of_your_families_gets_the_invite_with_buttons(bot):
    _, _, ids = await family_with(bot, (THERAPIST, "therapist"))
    child = await second_child(bot)
    await bot.say(OWNER, "invite")
    assert buttons(bot, OWNER) == ["invite:role:parent", "invite:role:therapist"]
    assert await bot.tap(OWNER, "invite:role:therapist") == [
        "Type the therapist's WhatsApp number, for example 98765 43210 or +91 98765 43210."
    ]
    replies = await bot.say(OWNER, "90000 00003")
    assert replies == [SAVED.format(phone="+91 90000 00003", role="therapist")]
    invite = bot.graph.to(THERAPIST)[-1]["interactive"]
    assert invite["body"]["text"].startswith(
        "👋 Parent (+91 90000 00001) invited you to join Asha's therapy tracker as therapist."
    )
    assert buttons(bot, THERAPIST) == [f"invite:accept:{child}", f"invite:reject:{child}"]
    owner = await bot.db.fetchval("SELECT id FROM tt.users WHERE phone = $1", OWNER)
    assert dict(await invite_row(bot, THERAPIST)) == {
        "role": "therapist",
        "invite_channel": "message",
        "invited_by": owner,
    }
    assert await bot.tap(THERAPIST, f"invite:accept:{child}") == [
        "🎉 Welcome! You joined Asha's family as therapist."
    ]
    assert (
        await bot.db.fetchval(
            "SELECT count(*) FROM tt.memberships WHERE user_id = $1", ids[THERAPIST]
        )
        == 2
    )


async def test_outside_their_window_the_approved_template_is_sent(make_bot):
    bot = await make_bot(**TEMPLATE)
    _, _, ids = await family_with(bot, (THERAPIST, "therapist"))
    await close_window(bot.db, ids[THERAPIST])
    await second_child(bot)
    replies = await bot.say(OWNER, "add therapist 9000000003")
    assert replies == [SAVED.format(phone="+91 90000 00003", role="therapist")]
    sent = bot.graph.to(THERAPIST)
    assert [body["type"] for body in sent] == ["template"]
    assert sent[0]["template"]["name"] == "family_invite"
    assert [p["text"] for p in sent[0]["template"]["components"][0]["parameters"]] == [
        "Asha",
        "Parent (+91 90000 00001)",
    ]
    assert (await invite_row(bot, THERAPIST))["invite_channel"] == "template"


async def strangers(bot):
    """Numbers the inviter has no family with: one wrote just now, one two days ago, one
    opted out, one never wrote (no users row)."""
    await add_user(bot.db, "919000000011")
    await close_window(bot.db, await add_user(bot.db, "919000000012"))
    opted_out = await add_user(bot.db, "919000000013")
    await bot.db.execute("UPDATE tt.users SET consent = 'opted_out' WHERE id = $1", opted_out)
    return ["919000000011", "919000000012", "919000000013", "919000000014"]


@pytest.mark.parametrize("settings", [{}, TEMPLATE, {"whatsapp_public_number": "15550001111"}])
async def test_the_reply_is_the_same_whoever_owns_the_number(make_bot, settings):
    """Nothing in the reply, the family's list or the stranger's inbox tells whether a number
    ever wrote to us, wrote lately or opted out."""
    bot = await make_bot(**settings)
    await make_family(bot.db, OWNER)
    numbers = await strangers(bot)
    users_before = await bot.db.fetchval("SELECT count(*) FROM tt.users")
    replies = [await bot.say(OWNER, f"add parent {n[2:]}") for n in numbers]
    answers = {
        tuple(r[0].replace(display, "N") for r in reply)
        for reply, display in zip(
            replies,
            ("+91 90000 00011", "+91 90000 00012", "+91 90000 00013", "+91 90000 00014"),
            strict=True,
        )
    }
    assert len(answers) == 1, answers
    if settings.get("whatsapp_public_number"):
        assert replies[0][0].endswith("\nhttps://wa.me/15550001111?text=accept")
    for number in numbers:
        assert bot.graph.to(number) == []
        assert (await invite_row(bot, number))["invite_channel"] == "link"
    assert await bot.db.fetchval("SELECT count(*) FROM tt.users") == users_before
    assert (
        await bot.db.fetchval(
            "SELECT count(*) FROM tt.outbox o JOIN tt.users u "
            "ON u.id = o.user_id WHERE u.phone <> $1",
            OWNER,
        )
        == 0
    )
    listing = (await bot.say(OWNER, "members"))[0]
    assert listing.count("parent, invite pending (link to forward)") == 4


async def test_a_number_that_never_wrote_has_no_user_until_it_writes_accept(bot):
    await make_family(bot.db, OWNER)
    await bot.say(OWNER, "add parent 9000000002")
    assert await bot.db.fetchval("SELECT count(*) FROM tt.users WHERE phone = $1", INVITEE) == 0
    replies = await bot.say(INVITEE, "accept")
    assert replies[-1] == "🎉 Welcome! You joined Asha's family as parent."
    assert (await membership(bot, INVITEE))["status"] == "active"
    assert await bot.db.fetchval("SELECT count(*) FROM tt.invites") == 0


async def test_invites_are_limited_per_inviter_per_day(bot):
    await make_family(bot.db, OWNER)
    for n in range(10):
        assert (await bot.say(OWNER, f"add parent 90000 001{n:02d}"))[0].startswith("📨"), n
    assert await bot.say(OWNER, "add parent 90000 00199") == [
        "You have sent many invites today. Please try again tomorrow."
    ]
    assert await bot.db.fetchval("SELECT count(*) FROM tt.invites") == 10


async def test_inviting_as_the_app_role_tells_nothing_about_the_number(bot):
    """At the SQL level too: tt.invite_member answers an outcome and a role only, and the
    invitee's users row stays out of the inviter's reach."""
    owner, child = await make_family(bot.db, OWNER)
    invitee = await add_user(bot.db, INVITEE)
    rt = bot.app.extensions["therapy_tracker"]
    async with rt.running.db.transaction(as_user(owner)) as conn:
        row = await conn.fetchrow(
            "SELECT * FROM tt.invite_member($1, $2, 'parent', 'link')", child, INVITEE
        )
        assert dict(row) == {"outcome": "invited", "member_role": "parent"}
        assert await conn.fetchval("SELECT count(*) FROM tt.users WHERE id = $1", invitee) == 0
        assert await conn.fetch("SELECT phone, role FROM tt.invites") == [(INVITEE, "parent")]


async def test_phone_numbers_are_validated_and_normalised(bot):
    await make_family(bot.db, OWNER)
    refusal = (
        "That does not look like a phone number. Type it in digits, for example "
        "98765 43210 or +91 98765 43210."
    )
    for typed in ("banana", "12345", "98765ABCDE", "+44 7700 900123"):
        assert await bot.say(OWNER, f"add parent {typed}") == [refusal], typed
    assert await bot.db.fetchval("SELECT count(*) FROM tt.invites") == 0
    await bot.say(OWNER, "add parent 98765 43210")
    assert (await invite_row(bot, "919876543210"))["role"] == "parent"


async def test_a_bad_number_in_the_flow_is_asked_again(bot):
    await make_family(bot.db, OWNER)
    await bot.tap(OWNER, "invite:role:parent")
    assert (await bot.say(OWNER, "my sister"))[0].startswith("That does not look like a phone")
    await bot.say(OWNER, "09000000002")
    assert (await invite_row(bot, INVITEE))["role"] == "parent"


async def test_inviting_an_active_member_never_changes_their_role(bot):
    await family_with(bot, (THERAPIST, "therapist"))
    replies = await bot.say(OWNER, "add parent 9000000003")
    assert replies == [
        "+91 90000 00003 is already in Asha's family as therapist. To change "
        "their role, type *role*."
    ]
    assert (await membership(bot, THERAPIST))["role"] == "therapist"
    assert await bot.say(OWNER, "add parent 9000000001") == [
        "That is your own number. Type the number of the person you want to invite."
    ]


async def test_an_invite_is_cancelled_from_remove_member(bot):
    await make_family(bot.db, OWNER)
    await bot.say(OWNER, "add parent 9000000002")
    invite_id = await bot.db.fetchval("SELECT id FROM tt.invites")
    await bot.say(OWNER, "remove member")
    assert rows(bot, OWNER) == [f"invite:cancel:{invite_id}"]
    assert await bot.tap(OWNER, f"invite:cancel:{invite_id}") == [
        "Cancel the invite for +91 90000 00002 (parent) to Asha's family?"
    ]
    assert buttons(bot, OWNER) == [f"invite:cancel_yes:{invite_id}", "member:keep"]
    assert await bot.tap(OWNER, f"invite:cancel_yes:{invite_id}") == [
        "Done. The invite for +91 90000 00002 to Asha's family is cancelled."
    ]
    assert await bot.db.fetchval("SELECT count(*) FROM tt.invites") == 0
    assert await bot.say(INVITEE, "accept") != ["🎉 Welcome! You joined Asha's family as parent."]


# Answering an invite


async def test_accept_by_button_joins_and_the_family_hears_of_it(make_bot):
    bot = await make_bot(notice_batch_seconds=0)
    owner, child = await make_family(bot.db, OWNER)
    await add_invite(bot.db, child, await add_user(bot.db, INVITEE), "therapist", owner)
    replies = await bot.tap(INVITEE, f"invite:accept:{child}")
    assert replies[0] == "🎉 Welcome! You joined Asha's family as therapist."
    row = await membership(bot, INVITEE)
    assert (row["role"], row["status"]) == ("therapist", "active")
    await flushed(bot)
    assert bot.graph.texts_to(OWNER)[-1] == (
        "🤝 Parent (+91 90000 00002) joined Asha's family as therapist."
    )


async def test_accept_by_word(bot):
    owner, child = await make_family(bot.db, OWNER)
    await add_invite(bot.db, child, await add_user(bot.db, INVITEE), "parent", owner)
    replies = await bot.say(INVITEE, "accept")
    assert replies[0] == "🎉 Welcome! You joined Asha's family as parent."
    assert (await membership(bot, INVITEE))["status"] == "active"
    assert (
        await bot.db.fetchval("SELECT current_child_id FROM tt.users WHERE phone = $1", INVITEE)
        == child
    )


async def test_reject_removes_the_invite_and_tells_the_inviter(make_bot):
    bot = await make_bot(notice_batch_seconds=0)
    owner, child = await make_family(bot.db, OWNER)
    await add_invite(bot.db, child, await add_user(bot.db, INVITEE), "therapist", owner)
    assert await bot.say(INVITEE, "reject") == [
        "Okay, you rejected the invite to Asha's family. Nothing is shared with you."
    ]
    assert await membership(bot, INVITEE) is None
    await flushed(bot)
    assert bot.graph.texts_to(OWNER)[-1] == (
        "Parent (+91 90000 00002) declined the invite to join Asha's family as therapist."
    )


async def test_two_pending_invites_ask_which_one(bot):
    owner, asha = await make_family(bot.db, OWNER)
    other, ravi = await make_family(bot.db, PARENT, child="Ravi")
    invitee = await add_user(bot.db, INVITEE)
    await add_invite(bot.db, asha, invitee, "therapist", owner)
    await add_invite(bot.db, ravi, invitee, "parent", other)
    assert await bot.say(INVITEE, "accept") == ["You have 2 invites. Pick the one to accept:"]
    assert rows(bot, INVITEE) == [f"invite:accept:{asha}", f"invite:accept:{ravi}"]
    await bot.tap(INVITEE, f"invite:accept:{ravi}")
    statuses = await bot.db.fetch(
        "SELECT child_id, status FROM tt.memberships WHERE user_id = $1 ORDER BY child_id", invitee
    )
    assert [tuple(r) for r in statuses] == [(ravi, "active")]
    assert await bot.db.fetchval("SELECT child_id FROM tt.invites") == asha


async def test_someone_only_invited_sees_the_invite_but_help_and_stop_still_work(bot):
    owner, child = await make_family(bot.db, OWNER)
    await add_invite(bot.db, child, await add_user(bot.db, INVITEE), "therapist", owner)
    replies = await bot.say(INVITEE, "attended")
    assert replies == [
        "You have an invite from +91 90000 00001 to join Asha's family as "
        "therapist. Accept it to start, or reject it."
    ]
    assert buttons(bot, INVITEE) == [f"invite:accept:{child}", f"invite:reject:{child}"]
    assert (await bot.say(INVITEE, "help"))[0].startswith("Here is what you can type")
    assert (await bot.say(INVITEE, "stop"))[0].startswith("You are opted out.")
    assert await bot.db.fetchval("SELECT count(*) FROM tt.sessions") == 0


# Roles: only with the member's consent


async def test_a_role_changes_only_when_the_member_agrees(bot):
    _, child, ids = await family_with(bot, (THERAPIST, "therapist"))
    await bot.say(OWNER, "role")
    assert rows(bot, OWNER) == [f"member:propose:{ids[THERAPIST]}"]
    replies = await bot.tap(OWNER, f"member:propose:{ids[THERAPIST]}")
    assert replies == [
        "I asked +91 90000 00003 to become parent in Asha's family. Their role "
        "changes only when they agree."
    ]
    assert (await membership(bot, THERAPIST))["role"] == "therapist"
    assert bot.graph.texts_to(THERAPIST)[-1].startswith(
        "Parent (+91 90000 00001) asks to change your role in Asha's family from therapist to "
        "parent."
    )
    assert buttons(bot, THERAPIST) == [f"member:role_yes:{child}", f"member:role_no:{child}"]
    assert await bot.tap(THERAPIST, f"member:role_yes:{child}") == [
        "✅ Done: you are now parent in Asha's family."
    ]
    assert (await membership(bot, THERAPIST))["role"] == "parent"


async def test_a_declined_role_request_changes_nothing(make_bot):
    bot = await make_bot(notice_batch_seconds=0)
    _, child, ids = await family_with(bot, (THERAPIST, "therapist"))
    await bot.tap(OWNER, f"member:propose:{ids[THERAPIST]}")
    assert await bot.tap(THERAPIST, f"member:role_no:{child}") == [
        "Okay, you stay therapist in Asha's family."
    ]
    assert (await membership(bot, THERAPIST))["role"] == "therapist"
    await flushed(bot)
    assert bot.graph.texts_to(OWNER)[-1] == (
        "Parent (+91 90000 00003) declined to become parent in Asha's family."
    )
    assert await bot.tap(THERAPIST, f"member:role_yes:{child}") == [
        "There is no open role request for you there."
    ]


async def test_a_request_to_someone_outside_the_window_waits_for_them(bot):
    _, child, ids = await family_with(bot, (THERAPIST, "therapist"))
    await close_window(bot.db, ids[THERAPIST])
    replies = await bot.tap(OWNER, f"member:propose:{ids[THERAPIST]}")
    assert "but I cannot message them right now" in replies[0]
    assert bot.graph.to(THERAPIST) == []
    await bot.say(THERAPIST, "role")
    assert buttons(bot, THERAPIST) == [f"member:role_yes:{child}", f"member:role_no:{child}"]


# Removing, leaving, the last owner


async def test_owner_removes_a_member_who_is_told(make_bot):
    bot = await make_bot(notice_batch_seconds=0)
    _, _, ids = await family_with(bot, (THERAPIST, "therapist"))
    await bot.say(OWNER, "remove member")
    assert rows(bot, OWNER) == [f"member:remove:{ids[THERAPIST]}"]
    await bot.tap(OWNER, f"member:remove:{ids[THERAPIST]}")
    assert buttons(bot, OWNER) == [f"member:remove_yes:{ids[THERAPIST]}", "member:keep"]
    assert await membership(bot, THERAPIST) is not None
    assert await bot.tap(OWNER, f"member:remove_yes:{ids[THERAPIST]}") == [
        "Done. +91 90000 00003 is no longer in Asha's family."
    ]
    assert await membership(bot, THERAPIST) is None
    await flushed(bot)
    assert bot.graph.texts_to(THERAPIST)[-1] == (
        "Parent (+91 90000 00001) removed you from Asha's family."
    )


async def test_a_parent_cannot_remove_the_owner(bot):
    owner, _, _ = await family_with(bot, (PARENT, "parent"))
    await bot.say(PARENT, "remove member")
    assert bot.graph.texts_to(PARENT)[-1] == "There is nobody in Asha's family you can remove."
    assert await bot.tap(PARENT, f"member:remove_yes:{owner}") == [
        "That person is not in this family any more. Type *members* to see who is."
    ]
    assert (await membership(bot, OWNER))["role"] == "owner"


async def test_a_member_leaves_and_the_family_hears_of_it(make_bot):
    bot = await make_bot(notice_batch_seconds=0)
    _, child, _ = await family_with(bot, (THERAPIST, "therapist"))
    await bot.say(THERAPIST, "leave family")
    assert buttons(bot, THERAPIST) == [f"member:leave_yes:{child}", "member:keep"]
    replies = await bot.tap(THERAPIST, f"member:leave_yes:{child}")
    assert replies[0].startswith("You left Asha's family.")
    assert await membership(bot, THERAPIST) is None
    await flushed(bot)
    assert bot.graph.texts_to(OWNER)[-1] == (
        "👋 Parent (+91 90000 00003), therapist, left Asha's family."
    )


async def test_the_last_owner_cannot_leave_until_ownership_is_handed_over(make_bot):
    bot = await make_bot(notice_batch_seconds=0)
    _, child, ids = await family_with(bot, (THERAPIST, "therapist"))
    replies = await bot.tap(OWNER, f"member:leave_yes:{child}")
    assert replies == [
        "You are the last owner of Asha's family, so you cannot leave yet. First "
        "make someone else the owner: type *transfer ownership*."
    ]
    assert (await membership(bot, OWNER))["status"] == "active"
    await flushed(bot)
    assert bot.graph.to(THERAPIST) == [], "the refused leave took its notice back"
    await bot.say(OWNER, "transfer ownership")
    assert rows(bot, OWNER) == [f"member:transfer:{ids[THERAPIST]}"]
    await bot.tap(OWNER, f"member:transfer:{ids[THERAPIST]}")
    assert bot.graph.texts_to(THERAPIST)[-1].startswith(
        "Parent (+91 90000 00001) wants to hand Asha's family over to you"
    )
    assert (await membership(bot, THERAPIST))["role"] == "therapist"
    await bot.tap(THERAPIST, f"member:role_yes:{child}")
    assert (await membership(bot, THERAPIST))["role"] == "owner"
    assert (await membership(bot, OWNER))["role"] == "parent"
    await flushed(bot)
    assert bot.graph.texts_to(OWNER)[-1] == (
        "🔁 Parent (+91 90000 00003) is now owner in Asha's family."
    )
    assert (await bot.tap(OWNER, f"member:leave_yes:{child}"))[0].startswith("You left")
    assert await membership(bot, OWNER) is None


# Listing


async def test_members_lists_roles_and_invite_states(bot):
    owner, child, _ = await family_with(bot, (THERAPIST, "therapist"))
    await add_invite(bot.db, child, await add_user(bot.db, INVITEE), "parent", owner)
    text = (await bot.say(OWNER, "members"))[0]
    assert text.startswith(
        "👨‍👩‍👧 Asha's family:\n• +91 90000 00001: owner (you)\n"
        "• +91 90000 00003: therapist\n"
        "• +91 90000 00002: parent, invite pending (not sent)\n"
    )
    assert buttons(bot, OWNER) == ["cmd:invite", "cmd:remove_member", "cmd:role"]
    await bot.say(THERAPIST, "members")
    assert bot.graph.to(THERAPIST)[-1]["type"] == "text"


@pytest.mark.parametrize("first", ["hi", "Hello!", "नमस्ते", "attended"])
async def test_the_first_reply_to_someone_invited_is_their_invite(bot, first):
    await make_family(bot.db, OWNER)
    await bot.say(OWNER, "add therapist 9000000002")
    replies = await bot.say(INVITEE, first)
    assert "+91 90000 00001" in replies[0]
    first_body = bot.graph.to(INVITEE)[0]["interactive"]
    child = await bot.db.fetchval("SELECT id FROM tt.children")
    assert [b["reply"]["id"] for b in first_body["action"]["buttons"]] == [
        f"invite:accept:{child}",
        f"invite:reject:{child}",
    ]
    assert not any("setting up your child" in reply for reply in replies)


async def test_an_invitee_who_picks_a_language_sees_the_invite_again_in_it(bot):
    await make_family(bot.db, OWNER)
    await bot.say(OWNER, "add parent 9000000002")
    await bot.say(INVITEE, "hi")
    replies = await bot.tap(INVITEE, "lang:set:hi")
    assert replies[0].startswith("हो गया। अब मैं आपसे हिंदी में बात करूँगा।\n\n+91 90000 00001 ने")
    assert not any("सेटअप" in reply for reply in replies)
    child = await bot.db.fetchval("SELECT id FROM tt.children")
    assert buttons(bot, INVITEE) == [f"invite:accept:{child}", f"invite:reject:{child}"]
