"""Razorpay webhook bodies → the few facts we act on, read defensively: `notes` may be an
object, an empty list or null; key order and which entities are present vary by event."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

PAYMENT_ID = re.compile(r"pay_[A-Za-z0-9]{1,60}")
PLINK_ID = re.compile(r"plink_[A-Za-z0-9]{1,60}")


class BadEvent(ValueError):
    """A signed body we cannot read; kept for an operator, never applied."""


@dataclass(frozen=True, slots=True)
class PaymentFacts:
    payment_id: str
    amount_paise: int
    currency: str
    captured: bool
    status: str
    amount_refunded: int
    order_id: str | None
    plink_id: str | None  # the link it paid, when the event or the payment says so
    reference_id: str | None  # our reference, from the link, the notes or the order receipt


@dataclass(frozen=True, slots=True)
class LinkFacts:
    plink_id: str
    reference_id: str | None
    status: str


@dataclass(frozen=True, slots=True)
class Event:
    name: str
    payment: PaymentFacts | None
    link: LinkFacts | None


def parse_body(raw: bytes) -> Event:
    """A stored webhook body as Razorpay sent it."""
    try:
        body = json.loads(raw)
    except ValueError as e:  # not JSON, or not UTF-8
        raise BadEvent("not JSON") from e
    return parse_event(body)


def parse_event(body: Any) -> Event:
    if not isinstance(body, dict) or not isinstance(body.get("event"), str):
        raise BadEvent("no event name")
    payload = body.get("payload")
    payload = payload if isinstance(payload, dict) else {}
    link_entity = _entity(payload, "payment_link")
    order_entity = _entity(payload, "order")
    link = _link(link_entity) if link_entity else None
    payment_entity = _entity(payload, "payment")
    payment = _payment(payment_entity, link, order_entity) if payment_entity else None
    return Event(body["event"][:64], payment, link)


def _entity(payload: dict[str, Any], name: str) -> dict[str, Any] | None:
    wrapper = payload.get(name)
    entity = wrapper.get("entity") if isinstance(wrapper, dict) else None
    return entity if isinstance(entity, dict) else None


def notes_of(entity: dict[str, Any]) -> dict[str, str]:
    notes = entity.get("notes")
    return {str(k): str(v) for k, v in notes.items()} if isinstance(notes, dict) else {}


def _text(entity: dict[str, Any], key: str) -> str | None:
    value = entity.get(key)
    return value[:64] if isinstance(value, str) and value else None


def _link(entity: dict[str, Any]) -> LinkFacts:
    plink_id = _text(entity, "id") or ""
    if not PLINK_ID.fullmatch(plink_id):
        raise BadEvent("payment link without a link id")
    return LinkFacts(plink_id, _text(entity, "reference_id"), _text(entity, "status") or "")


def _payment(
    entity: dict[str, Any], link: LinkFacts | None, order: dict[str, Any] | None
) -> PaymentFacts:
    payment_id = _text(entity, "id") or ""
    amount = entity.get("amount")
    if not PAYMENT_ID.fullmatch(payment_id) or not isinstance(amount, int) or amount < 0:
        raise BadEvent("payment without an id or amount")
    refunded = entity.get("amount_refunded")
    return PaymentFacts(
        payment_id=payment_id,
        amount_paise=amount,
        currency=_text(entity, "currency") or "",
        captured=entity.get("captured") is True,
        status=_text(entity, "status") or "",
        amount_refunded=refunded if isinstance(refunded, int) and refunded > 0 else 0,
        order_id=_text(entity, "order_id"),
        plink_id=link.plink_id if link else _plink_from_description(entity),
        reference_id=(link.reference_id if link else None)
        or notes_of(entity).get("reference_id")
        or (_text(order, "receipt") if order else None),
    )


def _plink_from_description(entity: dict[str, Any]) -> str | None:
    """A link's payment is described as "#<link id without plink_>"."""
    description = entity.get("description")
    if isinstance(description, str) and description.startswith("#"):
        candidate = "plink_" + description[1:]
        return candidate if PLINK_ID.fullmatch(candidate) else None
    return None
