"""The sender draining a reminder sweep's outbox against a Graph stub that, like Meta, answers
130429 to a business number sending faster than its throughput: the sender should keep to
the number's pace and never hear one. Printed: the achieved rate against the configured pace,
and how many 130429 answers came (the target is none)."""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
from harness import GraphStub, bench_database
from reminder_bench import CHILDREN, POPULATE

from bot.graph_client import GraphTransport
from bot.jobs.core import JobEnv
from bot.jobs.runner import run_named
from bot.sender import NUMBER_BURST_SPENT, Sender
from sql.cipher import Cipher
from sql.db import Database
from sql.migrate import apply_pending

NUMBER = "pn-bench"
TEMPLATES = {"en": "tt_reminder", "hi": "tt_reminder_hi", "te": "tt_reminder_te"}
LIMITED_HEAD = (
    b"HTTP/1.1 429 Too Many Requests\r\nContent-Type: application/json\r\n"
    b"Content-Length: %d\r\n\r\n"
)
LIMITED = json.dumps(
    {"error": {"message": "rate limit hit", "type": "OAuthException", "code": 130429}}
).encode()


class PacedGraphStub(GraphStub):
    """Meta's throughput limit for one number: a bucket of `burst` sends that refills at `rate`
    a second; a send that finds it empty is refused with 130429 and not delivered."""

    def __init__(self, rate: float, burst: float) -> None:
        super().__init__()
        self.rate, self.burst, self.tokens = rate, burst, burst
        self.refused = 0
        self._last: float | None = None

    def answer(self, at: float, body: dict) -> bytes:
        if self._last is not None:
            self.tokens = min(self.burst, self.tokens + (at - self._last) * self.rate)
        self._last = at
        if self.tokens < 1:
            self.refused += 1
            return LIMITED_HEAD % len(LIMITED) + LIMITED
        self.tokens -= 1
        return super().answer(at, body)


async def queue_reminders(dsn: str, members: int, cipher: Cipher) -> int:
    """Members due now (hour 0 in their zone), no day logged: one reminder each."""
    now = datetime.now(UTC)
    conn = await asyncpg.connect(dsn)
    await conn.execute(POPULATE, members, now)
    await conn.execute(CHILDREN)
    await conn.execute("UPDATE tt.users SET reminder_hour = 0")
    db = await Database.connect(dsn, max_size=2)
    env = JobEnv(
        db=db, cipher=cipher, now=now, phone_number_id=NUMBER, reminder_templates=TEMPLATES
    )
    await run_named(env, "reminders")
    await db.close()
    queued: int = await conn.fetchval("SELECT count(*) FROM tt.outbox")
    await conn.close()
    return queued


async def drain(dsn: str, cipher: Cipher, stub: PacedGraphStub, port: int) -> float:
    db = await Database.connect(dsn, max_size=Sender.concurrency + 1)
    transport = GraphTransport(f"http://127.0.0.1:{port}", "v25.0", "bench-token")
    sender = Sender(
        db, cipher, transport, clock=lambda: datetime.now(UTC), number_limit=(stub.rate, stub.burst)
    )
    conn = await asyncpg.connect(dsn)
    started = time.perf_counter()
    sender.start()
    while await conn.fetchval("SELECT count(*) FROM tt.outbox WHERE status = 'pending'"):
        await asyncio.sleep(0.2)
    took = time.perf_counter() - started
    await sender.stop()
    await conn.close()
    await db.close()
    return took


async def main(members: int, rate: float, burst: float) -> None:
    logging.disable(logging.INFO)  # one log line per send would cost more than the send
    cipher = Cipher([Cipher.new_key()])
    stub = PacedGraphStub(rate, burst)
    port = await stub.start()
    with tempfile.TemporaryDirectory() as folder:
        async with bench_database(Path(folder)) as dsn:
            await apply_pending(dsn)
            queued = await queue_reminders(dsn, members, cipher)
            load = os.getloadavg()[0]
            took = await drain(dsn, cipher, stub, port)
    await stub.close()
    report(queued, took, load, stub)


def report(queued: int, took: float, load: float, stub: PacedGraphStub) -> None:
    arrivals = [at for at, _, _ in stub.received]
    first_burst = int(stub.burst * NUMBER_BURST_SPENT)
    span = arrivals[-1] - arrivals[0]
    after_burst = arrivals[-1] - arrivals[first_burst - 1]
    steady = (len(arrivals) - first_burst) / after_burst
    print(f"{queued} reminders queued; drained in {took:.1f} s (load average {load:.2f})")
    print(f"  delivered {len(arrivals)}, refused with 130429: {stub.refused}")
    print(f"the number's limit: {stub.rate:g}/s after a burst of {stub.burst:g}")
    print(f"  the sender's pace: {stub.rate:g}/s after a burst of {first_burst}")
    print(f"achieved: {len(arrivals) / span:.1f}/s overall, {steady:.1f}/s after the burst")
    print(f"ratio achieved/pace after the burst: {steady / stub.rate:.2f}")
    print(f"target no 130429: {'met' if stub.refused == 0 else 'missed'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=40.0, help="the number's sends per second")
    parser.add_argument("--burst", type=float, default=40.0)
    options = parser.parse_args()
    asyncio.run(main(options.members, options.rate, options.burst))
