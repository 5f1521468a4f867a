import shutil

import pytest

from sql.migrate import MIGRATIONS_DIR, apply_pending
from tests.conftest import _create_database


async def test_live_needs_no_database_and_carries_headers(bot):
    response = await bot.client.get("/health/live")
    assert response.status_code == 200
    assert await response.get_json() == {"status": "ok"}
    assert len(response.headers["X-Request-Id"]) == 16
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]


async def test_ready_when_database_is_current(bot):
    response = await bot.client.get("/health/ready")
    assert response.status_code == 200
    assert await response.get_json() == {"status": "ok"}


@pytest.fixture(name="behind_dsn")
async def _behind_dsn(admin_dsn, tmp_path):
    """A database with only the first migration applied."""
    dsn, drop = await _create_database(admin_dsn)
    shutil.copy(MIGRATIONS_DIR / "0001_baseline.sql", tmp_path)
    await apply_pending(dsn, tmp_path)
    yield dsn
    await drop()


async def test_not_ready_when_migrations_are_pending_and_nothing_leaks(make_bot, behind_dsn):
    bot = await make_bot(database_url=behind_dsn)
    response = await bot.client.get("/health/ready")
    assert response.status_code == 503
    assert await response.get_json() == {"status": "unavailable"}


async def test_request_id_is_passed_through_when_sane(bot):
    response = await bot.client.get("/health/live", headers={"X-Request-Id": "abc123"})
    assert response.headers["X-Request-Id"] == "abc123"
    response = await bot.client.get("/health/live", headers={"X-Request-Id": "<script>"})
    assert response.headers["X-Request-Id"] != "<script>"
