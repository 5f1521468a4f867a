import builtins

from bot.chat import chat
from tests.conftest import make_settings

PHONE = "919000000077"


def _script(monkeypatch, *lines):
    remaining = iter(lines)

    def scripted_input(prompt=""):
        try:
            return next(remaining)
        except StopIteration:
            raise EOFError from None

    monkeypatch.setattr(builtins, "input", scripted_input)


async def test_chat_shows_numbered_menu_and_taps_a_choice(database_url, db, monkeypatch, capsys):
    _script(monkeypatch, "hi", "3", "1", "/quit", "never read")
    assert await chat(make_settings(database_url), phone=PHONE, url="") == 0
    out = capsys.readouterr().out
    assert "a bare number taps" in out
    assert "Welcome to Therapy Tracker" in out
    assert "  1. Help\n  2. Language\n  3. More" in out
    assert "(tapped More)" in out
    more = out.split("(tapped More)")[1]
    assert "More options:" in more
    assert "  3. Privacy & consent" in more
    assert "(tapped Help)" in more
    assert "Here is what you can type" in more.split("(tapped Help)")[1]
    kinds = await db.fetch("SELECT kind FROM tt.inbound_messages ORDER BY id")
    assert [row["kind"] for row in kinds] == ["text", "interactive", "interactive"]


async def test_chat_ends_at_end_of_input(database_url, db, monkeypatch, capsys):
    _script(monkeypatch)
    assert await chat(make_settings(database_url), phone=PHONE, url="") == 0
    assert "Chatting with Therapy Tracker" in capsys.readouterr().out
