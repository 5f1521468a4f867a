"""Payment links: asked for by a member (tt.request_pro_link), created at Razorpay by the
link job with our own reference_id, then sent to the member as a button."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import asyncpg

from payments.coupons import release_coupon
from payments.plans import Plan
from sql.db import fetch_one

LINK_LIFETIME = timedelta(hours=24)  # Razorpay needs at least 15 minutes, at most 6 months


@dataclass(frozen=True, slots=True)
class LinkRequest:
    id: int
    user_id: int
    child_id: int
    plan_code: str
    amount_paise: int
    reference_id: str
    expire_by: datetime


@dataclass(frozen=True, slots=True)
class OpenLink:
    id: int
    status: str
    short_url: str | None
    amount_paise: int  # after any coupon


def new_reference_id(child_id: int) -> str:
    """One per attempt, unguessable, within Razorpay's 40 characters."""
    return f"tt{child_id}-{secrets.token_hex(10)}"


async def request_link(
    conn: asyncpg.Connection,
    child_id: int,
    plan: Plan,
    coupon: str | None,
    now: datetime,
    phone_number_id: str,
) -> tuple[OpenLink | None, str]:
    """As the member: an open link for this plan and coupon, or a new request priced with the
    coupon reserved; and the outcome ('new', 'reused', or 'coupon_unavailable' with no link).
    The database refuses anyone but an owner or parent of the child."""
    row = await fetch_one(
        conn,
        "SELECT link_id, outcome FROM tt.request_pro_link($1, $2, $3, $4, $5, $6, $7)",
        child_id,
        plan.code,
        plan.amount_paise,
        coupon,
        new_reference_id(child_id),
        now + LINK_LIFETIME,
        phone_number_id,
    )
    if row["link_id"] is None:
        return None, row["outcome"]
    link = await fetch_one(
        conn,
        "SELECT id, status, short_url, amount_paise FROM tt.payment_links WHERE id = $1",
        row["link_id"],
    )
    return OpenLink(**dict(link)), row["outcome"]


def link_body(request: LinkRequest, description: str) -> dict[str, Any]:
    """POST /v1/payment_links: our reference, who and what in the notes, Razorpay's own SMS
    and e-mail off (the bot sends the link), and an expiry."""
    return {
        "amount": request.amount_paise,
        "currency": "INR",
        "accept_partial": False,
        "description": description,
        "reference_id": request.reference_id,
        "expire_by": int(request.expire_by.timestamp()),
        "notify": {"sms": False, "email": False},
        "reminder_enable": False,
        "notes": {
            "reference_id": request.reference_id,
            "member": str(request.user_id),
            "child": str(request.child_id),
            "plan": request.plan_code,
        },
    }


async def store_created(conn: asyncpg.Connection, link_id: int, entity: dict[str, Any]) -> None:
    """Remember Razorpay's id and URL for our request (system work)."""
    status = entity.get("status") if entity.get("status") in ("created", "paid") else "created"
    await conn.execute(
        "UPDATE tt.payment_links SET plink_id = $2, short_url = $3, "
        "status = CASE WHEN status = 'requesting' THEN $4 ELSE status END, updated_at = now() "
        "WHERE id = $1",
        link_id,
        str(entity["id"])[:64],
        str(entity["short_url"])[:512],
        status,
    )


async def release_link_coupon(conn: asyncpg.Connection, link_id: int) -> None:
    """A request given up gives back the coupon it reserved, once (system work)."""
    code = await conn.fetchval(
        "UPDATE tt.payment_links SET coupon_state = 'released' "
        "WHERE id = $1 AND coupon_state = 'reserved' RETURNING coupon_code",
        link_id,
    )
    if code is not None:
        await release_coupon(conn, code)
