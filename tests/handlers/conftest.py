"""Fixtures shared by the handler tests."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest

from tests.conftest import Bot
from tests.support.logging_steps import NOON


@pytest.fixture(name="tb")
async def _tracking_bot(make_bot: Callable[..., Awaitable[Bot]]) -> Bot:
    """The bot at noon on Wed 11 Feb 2026 in Kolkata, the clock the logging tests assume."""
    return await make_bot(clock=lambda: NOON)
