from datetime import UTC, datetime, timedelta

from dialog.texts import t
from sql.cipher import Cipher
from tests.conftest import TEST_KEY
from tests.support.families import add_member, add_user, make_family
from tracker.notes import count_notes, latest_homework, select_notes

PHONE = "919000000001"
THERAPIST = "919000000002"
CIPHER = Cipher([TEST_KEY])


async def note_rows(bot):
    return await bot.db.fetch(
        "SELECT child_id, author_id, kind, body, voice_note_id FROM tt.notes ORDER BY id"
    )


def buttons(bot):
    """(id, title) of the buttons on the last message to PHONE."""
    body = bot.graph.to(PHONE)[-1]["interactive"]
    return [(b["reply"]["id"], b["reply"]["title"]) for b in body["action"]["buttons"]]


async def conversation_data(bot):
    row = await bot.db.fetchrow("SELECT step, data FROM tt.conversations")
    return row["step"], CIPHER.decrypt_json(row["data"])


async def test_free_note_is_saved_encrypted_and_as_typed(bot):
    user_id, child_id = await make_family(bot.db, PHONE)
    assert (await bot.say(PHONE, "note"))[0].startswith("📝 Type your note for Asha.")
    typed = "Asha said “Mama” TWICE today 😊\nनया शब्द: पानी"
    assert await bot.say(PHONE, typed) == ["✅ Note saved for Asha."]
    [row] = await note_rows(bot)
    assert (row["child_id"], row["author_id"], row["kind"]) == (child_id, user_id, "free")
    assert typed.encode() not in bytes(row["body"])
    assert b"TWICE" not in bytes(row["body"])
    assert CIPHER.decrypt_text(row["body"]) == typed
    assert await bot.db.fetchval("SELECT count(*) FROM tt.conversations") == 0


async def test_a_command_word_typed_as_the_note_is_asked_about_then_kept_when_confirmed(bot):
    await make_family(bot.db, PHONE)
    await bot.say(PHONE, "note")
    assert await bot.say(PHONE, "Join") == [t("en", "flow.command_or_answer", word="Join")]
    assert await note_rows(bot) == []
    [_, keep] = buttons(bot)
    assert keep == ("flow:answer:Join", t("en", "btn.flow_use_answer"))
    assert await bot.tap(PHONE, keep[0]) == ["✅ Note saved for Asha."]
    [row] = await note_rows(bot)
    assert CIPHER.decrypt_text(row["body"]) == "Join"


async def test_a_too_long_note_keeps_the_question_and_the_next_command_is_not_the_note(bot):
    await make_family(bot.db, PHONE)
    await bot.say(PHONE, "note")
    [refused] = await bot.say(PHONE, "x" * 2001)
    assert refused == t("en", "note.too_long", length=2001, limit=2000)
    assert await bot.db.fetchval("SELECT step FROM tt.conversations") == "text"
    assert await bot.say(PHONE, "notes") == [t("en", "flow.command_or_answer", word="notes")]
    assert await note_rows(bot) == []
    [run, _] = buttons(bot)
    assert run == ("cmd:notes", t("en", "btn.flow_run_command"))
    assert await bot.tap(PHONE, run[0]) == [
        "There are no notes for Asha yet. Type *note* to add one."
    ]
    assert await bot.db.fetchval("SELECT count(*) FROM tt.conversations") == 0
    assert await note_rows(bot) == []


async def test_a_therapist_note_step_asks_about_a_command_word_too(bot):
    await make_family(bot.db, PHONE)
    await bot.say(PHONE, "therapist note")
    await bot.say(PHONE, "Two-word phrases")
    assert await bot.say(PHONE, "status") == [t("en", "flow.command_or_answer", word="status")]
    assert await bot.say(PHONE, "Picture cards") == ["(3/4) How did the child *respond*?"]
    assert await conversation_data(bot) == (
        "response",
        {"child_id": 1, "answers": ["Two-word phrases", "Picture cards"]},
    )


async def test_a_too_long_note_after_the_command_says_so_and_waits_for_a_shorter_one(bot):
    await make_family(bot.db, PHONE)
    [refused] = await bot.say(PHONE, "note " + "y" * 2001)
    assert refused == t("en", "note.too_long", length=2001, limit=2000)
    assert await bot.say(PHONE, "Slept well") == ["✅ Note saved for Asha."]


async def test_note_followed_by_text_saves_it_at_once_as_typed(bot):
    await make_family(bot.db, PHONE)
    assert await bot.say(PHONE, "Note  He slept WELL,\n ate lunch") == ["✅ Note saved for Asha."]
    [row] = await note_rows(bot)
    assert CIPHER.decrypt_text(row["body"]) == "He slept WELL,\n ate lunch"


