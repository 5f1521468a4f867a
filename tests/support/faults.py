"""What the fault-injection tests share: people who each get one reply per "help", rounds of
their messages, the check that everyone was answered exactly once with nothing left behind,
and real server processes (`python -m bot serve`, or web and work processes) with Meta's Graph
API stubbed at its edge."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path
from typing import Any

import httpx

from bot.wakeups import LISTENER_NAME
from tests.conftest import APP_SECRET, TEST_KEY, VERIFY_TOKEN
from tests.support import payloads
from tests.support.graph_stub import GraphStub

PEOPLE = [f"9190000003{n:02d}" for n in range(8)]
HELP = "Here is what you can type"
STUCK_SQL = """
SELECT (SELECT count(*) FROM tt.inbound_messages
        WHERE status <> 'done' OR claim_token IS NOT NULL) +
       (SELECT count(*) FROM tt.outbox WHERE status <> 'sent' OR claim_token IS NOT NULL)
"""


async def welcomed(db: Any) -> None:
    """People who have talked to the bot before, so each "help" gets exactly one reply."""
    await db.execute(
        "INSERT INTO tt.users (phone, welcomed_at, last_inbound_at) "
        "SELECT unnest($1::text[]), now(), now()",
        PEOPLE,
    )


def helps(round_: int) -> dict[str, Any]:
    """One webhook with a "help" from every person."""
    messages = [payloads.text(p, "help", wamid=f"wamid.R{round_}.{p}") for p in PEOPLE]
    return payloads.webhook(messages)


async def assert_each_answered_once(db: Any, graph: GraphStub, rounds: int) -> None:
    for phone in PEOPLE:
        texts = graph.texts_to(phone)
        assert len(texts) == rounds, (phone, texts)
        assert all(text.startswith(HELP) for text in texts)
    assert await db.fetchval(STUCK_SQL) == 0


def app_env(database_url: str) -> dict[str, str]:
    """What any `python -m bot` command of the tests needs: the database and the secrets."""
    return {
        "PATH": os.environ["PATH"],
        "APP_ENV": "test",
        "DATABASE_URL": database_url,
        "WHATSAPP_APP_SECRET": APP_SECRET,
        "WHATSAPP_VERIFY_TOKEN": VERIFY_TOKEN,
        "DATA_ENCRYPTION_KEYS": TEST_KEY,
    }


def server_env(database_url: str, graph_url: str, **extra: str) -> dict[str, str]:
    return (
        app_env(database_url)
        | {
            "WHATSAPP_TOKEN": "test-token",
            "WHATSAPP_PHONE_NUMBER_ID": payloads.BUSINESS_NUMBER_ID,
            "WHATSAPP_API_BASE": graph_url,
            "LOG_LEVEL": "WARNING",
        }
        | extra
    )


async def start_server(
    port: int, env: dict[str, str], log: Path, *options: str
) -> asyncio.subprocess.Process:
    """`python -m bot serve` on `port` (`--no-workers`: a web process), returned once it says
    it is ready."""
    process = await _bot(env, log, "serve", "--port", str(port), *options)
    await started(f"http://127.0.0.1:{port}", process)
    return process


LISTENING_SQL = """
SELECT count(*) FROM pg_stat_activity
WHERE datname = current_database() AND application_name = $1
"""


async def start_work(
    env: dict[str, str], log: Path, db: Any, *options: str
) -> asyncio.subprocess.Process:
    """`python -m bot work`, returned once it listens for new rows (it serves no HTTP unless
    `options` has --metrics-port)."""
    process = await _bot(env, log, "work", *options)
    deadline = time.monotonic() + 30
    while not await db.fetchval(LISTENING_SQL, f"{LISTENER_NAME}:{process.pid}"):
        assert process.returncode is None, "the work process exited while starting"
        assert time.monotonic() < deadline, "the work process did not start"
        await asyncio.sleep(0.1)
    return process


async def _bot(env: dict[str, str], log: Path, *args: str) -> asyncio.subprocess.Process:
    with log.open("a") as stderr:
        return await asyncio.create_subprocess_exec(
            sys.executable,
            *("-m", "bot", *args),
            env=env,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=stderr,
        )


async def started(url: str, process: asyncio.subprocess.Process) -> None:
    async with httpx.AsyncClient(base_url=url) as client:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert process.returncode is None, "the server exited while starting"
            try:
                if (await client.get("/health/ready")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise AssertionError("the server did not start")


async def post(url: str, payload: Any, expect: int = 200) -> None:
    body = payloads.encode(payload)
    async with httpx.AsyncClient(base_url=url) as client:
        response = await client.post(
            "/webhooks/whatsapp", content=body, headers=payloads.signed_headers(body, APP_SECRET)
        )
    assert response.status_code == expect
