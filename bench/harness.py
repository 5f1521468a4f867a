"""Pieces the benchmarks share: a Graph API stub, a cheap HTTP load generator, server
processes that are waited for and stopped, and a throwaway database."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import asyncpg
import httpx

ROOT = Path(__file__).resolve().parent.parent
WEBHOOK = "/webhooks/whatsapp"
STUB_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"


@dataclass
class Run:
    """One load run: throughput, per-request latencies in seconds, and status counts."""

    rate: float
    latencies: list[float]
    statuses: Counter
    cpu_ms: float = float("nan")  # CPU of the server's process per request (when asked)


class GraphStub:
    """Meta's Graph API on loopback: answers every send like Meta and notes when it came."""

    def __init__(self) -> None:
        self.received: list[tuple[float, str, str]] = []
        self._waiters: dict[str, asyncio.Future[float]] = {}
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> int:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        if self._server:
            self._server.close()
        for writer in list(self._writers):
            writer.close()
        await asyncio.sleep(0.1)  # let connection tasks see EOF before the loop ends

    def expect(self, phone: str) -> asyncio.Future[float]:
        """A future that resolves to the arrival time of the next reply to `phone`."""
        self._waiters[phone] = asyncio.get_running_loop().create_future()
        return self._waiters[phone]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                body = await reader.readexactly(_content_length(head))
                writer.write(self.answer(time.perf_counter(), json.loads(body)))
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    def answer(self, at: float, body: dict) -> bytes:
        """The whole HTTP response to one send: Meta's acceptance, noted."""
        self._record(at, body)
        answer = b'{"messages":[{"id":"wamid.bench%d"}]}' % len(self.received)
        return STUB_HEAD % len(answer) + answer

    def _record(self, at: float, body: dict) -> None:
        to = body.get("to", "")
        text = (body.get("text") or body.get("interactive", {}).get("body") or {}).get("body")
        self.received.append((at, to, text or body.get("type", "")))
        waiter = self._waiters.pop(to, None)
        if waiter and not waiter.done():
            waiter.set_result(at)


def _content_length(head: bytes) -> int:
    for line in head.lower().split(b"\r\n"):
        if line.startswith(b"content-length:"):
            return int(line.split(b":", 1)[1])
    return 0


class Lane:
    """One keep-alive HTTP/1.1 connection that POSTs webhooks."""

    # not httpx: its pooled client spent 2-6 ms of CPU per request here and became the
    # ceiling it was meant to measure; this costs about 0.1 ms

    def __init__(self, url: str, path: str = WEBHOOK) -> None:
        self._target, self._path = urlsplit(url), path
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def post(self, body: bytes, headers: dict[str, str]) -> int | str:
        """The status code, or the name of the connection error that took its place."""
        try:
            if self._writer is None:
                self._reader, self._writer = await asyncio.open_connection(
                    self._target.hostname, self._target.port
                )
            self._writer.write(_request(self._target.netloc, body, headers, self._path))
            head = await self._reader.readuntil(b"\r\n\r\n")
            await self._reader.readexactly(_content_length(head))
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as e:
            self.close()
            return type(e).__name__
        if b"\r\nconnection: close" in head.lower():
            self.close()
        return int(head.split(b" ", 2)[1])

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None


def _request(host: str, body: bytes, headers: dict[str, str], path: str) -> bytes:
    lines = [
        f"POST {path} HTTP/1.1",
        f"Host: {host}",
        f"Content-Length: {len(body)}",
        *(f"{name}: {value}" for name, value in headers.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


async def blast(
    url: str,
    requests: Iterable[tuple[bytes, dict[str, str]]],
    concurrency: int,
    path: str = WEBHOOK,
    server: int | None = None,
) -> Run:
    """POST every request over `concurrency` connections; time each one, and with `server`
    (a pid) count that process's CPU time per request."""
    latencies: list[float] = []
    statuses: Counter = Counter()
    pending = iter(requests)

    async def run_lane() -> None:
        lane = Lane(url, path)
        for body, headers in pending:
            start = time.perf_counter()
            statuses[await lane.post(body, headers)] += 1
            latencies.append(time.perf_counter() - start)
        lane.close()

    cpu_before = cpu_seconds(server) if server else 0.0
    started = time.perf_counter()
    await asyncio.gather(*(run_lane() for _ in range(concurrency)))
    rate = len(latencies) / (time.perf_counter() - started)
    cpu = (cpu_seconds(server) - cpu_before) / len(latencies) * 1e3 if server else float("nan")
    return Run(rate, latencies, statuses, cpu)


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used, from /proc (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@asynccontextmanager
async def running(
    cmd: list[str], env: dict[str, str], url: str, ready_path: str, log_path: Path
) -> AsyncIterator[subprocess.Popen]:
    """Start a server process, wait until it answers, and stop it afterwards."""
    with log_path.open("wb") as log:
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            await wait_ready(url + ready_path, proc, log_path)
            yield proc
        finally:
            proc.terminate()
            try:
                await asyncio.to_thread(proc.wait, 20)
            except subprocess.TimeoutExpired:
                proc.kill()


async def wait_ready(url: str, proc: subprocess.Popen, log_path: Path) -> None:
    async with httpx.AsyncClient(timeout=2.0) as client:
        for _ in range(600):
            if proc.poll() is not None:
                sys.exit(f"server exited early; its log:\n{log_path.read_text()[-3000:]}")
            try:
                if (await client.get(url)).status_code < 500:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    sys.exit(f"server did not start in 60 s: {url}")


@asynccontextmanager
async def bench_database(workdir: Path, *, embedded: bool = False) -> AsyncIterator[str]:
    """A throwaway database on BENCH_/TEST_DATABASE_URL, else (or when asked) on an embedded
    Postgres, started as a child of this process (so on this process's CPUs)."""
    admin = (
        None
        if embedded
        else (os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL"))
    )
    embedded = not admin
    if embedded:
        from sql.embedded import start_embedded

        admin = await asyncio.to_thread(start_embedded, workdir / "embedded")
    name = f"tt_bench_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(admin)
    await conn.execute(f'CREATE DATABASE "{name}"')
    try:
        base, _, query = admin.partition("?")
        yield f"{base.rsplit('/', 1)[0]}/{name}" + (f"?{query}" if query else "")
    finally:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.close()
        if embedded:
            await asyncio.to_thread(stop_embedded, workdir / "embedded" / "pg")


def stop_embedded(pgdata: Path) -> None:
    """Stop it now: pgserver's own stop at exit fails once the temporary folder is gone."""
    import pgserver

    pgserver.get_server(pgdata).cleanup()


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[round(q * (len(ordered) - 1))]


def on_cpu(cpu: int | None, cmd: list[str]) -> list[str]:
    """`cmd` run on CPU `cpu` alone (taskset, util-linux), or as it is when `cpu` is None."""
    return cmd if cpu is None else ["taskset", "-c", str(cpu), *cmd]


def keep_off_cpu(cpu: int | None) -> None:
    """This process, and every child it starts from now on, off CPU `cpu`."""
    if cpu is not None:
        os.sched_setaffinity(0, set(os.sched_getaffinity(0)) - {cpu})
