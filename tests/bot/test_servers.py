"""`python -m bot serve` (and `work --metrics-port`) as a real process on each HTTP server it
offers (`--server`): the same answers and headers, and the same graceful stop on SIGTERM."""

import asyncio
import signal
import time

import httpx
import pytest

from bot.cli import GRACEFUL_TIMEOUT_SECONDS, SERVERS
from tests.conftest import APP_SECRET
from tests.support import payloads
from tests.support.faults import server_env, start_server, start_work
from tests.support.graph_stub import free_port, serve

pytestmark = pytest.mark.parametrize("server", SERVERS)

PHONE = "919000000401"
METRICS_TOKEN = "metrics-token-of-the-tests"
STORED_SQL = "SELECT count(*) FROM tt.inbound_messages WHERE wamid = $1"


def signed(wamid: str) -> tuple[bytes, dict[str, str]]:
    body = payloads.encode(payloads.webhook([payloads.text(PHONE, "help", wamid=wamid)]))
    return body, payloads.signed_headers(body, APP_SECRET)


async def test_the_web_process_answers_stores_and_names_no_software(
    server, db, database_url, tmp_path
):
    port = free_port()
    env = server_env(database_url, "http://127.0.0.1:9")  # a web process calls no Graph API
    log = tmp_path / "server.log"
    process = await start_server(port, env, log, "--no-workers", "--server", server)
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
            ready = await client.get("/health/ready")
            body, headers = signed("wamid.served")
            ack = await client.post("/webhooks/whatsapp", content=body, headers=headers)
    finally:
        process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), 20)
    assert code == 0, log.read_text()
    assert ready.status_code == 200 and ready.json() == {"status": "ok"}
    assert ack.status_code == 200
    assert await db.fetchval(STORED_SQL, "wamid.served") == 1
    for response in (ready, ack):
        assert "server" not in response.headers
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "default-src 'none'" in response.headers["Content-Security-Policy"]
        assert len(response.headers["X-Request-Id"]) == 16
    assert ready.headers["X-Frame-Options"] == "DENY"


async def test_sigterm_mid_request_refuses_new_connections_finishes_it_and_exits_0(
    server, db, database_url, graph, tmp_path
):
    port = free_port()
    log = tmp_path / "server.log"
    body, headers = signed("wamid.in-flight")
    async with serve(graph) as graph_url:
        process = await start_server(
            port, server_env(database_url, graph_url), log, "--server", server
        )
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        head = [
            "POST /webhooks/whatsapp HTTP/1.1",
            f"Host: 127.0.0.1:{port}",
            f"Content-Length: {len(body)}",
            "Expect: 100-continue",  # answered once the app asks for the body: it is in flight
            *(f"{name}: {value}" for name, value in headers.items()),
        ]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode())
        await writer.drain()
        interim = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        assert interim.startswith(b"HTTP/1.1 100"), interim
        process.send_signal(signal.SIGTERM)
        stopping = time.monotonic()
        await refusing(port)
        writer.write(body)
        await writer.drain()
        answer = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 10)
        writer.close()
        code = await asyncio.wait_for(process.wait(), GRACEFUL_TIMEOUT_SECONDS + 10)
    assert answer.startswith(b"HTTP/1.1 200"), answer
    assert code == 0, log.read_text()
    assert time.monotonic() - stopping < GRACEFUL_TIMEOUT_SECONDS
    assert await db.fetchval(STORED_SQL, "wamid.in-flight") == 1


async def test_a_work_process_serves_health_and_metrics_and_stops_with_0(
    server, db, database_url, graph, tmp_path
):
    port = free_port()
    log = tmp_path / "work.log"
    async with serve(graph) as graph_url:
        env = server_env(database_url, graph_url, METRICS_TOKEN=METRICS_TOKEN)
        options = ("--metrics-port", str(port), "--server", server)
        process = await start_work(env, log, db, *options)
        try:
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as client:
                live = await client.get("/health/live")
                bearer = {"Authorization": f"Bearer {METRICS_TOKEN}"}
                exposed = await client.get("/metrics", headers=bearer)
        finally:
            process.send_signal(signal.SIGTERM)
            code = await asyncio.wait_for(process.wait(), 20)
    assert code == 0, log.read_text()
    assert live.status_code == 200 and "server" not in live.headers
    assert exposed.status_code == 200 and "tt_" in exposed.text


async def refusing(port: int) -> None:
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except ConnectionRefusedError:
            return
        writer.close()
        await asyncio.sleep(0.05)
    raise AssertionError("new connections were still accepted after SIGTERM")
