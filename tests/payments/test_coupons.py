"""Coupons price the next link on the server: reserved with the link, redeemed on payment,
released when the link expires; at its last use exactly one family wins."""

from __future__ import annotations

import asyncio

from tests.payments.conftest import PayBot
from tests.payments.test_webhook import OWNER, expiry
from tests.support import payloads
from tests.support import razorpay_payloads as rp
from tests.support.families import make_family

BUY_WITH_COUPON = "pro:buy:parent_basic_199~DIWALI20"


async def add_coupon(bot: PayBot, code: str = "DIWALI20", max_uses: int = 10) -> None:
    await bot.db.execute(
        "INSERT INTO tt.coupons (code, discount_percent, max_redemptions) VALUES ($1, 20, $2)",
        code,
        max_uses,
    )


async def uses(bot: PayBot) -> int:
    count: int = await bot.db.fetchval("SELECT uses FROM tt.coupons")
    return count


async def test_a_coupon_prices_the_link_and_is_redeemed_on_payment(pay_bot: PayBot) -> None:
    child_id, _ = await make_family(pay_bot.db, OWNER)
    await add_coupon(pay_bot)
    [offer] = await pay_bot.say(OWNER, "apply coupon diwali20")
    assert offer.startswith("🎟️ Coupon DIWALI20: 20% off")
    buttons = pay_bot.graph.to(OWNER)[-1]["interactive"]["action"]["buttons"]
    assert buttons[0]["reply"] == {"id": BUY_WITH_COUPON, "title": "Parent Basic ₹160"}
    assert await uses(pay_bot) == 0  # only a link reserves
    await pay_bot.tap(OWNER, BUY_WITH_COUPON)
    await pay_bot.settle_payments()
    link = pay_bot.razorpay.only_link()
    assert link["amount"] == 16000
    assert await uses(pay_bot) == 1
    await pay_bot.deliver(rp.link_paid(link, "pay_Coupon1"))
    await pay_bot.settle_payments()
    assert await expiry(pay_bot, child_id) is not None
    state = await pay_bot.db.fetchval("SELECT coupon_state FROM tt.payment_links")
    assert (state, await uses(pay_bot)) == ("redeemed", 1)


async def test_full_price_is_a_wrong_amount_for_a_coupon_link(pay_bot: PayBot) -> None:
    child_id, _ = await make_family(pay_bot.db, OWNER)
    await add_coupon(pay_bot)
    await pay_bot.tap(OWNER, BUY_WITH_COUPON)
    await pay_bot.settle_payments()
    link = pay_bot.razorpay.only_link()
    await pay_bot.deliver(rp.link_paid(link, "pay_Coupon2", amount=19900))
    await pay_bot.settle_payments()
    assert await pay_bot.db.fetchval("SELECT state FROM tt.payments") == "amount_mismatch"
    assert await expiry(pay_bot, child_id) is None


async def test_an_expired_link_releases_its_coupon_once(pay_bot: PayBot) -> None:
    await make_family(pay_bot.db, OWNER)
    await add_coupon(pay_bot)
    await pay_bot.tap(OWNER, BUY_WITH_COUPON)
    await pay_bot.settle_payments()
    link = pay_bot.razorpay.only_link()
    for _ in range(3):
        await pay_bot.deliver(rp.link_closed(link, "expired"))
    await pay_bot.deliver(rp.link_closed(link, "cancelled"))
    await pay_bot.settle_payments()
    assert await uses(pay_bot) == 0
    assert await pay_bot.db.fetchval("SELECT coupon_state FROM tt.payment_links") == "released"


async def test_at_its_last_use_exactly_one_family_wins(pay_bot: PayBot) -> None:
    phones = [f"9198000003{n:02d}" for n in range(6)]
    for n, phone in enumerate(phones):
        await make_family(pay_bot.db, phone, child=f"Child{n}")
    await add_coupon(pay_bot, max_uses=1)
    taps = [
        pay_bot.post(payloads.webhook([payloads.button_reply(phone, BUY_WITH_COUPON)]))
        for phone in phones
    ]
    await asyncio.gather(*taps)
    await pay_bot.settle_payments()
    assert await uses(pay_bot) == 1
    assert await pay_bot.db.fetchval("SELECT count(*) FROM tt.payment_links") == 1
    gone = [p for p in phones if any("has just run out" in t for t in pay_bot.graph.texts_to(p))]
    assert len(gone) == 5


async def test_an_unusable_coupon_is_refused(pay_bot: PayBot) -> None:
    await make_family(pay_bot.db, OWNER)
    await add_coupon(pay_bot, "OLD10")
    await pay_bot.db.execute("UPDATE tt.coupons SET active = false")
    [reply] = await pay_bot.say(OWNER, "coupon OLD10")
    assert reply.startswith("The coupon OLD10 cannot be used")
    [usage] = await pay_bot.say(OWNER, "apply coupon")
    assert usage.startswith("Type *apply coupon* and the code")
