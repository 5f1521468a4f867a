from datetime import date

from dialog.texts import t
from sql.db import SYSTEM
from tests.conftest import wait_until
from tests.support.families import add_invite, add_member, add_user, make_family
from tracker.my_data import purge_deleted_users

OWNER, PARENT, OTHER, THERAPIST = ("919000000001", "919000000002", "919000000003", "919000000004")
PREPARING = "📦 Preparing your data export. I will confirm once the file is on its way to you."
SENT = (
    "✅ Your data export was sent above as a text file. It holds everything we keep about "
    "you and your families."
)
CHILD_TABLES = ("plans", "sessions", "holidays", "notes")


def cipher(bot):
    return bot.app.extensions["therapy_tracker"].cipher


async def log_session(bot, child, user, day, status, reason=None):
    await bot.db.execute(
        "INSERT INTO tt.sessions (child_id, day, status, reason, logged_by) "
        "VALUES ($1, $2, $3, $4, $5)",
        child,
        day,
        status,
        cipher(bot).encrypt_text(reason) if reason else None,
        user,
    )


async def write_note(bot, child, author, body):
    await bot.db.execute(
        "INSERT INTO tt.notes (child_id, author_id, body) VALUES ($1, $2, $3)",
        child,
        author,
        cipher(bot).encrypt_text(body),
    )


async def shared_family(bot):
    """Asha: owner and parent, with sessions, a holiday and a note; Ravi: another family."""
    owner, child = await make_family(bot.db, OWNER)
    parent = await add_user(bot.db, PARENT)
    await add_member(bot.db, child, parent, "parent")
    await log_session(bot, child, owner, date(2026, 11, 2), "attended")
    await log_session(bot, child, parent, date(2026, 11, 3), "missed", "Fever ज्वर")
    await bot.db.execute(
        "INSERT INTO tt.holidays (child_id, day, set_by) VALUES ($1, $2, $3)",
        child,
        date(2026, 11, 14),
        owner,
    )
    await write_note(bot, child, parent, "Speech is improving")
    other, ravi = await make_family(bot.db, OTHER, child="Ravi")
    await log_session(bot, ravi, other, date(2026, 11, 3), "missed", "secret reason")
    await write_note(bot, ravi, other, "other family note")
    return owner, parent, child


async def ask_export(bot, phone, sent=SENT):
    """Send "export" and wait for the follow-up, which the sender queues after Meta's answer."""
    before = len(bot.graph.to(phone))
    await bot.say(phone, "export")

    async def followed_up():
        return sent in bot.graph.texts_to(phone)[before:]

    await wait_until(followed_up)
    return bot.graph.texts_to(phone)[before:]


def uploaded_file(body: bytes) -> tuple[bytes, bytes]:
    """The file part of a multipart upload: (its headers, its content)."""
    boundary = body.split(b"\r\n", 1)[0]
    part = next(p for p in body.split(boundary) if b'name="file"' in p)
    headers, _, content = part.partition(b"\r\n\r\n")
    return headers, content.removesuffix(b"\r\n")


def exported_text(bot) -> str:
    headers, content = uploaded_file(bot.graph.uploads[-1])
    assert b"Content-Type: text/plain" in headers
    assert content.startswith(b"\xef\xbb\xbf"), "a BOM so every viewer reads UTF-8"
    return content.decode("utf-8-sig")


async def table_counts(bot, child=None):
    where = "" if child is None else f" WHERE child_id = {int(child)}"
    return {t: await bot.db.fetchval(f"SELECT count(*) FROM tt.{t}{where}") for t in CHILD_TABLES}


async def test_export_holds_the_family_records_and_nothing_of_other_families(bot):
    await shared_family(bot)
    assert await ask_export(bot, OWNER) == [PREPARING, "document", SENT]
    document = bot.graph.to(OWNER)[-2]["document"]
    assert document["filename"].startswith("therapy-tracker-data-")
    assert document["filename"].endswith(".txt")
    text = exported_text(bot)
    for expected in (
        "Phone: +91 90000 00001",
        "Timezone: Asia/Kolkata",
        "• Asha – your role: owner",
        "CHILD: Asha",
        "• parent: 91******0002",
        "• 2026-11-02: attended ×1 – logged by you",
        "• 2026-11-03: missed ×1 – reason: Fever ज्वर – logged by parent 91******0002",
        "• 2026-11-14",
        "parent 91******0002: Speech is improving",
        "16 sessions paid at ₹800 each",
        "Reminders: on, at 19:00 on every day",
    ):
        assert expected in text
    for leaked in ("Ravi", "secret reason", "other family note", "919000000003"):
        assert leaked not in text


