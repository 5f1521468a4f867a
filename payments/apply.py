"""Applying Razorpay's facts, as the system, so that any order and any number of deliveries
give the same result: a payment row per payment id, its days granted once (the row's state
moves from 'paid' to 'granted' exactly once), refunds taken back by the cumulative amount."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import asyncpg

from payments.coupons import release_coupon
from payments.events import Event, LinkFacts, PaymentFacts
from payments.plans import plan_for
from payments.pro import extend_pro, shorten_pro
from payments.referrals import ReferralReward, reward_referrer
from sql.db import fetch_one

PAID_EVENTS = frozenset({"payment_link.paid", "payment.captured", "order.paid"})
CLOSING_EVENTS = {"payment_link.expired": "expired", "payment_link.cancelled": "cancelled"}
REFUND_EVENTS = frozenset({"refund.processed"})


@dataclass(frozen=True, slots=True)
class Granted:
    child_id: int
    buyer_id: int
    plan_code: str
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class PaymentFailed:
    buyer_id: int


@dataclass(frozen=True, slots=True)
class TakenBack:
    child_id: int
    days: int
    expires_at: datetime


Outcome = Granted | PaymentFailed | TakenBack | ReferralReward


@dataclass(frozen=True, slots=True)
class Link:
    id: int
    child_id: int
    user_id: int
    plan_code: str
    amount_paise: int


UPSERT_PAYMENT = """
INSERT INTO tt.payments AS p (payment_id, link_id, child_id, user_id, plan_code, amount_paise,
                              currency, order_id, state)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
ON CONFLICT (payment_id) DO UPDATE SET
    link_id = coalesce(p.link_id, excluded.link_id),
    child_id = coalesce(p.child_id, excluded.child_id),
    user_id = coalesce(p.user_id, excluded.user_id),
    plan_code = coalesce(p.plan_code, excluded.plan_code),
    order_id = coalesce(p.order_id, excluded.order_id),
    state = CASE WHEN p.state IN ('unmatched', 'failed') THEN excluded.state ELSE p.state END,
    updated_at = now()
RETURNING (xmax = 0) AS inserted, state
"""


async def apply_event(conn: asyncpg.Connection, event: Event, now: datetime) -> list[Outcome]:
    """Apply one event (system work, one transaction); what members should hear about."""
    payment, link = event.payment, event.link
    if event.name in CLOSING_EVENTS and link is not None:
        await close_link(conn, link, CLOSING_EVENTS[event.name])
        return []
    if payment is None:
        return []  # acknowledged and kept, nothing to apply
    if event.name in PAID_EVENTS and payment.captured:
        return await record_captured(conn, payment, now)
    if event.name == "payment.failed":
        failed = await record_failed(conn, payment)
        return [failed] if failed else []
    if event.name in REFUND_EVENTS:
        return await record_refund(conn, payment, now)
    return []


async def find_link(conn: asyncpg.Connection, payment: PaymentFacts) -> Link | None:
    row = await conn.fetchrow(
        "SELECT id, child_id, user_id, plan_code, amount_paise FROM tt.payment_links "
        "WHERE plink_id = $1 OR reference_id = $2 ORDER BY id LIMIT 1",
        payment.plink_id,
        payment.reference_id,
    )
    return Link(**dict(row)) if row else None


async def _upsert(
    conn: asyncpg.Connection, payment: PaymentFacts, link: Link | None, state: str
) -> asyncpg.Record:
    return await fetch_one(
        conn,
        UPSERT_PAYMENT,
        payment.payment_id,
        link.id if link else None,
        link.child_id if link else None,
        link.user_id if link else None,
        link.plan_code if link else None,
        payment.amount_paise,
        payment.currency,
        payment.order_id,
        state,
    )


async def record_captured(
    conn: asyncpg.Connection, payment: PaymentFacts, now: datetime
) -> list[Outcome]:
    """Store the captured payment; grant its plan's days if this is the first time and the
    amount is the link's. Unmatched or wrong amounts are kept, flagged, never applied."""
    link = await find_link(conn, payment)
    state = "unmatched"
    if link is not None:
        matches = payment.amount_paise == link.amount_paise and payment.currency == "INR"
        state = "paid" if matches else "amount_mismatch"
    stored = await _upsert(conn, payment, link, state)
    if stored["inserted"] or stored["state"] != "granted":
        await _audit(conn, link, f"payment_{stored['state']}", payment)
    return await grant_once(conn, payment.payment_id, now)


