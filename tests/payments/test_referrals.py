"""Referral codes: unguessable, once per new family, never self or mutual, capped; the
referrer's days only after the new family's first captured payment."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from tests.payments.conftest import PayBot
from tests.payments.test_webhook import expiry
from tests.support import razorpay_payloads as rp
from tests.support.families import make_family

REFERRER, NEWCOMER, THIRD = "919800000041", "919800000042", "919800000043"


async def code_of(bot: PayBot, phone: str) -> str:
    [text] = await bot.say(phone, "my referral")
    found = re.search(r"\*([A-Z2-9]{10})\*", text)
    assert found, text
    return found.group(1)


async def test_a_code_is_unguessable_stable_and_shareable(
    make_pay_bot: Callable[..., Awaitable[PayBot]],
) -> None:
    bot = await make_pay_bot(whatsapp_public_number="919999999999")
    await make_family(bot.db, REFERRER)
    await make_family(bot.db, THIRD, child="Ravi")
    code = await code_of(bot, REFERRER)
    assert await code_of(bot, REFERRER) == code
    assert await code_of(bot, THIRD) != code
    assert f"https://wa.me/919999999999?text=redeem%20{code}" in bot.graph.texts_to(REFERRER)[-1]


async def test_the_referrer_is_rewarded_after_the_first_payment_only(pay_bot: PayBot) -> None:
    referrer_child = (await make_family(pay_bot.db, REFERRER))[1]
    newcomer_child = (await make_family(pay_bot.db, NEWCOMER, child="Ravi"))[1]
    code = await code_of(pay_bot, REFERRER)
    before = datetime.now(UTC)
    [reply] = await pay_bot.say(NEWCOMER, f"redeem {code.lower()}")
    assert reply.startswith("🎉 Code accepted: Ravi's family has 7 days of Pro")
    until = await expiry(pay_bot, newcomer_child)
    assert until is not None and timedelta(days=7) <= until - before < timedelta(days=7, minutes=1)
    assert await expiry(pay_bot, referrer_child) is None  # not before a payment
    for payment_id in ("pay_Ref1st", "pay_Ref2nd"):
        await pay_bot.tap(NEWCOMER, "pro:buy:parent_basic_199")
        await pay_bot.settle_payments()
        link = max(pay_bot.razorpay.links.values(), key=lambda entity: entity["id"])
        await pay_bot.deliver(rp.link_paid(link, payment_id))
        await pay_bot.settle_payments()
    rewarded = await expiry(pay_bot, referrer_child)
    assert rewarded is not None and rewarded - before < timedelta(days=7, minutes=1)
    assert (
        sum("A family you invited has joined Pro" in t for t in pay_bot.graph.texts_to(REFERRER))
        == 1
    )


async def test_self_repeat_old_and_mutual_redemptions_are_refused(pay_bot: PayBot) -> None:
    await make_family(pay_bot.db, REFERRER)
    await make_family(pay_bot.db, NEWCOMER, child="Ravi")
    _, old_child = await make_family(pay_bot.db, THIRD, child="Old")
    await pay_bot.db.execute(
        "UPDATE tt.children SET created_at = now() - interval '30 days' WHERE id = $1", old_child
    )
    code = await code_of(pay_bot, REFERRER)
    assert await pay_bot.say(REFERRER, f"redeem {code}") == [
        "That is your own family's code; share it with another family instead."
    ]
    assert (await pay_bot.say(NEWCOMER, f"redeem {code}"))[0].startswith("🎉")
    assert await pay_bot.say(NEWCOMER, f"redeem {code}") == [
        "Your family has already used an invite code."
    ]
    assert (await pay_bot.say(THIRD, f"redeem {code}"))[0].startswith("Invite codes are for")
    newcomer_code = await code_of(pay_bot, NEWCOMER)
    [mutual] = await pay_bot.say(REFERRER, f"redeem {newcomer_code}")
    assert mutual.startswith("That family joined with your code")
    assert await pay_bot.say(NEWCOMER, "redeem NOTACODE22") == [
        "I do not know that code. Please check it and try again."
    ]


async def test_a_referrer_is_capped(pay_bot: PayBot) -> None:
    await make_family(pay_bot.db, REFERRER)
    code = await code_of(pay_bot, REFERRER)
    for n in range(11):
        phone = f"9198000005{n:02d}"
        await make_family(pay_bot.db, phone, child=f"Kid{n}")
        [reply] = await pay_bot.say(phone, f"redeem {code}")
        expected = "🎉" if n < 10 else "That code has been used as often as it can be."
        assert reply.startswith(expected)
