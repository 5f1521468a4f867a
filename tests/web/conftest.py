"""The real app served over a local port by Hypercorn for each test, on a fixed clock (20 Nov
2026 in Kolkata), and one headless Chromium (Debian's, never a downloaded build) for the
whole session."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import date

import asyncpg
import httpx
import pytest
from hypercorn.asyncio import serve
from hypercorn.config import Config

from bot.app import create_app
from bot.graph_client import GraphTransport
from tests.conftest import make_settings
from tests.support.families import add_member, add_user, at, make_family
from tests.support.graph_stub import GraphStub
from tests.support.pro import grant_pro
from web.tokens import LinkClaims, LinkSigner, Purpose

KEYS = ("web-test-signing-key-new", "web-test-signing-key-old")
NOW = at("2026-11-20T06:00:00")  # 11:30 in Kolkata
MONTH = date(2026, 11, 1)
OWNER, CO_MEMBER = "919800000001", "919800000002"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@dataclass
class Server:
    base: str
    graph: GraphStub
    signer: LinkSigner

    def link(self, member_id: int, child_id: int, purpose: Purpose, version: int = 1) -> str:
        token = self.signer.sign(LinkClaims(member_id, child_id, version, purpose))
        return f"{self.base}/c/{token}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
async def server(database_url: str, db: asyncpg.Connection) -> AsyncIterator[Server]:
    """Started after `db` has emptied the tables: a TRUNCATE beside running queue loops
    would deadlock with them."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    graph = GraphStub()
    settings = make_settings(
        database_url, link_signing_keys=KEYS, public_base_url=base, notice_batch_seconds=0.2
    )
    client = httpx.AsyncClient(transport=httpx.MockTransport(graph.handler))
    transport = GraphTransport(
        settings.whatsapp_api_base, settings.whatsapp_api_version, "test-token", client=client
    )
    app = create_app(settings, transport=transport, clock=lambda: NOW)
    config = Config()
    config.bind = [f"127.0.0.1:{port}"]
    config.accesslog = None
    stop = asyncio.Event()
    task = asyncio.create_task(serve(app, config, shutdown_trigger=stop.wait))  # type: ignore[arg-type]
    async with httpx.AsyncClient() as probe:
        for _ in range(200):
            try:
                await probe.get(f"{base}/health/live")
                break
            except httpx.TransportError:
                await asyncio.sleep(0.05)
    yield Server(base, graph, LinkSigner(KEYS))
    stop.set()
    await task


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[object]:
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"no chromium at {CHROMIUM} (.ci/run installs Debian's)")
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        yield launched
        await launched.close()


@pytest.fixture
async def page(browser: object) -> AsyncIterator[object]:
    context = await browser.new_context(viewport={"width": 360, "height": 740})  # type: ignore[attr-defined]
    yield await context.new_page()
    await context.close()


@dataclass
class Family:
    owner: int
    child: int
    co_member: int


@pytest.fixture
async def family(db: asyncpg.Connection) -> Family:
    """An owner with Pro Plus (edit links) and a parent who wrote today, for November 2026."""
    owner, child = await make_family(db, OWNER, month=MONTH, since=MONTH)
    co_member = await add_user(db, CO_MEMBER)
    await add_member(db, child, co_member, "parent")
    await grant_pro(db, child)
    # the fixed clock is in the past: both wrote "just now" as it sees it
    await db.execute("UPDATE tt.users SET last_inbound_at = $1", NOW)
    return Family(owner, child, co_member)
