"""How long `/health/ready` (and, beside it, `/health/live` and a `/metrics` scrape) takes on
a running `python -m bot serve`, one request at a time; prints p50 and p99 against the 50 ms
budget of the readiness check as a ratio. Never asserts a timing."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

import httpx
from harness import bench_database, free_port, percentile, running

BUDGET_MS = 50.0
TOKEN = "bench-metrics-token-0123456789"


def server_env(dsn: str) -> dict[str, str]:
    from sql.cipher import Cipher

    kept = {k: v for k, v in os.environ.items() if not k.startswith(("WHATSAPP_", "DATA"))}
    return kept | {
        "APP_ENV": "test",
        "DATABASE_URL": dsn,
        "WHATSAPP_APP_SECRET": "bench-app-secret",
        "WHATSAPP_VERIFY_TOKEN": "bench-verify",
        "DATA_ENCRYPTION_KEYS": Cipher.new_key(),
        "METRICS_TOKEN": TOKEN,
        "LOG_LEVEL": "WARNING",
    }


async def timed(client: httpx.AsyncClient, path: str, count: int) -> list[float]:
    headers = {"Authorization": f"Bearer {TOKEN}"}
    took = []
    for _ in range(count):
        started = time.perf_counter()
        response = await client.get(path, headers=headers)
        took.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return took


async def main(count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        async with bench_database(workdir) as dsn:
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            cmd = [sys.executable, "-m", "bot", "serve", "--port", str(port)]
            log = workdir / "log"
            async with (
                running(cmd, server_env(dsn), url, "/health/ready", log),
                httpx.AsyncClient(base_url=url) as client,
            ):
                await timed(client, "/health/ready", 20)  # warm the pools
                for path in ("/health/live", "/health/ready", "/metrics"):
                    took = await timed(client, path, count)
                    p50, p99 = percentile(took, 0.5), percentile(took, 0.99)
                    print(
                        f"{path:14} p50 {p50:6.2f} ms  p99 {p99:6.2f} ms  "
                        f"p99/budget {p99 / BUDGET_MS:.2f}"
                    )
    print(f"load average: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=300)
    asyncio.run(main(parser.parse_args().requests))