async def grant_once(conn: asyncpg.Connection, payment_id: str, now: datetime) -> list[Outcome]:
    """Grant a paid payment's days if nobody has yet (the row lock makes a concurrent
    delivery wait and then find it granted), and a referrer's reward on a first payment."""
    row = await conn.fetchrow(
        "SELECT link_id, child_id, user_id, plan_code FROM tt.payments "
        "WHERE payment_id = $1 AND state = 'paid' FOR UPDATE",
        payment_id,
    )
    plan = plan_for(row["plan_code"]) if row else None
    if row is None or plan is None or row["child_id"] is None:
        return []
    expires_at = await extend_pro(conn, row["child_id"], plan.code, plan.days, now)
    await conn.execute(
        "UPDATE tt.payments SET state = 'granted', granted_at = $2, days_granted = $3, "
        "updated_at = now() WHERE payment_id = $1",
        payment_id,
        now,
        plan.days,
    )
    await conn.execute(
        "UPDATE tt.payment_links SET status = 'paid', updated_at = now(), "
        "coupon_state = CASE WHEN coupon_state IS NULL THEN NULL ELSE 'redeemed' END "
        "WHERE id = $1",
        row["link_id"],
    )
    await conn.execute(
        "INSERT INTO tt.audit_events (user_id, child_id, kind, details) "
        "VALUES ($1, $2, 'pro_granted', $3::jsonb)",
        row["user_id"],
        row["child_id"],
        json.dumps({"payment_id": payment_id, "plan": plan.code, "days": plan.days}),
    )
    granted = Granted(row["child_id"], row["user_id"], plan.code, expires_at)
    reward = await reward_referrer(conn, row["child_id"], now)
    return [granted, reward] if reward else [granted]


async def record_failed(conn: asyncpg.Connection, payment: PaymentFacts) -> PaymentFailed | None:
    """A failed attempt: kept once; the payer hears of it the first time only."""
    link = await find_link(conn, payment)
    stored = await _upsert(conn, payment, link, "failed")
    if not stored["inserted"]:
        return None
    await _audit(conn, link, "payment_failed", payment)
    return PaymentFailed(link.user_id) if link else None


async def record_refund(
    conn: asyncpg.Connection, payment: PaymentFacts, now: datetime
) -> list[Outcome]:
    """A refund of a captured payment takes back the refunded share of its days, by the
    cumulative amount refunded (so redelivery changes nothing); on an uncaptured payment
    (Razorpay's auto-refund of a late authorisation) it is only recorded."""
    outcomes: list[Outcome] = []
    if payment.captured:
        outcomes += await record_captured(conn, payment, now)
    else:
        await _upsert(conn, payment, await find_link(conn, payment), "failed")
    row = await fetch_one(
        conn,
        "UPDATE tt.payments SET refunded_paise = greatest(refunded_paise, $2), updated_at = now() "
        "WHERE payment_id = $1 RETURNING child_id, state, amount_paise, refunded_paise, "
        "days_granted, days_taken_back",
        payment.payment_id,
        payment.amount_refunded,
    )
    if row["state"] != "granted" or not row["amount_paise"]:
        return outcomes
    share = min(row["refunded_paise"], row["amount_paise"]) / row["amount_paise"]
    owed = round(row["days_granted"] * share) - row["days_taken_back"]
    if owed <= 0:
        return outcomes
    await conn.execute(
        "UPDATE tt.payments SET days_taken_back = days_taken_back + $2 WHERE payment_id = $1",
        payment.payment_id,
        owed,
    )
    expires_at = await shorten_pro(conn, row["child_id"], owed)
    await _audit(conn, None, "pro_refunded", payment, child_id=row["child_id"], days=owed)
    if expires_at is not None:
        outcomes.append(TakenBack(row["child_id"], owed, expires_at))
    return outcomes


async def close_link(conn: asyncpg.Connection, link: LinkFacts, status: str) -> None:
    """An expired or cancelled link is closed unless it was paid meanwhile; the coupon it
    reserved is given back, once."""
    closed = await conn.fetchrow(
        "UPDATE tt.payment_links SET status = $2, updated_at = now(), "
        "coupon_state = CASE WHEN coupon_state = 'reserved' THEN 'released' ELSE coupon_state END "
        "WHERE plink_id = $1 AND status IN ('requesting', 'created') "
        "RETURNING id, user_id, child_id, CASE WHEN coupon_state = 'released' THEN coupon_code END "
        "AS released",
        link.plink_id,
        status,
    )
    if closed is None:
        return
    if closed["released"] is not None:
        await release_coupon(conn, closed["released"])
    await conn.execute(
        "INSERT INTO tt.audit_events (user_id, child_id, kind, details) VALUES ($1, $2, $3, $4)",
        closed["user_id"],
        closed["child_id"],
        f"payment_link_{status}",
        json.dumps({"link_id": closed["id"], "coupon_released": closed["released"]}),
    )


async def _audit(
    conn: asyncpg.Connection,
    link: Link | None,
    kind: str,
    payment: PaymentFacts,
    **details: object,
) -> None:
    child_id = details.pop("child_id", None) or (link.child_id if link else None)
    await conn.execute(
        "INSERT INTO tt.audit_events (user_id, child_id, kind, details) VALUES ($1, $2, $3, $4)",
        link.user_id if link else None,
        child_id,
        kind,
        json.dumps(
            {"payment_id": payment.payment_id, "amount_paise": payment.amount_paise, **details}
        ),
    )