async def test_export_is_confirmed_only_after_meta_accepted_the_file(bot):
    await shared_family(bot)
    bot.graph.refuse_next_upload(400, 131053)
    assert await bot.say(OWNER, "export") == [PREPARING]
    statuses = await bot.db.fetch("SELECT status, error_code FROM tt.outbox ORDER BY id")
    assert [tuple(s) for s in statuses] == [("sent", None), ("failed", "131053")]


async def test_export_and_delete_work_while_opted_out(bot):
    await make_family(bot.db, OWNER)
    await bot.say(OWNER, "stop")
    assert await ask_export(bot, OWNER) == [PREPARING, "document", SENT]
    assert ": You turned messages off." in exported_text(bot)
    assert (await bot.say(OWNER, "delete my data"))[0].startswith("⚠️ Delete your data?")
    replies = await bot.tap(OWNER, "cmd:delete_confirm")
    assert replies[0].startswith("🗑️ Done. Your data is deleted.")
    assert await bot.db.fetchval("SELECT count(*) FROM tt.children") == 0


async def test_delete_asks_first_and_no_keeps_everything(bot):
    owner, _, child = await shared_family(bot)
    before = await table_counts(bot)
    replies = await bot.say(OWNER, "delete my data")
    assert replies == [
        "⚠️ Delete your data?\nThis erases your number, settings, messages and "
        "your place in every family:\n• Asha: the family keeps its records and "
        "another parent becomes the owner.\nThis cannot be undone. Want a copy "
        "first? Send *export*."
    ]
    buttons = bot.graph.to(OWNER)[-1]["interactive"]["action"]["buttons"]
    assert [b["reply"]["id"] for b in buttons] == ["cmd:delete_confirm", "cmd:delete_keep"]
    assert await bot.say(OWNER, "banana") == [
        "Sorry, I did not get that.\n\nPlease tap a button: delete your data, or keep it?",
    ]
    assert await bot.tap(OWNER, "cmd:delete_keep") == ["Okay, nothing was deleted."]
    assert await table_counts(bot) == before
    assert await bot.db.fetchval("SELECT deleted_at FROM tt.users WHERE id = $1", owner) is None
    assert await bot.tap(OWNER, "cmd:delete_confirm") == [
        "There is nothing to confirm right now. To erase your data, send *delete my data*."
    ]
    assert (
        await bot.db.fetchval("SELECT count(*) FROM tt.memberships WHERE child_id = $1", child) == 2
    )


async def test_delete_in_a_shared_family_hands_ownership_to_the_remaining_parent(bot):
    owner, parent, child = await shared_family(bot)
    await bot.say(OWNER, "stop")
    before = await table_counts(bot, child)
    await bot.say(OWNER, "delete my data")
    replies = await bot.tap(OWNER, "cmd:delete_confirm")
    assert replies == [
        "🗑️ Done. Your data is deleted.\n• Asha: the records stay with the "
        "family; another parent is now the owner.\nThis is my last message. If "
        "you write again, we start fresh. Take care!"
    ]
    assert await table_counts(bot, child) == before
    members = await bot.db.fetch(
        "SELECT user_id, role FROM tt.memberships WHERE child_id = $1", child
    )
    assert [tuple(m) for m in members] == [(parent, "owner")]
    assert (
        await bot.db.fetchval("SELECT created_by FROM tt.children WHERE id = $1", child) == parent
    )
    assert (
        await bot.db.fetchval("SELECT count(*) FROM tt.sessions WHERE logged_by = $1", owner) == 0
    )
    events = await bot.db.fetch(
        "SELECT user_id, child_id, kind, details FROM tt.audit_events ORDER BY id"
    )
    assert [(e["user_id"], e["child_id"], e["kind"]) for e in events] == [
        (None, child, "member_data_deleted"),
        (None, None, "user_data_deleted"),
    ]
    assert "919000000001" not in str([e["details"] for e in events])
    await assert_stub_then_purged(bot, owner)


