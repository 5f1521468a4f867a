"""Our own coupons: a percentage off the next link, priced on the server. A link reserves a
use in the statement that checks the limit (tt.request_pro_link), a payment redeems it, and
an expired or cancelled link gives it back. Operators create, list and disable them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import asyncpg

CODE = re.compile(r"[A-Z0-9_-]{3,32}")


@dataclass(frozen=True, slots=True)
class Coupon:
    code: str
    discount_percent: int
    max_redemptions: int
    uses: int
    expires_at: datetime | None
    active: bool


def clean_code(typed: str) -> str | None:
    code = typed.strip().upper()
    return code if CODE.fullmatch(code) else None


def discounted(amount_paise: int, percent: int) -> int:
    """The same integer arithmetic as tt.request_pro_link: whole rupees off, rounded down."""
    return amount_paise - amount_paise * percent // 10000 * 100


async def coupon_discount(conn: asyncpg.Connection, code: str) -> int | None:
    """The percent a coupon takes off if it can be used now; None otherwise."""
    percent: int | None = await conn.fetchval("SELECT tt.coupon_discount($1)", code)
    return percent


async def release_coupon(conn: asyncpg.Connection, code: str) -> None:
    await conn.execute("UPDATE tt.coupons SET uses = uses - 1 WHERE code = $1 AND uses > 0", code)


async def create_coupon(
    conn: asyncpg.Connection,
    code: str,
    percent: int,
    max_redemptions: int,
    expires_at: datetime | None,
) -> None:
    await conn.execute(
        "INSERT INTO tt.coupons (code, discount_percent, max_redemptions, expires_at) "
        "VALUES ($1, $2, $3, $4)",
        code,
        percent,
        max_redemptions,
        expires_at,
    )


async def list_coupons(conn: asyncpg.Connection) -> list[Coupon]:
    rows = await conn.fetch(
        "SELECT code, discount_percent, max_redemptions, uses, expires_at, active "
        "FROM tt.coupons ORDER BY created_at"
    )
    return [Coupon(**dict(row)) for row in rows]


async def disable_coupon(conn: asyncpg.Connection, code: str) -> bool:
    return await conn.execute("UPDATE tt.coupons SET active = false WHERE code = $1", code) == (
        "UPDATE 1"
    )
