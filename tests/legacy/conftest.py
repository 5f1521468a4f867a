"""A database shaped like the original bot's (legacy_schema.sql), created beside the test
database on the same server and dropped afterwards."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest

from tests.conftest import _create_database

SCHEMA = Path(__file__).with_name("legacy_schema.sql")


@pytest.fixture(name="legacy_url")
async def _legacy_url(admin_dsn: str) -> AsyncIterator[str]:
    dsn, drop = await _create_database(admin_dsn)
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(SCHEMA.read_text(encoding="utf-8"))
    finally:
        await conn.close()
    yield dsn
    await drop()


@pytest.fixture(name="legacy")
async def _legacy(legacy_url: str) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(legacy_url)
    yield conn
    await conn.close()
