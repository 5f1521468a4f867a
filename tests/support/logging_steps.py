"""What the session-logging tests share: the family they log for, the clock they are written
against (Wed 11 Feb 2026, 12:00 in Asia/Kolkata), and readers for stored rows and sent lists."""

from __future__ import annotations

from datetime import date
from typing import Any

from sql.cipher import Cipher
from tests.conftest import TEST_KEY, Bot
from tests.support.families import at, make_family

PHONE = "919000000101"
CO_PARENT = "919000000102"
NOON = at("2026-02-11T06:30:00")
FEB, SINCE = date(2026, 2, 1), date(2026, 1, 1)
CIPHER = Cipher([TEST_KEY])


async def family(bot: Bot, phone: str = PHONE, **kw: Any) -> tuple[int, int]:
    """A family tracking Asha since 1 Jan with February's plan; (user id, child id)."""
    return await make_family(bot.db, phone, month=FEB, since=SINCE, **kw)


async def sessions(bot: Bot, child_id: int | None = None) -> list[dict[str, Any]]:
    """Every logged row that counts (of one child, if given), reasons decrypted, in day order:
    entries a replace set aside are not among them."""
    rows = await bot.db.fetch(
        "SELECT id, child_id, day, status, count, reason, reason_category, mood, logged_by "
        "FROM tt.sessions WHERE ($1::bigint IS NULL OR child_id = $1) "
        "AND superseded_at IS NULL ORDER BY day, id",
        child_id,
    )
    return [dict(r, reason=CIPHER.decrypt_text(r["reason"]) if r["reason"] else "") for r in rows]


def last_rows(bot: Bot, phone: str = PHONE) -> list[dict[str, Any]]:
    """The rows of the last list sent to `phone`; a list never holds more than 10."""
    body = bot.graph.to(phone)[-1]["interactive"]
    assert body["type"] == "list"
    rows = [row for section in body["action"]["sections"] for row in section["rows"]]
    assert len(rows) <= 10
    return rows


def last_buttons(bot: Bot, phone: str = PHONE) -> list[str]:
    """The ids of the buttons of the last message sent to `phone`."""
    body = bot.graph.to(phone)[-1]["interactive"]
    assert body["type"] == "button"
    return [b["reply"]["id"] for b in body["action"]["buttons"]]


def with_mood_question(confirmation: str) -> str:
    """An attended confirmation as sent: one message with the optional mood question below."""
    return f"{confirmation}\n\nHow did Asha's session go? (optional)"
