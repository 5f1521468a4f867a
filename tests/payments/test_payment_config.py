"""Live keys only where money is safe; test keys never in production; secrets rotate."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import asyncpg
import pytest

from bot.config import ConfigError, from_env
from payments.pro import allows, extend_pro
from tests.bot.test_config import PRODUCTION
from tests.support.families import make_family

LIVE = {"RAZORPAY_KEY_ID": "rzp_live_abc", "RAZORPAY_KEY_SECRET": "s3cret"}
HOOK = {"RAZORPAY_WEBHOOK_SECRET": "new-secret, old-secret"}


def problems(env: dict[str, str]) -> str:
    with pytest.raises(ConfigError) as error:
        from_env(env)
    return str(error.value)


def test_live_keys_need_production_a_durable_database_and_a_webhook_secret() -> None:
    settings = from_env(PRODUCTION | LIVE | HOOK)
    assert settings.payments_ready
    assert settings.razorpay_webhook_secrets == ("new-secret", "old-secret")
    embedded = {k: v for k, v in PRODUCTION.items() if k != "DATABASE_URL"} | LIVE | HOOK
    assert "not the embedded one" in problems(embedded)
    assert "set RAZORPAY_WEBHOOK_SECRET" in problems(PRODUCTION | LIVE)
    development = {k: v for k, v in PRODUCTION.items() if k != "APP_ENV"} | LIVE | HOOK
    assert "only in production" in problems(development | {"APP_ENV": "test"})


def test_test_keys_are_refused_in_production_and_keys_come_in_pairs() -> None:
    test_keys = {"RAZORPAY_KEY_ID": "rzp_test_abc", "RAZORPAY_KEY_SECRET": "s3cret"}
    assert "test key" in problems(PRODUCTION | test_keys | HOOK)
    assert "set together" in problems(PRODUCTION | {"RAZORPAY_KEY_ID": "rzp_live_abc"} | HOOK)
    assert not from_env(PRODUCTION).payments_ready


async def test_the_gating_table_follows_the_active_plan(db: asyncpg.Connection) -> None:
    _, child_id = await make_family(db, "919800000061")
    now = datetime.now(UTC)
    await db.execute("SET ROLE tt_system")
    assert not await allows(db, child_id, "pdf_report", now)
    await extend_pro(db, child_id, "parent_basic_199", 30, now)
    assert await allows(db, child_id, "pdf_report", now)
    assert not await allows(db, child_id, "extra_children", now)
    await extend_pro(db, child_id, "pro_plus_499", 30, now)
    assert await allows(db, child_id, "extra_children", now)
    assert not await allows(db, child_id, "pdf_report", now + timedelta(days=61))
