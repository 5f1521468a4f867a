"""Razorpay webhook beside the WhatsApp one: p50/p99 of the acknowledgement under concurrent
signed deliveries on our real server (each stored durably before the 2xx).

Run from the project root: `python bench/razorpay_bench.py [--requests N --concurrency C]`.
Prints a table; it never asserts a timing. Razorpay waits 5 s for the answer.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import uuid
from pathlib import Path

from harness import GraphStub, bench_database, blast, free_port, percentile, running
from webhook_bench import row, server_env, workload

RAZORPAY_WEBHOOK = "/webhooks/razorpay"
RAZORPAY_SECRET = "bench-razorpay-webhook-secret"


def razorpay_deliveries(count: int) -> list[tuple[bytes, dict[str, str]]]:
    """Signed payment.captured events, each with its own event and payment id."""
    from payments.signature import sign

    deliveries = []
    for i in range(count):
        payment = {
            "id": f"pay_Bench{i:08d}",
            "entity": "payment",
            "amount": 19900,
            "currency": "INR",
            "status": "captured",
            "captured": True,
            "notes": [],
        }
        body = json.dumps(
            {
                "entity": "event",
                "event": "payment.captured",
                "contains": ["payment"],
                "payload": {"payment": {"entity": payment}},
                "created_at": 1749618314,
            }
        ).encode()
        headers = {
            "Content-Type": "application/json",
            "X-Razorpay-Signature": sign(body, RAZORPAY_SECRET),
            "X-Razorpay-Event-Id": f"evt_{uuid.uuid4().hex[:14]}",
        }
        deliveries.append((body, headers))
    return deliveries


async def bench(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory(prefix="tt-rzp-bench-") as tmp:
        workdir = Path(tmp)
        stub = GraphStub()
        stub_port = await stub.start()
        try:
            async with bench_database(workdir) as dsn:
                env = server_env(dsn, stub_port) | {"RAZORPAY_WEBHOOK_SECRET": RAZORPAY_SECRET}
                port = free_port()
                url = f"http://127.0.0.1:{port}"
                cmd = [sys.executable, "-m", "bot", "serve", "--port", str(port)]
                async with running(cmd, env, url, "/health/live", workdir / "ours.log"):
                    await blast(url, workload("9181", args.warmup, 5), args.concurrency)
                    await blast(
                        url, razorpay_deliveries(args.warmup), args.concurrency, RAZORPAY_WEBHOOK
                    )
                    whatsapp = await blast(
                        url, workload("9171", args.requests, 25), args.concurrency
                    )
                    razorpay = await blast(
                        url,
                        razorpay_deliveries(args.requests),
                        args.concurrency,
                        RAZORPAY_WEBHOOK,
                    )
        finally:
            await stub.close()
    print(f"\n{args.requests} signed POSTs each, {args.concurrency} concurrent")
    print(f"{'':<22}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'non-200':>9}")
    print(row("WhatsApp webhook", whatsapp))
    print(row("Razorpay webhook", razorpay))
    p99 = percentile(razorpay.latencies, 0.99) * 1e3
    print(f"Razorpay p99 {p99:.1f} ms against its 5000 ms limit")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--warmup", type=int, default=100)
    asyncio.run(bench(parser.parse_args()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
