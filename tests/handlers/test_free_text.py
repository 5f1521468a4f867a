"""Steps that take any typed text (a name, a reason, a note) ask before taking a command word.
Through the real webhook and worker; `tb` runs at Wed 11 Feb 2026, 12:00 in Kolkata."""

from dialog.texts import t
from tests.support.logging_steps import PHONE, family, sessions


async def test_a_command_word_as_the_childs_name_is_asked_about_first(tb):
    await tb.say(PHONE, "hi")
    await tb.say(PHONE, "add child")
    assert await tb.say(PHONE, "Setup") == [t("en", "flow.command_or_answer", word="Setup")]
    assert await tb.db.fetchval("SELECT count(*) FROM tt.children") == 0
    await tb.say(PHONE, "Aarav")
    assert await tb.db.fetchval("SELECT name FROM tt.children") == "Aarav"


async def test_a_command_word_as_the_missed_reason_is_kept_once_confirmed(tb):
    await family(tb)
    await tb.say(PHONE, "missed today")
    assert await tb.say(PHONE, "Cancelled") == [t("en", "flow.command_or_answer", word="Cancelled")]
    assert await sessions(tb) == []
    await tb.tap(PHONE, "flow:answer:Cancelled")
    [row] = await sessions(tb)
    assert (row["status"], row["reason"]) == ("missed", "Cancelled")
