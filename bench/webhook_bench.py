"""Webhook benchmark: a bare Quart ceiling and our real server, measured side by side.

Run from the project root: `python bench/webhook_bench.py [--requests N --concurrency C]`.
Prints a table and ratios; it never asserts a timing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import asyncpg
from harness import (
    WEBHOOK,
    GraphStub,
    Lane,
    Run,
    bench_database,
    blast,
    cpu_seconds,
    free_port,
    keep_off_cpu,
    on_cpu,
    percentile,
    running,
)

APP_SECRET = "bench-app-secret"
LAYOUTS = {
    "split": "ours: serve --no-workers beside a work process",
    "all": "ours: one serve with the worker and sender inside",
}
E2E_NUMBER = "bench-number"
PENDING_SQL = """
SELECT (SELECT count(*) FROM tt.inbound_messages WHERE status = 'pending') AS inbound,
       (SELECT count(*) FROM tt.outbox WHERE status = 'pending') AS outbox
"""
COMMITS_SQL = """
SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()
"""
# A backend's counts reach pg_stat_database when it next reports, at the latest 10 s after it
# went idle (PGSTAT_IDLE_INTERVAL): wait that long before reading them.
STATS_SETTLE_SECONDS = 11.0
FAILURES_SQL = """
SELECT (SELECT count(*) FROM tt.inbound_messages WHERE status = 'dead') AS dead,
       (SELECT count(*) FROM tt.outbox WHERE status = 'failed') AS failed
"""


def signed(phone: str, text: str, number: str) -> tuple[bytes, dict[str, str]]:
    """A Meta-shaped text message webhook and its X-Hub-Signature-256 header."""
    message = {
        "from": phone,
        "id": f"wamid.bench-{uuid.uuid4().hex}",
        "timestamp": str(int(time.time())),
        "type": "text",
        "text": {"body": text},
    }
    return _signed_change(
        {
            "metadata": {"display_phone_number": "15550000000", "phone_number_id": number},
            "contacts": [{"profile": {"name": "Bench"}, "wa_id": phone}],
            "messages": [message],
        }
    )


def signed_status(wamid: str, state: str, number: str) -> tuple[bytes, dict[str, str]]:
    """A Meta-shaped delivery status webhook for a reply we sent, and its signature header."""
    status = {
        "id": wamid,
        "status": state,
        "timestamp": str(int(time.time())),
        "recipient_id": "919000000000",
    }
    return _signed_change(
        {
            "metadata": {"display_phone_number": "15550000000", "phone_number_id": number},
            "statuses": [status],
        }
    )


def _signed_change(value: dict) -> tuple[bytes, dict[str, str]]:
    from bot.signature import sign

    body = json.dumps(
        {
            "object": "whatsapp_business_account",
            "entry": [
                {
                    "id": "bench",
                    "changes": [
                        {"field": "messages", "value": {"messaging_product": "whatsapp"} | value}
                    ],
                }
            ],
        }
    ).encode()
    return body, {"Content-Type": "application/json", "X-Hub-Signature-256": sign(body, APP_SECRET)}


def workload(prefix: str, count: int, numbers: int) -> list[tuple[bytes, dict[str, str]]]:
    """Unique texts from distinct users, spread over `numbers` business numbers."""
    return [
        signed(f"{prefix}{i:08d}", f"hello {i}", f"bench-load-{i % numbers}") for i in range(count)
    ]


async def end_to_end(
    url: str, stub: GraphStub, count: int, interval: float
) -> tuple[list[float], int]:
    """One message at a time from a fresh user: POST start to first reply at the stub."""
    latencies, missing, lane = [], 0, Lane(url)
    for i in range(count):
        phone = f"9190{i:08d}"
        body, headers = signed(phone, f"hi {i}", E2E_NUMBER)
        arrived = stub.expect(phone)
        start = time.perf_counter()
        await lane.post(body, headers)
        try:
            latencies.append(await asyncio.wait_for(arrived, 10.0) - start)
        except TimeoutError:
            missing += 1
        await asyncio.sleep(max(0.0, interval - (time.perf_counter() - start)))
    lane.close()
    return latencies, missing


async def drained(dsn: str, timeout: float) -> tuple[float | None, float | None]:
    """Wait for both queues to empty; when inbound and outbox each emptied (perf_counter)."""
    conn = await asyncpg.connect(dsn)
    inbound_at = outbox_at = None
    deadline = time.perf_counter() + timeout
    try:
        while time.perf_counter() < deadline and outbox_at is None:
            row = await conn.fetchrow(PENDING_SQL)
            now = time.perf_counter()
            inbound_at = inbound_at or (now if row["inbound"] == 0 else None)
            outbox_at = now if row["inbound"] == 0 and row["outbox"] == 0 else None
            await asyncio.sleep(0.05)
    finally:
        await conn.close()
    return inbound_at, outbox_at


async def transactions(dsn: str) -> int:
    """Transactions the bench database has ended, every process's, once their counts settled."""
    await asyncio.sleep(STATS_SETTLE_SECONDS)
    conn = await asyncpg.connect(dsn)
    try:
        return await conn.fetchval(COMMITS_SQL)
    finally:
        await conn.close()


