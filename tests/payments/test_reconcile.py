"""A lost webhook costs minutes, not money: open links are asked about and applied; a member
may only ever look at their own family's payments, a few times an hour."""

from __future__ import annotations

from tests.conftest import wait_until
from tests.payments.conftest import PayBot
from tests.payments.test_webhook import OWNER, PAID, expiry, family_with_link, heard
from tests.support import razorpay_payloads as rp
from tests.support.families import make_family

OTHER_OWNER = "919800000021"


async def link_status(bot: PayBot) -> str:
    status: str = await bot.db.fetchval("SELECT status FROM tt.payment_links ORDER BY id LIMIT 1")
    return status


async def test_a_paid_link_without_webhook_is_found_and_applied(pay_bot: PayBot) -> None:
    child_id, link = await family_with_link(pay_bot)
    pay_bot.razorpay.pay(link["id"], "pay_Lost1")
    # the lookup runs in the background and may already have found it before `say` returns
    replies = await pay_bot.say(OWNER, "reconcile payment pay_Lost1")
    assert "could not find that payment for Asha's family yet" in replies[0]

    async def paid() -> bool:
        return await link_status(pay_bot) == "paid"

    await wait_until(paid)
    await pay_bot.settle()
    assert await expiry(pay_bot, child_id) is not None
    assert heard(pay_bot, OWNER, PAID) == 1
    [again] = await pay_bot.say(OWNER, "reconcile payment pay_Lost1")
    assert again.startswith("This payment is on record: Pro added.")
    await pay_bot.deliver(rp.link_paid(link, "pay_Lost1"))  # the webhook arrives late after all
    await pay_bot.settle_payments()
    assert heard(pay_bot, OWNER, PAID) == 1


async def test_an_unmatched_payment_is_kept_then_reconciled(pay_bot: PayBot) -> None:
    child_id, link = await family_with_link(pay_bot)
    bare = rp.event("payment.captured", payment=rp.payment("pay_Bare1", 19900))
    await pay_bot.deliver(bare)
    await pay_bot.settle_payments()
    assert await pay_bot.db.fetchval("SELECT state FROM tt.payments") == "unmatched"
    pay_bot.razorpay.pay(link["id"], "pay_Bare1")
    await pay_bot.say(OWNER, "reconcile pay_Bare1")

    async def granted() -> bool:
        return await pay_bot.db.fetchval("SELECT state FROM tt.payments") == "granted"

    await wait_until(granted)
    assert await expiry(pay_bot, child_id) is not None


async def test_another_familys_payment_id_is_refused(pay_bot: PayBot) -> None:
    _, link = await family_with_link(pay_bot)
    await pay_bot.deliver(rp.link_paid(link, "pay_Theirs1"))
    await pay_bot.settle_payments()
    _, other_child = await make_family(pay_bot.db, OTHER_OWNER, child="Ravi")
    [reply] = await pay_bot.say(OTHER_OWNER, "reconcile payment pay_Theirs1")
    assert "could not find that payment for Ravi's family" in reply
    await pay_bot.settle_payments()
    assert await expiry(pay_bot, other_child) is None


async def test_reconcile_is_rate_limited(pay_bot: PayBot) -> None:
    await make_family(pay_bot.db, OWNER)
    for _ in range(5):
        [reply] = await pay_bot.say(OWNER, "reconcile payment pay_Nothing1")
        assert "could not find" in reply
    [reply] = await pay_bot.say(OWNER, "reconcile payment pay_Nothing1")
    assert reply.startswith("You have asked several times in the last hour")


async def test_a_malformed_id_gets_the_usage(pay_bot: PayBot) -> None:
    await make_family(pay_bot.db, OWNER)
    [reply] = await pay_bot.say(OWNER, "reconcile payment 12345")
    assert reply.startswith("Type *reconcile payment* and the payment id")