async def test_a_note_too_long_is_asked_again_and_nothing_saved(bot):
    await make_family(bot.db, PHONE)
    await bot.say(PHONE, "note")
    replies = await bot.say(PHONE, "x" * 2001)
    assert replies == [
        "That is too long for one note (2001 characters; the limit is 2000). Nothing is saved "
        "yet: please send it again, shorter, or type *cancel*."
    ]
    assert await note_rows(bot) == []
    assert await bot.say(PHONE, "shorter") == ["✅ Note saved for Asha."]


async def test_therapist_note_cancelled_midway_saves_nothing(bot):
    await make_family(bot.db, PHONE)
    replies = await bot.say(PHONE, "therapist note")
    assert replies[0].startswith("🧑‍⚕️ Therapist note for Asha (1/4)\nWhat was today's *goal*?")
    assert await bot.say(PHONE, "Two-word phrases") == ["(2/4) What *activity* did you do?"]
    assert await bot.say(PHONE, "Picture cards") == ["(3/4) How did the child *respond*?"]
    assert (await bot.say(PHONE, "cancel"))[0] == "Okay, cancelled. Nothing was changed."
    assert await note_rows(bot) == []
    assert await bot.db.fetchval("SELECT count(*) FROM tt.conversations") == 0


async def test_therapist_note_keeps_each_answer_then_saves_one_structured_note(bot):
    user_id, child_id = await make_family(bot.db, PHONE)
    await bot.say(PHONE, "therapist note")
    await bot.say(PHONE, "Two-word phrases")
    await bot.say(PHONE, "Picture cards: ball, cup")
    assert await conversation_data(bot) == (
        "response",
        {"child_id": child_id, "answers": ["Two-word phrases", "Picture cards: ball, cup"]},
    )
    await bot.say(PHONE, "Joined in after 5 minutes")
    replies = await bot.say(PHONE, "Name 5 things at dinner")
    assert replies == [
        "✅ Therapist note saved for Asha:\n🎯 Goal: Two-word phrases\n"
        "🧩 Activity: Picture cards: ball, cup\n"
        "💬 Response: Joined in after 5 minutes\n"
        "🏠 Homework: Name 5 things at dinner"
    ]
    [row] = await note_rows(bot)
    assert (row["child_id"], row["author_id"], row["kind"]) == (child_id, user_id, "structured")
    assert b"dinner" not in bytes(row["body"])
    assert CIPHER.decrypt_json(row["body"]) == {
        "goal": "Two-word phrases",
        "activity": "Picture cards: ball, cup",
        "response": "Joined in after 5 minutes",
        "homework": "Name 5 things at dinner",
    }


async def test_a_button_tap_in_a_note_step_is_not_saved_as_the_note(bot):
    await make_family(bot.db, PHONE)
    await bot.say(PHONE, "note")
    await bot.tap(PHONE, "cmd:notes")
    assert await note_rows(bot) == []
    assert bot.graph.texts_to(PHONE)[-1] == (
        "There are no notes for Asha yet. Type *note* to add one."
    )


async def test_notes_belong_to_the_child_and_every_member_sees_them(bot):
    _, child_id = await make_family(bot.db, PHONE)
    therapist_id = await add_user(bot.db, THERAPIST)
    await add_member(bot.db, child_id, therapist_id, "therapist")
    await bot.say(THERAPIST, "note Great focus today")
    await bot.say(THERAPIST, "therapist note")
    for text in ("Turn-taking", "Board game", "Waited his turn", "Play snakes and ladders"):
        await bot.say(THERAPIST, text)
    [listing] = await bot.say(PHONE, "notes")
    assert listing.startswith("📒 Recent notes for Asha:\n• ")
    lines = listing.splitlines()[1:]
    assert "🧑‍⚕️ Goal: Turn-taking · Homework: Play snakes and ladders" in lines[0]
    assert lines[1].endswith(": Great focus today")


async def test_store_gives_reports_the_notes_and_the_latest_homework(bot):
    _, child_id = await make_family(bot.db, PHONE)
    await bot.say(PHONE, "note first")
    await bot.say(PHONE, "therapist note")
    for text in ("Goal", "Activity", "Response", "Hum at bath time"):
        await bot.say(PHONE, text)
    since = datetime.now(UTC) - timedelta(days=7)
    notes = await select_notes(bot.db, CIPHER, child_id, since)
    assert [(n.kind, n.text, n.homework) for n in notes] == [
        ("structured", "", "Hum at bath time"),
        ("free", "first", ""),
    ]
    assert await count_notes(bot.db, child_id, since) == 2
    assert await latest_homework(bot.db, CIPHER, child_id, since) == "Hum at bath time"
    later = datetime.now(UTC) + timedelta(minutes=1)
    assert await latest_homework(bot.db, CIPHER, child_id, later) is None