async def failures(dsn: str) -> asyncpg.Record:
    conn = await asyncpg.connect(dsn)
    try:
        return await conn.fetchrow(FAILURES_SQL)
    finally:
        await conn.close()


def server_env(dsn: str, stub_port: int) -> dict[str, str]:
    from sql.cipher import Cipher

    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("WHATSAPP_", "DATABASE_URL", "DATA_ENCRYPTION", "APP_ENV"))
    }
    return env | {
        "APP_ENV": "test",
        "DATABASE_URL": dsn,
        "WHATSAPP_APP_SECRET": APP_SECRET,
        "WHATSAPP_VERIFY_TOKEN": "bench-verify",
        "DATA_ENCRYPTION_KEYS": Cipher.new_key(),
        "WHATSAPP_TOKEN": "bench",
        "WHATSAPP_PHONE_NUMBER_ID": E2E_NUMBER,
        "WHATSAPP_API_BASE": f"http://127.0.0.1:{stub_port}",
    }


@asynccontextmanager
async def bare_server(workdir: Path, web_cpu: int | None) -> AsyncIterator[tuple[str, int]]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = on_cpu(
        web_cpu, [sys.executable, str(Path(__file__).resolve()), "--bare-server", str(port)]
    )
    async with running(cmd, dict(os.environ), url, WEBHOOK, workdir / "bare.log") as proc:
        yield url, proc.pid


