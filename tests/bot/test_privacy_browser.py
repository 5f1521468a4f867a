"""The privacy page opened in a real headless Chromium served by the real Hypercorn server."""

import asyncio
import shutil
import socket

import pytest
from hypercorn.asyncio import serve
from hypercorn.config import Config

from bot.app import create_app
from tests.conftest import make_settings

BROWSER = next(
    filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None
)
pytestmark = pytest.mark.skipif(BROWSER is None, reason="no Chromium on this machine")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(name="server")
async def _server(database_url, db, tmp_path):
    port, stop = free_port(), asyncio.Event()
    config = Config()
    config.bind = [f"127.0.0.1:{port}"]
    app = create_app(make_settings(database_url, razorpay_key_id="rzp_test_1"))
    task = asyncio.create_task(serve(app, config, shutdown_trigger=stop.wait))
    for _ in range(100):
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            break
        except OSError:
            await asyncio.sleep(0.05)
    yield f"http://127.0.0.1:{port}", tmp_path
    stop.set()
    await task


async def render(url: str, profile) -> str:
    process = await asyncio.create_subprocess_exec(
        BROWSER,
        *FLAGS,
        f"--user-data-dir={profile}",
        "--dump-dom",
        url,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    out, _ = await asyncio.wait_for(process.communicate(), timeout=60)
    return out.decode("utf-8")


async def test_privacy_page_renders_in_a_browser(server):
    base, profile = server
    dom = await render(f"{base}/privacy", profile / "en")
    assert "<title>Therapy Tracker – Privacy notice</title>" in dom
    assert "Meta Platforms (WhatsApp Business Cloud API)" in dom
    assert "Razorpay: handles payments" in dom
    assert "Groq" not in dom
    assert "â€" not in dom, "no mojibake"


async def test_privacy_page_in_telugu_renders_the_script(server):
    base, profile = server
    dom = await render(f"{base}/privacy?lang=te", profile / "te")
    assert '<html lang="te">' in dom
    assert any(0x0C00 <= ord(ch) <= 0x0C7F for ch in dom)
