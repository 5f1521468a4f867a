"""POST /webhooks/razorpay: signed, stored once per event id, applied once per payment id."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.conftest import wait_until
from tests.payments.conftest import PayBot
from tests.support import razorpay_payloads as rp
from tests.support.families import add_member, add_user, make_family

OWNER, PARENT = "919800000011", "919800000012"
PAID = "🌟 Parent Basic is on for Asha's family until"


async def family_with_link(bot: PayBot) -> tuple[int, dict[str, Any]]:
    """An owner and a second parent (two phones); the owner asked for a Parent Basic link."""
    _, child_id = await make_family(bot.db, OWNER)
    parent = await add_user(bot.db, PARENT)
    await add_member(bot.db, child_id, parent, "parent")
    await bot.tap(OWNER, "pro:buy:parent_basic_199")
    await bot.settle_payments()
    return child_id, bot.razorpay.only_link()


async def expiry(bot: PayBot, child_id: int) -> datetime | None:
    found: datetime | None = await bot.db.fetchval(
        "SELECT expires_at FROM tt.family_pro WHERE child_id = $1", child_id
    )
    return found


def heard(bot: PayBot, phone: str, start: str) -> int:
    return sum(text.startswith(start) for text in bot.graph.texts_to(phone))


async def test_signatures_are_checked_over_the_raw_body(pay_bot: PayBot) -> None:
    _, link = await family_with_link(pay_bot)
    body = rp.encode(rp.link_paid(link, "pay_Sig1"))
    missing = {"Content-Type": "application/json", "X-Razorpay-Event-Id": "evt_1"}
    response = await pay_bot.client.post("/webhooks/razorpay", data=body, headers=missing)
    assert response.status_code == 401
    wrong = rp.headers(body, "not-the-secret")
    assert (
        await pay_bot.client.post("/webhooks/razorpay", data=body, headers=wrong)
    ).status_code == 401
    tampered = rp.headers(body, "stub-webhook-secret-1")
    response = await pay_bot.client.post("/webhooks/razorpay", data=body + b" ", headers=tampered)
    assert response.status_code == 401
    assert not await pay_bot.db.fetchval("SELECT count(*) FROM tt.razorpay_events")
    old_secret = await pay_bot.deliver(
        rp.link_paid(link, "pay_Sig1"), secret="stub-webhook-secret-old"
    )
    assert old_secret.status_code == 200


async def test_three_paid_events_redelivered_concurrently_grant_once(pay_bot: PayBot) -> None:
    child_id, link = await family_with_link(pay_bot)
    events = [
        rp.link_paid(link, "pay_Once1"),
        rp.payment_captured(link, "pay_Once1"),
        rp.order_paid(link, "pay_Once1"),
    ]
    deliveries = []
    for body in events:
        same_id = f"evt_{uuid.uuid4().hex[:12]}"
        deliveries += [(body, same_id) for _ in range(10)]
        deliveries += [(body, f"evt_{uuid.uuid4().hex[:12]}") for _ in range(10)]  # same payment
    before = datetime.now(UTC)
    for _ in range(20):  # like Razorpay, deliver again what was not acknowledged (a 503 when
        # the webhook's small pool is busy on a loaded machine)
        responses = await asyncio.gather(
            *(pay_bot.deliver(body, event_id=event_id) for body, event_id in deliveries)
        )
        deliveries = [d for d, r in zip(deliveries, responses, strict=True) if r.status_code != 200]
        assert {r.status_code for r in responses} <= {200, 503}
        if not deliveries:
            break
    assert not deliveries
    await pay_bot.settle_payments()
    assert await pay_bot.db.fetchval("SELECT count(*) FROM tt.razorpay_events") == 33
    until = await expiry(pay_bot, child_id)
    assert until is not None
    assert timedelta(days=30) <= until - before <= timedelta(days=30, minutes=1)
    row = await pay_bot.db.fetchrow("SELECT state, days_granted FROM tt.payments")
    assert (row["state"], row["days_granted"]) == ("granted", 30)
    assert heard(pay_bot, OWNER, PAID) == 1 and heard(pay_bot, PARENT, PAID) == 1
    status = await pay_bot.db.fetchval("SELECT status FROM tt.payment_links")
    assert status == "paid"


async def test_days_stack_from_the_current_expiry(pay_bot: PayBot) -> None:
    child_id, link = await family_with_link(pay_bot)
    await pay_bot.deliver(rp.link_paid(link, "pay_Stack1"))
    await pay_bot.settle_payments()
    first = await expiry(pay_bot, child_id)
    await pay_bot.tap(OWNER, "pro:buy:parent_basic_199")  # the paid link is not reused
    await pay_bot.settle_payments()
    second_link = max(pay_bot.razorpay.links.values(), key=lambda entity: entity["id"])
    assert second_link["id"] != link["id"]
    await pay_bot.deliver(rp.payment_captured(second_link, "pay_Stack2"))
    await pay_bot.settle_payments()
    assert first is not None
    assert await expiry(pay_bot, child_id) == first + timedelta(days=30)


async def test_a_wrong_amount_is_kept_and_flagged_never_applied(pay_bot: PayBot) -> None:
    child_id, link = await family_with_link(pay_bot)
    await pay_bot.deliver(rp.link_paid(link, "pay_Wrong1", amount=100))
    await pay_bot.settle_payments()
    assert await pay_bot.db.fetchval("SELECT state FROM tt.payments") == "amount_mismatch"
    assert await expiry(pay_bot, child_id) is None
    assert heard(pay_bot, OWNER, PAID) == 0


async def test_a_payment_matching_nothing_is_stored_for_reconciliation(pay_bot: PayBot) -> None:
    stranger = rp.event("payment.captured", payment=rp.payment("pay_Nobody1", 19900))
    assert (await pay_bot.deliver(stranger)).status_code == 200
    await pay_bot.settle_payments()
    row = await pay_bot.db.fetchrow("SELECT state, child_id, amount_paise FROM tt.payments")
    assert (row["state"], row["child_id"], row["amount_paise"]) == ("unmatched", None, 19900)


async def test_a_refund_takes_back_the_refunded_share_once(pay_bot: PayBot) -> None:
    child_id, link = await family_with_link(pay_bot)
    await pay_bot.deliver(rp.link_paid(link, "pay_Ref1"))
    await pay_bot.settle_payments()
    granted = await expiry(pay_bot, child_id)
    refund = rp.refund_processed(link, "pay_Ref1", refunded=9950)
    for _ in range(3):
        await pay_bot.deliver(refund)
    await pay_bot.settle_payments()
    assert granted is not None
    assert await expiry(pay_bot, child_id) == granted - timedelta(days=15)
    assert heard(pay_bot, OWNER, "A refund was made, so 15 days of Pro were taken back") == 1


async def test_refund_before_any_paid_event_still_ends_right(pay_bot: PayBot) -> None:
    child_id, link = await family_with_link(pay_bot)
    before = datetime.now(UTC)
    await pay_bot.deliver(rp.refund_processed(link, "pay_Early1", refunded=19900))
    await pay_bot.settle_payments()
    await pay_bot.deliver(rp.link_paid(link, "pay_Early1"))
    await pay_bot.settle_payments()
    until = await expiry(pay_bot, child_id)
    assert until is not None and until - before < timedelta(minutes=1)


async def test_auto_refund_of_an_uncaptured_payment_changes_nothing(pay_bot: PayBot) -> None:
    child_id, link = await family_with_link(pay_bot)
    await pay_bot.deliver(rp.refund_processed(link, "pay_Late1", refunded=19900, captured=False))
    await pay_bot.settle_payments()
    assert await expiry(pay_bot, child_id) is None
    row = await pay_bot.db.fetchrow("SELECT state, refunded_paise FROM tt.payments")
    assert (row["state"], row["refunded_paise"]) == ("failed", 19900)


async def test_a_failed_payment_is_told_once(pay_bot: PayBot) -> None:
    child_id, link = await family_with_link(pay_bot)
    for _ in range(3):
        await pay_bot.deliver(rp.payment_failed(link, "pay_Fail1"))
    await pay_bot.settle_payments()
    assert heard(pay_bot, OWNER, "Your payment did not go through") == 1
    assert heard(pay_bot, PARENT, "Your payment did not go through") == 0
    assert await expiry(pay_bot, child_id) is None


async def test_an_expired_link_is_closed_and_not_reused(pay_bot: PayBot) -> None:
    _, link = await family_with_link(pay_bot)
    await pay_bot.deliver(rp.link_closed(link, "expired"))
    await pay_bot.settle_payments()
    assert await pay_bot.db.fetchval("SELECT status FROM tt.payment_links") == "expired"
    await pay_bot.tap(OWNER, "pro:buy:parent_basic_199")
    await pay_bot.settle_payments()
    assert len(pay_bot.razorpay.links) == 2


async def test_unknown_events_are_acknowledged_and_kept(pay_bot: PayBot) -> None:
    response = await pay_bot.deliver(rp.event("refund.speed_changed", refund={"id": "rfnd_1"}))
    assert response.status_code == 200
    await pay_bot.settle_payments()
    assert await pay_bot.db.fetchval("SELECT status FROM tt.razorpay_events") == "done"


async def test_payment_status_shows_the_family_state_to_both_phones(pay_bot: PayBot) -> None:
    _, link = await family_with_link(pay_bot)
    await pay_bot.deliver(rp.link_paid(link, "pay_Status1"))
    await pay_bot.settle_payments()
    for phone in (OWNER, PARENT):
        [text] = await pay_bot.say(phone, "payment status")
        assert "*Parent Basic* until" in text and "₹199, Pro added" in text


async def test_a_signed_body_we_cannot_read_is_kept_dead_not_retried(pay_bot: PayBot) -> None:
    raw = b"not json at all"
    response = await pay_bot.client.post(
        "/webhooks/razorpay", data=raw, headers=rp.headers(raw, "stub-webhook-secret-1")
    )
    assert response.status_code == 200

    async def dead() -> bool:
        row = await pay_bot.db.fetchrow("SELECT status, attempts FROM tt.razorpay_events")
        return row is not None and row["status"] == "dead"

    await wait_until(dead)
    row = await pay_bot.db.fetchrow("SELECT attempts, last_error, event FROM tt.razorpay_events")
    assert (row["attempts"], row["last_error"], row["event"]) == (1, "not JSON", "unreadable")
