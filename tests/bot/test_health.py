import asyncio
import json

import pytest

from tests.conftest import APP_SECRET, TEST_KEY, VERIFY_TOKEN
from tests.support import payloads
from tests.support.db_proxy import hanging_proxy
from tests.support.disclosure import revealed

GUARD = 15.0  # far above the ingest limits, far below the minute it took without them


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


async def test_not_ready_when_migrations_are_pending_and_nothing_leaks(bot):
    # a database restored from before the last migration, under a running server
    last = await bot.db.fetchrow(
        "DELETE FROM tt.schema_migrations WHERE version = (SELECT max(version) "
        "FROM tt.schema_migrations) RETURNING *"
    )
    try:
        response = await bot.client.get("/health/ready")
    finally:
        await bot.db.execute(
            "INSERT INTO tt.schema_migrations SELECT * FROM json_populate_record("
            "NULL::tt.schema_migrations, $1::json)",
            json.dumps(dict(last), default=str),
        )
    assert response.status_code == 503
    assert await response.get_json() == {"status": "unavailable"}


async def test_request_id_is_passed_through_when_sane(bot):
    response = await bot.client.get("/health/live", headers={"X-Request-Id": "abc123"})
    assert response.headers["X-Request-Id"] == "abc123"
    response = await bot.client.get("/health/live", headers={"X-Request-Id": "<script>"})
    assert response.headers["X-Request-Id"] != "<script>"


async def _answer(call):
    """The response, or a failure when the server is still waiting after GUARD seconds."""
    task = asyncio.ensure_future(call)
    done, _ = await asyncio.wait([task], timeout=GUARD)
    if not done:
        task.cancel()
        pytest.fail(f"no answer after {GUARD} s")
    return task.result()


@pytest.fixture(name="proxy")
async def _proxy(database_url):
    """Set up before the app and torn down after it, so the app never loses its server."""
    async with hanging_proxy(database_url) as proxy:
        yield proxy


async def test_a_hung_database_gets_meta_a_quick_503_and_nothing_is_lost(proxy, make_bot, caplog):
    phone = "919100000321"
    bot = await make_bot(database_url=proxy.dsn)
    first = payloads.webhook([payloads.text(phone, "hi")])
    assert (await _answer(bot.post(first))).status_code == 200
    proxy.hang()
    second = payloads.webhook([payloads.text(phone, "help")])
    assert (await _answer(bot.post(second))).status_code == 503
    assert (await _answer(bot.client.get("/health/ready"))).status_code == 503
    failed = [r for r in caplog.records if r.getMessage() == "readiness check failed"]
    assert failed and not any(r.exc_info for r in failed)  # one line, no traceback per poll
    proxy.resume()
    assert (await _answer(bot.post(second))).status_code == 200  # Meta's retry
    await bot.settle(timeout=60)
    stored = await bot.db.fetchval("SELECT count(*) FROM tt.inbound_messages WHERE status = 'done'")
    assert stored == 2


async def test_ready_reveals_no_version_secret_or_host(bot, database_url):
    response = await bot.client.get("/health/ready")
    assert response.status_code == 200
    body = await response.get_data()
    assert json.loads(body) == {"status": "ok"}
    secrets = [APP_SECRET, VERIFY_TOKEN, TEST_KEY, "test-token"]
    assert revealed(response.headers, body, database_url, secrets) == []
