import builtins

from bot.chat import chat
from dialog.texts import t
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


async def test_numbers_tap_the_menu_button_then_the_list_row(database_url, db, monkeypatch, capsys):
    _script(monkeypatch, "hi", "3", "1", "/quit", "never read")
    assert await chat(make_settings(database_url), phone=PHONE, url="") == 0
    out = capsys.readouterr().out
    assert "a bare number taps" in out
    assert "Welcome to Therapy Tracker" in out
    assert "  1. " in out
    assert f"  3. {t('en', 'btn.more')}\n" in out
    after_more = out.split(f"(tapped {t('en', 'btn.more')})")[1]
    assert f"bot> {t('en', 'menu.more_body')}" in after_more
    assert "(tapped " in after_more
    assert "bot> " in after_more.split("(tapped ")[1]
    kinds = await db.fetch("SELECT kind FROM tt.inbound_messages ORDER BY id")
    assert [row["kind"] for row in kinds] == ["text", "interactive", "interactive"]


async def test_a_number_with_no_menu_is_sent_as_text(database_url, db, monkeypatch, capsys):
    _script(monkeypatch, "7")
    assert await chat(make_settings(database_url), phone=PHONE, url="") == 0
    assert "(tapped" not in capsys.readouterr().out
    assert await db.fetchval("SELECT kind FROM tt.inbound_messages") == "text"


async def test_export_in_the_chat_saves_the_document_and_confirms(
    database_url, db, monkeypatch, capsys, tmp_path
):
    _script(monkeypatch, "hi", "export", "/quit")
    settings = make_settings(database_url, data_dir=tmp_path)
    assert await chat(settings, phone=PHONE, url="") == 0
    out = capsys.readouterr().out
    assert t("en", "export.sent").split("\n")[0] in out
    saved = list((tmp_path / "chat-files").iterdir())
    assert len(saved) == 1
    assert saved[0].name in out
    assert t("en", "export.title") in saved[0].read_text()
    assert await db.fetchval("SELECT count(*) FROM tt.outbox WHERE status = 'failed'") == 0
