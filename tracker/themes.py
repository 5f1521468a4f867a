"""The page theme each member picks for the caregiver web pages."""

from __future__ import annotations

import asyncpg

from sql.db import fetch_value
from tracker.users import record_event
from tracker.words import whole_phrase

THEMES = ("sunrise", "ocean", "forest")


def read_theme(text: str) -> str | None:
    """The theme a typed name means ("ocean", "समुद्र"), or None."""
    return whole_phrase("themes", text)


async def theme_of(conn: asyncpg.Connection, user_id: int) -> str:
    return await fetch_value(conn, str, "SELECT theme FROM tt.users WHERE id = $1", user_id)


async def set_theme(conn: asyncpg.Connection, user_id: int, theme: str) -> None:
    """Store the member's theme; a name outside THEMES is a programming error."""
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}")
    await conn.execute("UPDATE tt.users SET theme = $2 WHERE id = $1", user_id, theme)
    await record_event(conn, user_id, "theme_changed", theme=theme)
