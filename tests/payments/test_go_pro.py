"""go_pro: plans and state, a link made once at Razorpay and sent as a URL button."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import asyncpg
import pytest

from dialog import ids
from tests.payments.conftest import PayBot
from tests.support.families import add_member, add_user, make_family

OWNER, THERAPIST = "919800000001", "919800000002"
BUY_BASIC = "pro:buy:parent_basic_199"


def _link_messages(bot: PayBot, phone: str) -> list[dict[str, object]]:
    return [
        body["interactive"]
        for body in bot.graph.to(phone)
        if body["type"] == "interactive" and body["interactive"]["type"] == "cta_url"
    ]


async def test_plans_show_state_and_a_button_per_plan(pay_bot: PayBot) -> None:
    await make_family(pay_bot.db, OWNER)
    [text] = await pay_bot.say(OWNER, "go pro")
    assert "free plan" in text and "Parent Basic" in text and "Pro Plus" in text
    assert "₹199" in text and "30 days" in text and "PDF" in text
    buttons = pay_bot.graph.to(OWNER)[-1]["interactive"]["action"]["buttons"]
    assert [b["reply"]["id"] for b in buttons] == [BUY_BASIC, "pro:buy:pro_plus_499"]


async def test_choosing_a_plan_sends_one_link_and_reuses_it(pay_bot: PayBot) -> None:
    _, child_id = await make_family(pay_bot.db, OWNER)
    texts = await pay_bot.tap(OWNER, BUY_BASIC)  # the link itself may already follow
    assert texts[0] == "⏳ Making your payment link. It comes in a moment."
    await pay_bot.settle_payments()
    link = pay_bot.razorpay.only_link()
    [create] = pay_bot.razorpay.creates
    assert create["amount"] == 19900 and create["currency"] == "INR"
    assert create["notify"] == {"sms": False, "email": False}
    assert create["notes"]["plan"] == "parent_basic_199"
    assert create["notes"]["child"] == str(child_id)
    assert create["expire_by"] > 0 and len(create["reference_id"]) <= 40
    [sent] = _link_messages(pay_bot, OWNER)
    assert sent["action"]["parameters"] == {"display_text": "Pay ₹199", "url": link["short_url"]}

    await pay_bot.tap(OWNER, BUY_BASIC)
    await pay_bot.settle_payments()
    assert len(pay_bot.razorpay.creates) == 1
    assert len(_link_messages(pay_bot, OWNER)) == 2  # the same link again


async def test_a_lost_answer_is_retried_with_the_same_reference(pay_bot: PayBot) -> None:
    await make_family(pay_bot.db, OWNER)
    pay_bot.razorpay.lose_next_answers = 1
    await pay_bot.tap(OWNER, BUY_BASIC)
    await pay_bot.settle_payments()
    link = pay_bot.razorpay.only_link()
    first, second = pay_bot.razorpay.creates
    assert first["reference_id"] == second["reference_id"] == link["reference_id"]
    [sent] = _link_messages(pay_bot, OWNER)
    assert sent["action"]["parameters"]["url"] == link["short_url"]


async def test_a_therapist_is_refused_kindly_and_by_the_database(
    pay_bot: PayBot, database_url: str
) -> None:
    _, child_id = await make_family(pay_bot.db, OWNER)
    therapist = await add_user(pay_bot.db, THERAPIST)
    await add_member(pay_bot.db, child_id, therapist, "therapist")
    await pay_bot.db.execute(
        "UPDATE tt.users SET current_child_id = $2 WHERE id = $1", therapist, child_id
    )
    [text] = await pay_bot.say(THERAPIST, "upgrade")
    assert "Only a parent of Asha can buy Pro" in text
    assert pay_bot.graph.to(THERAPIST)[-1]["type"] == "text"  # no buy buttons
    assert await pay_bot.tap(THERAPIST, BUY_BASIC) == [
        "Only a parent of Asha can buy Pro for the family; everything you use as a therapist "
        "stays free."
    ]
    conn = await asyncpg.connect(database_url)
    try:
        async with conn.transaction():
            await conn.execute("SET LOCAL ROLE tt_app")
            await conn.execute(f"SELECT set_config('tt.user_id', '{therapist}', true)")
            with pytest.raises(asyncpg.InsufficientPrivilegeError):
                await conn.fetch(
                    "SELECT * FROM tt.request_pro_link($1, 'parent_basic_199', 19900, NULL, "
                    "'ttref-12345678', now() + interval '1 day', '')",
                    child_id,
                )
    finally:
        await conn.close()
    assert not pay_bot.razorpay.creates


async def test_without_keys_payments_are_not_set_up(
    make_pay_bot: Callable[..., Awaitable[PayBot]],
) -> None:
    bot = await make_pay_bot(razorpay_key_id="", razorpay_key_secret="")
    await make_family(bot.db, OWNER)
    [text] = await bot.say(OWNER, "go pro")
    assert "Payments are not set up yet" in text
    assert await bot.tap(OWNER, BUY_BASIC) == [
        "Payments are not set up yet, so Pro cannot be bought right now."
    ]


@pytest.mark.parametrize(("word", "expected"), [("प्रो", "पेरेंट बेसिक"), ("ప్రో", "పేరెంట్ బేసిక్")])
async def test_native_words(pay_bot: PayBot, word: str, expected: str) -> None:
    user_id, _ = await make_family(pay_bot.db, OWNER)
    language = "hi" if word == "प्रो" else "te"
    await pay_bot.db.execute("UPDATE tt.users SET language = $2 WHERE id = $1", user_id, language)
    [text] = await pay_bot.say(OWNER, word)
    assert expected in text and "₹199" in text
    assert ids.decode(BUY_BASIC).value.plan.amount_paise == 19900
