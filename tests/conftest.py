"""Shared fixtures: a real Postgres (TEST_DATABASE_URL or the embedded one), the app with
Meta replaced at the HTTP edge, and a guard that fails any test reaching the real network."""

from __future__ import annotations

import asyncio
import atexit
import os
import shutil
import socket
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from hypothesis import settings as hypothesis_settings

from bot.app import create_app
from bot.config import Settings
from bot.graph_client import GraphTransport
from bot.runtime import ALL_IN_ONE, Role
from handlers import build_router
from sql.cipher import Cipher
from sql.db import Database
from sql.embedded import start_embedded
from sql.migrate import apply_pending
from tests.support import payloads
from tests.support.direct import Direct
from tests.support.graph_stub import GraphStub

# CI must pass or fail on the code alone: there property tests draw the same examples every
# run, while a developer's runs keep exploring new ones.
hypothesis_settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")

APP_SECRET = "test-app-secret"
VERIFY_TOKEN = "test-verify-token"
TEST_KEY = Cipher.new_key()
LOCAL_HOSTS = {"127.0.0.1", "::1", "localhost"}


@pytest.fixture(autouse=True)
def _no_real_network(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect

    def guarded(sock: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else None
        if host is not None and host not in LOCAL_HOSTS:
            pytest.fail(f"test tried to reach the network: {host}")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


async def _create_database(admin_dsn: str) -> tuple[str, Callable[[], Awaitable[None]]]:
    name = f"tt_test_{uuid.uuid4().hex[:10]}"
    admin = await asyncpg.connect(admin_dsn)
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    dsn = _with_database(admin_dsn, name)

    async def drop() -> None:
        conn = await asyncpg.connect(admin_dsn)
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.close()

    return dsn, drop


def _with_database(dsn: str, name: str) -> str:
    base, _, query = dsn.partition("?")
    root = base.rsplit("/", 1)[0] if base.count("/") > 2 else base
    return f"{root}/{name}" + (f"?{query}" if query else "")


@pytest.fixture(scope="session")
def admin_dsn() -> str:
    """A server we may create databases on: TEST_DATABASE_URL, or an embedded one. The
    embedded one lives outside pytest's temporary folders, which another pytest run on the
    same machine may delete while this one still uses them."""
    url = os.environ.get("TEST_DATABASE_URL")
    if url:
        return url
    folder = tempfile.mkdtemp(prefix="tt-embedded-")
    # registered before the server's own exit hook, so it runs after the server has stopped
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return start_embedded(Path(folder))


@pytest.fixture(scope="session")
async def database_url(admin_dsn: str) -> AsyncIterator[str]:
    dsn, drop = await _create_database(admin_dsn)
    await apply_pending(dsn)
    yield dsn
    await drop()


@pytest.fixture(name="db")
async def _db(database_url: str) -> AsyncIterator[asyncpg.Connection]:
    """A login connection to the test database, emptied before each test."""
    conn = await asyncpg.connect(database_url)
    tables = await conn.fetchval(
        "SELECT string_agg(format('tt.%I', tablename), ', ') FROM pg_tables "
        "WHERE schemaname = 'tt' AND tablename <> 'schema_migrations'"
    )
    await conn.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    yield conn
    await conn.close()


@pytest.fixture(name="database")
async def _database(database_url: str, db: asyncpg.Connection) -> AsyncIterator[Database]:
    """Our own pool on the emptied test database, for tests that act as one user or another."""
    database = await Database.connect(database_url, max_size=2)
    yield database
    await database.close()


def make_settings(database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "app_env": "test",
        "database_url": database_url,
        "whatsapp_app_secret": APP_SECRET,
        "whatsapp_verify_token": VERIFY_TOKEN,
        "whatsapp_token": "test-token",
        "whatsapp_phone_number_id": payloads.BUSINESS_NUMBER_ID,
        "whatsapp_api_base": "https://graph.test",
        "data_encryption_keys": (TEST_KEY,),
        "auto_migrate": False,
        "worker_retry_base_seconds": 0.05,
        "sweep_interval_seconds": 0.2,
        "notice_batch_seconds": 3600.0,  # family notices stay queued unless a test wants them
    }
    return Settings(**(values | overrides))


@pytest.fixture(name="direct")
async def _direct(database_url: str, db: asyncpg.Connection) -> AsyncIterator[Direct]:
    """The app's router driven directly: no webhook, worker, outbox or sender."""
    database = await Database.connect(database_url)
    yield Direct(database, Cipher([TEST_KEY]), build_router(), lambda: datetime.now(UTC))
    await database.close()


@pytest.fixture(name="graph")
def _graph() -> GraphStub:
    return GraphStub()


class Bot:
    """The running app: post signed webhooks, wait for the queues to settle."""

    def __init__(self, app: Any, client: Any, db: asyncpg.Connection, graph: GraphStub) -> None:
        self.app, self.client, self.db, self.graph = app, client, db, graph

    async def post(self, payload: Any, *, secret: str = APP_SECRET) -> Any:
        body = payloads.encode(payload)
        return await self.client.post(
            "/webhooks/whatsapp", data=body, headers=payloads.signed_headers(body, secret)
        )

    async def say(self, phone: str, text: str) -> list[str]:
        """Send one text and return the texts of the replies it produced."""
        before = len(self.graph.to(phone))
        response = await self.post(payloads.webhook([payloads.text(phone, text)]))
        assert response.status_code == 200
        await self.settle()
        return self.graph.texts_to(phone)[before:]

    async def tap(self, phone: str, reply_id: str) -> list[str]:
        before = len(self.graph.to(phone))
        response = await self.post(payloads.webhook([payloads.button_reply(phone, reply_id)]))
        assert response.status_code == 200
        await self.settle()
        return self.graph.texts_to(phone)[before:]

    async def settle(self, timeout: float = 10.0) -> None:
        """Wait until no inbound message or outbox row is still pending."""
        await wait_until(self._idle, timeout)

    async def flush_notices(self, timeout: float = 10.0) -> None:
        """Wait until batched family notices have become outbox messages, then settle."""
        await self.settle(timeout)
        await wait_until(self._no_notices, timeout)
        await self.settle()

    async def _no_notices(self) -> bool:
        return not await self.db.fetchval(
            "SELECT count(*) FROM tt.pending_notices WHERE status = 'pending'"
        )

    async def _idle(self) -> bool:
        return not await self.db.fetchval(
            "SELECT (SELECT count(*) FROM tt.inbound_messages WHERE status = 'pending') + "
            "(SELECT count(*) FROM tt.outbox WHERE status = 'pending')"
        )


async def wait_until(predicate: Callable[[], Awaitable[bool]], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not await predicate():
        if time.monotonic() > deadline:
            pytest.fail("condition not reached in time")
        await asyncio.sleep(0.02)


@pytest.fixture(name="make_bot")
async def _make_bot(
    database_url: str, db: asyncpg.Connection, graph: GraphStub
) -> AsyncIterator[Callable[..., Awaitable[Bot]]]:
    """Start the real app (worker and sender included) with optional setting overrides."""
    running: list[Any] = []

    async def start(
        clock: Callable[[], datetime] | None = None,
        http_client: httpx.AsyncClient | None = None,
        role: Role = ALL_IN_ONE,
        **overrides: Any,
    ) -> Bot:
        settings = make_settings(**({"database_url": database_url} | overrides))
        client = httpx.AsyncClient(transport=httpx.MockTransport(graph.handler))
        transport = GraphTransport(
            settings.whatsapp_api_base,
            settings.whatsapp_api_version,
            settings.whatsapp_token,
            client=client,
        )
        app = create_app(
            settings, role=role, transport=transport, clock=clock, http_client=http_client
        )
        test_app = app.test_app()
        await test_app.__aenter__()
        running.append(test_app)
        return Bot(app, test_app.test_client(), db, graph)

    yield start
    for test_app in running:
        await test_app.__aexit__(None, None, None)


@pytest.fixture(name="bot")
async def _bot(make_bot: Callable[..., Awaitable[Bot]]) -> Bot:
    return await make_bot()
