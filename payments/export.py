"""A family's Pro and every payment it made, for a member's data export (read under their row
security, so only their own families' rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import asyncpg

from payments.pro import ProState, select_pro


@dataclass(frozen=True, slots=True)
class PaymentRecord:
    payment_id: str
    amount_paise: int
    refunded_paise: int
    state: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class FamilyPayments:
    pro: ProState
    payments: list[PaymentRecord]  # oldest first


async def family_payments(conn: asyncpg.Connection, child_id: int) -> FamilyPayments:
    rows = await conn.fetch(
        "SELECT payment_id, amount_paise, refunded_paise, state, created_at "
        "FROM tt.payments WHERE child_id = $1 ORDER BY created_at, payment_id",
        child_id,
    )
    return FamilyPayments(
        await select_pro(conn, child_id), [PaymentRecord(**dict(row)) for row in rows]
    )
