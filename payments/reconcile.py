"""Reconciliation: what Razorpay says about a link we still think open is applied as the same
facts a webhook gives, so a lost webhook costs minutes, not money."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import asyncpg

from payments.apply import Outcome, close_link, record_captured
from payments.events import PAYMENT_ID, LinkFacts, PaymentFacts

RECHECK_AFTER = timedelta(minutes=15)  # a link still open this long after creation is asked about
CLOSED = ("expired", "cancelled")


def captured_payments(link: dict[str, Any]) -> list[PaymentFacts]:
    """The captured payments a fetched link lists (Razorpay lists captured ones only)."""
    found = []
    for item in link.get("payments") or []:
        payment_id, amount = item.get("payment_id"), item.get("amount")
        if not (isinstance(payment_id, str) and PAYMENT_ID.fullmatch(payment_id)):
            continue
        if item.get("status") != "captured" or not isinstance(amount, int):
            continue
        found.append(
            PaymentFacts(
                payment_id=payment_id,
                amount_paise=amount,
                currency=str(link.get("currency") or "INR"),
                captured=True,
                status="captured",
                amount_refunded=0,
                order_id=link.get("order_id") if isinstance(link.get("order_id"), str) else None,
                plink_id=str(link["id"]),
                reference_id=link.get("reference_id"),
            )
        )
    return found


async def reconcile_link(
    conn: asyncpg.Connection, link: dict[str, Any], now: datetime
) -> list[Outcome]:
    """Apply a fetched link (system work): its captured payments, or its closing."""
    outcomes: list[Outcome] = []
    for payment in captured_payments(link):
        outcomes += await record_captured(conn, payment, now)
    status = str(link.get("status") or "")
    if status in CLOSED:
        await close_link(conn, LinkFacts(str(link["id"]), link.get("reference_id"), status), status)
    return outcomes
