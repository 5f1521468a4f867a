"""What a member may see of the family's payments, read under their row security."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import asyncpg

from sql.db import fetch_value


@dataclass(frozen=True, slots=True)
class PaymentLine:
    amount_paise: int
    state: str
    created_at: datetime


async def recent_payments(conn: asyncpg.Connection, child_id: int, limit: int) -> list[PaymentLine]:
    rows = await conn.fetch(
        "SELECT amount_paise, state, created_at FROM tt.payments WHERE child_id = $1 "
        "ORDER BY created_at DESC LIMIT $2",
        child_id,
        limit,
    )
    return [PaymentLine(**dict(row)) for row in rows]


async def payment_state(conn: asyncpg.Connection, child_id: int, payment_id: str) -> str | None:
    """The state of one of this family's payments; None for any other payment id."""
    state: str | None = await conn.fetchval(
        "SELECT state FROM tt.payments WHERE payment_id = $1 AND child_id = $2",
        payment_id,
        child_id,
    )
    return state


async def ask_recheck(conn: asyncpg.Connection, child_id: int) -> bool:
    """Have the family's open links checked at Razorpay now; False when asked too often."""
    outcome = await fetch_value(conn, str, "SELECT tt.recheck_family_links($1)", child_id)
    return outcome == "queued"


@dataclass(frozen=True, slots=True)
class FlaggedPayment:
    payment_id: str
    amount_paise: int
    state: str
    link_id: int | None
    created_at: datetime


async def flagged_payments(conn: asyncpg.Connection) -> list[FlaggedPayment]:
    """For operators (system work): payments kept but never applied, oldest first."""
    rows = await conn.fetch(
        "SELECT payment_id, amount_paise, state, link_id, created_at FROM tt.payments "
        "WHERE state IN ('unmatched', 'amount_mismatch') ORDER BY created_at"
    )
    return [FlaggedPayment(**dict(row)) for row in rows]
