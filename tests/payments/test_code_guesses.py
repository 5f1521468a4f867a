"""Typed codes cannot be guessed: a member's wrong referral and coupon codes are counted in
Postgres, and after five in an hour no code is looked up until the hour has passed."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from dialog.texts import t
from tests.payments.conftest import PayBot
from tests.payments.test_referrals import NEWCOMER, REFERRER, THIRD, code_of
from tests.support.families import make_family

NOT_FOUND = "I do not know that code. Please check it and try again."
LIMITED = "You have tried several codes that did not work. Please try again in an hour."


async def referrals(bot: PayBot) -> int:
    count: int = await bot.db.fetchval("SELECT count(*) FROM tt.referrals")
    return count


async def test_a_right_code_after_a_few_wrong_ones_still_works(pay_bot: PayBot) -> None:
    await make_family(pay_bot.db, REFERRER)
    await make_family(pay_bot.db, NEWCOMER, child="Ravi")
    code = await code_of(pay_bot, REFERRER)
    for _ in range(4):
        assert await pay_bot.say(NEWCOMER, "redeem WRONGCODE2") == [NOT_FOUND]
    [reply] = await pay_bot.say(NEWCOMER, f"redeem {code}")
    assert reply.startswith("🎉 Code accepted")


async def test_five_wrong_codes_stop_lookups_for_an_hour_in_every_process(
    make_pay_bot: Callable[..., Awaitable[PayBot]],
) -> None:
    first = await make_pay_bot()
    await make_family(first.db, REFERRER)
    await make_family(first.db, NEWCOMER, child="Ravi")
    code = await code_of(first, REFERRER)
    for _ in range(3):
        assert await first.say(NEWCOMER, "redeem WRONGCODE2") == [NOT_FOUND]
    for _ in range(2):  # a wrong coupon is a guess too
        [reply] = await first.say(NEWCOMER, "apply coupon NOSUCH")
        assert reply.startswith("The coupon NOSUCH cannot be used")
    second = await make_pay_bot()  # another process, or the same one restarted
    assert await second.say(NEWCOMER, f"redeem {code}") == [LIMITED]
    assert await second.say(NEWCOMER, "apply coupon NOSUCH") == [LIMITED]
    assert await referrals(second) == 0  # the right code was not even looked up
    assert (await second.say(REFERRER, "redeem WRONGCODE2")) == [NOT_FOUND]  # per member
    await second.db.execute(
        "UPDATE tt.audit_events SET created_at = created_at - interval '61 minutes'"
    )
    [reply] = await second.say(NEWCOMER, f"redeem {code}")
    assert reply.startswith("🎉 Code accepted")


@pytest.mark.parametrize("language", ["hi", "te"])
async def test_the_limit_is_said_in_the_members_language(pay_bot: PayBot, language: str) -> None:
    await make_family(pay_bot.db, THIRD)
    await pay_bot.db.execute("UPDATE tt.users SET language = $1 WHERE phone = $2", language, THIRD)
    for _ in range(5):
        await pay_bot.say(THIRD, "redeem WRONGCODE2")
    assert await pay_bot.say(THIRD, "redeem WRONGCODE2") == [t(language, "code.limited")]
