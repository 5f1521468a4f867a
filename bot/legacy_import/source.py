"""Reading the original bot's tables: one snapshot, read-only, coping with the columns its
optional SQL files may not have added (original-bot.md §3: the code matched error text and
retried with fewer columns, so a live database may lack some)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any, TypeVar

import asyncpg


@dataclass(frozen=True, slots=True)
class LegacyUser:
    id: int
    phone: str
    timezone: str | None
    reminders_enabled: bool | None
    reminder_time_hour: int | None
    is_pro: bool | None
    pro_expires_at: datetime | None
    locale: str | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class LegacyChild:
    id: int
    name: str
    created_by: str | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class LegacyMember:
    id: int
    child_id: int
    member_phone: str
    role: str | None
    invited_by: str | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class LegacyConfig:
    id: int
    user_phone: str | None
    month: str | None
    paid_sessions: int
    cost_per_session: int
    carry_forward: int | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class LegacySession:
    id: int
    user_phone: str | None
    date: date | None
    month: str | None
    status: str | None
    reason: str | None
    child_id: int | None
    mood: str | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class LegacyHoliday:
    id: int
    user_phone: str | None
    date: date | None
    child_id: int | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class LegacyNote:
    id: int
    user_phone: str | None
    transcript: str
    summary: str | None
    source: str | None
    transcription_status: str | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class LegacyEvent:
    id: int
    user_phone: str | None
    event_type: str | None
    details: str | None  # the jsonb as text
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class LegacyPayment:
    id: int
    payment_id: str | None
    user_phone: str | None
    plan_code: str | None
    plan_days: int
    amount_paise: int | None
    currency: str | None
    status: str | None
    paid_at: datetime | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class LegacyReferral:
    id: int
    referrer_phone: str | None
    referred_phone: str | None
    reward_days: int | None
    created_at: datetime | None


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Every row the import reads, and the tables the database did not have."""

    users: list[LegacyUser]
    children: list[LegacyChild]
    members: list[LegacyMember]
    configs: list[LegacyConfig]
    sessions: list[LegacySession]
    holidays: list[LegacyHoliday]
    notes: list[LegacyNote]
    events: list[LegacyEvent]
    payments: list[LegacyPayment]
    referrals: list[LegacyReferral]
    missing_tables: tuple[str, ...]


# Each kind and the table it is read from.
TABLES: dict[str, tuple[str, type[Any]]] = {
    "users": ("users", LegacyUser),
    "children": ("children", LegacyChild),
    "members": ("child_members", LegacyMember),
    "configs": ("monthly_config", LegacyConfig),
    "sessions": ("sessions", LegacySession),
    "holidays": ("holidays", LegacyHoliday),
    "notes": ("feedback_notes", LegacyNote),
    "events": ("consent_events", LegacyEvent),
    "payments": ("subscription_payments", LegacyPayment),
    "referrals": ("referral_events", LegacyReferral),
}
# The type of a NULL standing in for a column a database lacks; any other is text.
NOT_TEXT = {
    "reminders_enabled": "boolean",
    "reminder_time_hour": "integer",
    "is_pro": "boolean",
    "pro_expires_at": "timestamptz",
    "carry_forward": "integer",
}
T = TypeVar("T")


async def read_snapshot(url: str, schema: str = "public") -> Snapshot:
    """All the legacy rows, in one read-only, repeatable-read transaction."""
    conn = await asyncpg.connect(url)
    try:
        async with conn.transaction(readonly=True, isolation="repeatable_read"):
            present = await _columns(conn, schema)
            read: dict[str, list[Any]] = {}
            for kind, (table, row_type) in TABLES.items():
                read[kind] = await _read(conn, schema, table, row_type, present.get(table))
    finally:
        await conn.close()
    missing = tuple(table for table, _ in TABLES.values() if table not in present)
    return Snapshot(**read, missing_tables=missing)


async def _columns(conn: asyncpg.Connection, schema: str) -> dict[str, set[str]]:
    rows = await conn.fetch(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = $1",
        schema,
    )
    found: dict[str, set[str]] = {}
    for row in rows:
        found.setdefault(row["table_name"], set()).add(row["column_name"])
    return found


async def _read(
    conn: asyncpg.Connection,
    schema: str,
    table: str,
    row_type: type[T],
    present: set[str] | None,
) -> list[T]:
    if present is None:
        return []
    picked = []
    for column in (f.name for f in fields(row_type)):  # type: ignore[arg-type]
        if column in present:
            picked.append(f'"{column}"' + ("::text" if column == "details" else ""))
        else:
            picked.append(f'NULL::{NOT_TEXT.get(column, "text")} AS "{column}"')
    query = f'SELECT {", ".join(picked)} FROM "{schema}"."{table}" ORDER BY id'
    return [row_type(**dict(row)) for row in await conn.fetch(query)]
