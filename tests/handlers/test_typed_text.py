"""Control characters and direction overrides in what people type: never a dead message."""

from datetime import date

import pytest

from sql.cipher import Cipher
from tests.conftest import TEST_KEY
from tests.support.logging_steps import PHONE, family, sessions

NEW = "919000000005"


async def test_a_nul_in_the_childs_name_is_dropped_not_fatal(bot):
    await bot.say(NEW, "hi")
    await bot.say(NEW, "setup")
    replies = await bot.say(NEW, "As\x00ha")
    assert replies[0].startswith("👶 Asha is added")
    assert await bot.db.fetchval("SELECT name FROM tt.children") == "Asha"
    assert (
        await bot.db.fetchval("SELECT count(*) FROM tt.inbound_messages WHERE status <> 'done'")
        == 0
    )


@pytest.mark.parametrize("typed", ["\u202eahsA", "Asha\u2066", "\u200b\u200b", "\x00"])
async def test_a_name_that_reads_backwards_or_is_invisible_is_asked_again(bot, typed):
    await bot.say(NEW, "hi")
    await bot.say(NEW, "setup")
    assert await bot.say(NEW, typed) == [
        "Please type the child's name (1 to 60 letters), for example: Asha"
    ]
    assert await bot.db.fetchval("SELECT count(*) FROM tt.children") == 0


async def test_control_characters_leave_reasons_and_notes(tb):
    await family(tb)
    await tb.say(PHONE, "missed monday Fever\x00\x07 again")
    [row] = await sessions(tb)
    assert (row["day"], row["reason"]) == (date(2026, 2, 9), "Fever again")
    assert await tb.say(PHONE, "note Slept\x00 well\x1b") == ["✅ Note saved for Asha."]
    body = await tb.db.fetchval("SELECT body FROM tt.notes")
    assert Cipher([TEST_KEY]).decrypt_text(body) == "Slept well"
