"""The terminal chat: what it shows comes from this phone's outbox once sent, every choice on
screen is numbered, it waits for paced replies, and its logs stay out of the conversation."""

import asyncio
import builtins
import io
import os
import subprocess
import sys
import time
from contextvars import ContextVar

from bot.chat import chat, default_name
from dialog.texts import t
from tests.conftest import make_settings
from tests.support.families import add_member, add_user, make_family

PHONE = "919000000077"
OWNER, PARENT = "919000000001", "919000000002"
SCRIPT: ContextVar[list] = ContextVar("script")


def later(seconds: float, line: str):
    """A script line typed after a pause, so messages can arrive while nobody types."""

    def typed() -> str:
        time.sleep(seconds)
        return line

    return typed


def _scripted_input(prompt=""):
    remaining = SCRIPT.get()
    if not remaining:
        raise EOFError
    line = remaining.pop(0)
    return line() if callable(line) else line


def _script(monkeypatch, *lines):
    monkeypatch.setattr(builtins, "input", _scripted_input)
    SCRIPT.set(list(lines))


async def talk(settings, phone, *lines, name=""):
    """One chat, with its own script and its own screen; returns what it showed."""
    SCRIPT.set(list(lines))
    out = io.StringIO()
    assert await chat(settings, phone=phone, url="", name=name, out=out) == 0
    return out.getvalue()


async def test_every_choice_on_screen_is_numbered_so_the_first_language_picker_answers(
    database_url, db, monkeypatch, capsys
):
    _script(monkeypatch, "hi", "2", "/quit", "never read")
    assert await chat(make_settings(database_url), phone=PHONE, url="") == 0
    out = capsys.readouterr().out
    assert "a bare number taps that choice on screen" in out
    welcome = out.split("bot> ")[1]
    assert "  1. English\n  2. हिंदी\n  3. తెలుగు" in welcome
    menu = out.split("bot> ")[2]
    assert f"  4. {t('en', 'btn.menu.setup')}\n" in menu
    assert f"  6. {t('en', 'btn.more')}\n" in menu
    assert "(tapped हिंदी)" in out
    assert await db.fetchval("SELECT language FROM tt.users WHERE phone = $1", PHONE) == "hi"
    assert f"bot> {t('hi', 'language.saved')}" in out


async def test_numbers_tap_the_menu_button_then_the_list_row(database_url, db, monkeypatch, capsys):
    _script(monkeypatch, "hi", "6", "1", "/quit")
    assert await chat(make_settings(database_url), phone=PHONE, url="") == 0
    out = capsys.readouterr().out
    after_more = out.split(f"(tapped {t('en', 'btn.more')})")[1]
    assert f"bot> {t('en', 'menu.more_body')}" in after_more
    assert "  1. " in after_more  # numbering starts again after each line typed
    assert "bot> " in after_more.split("(tapped ")[1]
    kinds = await db.fetch("SELECT kind FROM tt.inbound_messages ORDER BY id")
    assert [row["kind"] for row in kinds] == ["text", "interactive", "interactive"]


async def test_a_number_with_no_choice_on_screen_is_sent_as_text(
    database_url, db, monkeypatch, capsys
):
    _script(monkeypatch, "7", "\\1")
    assert await chat(make_settings(database_url), phone=PHONE, url="") == 0
    assert "(tapped" not in capsys.readouterr().out
    texts = await db.fetch("SELECT kind FROM tt.inbound_messages ORDER BY id")
    assert [row["kind"] for row in texts] == ["text", "text"]


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
    assert t("en", "export.title") in saved[0].read_text(encoding="utf-8-sig")
    assert await db.fetchval("SELECT count(*) FROM tt.outbox WHERE status = 'failed'") == 0


async def test_a_paced_reply_is_waited_for_with_a_mark_before_the_next_line(
    database_url, db, monkeypatch, capsys
):
    user_id = await db.fetchval("INSERT INTO tt.users (phone) VALUES ($1) RETURNING id", PHONE)
    # one and a half tokens left: the welcome goes at once, the menu after it waits about 3 s
    await db.execute("INSERT INTO tt.send_pacing (key, tokens) VALUES ($1, 1.5)", f"user:{user_id}")
    _script(monkeypatch, "hi", "/quit")
    assert await chat(make_settings(database_url), phone=PHONE, url="") == 0
    out = capsys.readouterr().out
    welcome, menu = out.index("bot> 👋"), out.index(f"bot> {t('en', 'menu.no_child')}")
    assert welcome < out.index("\n…\n", welcome) < menu


async def family_of_two(db):
    _, child = await make_family(db, OWNER)
    parent = await add_user(db, PARENT)
    await add_member(db, child, parent, "parent")
    await db.execute("UPDATE tt.users SET current_child_id = $1 WHERE id = $2", child, parent)


async def test_two_chats_at_once_each_show_only_their_own_phone(
    database_url, db, monkeypatch, tmp_path
):
    await family_of_two(db)
    monkeypatch.setattr(builtins, "input", _scripted_input)
    settings = make_settings(database_url, data_dir=tmp_path, notice_batch_seconds=0.3)
    owner, parent = await asyncio.gather(
        talk(settings, OWNER, "status", later(4, "/quit")),
        talk(settings, PARENT, "attended today", later(4, "/quit")),
    )
    logged = "✅ Attended logged for Asha"
    notice = f"{default_name(PARENT)} (+91 90000 00002) logged 1 attended session for Asha"
    assert logged in parent and logged not in owner
    assert notice in owner and notice not in parent
    assert "📊 *Asha*" in owner and "📊" not in parent


async def test_the_name_given_is_what_the_family_sees(database_url, db, monkeypatch, tmp_path):
    await family_of_two(db)
    monkeypatch.setattr(builtins, "input", _scripted_input)
    settings = make_settings(database_url, data_dir=tmp_path)  # notices stay queued
    await talk(settings, PARENT, "attended today", name="Ravi")
    [line] = await db.fetch("SELECT line FROM tt.pending_notices")
    assert "Ravi (+91 90000 00002) logged" in settings.cipher().decrypt_text(line["line"])


def test_each_phone_gets_its_own_default_name():
    names = {default_name(f"91900000000{digit}") for digit in range(10)}
    assert len(names) == 10
    assert "You" not in names


def test_the_command_keeps_json_logs_out_of_the_chat(database_url, tmp_path):
    env = {
        **os.environ,
        "APP_ENV": "development",
        "DATABASE_URL": database_url,
        "DATA_DIR": str(tmp_path),
        "LOG_LEVEL": "INFO",
    }
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--as", "919000000088"],
        input="hi\n/quit\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    assert "Welcome to Therapy Tracker" in done.stdout
    assert '"level"' not in done.stdout + done.stderr
    log = (tmp_path / "chat.log").read_text(encoding="utf-8")
    assert '"event": "outbox send"' in log
    assert "919000000088" not in log, "numbers are masked in logs"