async def assert_stub_then_purged(bot, user_id):
    stub = await bot.db.fetchrow(
        "SELECT phone, welcomed_at, deleted_at, consent, "
        "current_child_id FROM tt.users WHERE id = $1",
        user_id,
    )
    assert stub["deleted_at"] is not None and stub["welcomed_at"] is None
    assert stub["consent"] == "opted_in" and stub["current_child_id"] is None
    for table in ("conversations", "audit_events", "memberships"):
        assert (
            await bot.db.fetchval(f"SELECT count(*) FROM tt.{table} WHERE user_id = $1", user_id)
            == 0
        )
    outbox = await bot.db.fetch("SELECT status FROM tt.outbox WHERE user_id = $1", user_id)
    assert [r["status"] for r in outbox] == ["sent"], "only the goodbye is left"
    rt = bot.app.extensions["therapy_tracker"]
    async with rt.running.db.transaction(SYSTEM) as conn:
        assert await purge_deleted_users(conn) == 1
    assert await bot.db.fetchval("SELECT count(*) FROM tt.users WHERE id = $1", user_id) == 0
    assert (
        await bot.db.fetchval(
            "SELECT count(*) FROM tt.inbound_messages WHERE user_id = $1", user_id
        )
        == 0
    )


async def test_delete_of_a_sole_family_removes_the_child_with_all_its_rows(bot):
    owner, child = await make_family(bot.db, OWNER)
    await log_session(bot, child, owner, date(2026, 11, 3), "missed", "Fever")
    await bot.db.execute(
        "INSERT INTO tt.holidays (child_id, day) VALUES ($1, $2)", child, date(2026, 11, 14)
    )
    await write_note(bot, child, owner, "A note")
    _, ravi = await make_family(bot.db, OTHER, child="Ravi")
    ravi_rows = await table_counts(bot, ravi)
    replies = await bot.say(OWNER, "delete my data")
    assert (
        "• Asha: no other parent is in this family, so Asha's plans, sessions, holidays and "
        "notes are deleted too." in replies[0]
    )
    replies = await bot.tap(OWNER, "cmd:delete_confirm")
    assert "• Asha: all records deleted." in replies[0]
    assert await table_counts(bot, child) == dict.fromkeys(CHILD_TABLES, 0)
    assert await bot.db.fetchval("SELECT count(*) FROM tt.children WHERE id = $1", child) == 0
    assert await table_counts(bot, ravi) == ravi_rows
    await assert_stub_then_purged(bot, owner)


async def test_a_child_left_with_only_therapists_is_deleted(bot):
    _, child = await make_family(bot.db, OWNER)
    therapist = await add_user(bot.db, THERAPIST)
    await add_member(bot.db, child, therapist, "therapist")
    await log_session(bot, child, therapist, date(2026, 11, 3), "attended")
    await bot.say(OWNER, "delete my data")
    await bot.tap(OWNER, "cmd:delete_confirm")
    assert await bot.db.fetchval("SELECT count(*) FROM tt.children") == 0
    assert await bot.db.fetchval("SELECT count(*) FROM tt.memberships") == 0
    assert await table_counts(bot) == dict.fromkeys(CHILD_TABLES, 0)


