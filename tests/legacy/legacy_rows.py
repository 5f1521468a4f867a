"""Writing rows into the original bot's tables the way its code did (phones as digits,
lowercased text, month tags, one row per session)."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import asyncpg


def phone(n: int) -> str:
    """A valid Indian mobile number as WhatsApp sends it (country code, no '+')."""
    return f"9198765{n:05d}"


def at(day: date, hour: int = 12) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=UTC)


class Legacy:
    """Inserts into the legacy database; each method returns the new row's id."""

    def __init__(self, conn: asyncpg.Connection) -> None:
        self.conn = conn

    async def _insert(self, table: str, **values: Any) -> int:
        columns = ", ".join(values)
        marks = ", ".join(f"${i}" for i in range(1, len(values) + 1))
        row_id: int = await self.conn.fetchval(
            f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING id", *values.values()
        )
        return row_id

    async def user(self, number: str, **values: Any) -> int:
        values.setdefault("created_at", datetime(2025, 11, 1, tzinfo=UTC))
        return await self._insert("users", phone=number, **values)

    async def child(self, name: str, created_by: str) -> int:
        return await self._insert(
            "children",
            name=name,
            created_by=created_by,
            created_at=datetime(2025, 11, 2, tzinfo=UTC),
        )

    async def member(
        self, child_id: int, number: str, role: str, order: int = 0, **values: Any
    ) -> int:
        created = datetime(2025, 11, 2, 10, order, tzinfo=UTC)
        return await self._insert(
            "child_members",
            child_id=child_id,
            member_phone=number,
            role=role,
            created_at=created,
            **values,
        )

    async def config(
        self,
        number: str,
        month: str,
        paid: int,
        cost: int,
        carry: int,
        created: datetime | None = None,
    ) -> int:
        return await self._insert(
            "monthly_config",
            user_phone=number,
            month=month,
            paid_sessions=paid,
            cost_per_session=cost,
            carry_forward=carry,
            created_at=created or datetime(2025, 11, 3, tzinfo=UTC),
        )

    async def session(
        self,
        number: str,
        day: date,
        status: str,
        child_id: int | None,
        *,
        month: str | None = None,
        reason: str | None = None,
        mood: str | None = None,
        created: datetime | None = None,
    ) -> int:
        return await self._insert(
            "sessions",
            user_phone=number,
            date=day,
            month=month or f"{day:%Y-%m}",
            status=status,
            reason=reason,
            child_id=child_id,
            logged_by=number,
            mood=mood,
            created_at=created or at(day),
        )

    async def holiday(self, number: str, day: date, child_id: int | None = None) -> int:
        return await self._insert(
            "holidays",
            user_phone=number,
            date=day,
            month=f"{day:%Y-%m}",
            child_id=child_id,
            created_at=at(day, 8),
        )

    async def note(self, number: str, transcript: str, day: date, **values: Any) -> int:
        return await self._insert(
            "feedback_notes",
            user_phone=number,
            transcript=transcript,
            created_at=at(day, 18),
            **values,
        )

    async def event(self, number: str, kind: str, when: datetime, **details: Any) -> int:
        return await self._insert(
            "consent_events",
            user_phone=number,
            event_type=kind,
            details=json.dumps(details),
            created_at=when,
        )

    async def payment(
        self, number: str, payment_id: str | None, plan: str, amount: int, day: date
    ) -> int:
        key = f"payment:{payment_id}" if payment_id else f"payment.captured:{number}:{day}"
        return await self._insert(
            "subscription_payments",
            payment_id=payment_id,
            event_key=key,
            event_name="payment_link.paid",
            user_phone=number,
            plan_code=plan,
            plan_days=30,
            amount_paise=amount,
            paid_at=at(day),
            created_at=at(day),
        )

    async def referral(self, referrer: str, referred: str, day: date) -> int:
        return await self._insert(
            "referral_events",
            referrer_phone=referrer,
            referred_phone=referred,
            created_at=at(day),
        )
