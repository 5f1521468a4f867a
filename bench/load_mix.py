"""Load for the runbook: a realistic mix at rising rates against the deploy's two processes.

Inbound messages, delivery statuses for replies already sent and Razorpay payment webhooks
arrive open-loop (on a schedule, whether or not earlier ones were answered) at each rate in
turn; the cron's reminder sweep is called at the start of every step, as Render's cron would.
Each step prints the latency of the 200s by kind (from the moment a request was due), the
queues left behind, the sweep's time, and both processes' RSS; the run ends after the first
step whose median crosses Meta's 250 ms, or after the last rate.

Run from the project root: `python bench/load_mix.py [--rates 25,50,100,200,400]`.
It sends traffic only to its own servers on loopback and never asserts a timing.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import httpx
from harness import WEBHOOK, GraphStub, Lane, bench_database, cpu_seconds, percentile
from razorpay_bench import RAZORPAY_SECRET, RAZORPAY_WEBHOOK, razorpay_deliveries
from reminder_bench import CHILDREN, POPULATE
from soak import rss_mb
from webhook_bench import ours_running, server_env, signed, signed_status

MEDIAN_LIMIT = 0.250  # Meta's: a webhook answered slower than this, at the median, is at risk
CRON_SECRET = "bench-cron-secret-0123456789"
TEXTS = ("hi", "help", "menu", "attended today", "missed yesterday", "status", "hello there")
MAX_OPEN = 64  # connections the load generator holds at most (Meta opens few)
QUEUES_SQL = """
SELECT (SELECT count(*) FROM tt.inbound_messages WHERE status = 'pending') AS inbound,
       (SELECT count(*) FROM tt.outbox WHERE status = 'pending') AS outbox,
       (SELECT count(*) FROM tt.razorpay_events WHERE status = 'pending') AS payments
"""
DUE_ALL_DAY = "UPDATE tt.users SET reminder_hour = 0"

Request = tuple[str, str, bytes, dict[str, str]]  # kind, path, body, headers


class Mix:
    """What arrives: `messages` of every 100 requests are texts (three in a row per person),
    `payments` are Razorpay events and the rest statuses for replies the stub has answered."""

    def __init__(self, stub: GraphStub, numbers: int, messages: int, payments: int) -> None:
        self._stub, self._numbers = stub, numbers
        self._messages, self._payments = messages, payments
        self._count = 0

    def next(self) -> Request:
        self._count += 1
        roll = random.randrange(100)
        sent = len(self._stub.received)
        if roll < self._messages or sent == 0:
            return self._message()
        if roll < self._messages + self._payments:
            body, headers = razorpay_deliveries(1)[0]
            return "payment", RAZORPAY_WEBHOOK, body, headers
        return self._status(f"wamid.bench{random.randrange(1, sent + 1)}")

    def _message(self) -> Request:
        i = self._count
        body, headers = signed(
            f"9150{i // 3:08d}", TEXTS[i % len(TEXTS)], f"mix-{i % self._numbers}"
        )
        return "message", WEBHOOK, body, headers

    def _status(self, wamid: str) -> Request:
        body, headers = signed_status(wamid, random.choice(("delivered", "read")), "mix-0")
        return "status", WEBHOOK, body, headers


class OpenLoop:
    """Sends requests at their due times over keep-alive connections, opening more as needed
    (up to MAX_OPEN); a request's latency counts from when it was due."""

    def __init__(self, url: str) -> None:
        self._url = url
        self._idle: dict[str, list[Lane]] = defaultdict(list)
        self._open = asyncio.Semaphore(MAX_OPEN)

    async def run(self, rate: float, seconds: float, make: Callable[[], Request]) -> dict:
        self.close()  # the server closes keep-alive connections idle between steps
        latencies: dict[str, list[float]] = defaultdict(list)
        statuses: Counter = Counter()
        start = time.perf_counter()
        count = int(rate * seconds)

        async def one(due: float, request: Request) -> None:
            kind, path, body, headers = request
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            async with self._open:
                reused = bool(self._idle[path])
                lane = self._idle[path].pop() if reused else Lane(self._url, path)
                status = await lane.post(body, headers)
                if isinstance(status, str) and reused:  # the server closed it while idle
                    status = await lane.post(body, headers)
                statuses[(kind, status)] += 1
                self._idle[path].append(lane)
            latencies[kind].append(time.perf_counter() - due)

        await asyncio.gather(*(one(start + i / rate, make()) for i in range(count)))
        return {"latencies": latencies, "statuses": statuses, "took": time.perf_counter() - start}

    def close(self) -> None:
        for lanes in self._idle.values():
            for lane in lanes:
                lane.close()
        self._idle.clear()


async def seed_members(dsn: str, members: int) -> None:
    """Members with a child, due for a reminder whenever the sweep runs (hour 0, every day)."""
    conn = await asyncpg.connect(dsn)
    try:
        await conn.execute(POPULATE, members, datetime.now(UTC))
        await conn.execute(CHILDREN)
        await conn.execute(DUE_ALL_DAY)
    finally:
        await conn.close()


async def sweep(url: str) -> tuple[float, dict]:
    """The cron's call: POST /internal/jobs/reminders with the bearer; its time and counts."""
    headers = {"Authorization": f"Bearer {CRON_SECRET}"}
    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=120.0) as client:
        answer = await client.post(f"{url}/internal/jobs/reminders", headers=headers)
    return time.perf_counter() - started, answer.json().get("reminders", {})


async def queues(dsn: str) -> asyncpg.Record:
    conn = await asyncpg.connect(dsn)
    try:
        return await conn.fetchrow(QUEUES_SQL)
    finally:
        await conn.close()


