"""Reading and updating the acting user's own row."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import asyncpg

from sql.db import fetch_one


@dataclass(slots=True)
class User:
    id: int
    phone: str | None
    bsuid: str | None
    language: str
    timezone: str
    consent: str
    consent_changed_at: datetime | None
    welcomed_at: datetime | None

    @property
    def opted_out(self) -> bool:
        return self.consent == "opted_out"


SELECT_USER = """
SELECT id, phone, bsuid, language, timezone, consent, consent_changed_at, welcomed_at
FROM tt.users WHERE id = $1
"""


async def select_user(conn: asyncpg.Connection, user_id: int) -> User:
    row = await fetch_one(conn, SELECT_USER, user_id)
    return User(**dict(row))


async def record_event(
    conn: asyncpg.Connection, user_id: int, kind: str, **details: object
) -> None:
    """Add a line to the user's activity log (tt.audit_events), which their export lists."""
    await conn.execute(
        "INSERT INTO tt.audit_events (user_id, kind, details) VALUES ($1, $2, $3::jsonb)",
        user_id,
        kind,
        json.dumps(details),
    )


async def update_language(conn: asyncpg.Connection, user: User, language: str) -> None:
    await conn.execute("UPDATE tt.users SET language = $2 WHERE id = $1", user.id, language)
    await record_event(conn, user.id, "language_changed", language=language)
    user.language = language


async def mark_welcomed(conn: asyncpg.Connection, user: User) -> None:
    await conn.execute("UPDATE tt.users SET welcomed_at = now() WHERE id = $1", user.id)


async def update_consent(conn: asyncpg.Connection, user: User, consent: str) -> None:
    """Change consent state and record an audit event in the same transaction."""
    user.consent_changed_at = await conn.fetchval(
        "UPDATE tt.users SET consent = $2, consent_changed_at = now() WHERE id = $1 "
        "RETURNING consent_changed_at",
        user.id,
        consent,
    )
    user.consent = consent
    await record_event(conn, user.id, "opt_out" if consent == "opted_out" else "opt_in")