async def test_a_therapist_exports_and_deletes_their_own_data(bot):
    owner, child = await make_family(bot.db, OWNER)
    therapist = await add_user(bot.db, THERAPIST)
    await add_member(bot.db, child, therapist, "therapist")
    await log_session(bot, child, owner, date(2026, 11, 2), "attended")
    await write_note(bot, child, therapist, "Worked on two-word phrases")
    other, ravi = await make_family(bot.db, OTHER, child="Ravi")
    await add_invite(bot.db, ravi, therapist, "therapist", other)
    assert await ask_export(bot, THERAPIST) == [PREPARING, "document", SENT]
    text = exported_text(bot)
    assert "• Asha – your role: therapist" in text
    assert "• Ravi – invited as therapist, not yet accepted" in text
    assert "CHILD: Ravi" not in text
    assert "you: Worked on two-word phrases" in text
    assert "• 2026-11-02: attended ×1 – logged by owner 91******0001" in text
    replies = await bot.say(THERAPIST, "delete my data")
    assert "• Asha: the family keeps its records; your name is removed from them." in replies[0]
    await bot.tap(THERAPIST, "cmd:delete_confirm")
    members = await bot.db.fetch(
        "SELECT child_id, user_id, role FROM tt.memberships ORDER BY child_id"
    )
    assert [tuple(m) for m in members] == [(child, owner, "owner"), (ravi, other, "owner")]
    note = await bot.db.fetchrow("SELECT author_id, body FROM tt.notes")
    assert note["author_id"] is None
    assert cipher(bot).decrypt_text(note["body"]) == "Worked on two-word phrases"
    await assert_stub_then_purged(bot, therapist)


async def test_writing_again_after_deleting_starts_fresh_and_is_not_purged(bot):
    owner, _ = await make_family(bot.db, OWNER)
    await bot.say(OWNER, "delete my data")
    await bot.tap(OWNER, "cmd:delete_confirm")
    replies = await bot.say(OWNER, "hi")
    assert replies[0].startswith("👋 Welcome to Therapy Tracker!")
    rt = bot.app.extensions["therapy_tracker"]
    async with rt.running.db.transaction(SYSTEM) as conn:
        assert await purge_deleted_users(conn) == 0
    assert (
        await bot.db.fetchval("SELECT welcomed_at FROM tt.users WHERE id = $1", owner) is not None
    )


async def test_the_export_reads_as_a_document_in_the_users_language(bot):
    _, child = await make_family(bot.db, OWNER)
    therapist = await add_user(bot.db, THERAPIST)
    await add_member(bot.db, child, therapist, "therapist")
    await bot.db.execute(
        "UPDATE tt.users SET current_child_id = $1 WHERE id = $2", child, therapist
    )
    await bot.say(THERAPIST, "therapist note")
    for answer in ("Two-word phrases", "Picture cards", "Joined in", "Name 5 things"):
        await bot.say(THERAPIST, answer)
    for typed in ("stop", "start", "timezone Asia/Dubai", "reminders 8pm", "language hi"):
        await bot.say(OWNER, typed)
    await bot.tap(OWNER, "rem:off")
    await ask_export(bot, OWNER, t("hi", "export.sent"))
    text = exported_text(bot)
    assert "{" not in text, "no raw JSON"
    assert "• Asha – आपकी भूमिका: मालिक" in text
    assert "भाषा: हिंदी" in text
    note = text.split("नोट्स:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert note[0].endswith(", थेरेपिस्ट 91******0004 – थेरेपिस्ट नोट:")
    assert note[1:] == [
        "    लक्ष्य: Two-word phrases",
        "    गतिविधि: Picture cards",
        "    प्रतिक्रिया: Joined in",
        "    घर का अभ्यास: Name 5 things",
    ]
    log = text.split("आपकी गतिविधि का रिकॉर्ड\n" + "=" * 40 + "\n", 1)[1].split("\n\n")[0]
    assert [line.split(": ", 1)[1] for line in log.splitlines()] == [
        "आपने संदेश बंद किए।",
        "आपने संदेश चालू किए।",
        "समय क्षेत्र Asia/Dubai किया गया।",
        "रिमाइंडर का समय 20:00 किया गया।",
        "भाषा हिंदी चुनी गई।",
        "रिमाइंडर बंद किए गए।",
    ]


async def test_the_activity_log_names_a_cancelled_invite(bot):
    owner, child = await make_family(bot.db, OWNER)
    await bot.db.execute(
        "INSERT INTO tt.audit_events (user_id, child_id, kind, details) "
        "VALUES ($1, $2, 'invite_cancelled', '{\"role\": \"therapist\"}')",
        owner,
        child,
    )
    await ask_export(bot, OWNER)
    assert ": You cancelled an invite (therapist) to Asha's family." in exported_text(bot)