class RssLog:
    """Each process's RSS once a second, for the timeline, and its CPU time."""

    def __init__(self, pids: list[int]) -> None:
        self.samples: list[tuple[float, list[float]]] = []
        self._pids, self._start = pids, time.perf_counter()
        self._task = asyncio.create_task(self._sample())

    def cpu(self) -> list[float]:
        return [cpu_seconds(pid) for pid in self._pids]

    async def _sample(self) -> None:
        while True:
            at = time.perf_counter() - self._start
            self.samples.append((at, [rss_mb(pid) for pid in self._pids]))
            await asyncio.sleep(1.0)

    def last(self) -> list[float]:
        return self.samples[-1][1] if self.samples else []

    async def stop(self) -> None:
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)


def step_line(
    rate: float, result: dict, left: asyncpg.Record, swept: str, rss: list[float], busy: str
) -> str:
    everything = [x for values in result["latencies"].values() for x in values]
    by_kind = "  ".join(
        f"{kind} {percentile(values, 0.5) * 1e3:.0f}/{percentile(values, 0.99) * 1e3:.0f}"
        for kind, values in sorted(result["latencies"].items())
    )
    refused = {f"{kind} {status}": n for (kind, status), n in result["statuses"].items()}
    refused = {what: n for what, n in refused.items() if not what.endswith(" 200")}
    bad = sum(refused.values())
    achieved = len(everything) / result["took"]
    return (
        f"{rate:>6.0f}{achieved:>8.0f}{percentile(everything, 0.5) * 1e3:>8.0f}"
        f"{percentile(everything, 0.99) * 1e3:>8.0f}{bad:>6}   {by_kind}"
        + (f"  (not 200: {refused})" if refused else "")
        + "\n"
        f"{'':>14}left: inbound {left['inbound']}, outbox {left['outbox']}, "
        f"payments {left['payments']}; {swept}; RSS MB {' / '.join(f'{mb:.0f}' for mb in rss)}"
        f"; CPU {busy}"
    )


async def drive(args: argparse.Namespace, url: str, dsn: str, stub: GraphStub, pids: list[int]):
    mix = Mix(stub, args.numbers, args.messages, args.payments)
    loop, rss = OpenLoop(url), RssLog(pids)
    crossed = None
    print(f"\n{'rate':>6}{'got/s':>8}{'p50 ms':>8}{'p99 ms':>8}{'bad':>6}   p50/p99 ms by kind")
    try:
        for rate in args.rates:
            swept_task = asyncio.create_task(sweep(url))
            cpu_before = rss.cpu()
            result = await loop.run(rate, args.seconds, mix.next)
            busy = " / ".join(
                f"{(after - before) / result['took']:.0%}"
                for before, after in zip(cpu_before, rss.cpu(), strict=True)
            )
            took, counts = await swept_task
            swept = f"sweep {took:.1f} s (due {counts.get('due')}, sent {counts.get('sent')})"
            print(step_line(rate, result, await queues(dsn), swept, rss.last(), busy))
            everything = [x for values in result["latencies"].values() for x in values]
            if percentile(everything, 0.5) > MEDIAN_LIMIT:
                crossed = rate
                break
    finally:
        loop.close()
        await asyncio.sleep(args.settle)
        await rss.stop()
    left = await queues(dsn)
    print(f"\nmedian over {MEDIAN_LIMIT * 1e3:.0f} ms first at: {crossed or 'none of the rates'}")
    print(f"after {args.settle:.0f} s more: inbound {left['inbound']}, outbox {left['outbox']}")
    print("RSS over time (s: MB per process): " + rss_timeline(rss.samples))


def rss_timeline(samples: list[tuple[float, list[float]]], points: int = 12) -> str:
    every = max(1, len(samples) // points)
    picked = samples[::every] + ([samples[-1]] if samples[-1:] != samples[::every][-1:] else [])
    return ", ".join(f"{at:.0f}: {'/'.join(f'{mb:.0f}' for mb in mbs)}" for at, mbs in picked)


async def bench(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="tt-mix-") as tmp:
        workdir, stub = Path(tmp), GraphStub()
        stub_port = await stub.start()
        try:
            async with bench_database(workdir) as dsn:
                env = server_env(dsn, stub_port) | {
                    "RAZORPAY_WEBHOOK_SECRET": RAZORPAY_SECRET,
                    "CRON_SECRET": CRON_SECRET,
                    "REMINDER_TEMPLATES": "en=tt_reminder,hi=tt_reminder_hi",
                }
                async with ours_running(args.layout, workdir, env) as (url, procs):
                    await seed_members(dsn, args.members)
                    print(
                        f"layout {args.layout}; {args.members} members due a reminder; "
                        f"{args.seconds:.0f} s per rate; mix {args.messages}% messages, "
                        f"{args.payments}% payments, the rest statuses; RSS MB: "
                        + (" / ".join(("web", "work")) if len(procs) > 1 else "serve")
                    )
                    await drive(args, url, dsn, stub, [proc.pid for proc in procs])
        finally:
            await stub.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rates", type=lambda s: [float(r) for r in s.split(",")], default=[25, 50, 100, 200, 400]
    )
    parser.add_argument("--seconds", type=float, default=10.0, help="seconds at each rate")
    parser.add_argument("--messages", type=int, default=60, help="percent inbound messages")
    parser.add_argument("--payments", type=int, default=5, help="percent Razorpay webhooks")
    parser.add_argument("--members", type=int, default=2000, help="members the sweep reminds")
    parser.add_argument("--numbers", type=int, default=5, help="business numbers written to")
    parser.add_argument("--layout", choices=("split", "all"), default="split")
    parser.add_argument("--settle", type=float, default=10.0, help="seconds watched afterwards")
    asyncio.run(bench(parser.parse_args()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
