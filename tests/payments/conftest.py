"""The running app with Meta and Razorpay both replaced at the HTTP edge."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest

from tests.conftest import Bot, wait_until
from tests.support import razorpay_payloads as rp
from tests.support.razorpay_stub import KEY_ID, KEY_SECRET, WEBHOOK_SECRET, RazorpayStub

PAYMENT_SETTINGS = {
    "razorpay_key_id": KEY_ID,
    "razorpay_key_secret": KEY_SECRET,
    "razorpay_webhook_secrets": (WEBHOOK_SECRET, "stub-webhook-secret-old"),
    "razorpay_api_base": "https://api.razorpay.test",
}


class PayBot(Bot):
    """The bot, plus Razorpay's side: its API stub and signed webhook deliveries."""

    razorpay: RazorpayStub

    async def deliver(
        self, body: dict[str, Any], *, secret: str = WEBHOOK_SECRET, event_id: str | None = None
    ) -> Any:
        raw = rp.encode(body)
        return await self.client.post(
            "/webhooks/razorpay", data=raw, headers=rp.headers(raw, secret, event_id)
        )

    async def settle_payments(self, timeout: float = 10.0) -> None:
        async def idle() -> bool:
            waiting = await self.db.fetchval(
                "SELECT (SELECT count(*) FROM tt.razorpay_events WHERE status = 'pending') + "
                "(SELECT count(*) FROM tt.payment_links WHERE status = 'requesting')"
            )
            return not waiting

        await wait_until(idle, timeout)
        await self.settle(timeout)


@pytest.fixture(name="razorpay")
def _razorpay() -> RazorpayStub:
    return RazorpayStub()


@pytest.fixture(name="make_pay_bot")
def _make_pay_bot(
    make_bot: Callable[..., Awaitable[Bot]], razorpay: RazorpayStub
) -> Callable[..., Awaitable[PayBot]]:
    async def start(**overrides: Any) -> PayBot:
        http = httpx.AsyncClient(transport=httpx.MockTransport(razorpay.handler))
        bot = await make_bot(http_client=http, **(PAYMENT_SETTINGS | overrides))
        pay_bot = PayBot(bot.app, bot.client, bot.db, bot.graph)
        pay_bot.razorpay = razorpay
        return pay_bot

    return start


@pytest.fixture(name="pay_bot")
async def _pay_bot(make_pay_bot: Callable[..., Awaitable[PayBot]]) -> PayBot:
    return await make_pay_bot()
