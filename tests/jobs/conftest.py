"""Jobs driven as the CLI and the cron endpoint drive them, as of a chosen moment."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from typing import Any

import pytest

from bot.jobs.core import JobEnv
from bot.jobs.runner import run_named
from sql.cipher import Cipher
from sql.db import Database
from tests.conftest import TEST_KEY

CIPHER = Cipher([TEST_KEY])
RunJob = Callable[..., Awaitable[dict[str, Any]]]


@pytest.fixture(name="pool")
async def _pool(database_url: str, db: Any) -> AsyncIterator[Database]:
    database = await Database.connect(database_url)
    yield database
    await database.close()


def env_for(database: Database, now: datetime, **overrides: Any) -> JobEnv:
    values: dict[str, Any] = {"db": database, "cipher": CIPHER, "now": now, "phone_number_id": "pn"}
    return JobEnv(**(values | overrides))


@pytest.fixture(name="run_job")
def _run_job(pool: Database) -> RunJob:
    async def run(name: str, now: datetime, **overrides: Any) -> dict[str, Any]:
        return (await run_named(env_for(pool, now, **overrides), name))[name]

    return run
