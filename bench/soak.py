"""Memory soak: a long run of webhooks through the real server, with its RSS at intervals.

Run from the project root: `python bench/soak.py [--messages 200000 --every 10000]`.
Prints one line per interval (messages so far, the server's RSS, the change since the first
interval) and the growth over the second half of the run; it never asserts anything.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

from harness import GraphStub, bench_database, blast, free_port, running
from webhook_bench import drained, failures, server_env, signed

TEXTS = ("hi", "help", "menu", "attended today", "missed yesterday", "status", "hello there")


def rss_mb(pid: int) -> float:
    """Resident memory of a process in MB, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def chunk(start: int, count: int, per_user: int, numbers: int) -> list[tuple[bytes, dict]]:
    """Messages start..start+count: each user sends `per_user` in a row, so new people keep
    arriving for the whole run, spread over `numbers` business numbers."""
    return [
        signed(f"9160{k // per_user:08d}", TEXTS[k % len(TEXTS)], f"soak-{k % numbers}")
        for k in range(start, start + count)
    ]


async def soak(args: argparse.Namespace) -> list[tuple[int, float]]:
    samples: list[tuple[int, float]] = []
    with tempfile.TemporaryDirectory(prefix="tt-soak-") as tmp:
        workdir, stub = Path(tmp), GraphStub()
        stub_port = await stub.start()
        try:
            async with bench_database(workdir) as dsn:
                port = free_port()
                url = f"http://127.0.0.1:{port}"
                cmd = [sys.executable, "-m", "bot", "serve", "--port", str(port)]
                env = server_env(dsn, stub_port)
                async with running(cmd, env, url, "/health/live", workdir / "soak.log") as proc:
                    samples = await _drive(args, url, dsn, proc.pid, stub)
                    failed = await failures(dsn)
                    print(f"dead inbound {failed['dead']}, failed outbox {failed['failed']}")
        finally:
            await stub.close()
    return samples


async def _drive(
    args: argparse.Namespace, url: str, dsn: str, pid: int, stub: GraphStub
) -> list[tuple[int, float]]:
    samples = [(0, rss_mb(pid))]
    print(f"{'messages':>9}{'replies':>9}{'RSS MB':>9}{'change':>9}{'msg/s':>9}")
    print(f"{0:>9}{0:>9}{samples[0][1]:>9.1f}{0:>9.1f}{'':>9}")
    sent = 0
    while sent < args.messages:
        count = min(args.every, args.messages - sent)
        started = time.perf_counter()
        run = await blast(url, chunk(sent, count, args.per_user, args.numbers), args.concurrency)
        _, done_at = await drained(dsn, 900.0)
        sent += count
        bad = sum(n for status, n in run.statuses.items() if status != 200)
        await asyncio.sleep(1.0)  # let the loops go idle before reading memory
        samples.append((sent, rss_mb(pid)))
        rate = count / ((done_at or time.perf_counter()) - started)
        note = (f"  non-200: {bad}" if bad else "") + ("" if done_at else "  not drained")
        print(
            f"{sent:>9}{len(stub.received):>9}{samples[-1][1]:>9.1f}"
            f"{samples[-1][1] - samples[1][1]:>9.1f}{rate:>9.0f}{note}"
        )
    return samples


def summarise(samples: list[tuple[int, float]]) -> None:
    """Growth per 10,000 messages over the second half: near zero when memory has flattened."""
    half = [s for s in samples if s[0] >= samples[-1][0] / 2]
    if len(half) < 2:
        return
    (first_n, first_mb), (last_n, last_mb) = half[0], half[-1]
    per_10k = (last_mb - first_mb) / (last_n - first_n) * 10_000
    print(
        f"second half ({first_n}..{last_n} messages): {first_mb:.1f} -> {last_mb:.1f} MB, "
        f"{per_10k:+.2f} MB per 10,000 messages; peak {max(mb for _, mb in samples):.1f} MB"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=200_000)
    parser.add_argument("--every", type=int, default=10_000, help="messages per RSS sample")
    parser.add_argument("--per-user", type=int, default=4, help="messages each user sends")
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--numbers", type=int, default=25, help="business numbers")
    summarise(asyncio.run(soak(parser.parse_args())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
