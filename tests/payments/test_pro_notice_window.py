""" "Pro is on" reaches a member whose 24-hour window has closed only as an approved template
(PRO_TEMPLATES, in the member's language); without one it goes only inside the window."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from tests.payments.conftest import PayBot
from tests.payments.test_webhook import OWNER, PAID, PARENT, family_with_link, heard
from tests.support import razorpay_payloads as rp

TEMPLATES = {"en": "tt_pro_on", "hi": "tt_pro_on_hi"}


async def pay_with_parent_out_of_window(bot: PayBot, language: str = "en") -> None:
    """The owner pays; the second parent last wrote two days ago."""
    _, link = await family_with_link(bot)
    await bot.db.execute(
        "UPDATE tt.users SET last_inbound_at = now() - interval '2 days', language = $2 "
        "WHERE phone = $1",
        PARENT,
        language,
    )
    await bot.deliver(rp.link_paid(link, "pay_Window1"))
    await bot.settle_payments()


def templates_to(bot: PayBot, phone: str) -> list[dict[str, object]]:
    return [body["template"] for body in bot.graph.to(phone) if body["type"] == "template"]


async def test_outside_the_window_pro_is_on_goes_as_the_members_template(
    make_pay_bot: Callable[..., Awaitable[PayBot]],
) -> None:
    bot = await make_pay_bot(pro_templates=TEMPLATES)
    await pay_with_parent_out_of_window(bot, language="hi")
    assert heard(bot, OWNER, PAID) == 1  # inside the window: the message itself
    assert not templates_to(bot, OWNER)
    [template] = templates_to(bot, PARENT)
    assert template["name"] == "tt_pro_on_hi"
    assert template["language"] == {"code": "hi"}
    [body] = template["components"]  # type: ignore[misc]
    child, plan, until = (p["text"] for p in body["parameters"])
    assert (child, plan) == ("Asha", "पेरेंट बेसिक")
    assert until  # the day Pro ends, as the member's language writes it


async def test_without_a_template_pro_is_on_goes_only_inside_the_window(pay_bot: PayBot) -> None:
    await pay_with_parent_out_of_window(pay_bot)
    assert heard(pay_bot, OWNER, PAID) == 1
    assert pay_bot.graph.to(PARENT)[-1:] == []  # nothing Meta would refuse
    reason = await pay_bot.db.fetchval(
        "SELECT o.error_code FROM tt.outbox o JOIN tt.users u ON u.id = o.user_id "
        "WHERE u.phone = $1 AND o.status = 'failed'",
        PARENT,
    )
    assert reason == "window_closed"