@asynccontextmanager
async def ours_running(
    layout: str,
    workdir: Path,
    env: dict[str, str],
    work_nice: int = 0,
    uvicorn: bool = False,
    web_cpu: int | None = None,
) -> AsyncIterator[tuple[str, list[subprocess.Popen]]]:
    """Our server at a URL: `split` is a web process (`serve --no-workers`) beside a `work`
    process (run under `nice -n work_nice`); `all` is one `serve` running the webhook, worker
    and sender together; `uvicorn` serves it with `--server uvicorn` instead of Hypercorn; the
    web process on CPU `web_cpu` alone when given. Yields the URL and the processes (for
    RSS)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    serve = [sys.executable, "-m", "bot", "serve", "--port", str(port)]
    serve += ["--server", "uvicorn" if uvicorn else "hypercorn"]
    if layout == "all":
        serve = on_cpu(web_cpu, serve)
        async with running(serve, env, url, "/health/live", workdir / "ours.log") as web:
            yield url, [web]
        return
    work_port = free_port()
    work = ["nice", "-n", str(work_nice), sys.executable, "-m", "bot", "work"]
    work += ["--metrics-port", str(work_port)]
    async with (
        running(
            on_cpu(web_cpu, [*serve, "--no-workers"]),
            env,
            url,
            "/health/live",
            workdir / "web.log",
        ) as web,
        running(
            work, env, f"http://127.0.0.1:{work_port}", "/health/live", workdir / "work.log"
        ) as worker,
    ):
        yield url, [web, worker]


async def measure_ours(
    args: argparse.Namespace, workdir: Path, dsn: str, stub: GraphStub, stub_port: int
) -> dict:
    env = server_env(dsn, stub_port)
    async with ours_running(args.layout, workdir, env, args.work_nice, web_cpu=args.web_cpu) as (
        url,
        procs,
    ):
        await blast(url, workload("9181", args.warmup, args.numbers), args.concurrency)
        await drained(dsn, 120.0)
        ended_before = await transactions(dsn)
        loops_cpu = cpu_seconds(procs[-1].pid)
        started = time.perf_counter()
        load = workload("9171", args.requests, args.numbers)
        run = await blast(url, load, args.concurrency, server=procs[0].pid)
        inbound_at, outbox_at = await drained(dsn, 600.0)
        e2e, missing = await end_to_end(url, stub, args.e2e, args.e2e_interval)
        await drained(dsn, 60.0)
        messages = args.requests + args.e2e
        loops_cpu = cpu_seconds(procs[-1].pid) - loops_cpu
        return {
            "loops_cpu_ms": loops_cpu / messages * 1e3,
            "transactions": (await transactions(dsn) - ended_before) / messages,
            "run": run,
            "started": started,
            "inbound_at": inbound_at,
            "outbox_at": outbox_at,
            "e2e": e2e,
            "missing": missing,
            "failures": await failures(dsn),
        }


async def measure_uvicorn(args: argparse.Namespace, workdir: Path, dsn: str, stub_port: int) -> Run:
    """The same app and load with uvicorn as the web server: the ack only."""
    env = server_env(dsn, stub_port)
    async with ours_running(
        args.layout, workdir, env, args.work_nice, uvicorn=True, web_cpu=args.web_cpu
    ) as (url, procs):
        await blast(url, workload("9183", args.warmup, args.numbers), args.concurrency)
        await drained(dsn, 120.0)
        load = workload("9173", args.requests, args.numbers)
        run = await blast(url, load, args.concurrency, server=procs[0].pid)
        await drained(dsn, 600.0)
        return run


def row(label: str, run: Run) -> str:
    bad = sum(n for status, n in run.statuses.items() if status != 200)
    return (
        f"{label:<22}{run.rate:>9.0f}{percentile(run.latencies, 0.5) * 1e3:>9.1f}"
        f"{percentile(run.latencies, 0.99) * 1e3:>9.1f}{bad:>9}{run.cpu_ms:>11.2f}"
    )


def since(start: float, at: float | None) -> str:
    return "not drained" if at is None else f"{at - start:.1f} s"


def report_ingest(
    args: argparse.Namespace, bare: list[Run], ours: Run, uvicorn: Run | None
) -> float:
    """The side-by-side table; returns throughput ours/bare (bare = mean of its two runs)."""
    bare_rate = sum(run.rate for run in bare) / len(bare)
    ratio = ours.rate / bare_rate
    layout = LAYOUTS[args.layout] + (f" at nice {args.work_nice}" if args.work_nice else "")
    if args.web_cpu is not None:
        layout += f"; each web server alone on CPU {args.web_cpu}, all else on the others"
    print(
        f"\n{args.requests} signed POSTs, {args.concurrency} concurrent, distinct users; {layout}"
    )
    print(f"{'':<22}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'non-200':>9}{'CPU ms/req':>11}")
    print(row("bare Quart, before", bare[0]))
    print(row("our webhook", ours))
    if uvicorn:
        print(row("ours on uvicorn", uvicorn))
    print(row("bare Quart, after", bare[1]))
    for label, run in (("bare", bare[0]), ("ours", ours), ("uvicorn", uvicorn), ("bare", bare[1])):
        if run and set(run.statuses) - {200}:
            print(f"{label} answers: {dict(run.statuses)}")
    print(f"throughput ours/bare: {ratio:.2f}x")
    bare_cpu = sum(run.cpu_ms for run in bare) / len(bare)
    print(f"web server CPU per request bare/ours: {bare_cpu / ours.cpu_ms:.2f}x")
    if uvicorn:
        print(f"throughput ours on uvicorn/bare: {uvicorn.rate / bare_rate:.2f}x")
    return ratio


def report(args: argparse.Namespace, bare: list[Run], ours: dict) -> None:
    run, e2e = ours["run"], ours["e2e"]
    ratio = report_ingest(args, bare, run, ours.get("uvicorn"))
    p99 = percentile(run.latencies, 0.99) * 1e3
    median, e2e_p99 = percentile(e2e, 0.5) * 1e3, percentile(e2e, 0.99) * 1e3
    total = ours["outbox_at"] - ours["started"] if ours["outbox_at"] else None
    print(
        f"pipeline: worker drained in {since(ours['started'], ours['inbound_at'])}, "
        f"every reply sent in {since(ours['started'], ours['outbox_at'])}"
        + (f" ({args.requests / total:.0f} messages answered/s)" if total else "")
    )
    print(
        f"end-to-end, {len(e2e)} messages one at a time (POST to first reply at the stub): "
        f"median {median:.1f} ms, p99 {e2e_p99:.1f} ms, no reply {ours['missing']}"
    )
    loops = "work process" if args.layout == "split" else "serve process (webhook and loops)"
    print(
        f"per message, over the load and the end-to-end run: {loops} CPU "
        f"{ours['loops_cpu_ms']:.2f} ms, database transactions {ours['transactions']:.1f} "
        "(every process's, the webhook's group commits included)"
    )
    failed = ours["failures"]
    print(f"dead inbound {failed['dead']}, failed outbox {failed['failed']}")
    print(
        "targets: "
        + "; ".join(
            [
                f"ingest >= 0.5x bare: {_met(ratio >= 0.5)}",
                f"p99 ack < 50 ms: {_met(p99 < 50)}",
                f"e2e median < 100 ms: {_met(median < 100)}",
            ]
        )
    )


def _met(ok: bool) -> str:
    return "met" if ok else "MISSED"


async def bench(args: argparse.Namespace) -> None:
    keep_off_cpu(args.web_cpu)  # the load, stub, Postgres and work process start from here
    embedded = args.web_cpu is not None  # a Postgres of our own, so it stays off that CPU too
    with tempfile.TemporaryDirectory(prefix="tt-bench-") as tmp:
        workdir = Path(tmp)
        stub = GraphStub()
        stub_port = await stub.start()
        try:
            async with (
                bare_server(workdir, args.web_cpu) as (bare, pid),
                bench_database(workdir, embedded=embedded) as dsn,
            ):
                await blast(bare, workload("9180", args.warmup, 1), args.concurrency)
                load = workload("9170", args.requests, 1)
                before = await blast(bare, load, args.concurrency, server=pid)
                ours = await measure_ours(args, workdir, dsn, stub, stub_port)
                if args.uvicorn:
                    async with bench_database(workdir / "uvicorn", embedded=embedded) as other:
                        ours["uvicorn"] = await measure_uvicorn(args, workdir, other, stub_port)
                load = workload("9172", args.requests, 1)
                after = await blast(bare, load, args.concurrency, server=pid)
        finally:
            await stub.close()
        report(args, [before, after], ours)


def serve_bare(port: int) -> None:
    """The ceiling: Quart on Hypercorn, one POST route that reads the body and says ok."""
    from hypercorn.asyncio import serve
    from hypercorn.config import Config
    from quart import Quart, Response, request

    app = Quart("bare")

    @app.post(WEBHOOK)
    async def ok() -> Response:
        await request.get_data()
        return Response("ok", status=200, content_type="text/plain")

    config = Config()
    config.bind, config.accesslog = [f"127.0.0.1:{port}"], None
    asyncio.run(serve(app, config))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--e2e", type=int, default=200, help="end-to-end messages")
    parser.add_argument(
        "--e2e-interval",
        type=float,
        default=0.05,
        help="seconds between end-to-end messages (keeps under 80 sends/s)",
    )
    parser.add_argument(
        "--numbers",
        type=int,
        default=25,
        help="business numbers the load is spread over (Meta paces each)",
    )
    parser.add_argument("--layout", choices=sorted(LAYOUTS), default="split")
    parser.add_argument(
        "--work-nice", type=int, default=0, help="niceness of the work process (split layout)"
    )
    parser.add_argument(
        "--uvicorn", action="store_true", help="also measure `serve --server uvicorn`"
    )
    parser.add_argument(
        "--web-cpu",
        type=int,
        help="run each web server alone on this CPU, and the load, the stub, an embedded "
        "Postgres and the work process on the others (the deploy's separate machines)",
    )
    parser.add_argument("--bare-server", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare_server:
        serve_bare(args.bare_server)
    else:
        asyncio.run(bench(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
