"""Razorpay webhook bodies shaped like the real ones (the shared samples), built per test."""

from __future__ import annotations

import json
import uuid
from typing import Any

from payments.signature import sign


def payment(
    payment_id: str,
    amount: int,
    *,
    captured: bool = True,
    status: str = "captured",
    notes: Any = (),
    plink_id: str | None = None,
    refunded: int = 0,
) -> dict[str, Any]:
    return {
        "id": payment_id,
        "entity": "payment",
        "amount": amount,
        "currency": "INR",
        "status": status,
        "order_id": "order_" + payment_id.removeprefix("pay_"),
        "method": "upi",
        "amount_refunded": refunded,
        "refund_status": "partial" if refunded else None,
        "captured": captured,
        "description": "#" + plink_id.removeprefix("plink_") if plink_id else None,
        "contact": "+919876543210",
        "notes": dict(notes) if notes else [],
        "error_code": None if captured else "BAD_REQUEST_ERROR",
        "created_at": 1749618371,
    }


def event(name: str, **entities: dict[str, Any]) -> dict[str, Any]:
    return {
        "entity": "event",
        "account_id": "acc_Stub",
        "event": name,
        "contains": list(entities),
        "payload": {key: {"entity": value} for key, value in entities.items()},
        "created_at": 1749618314,
    }


def link_entity(link: dict[str, Any], status: str) -> dict[str, Any]:
    return {**link, "status": status, "notes": link.get("notes") or None}


def link_paid(link: dict[str, Any], payment_id: str, amount: int | None = None) -> dict[str, Any]:
    amount = link["amount"] if amount is None else amount
    return event(
        "payment_link.paid",
        payment_link=link_entity(link, "paid"),
        order={"id": payment_id.removeprefix("pay_"), "receipt": link["reference_id"]},
        payment=payment(payment_id, amount, notes=link.get("notes")),
    )


def payment_captured(link: dict[str, Any], payment_id: str) -> dict[str, Any]:
    return event(
        "payment.captured",
        payment=payment(payment_id, link["amount"], notes=link.get("notes"), plink_id=link["id"]),
    )


def order_paid(link: dict[str, Any], payment_id: str) -> dict[str, Any]:
    return event(
        "order.paid",
        payment=payment(payment_id, link["amount"], notes=link.get("notes")),
        order={"id": "order_x", "receipt": link["reference_id"], "status": "paid"},
    )


def payment_failed(link: dict[str, Any], payment_id: str) -> dict[str, Any]:
    return event(
        "payment.failed",
        payment=payment(
            payment_id, link["amount"], captured=False, status="failed", notes=link.get("notes")
        ),
    )


def link_closed(link: dict[str, Any], status: str = "expired") -> dict[str, Any]:
    return event(f"payment_link.{status}", payment_link=link_entity(link, status))


def refund_processed(
    link: dict[str, Any], payment_id: str, refunded: int, *, captured: bool = True
) -> dict[str, Any]:
    refund = {"id": f"rfnd_{uuid.uuid4().hex[:10]}", "amount": refunded, "payment_id": payment_id}
    paid = payment(
        payment_id,
        link["amount"],
        captured=captured,
        status="refunded",
        notes=link.get("notes"),
        refunded=refunded,
    )
    return event("refund.processed", refund=refund, payment=paid)


def encode(body: dict[str, Any]) -> bytes:
    return json.dumps(body, separators=(",", ":")).encode()


def headers(raw: bytes, secret: str, event_id: str | None = None) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "X-Razorpay-Signature": sign(raw, secret),
        "X-Razorpay-Event-Id": event_id or f"evt_{uuid.uuid4().hex[:14]}",
    }
