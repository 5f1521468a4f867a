"""Start-up refusals are one line that says what to do, never a traceback."""

import os
import platform
import shutil
import socket
import subprocess
import sys

import pytest

from bot.app import StartupError, prepare_database
from sql.cipher import Cipher
from sql.migrate import MIGRATIONS_DIR, apply_pending
from tests.conftest import _create_database, make_settings
from tests.support.cli import run_bot

PRODUCTION = {
    "APP_ENV": "production",
    "WHATSAPP_APP_SECRET": "0f3c9a7be21d4c5e8a6b0d2f4e6a8c1b",
    "WHATSAPP_VERIFY_TOKEN": "a-verify-token-of-ours",
    "WHATSAPP_TOKEN": "EAAGtokenfromthesystemuser",
    "WHATSAPP_PHONE_NUMBER_ID": "123",
    "DATA_ENCRYPTION_KEYS": Cipher.new_key(),
    "CRON_SECRET": "a-cron-secret-long-enough",
    "PUBLIC_BASE_URL": "https://bot.example.org",
    "LINK_SIGNING_KEYS": "a-link-signing-key-long-enough",
}


@pytest.fixture(name="closed_port")
def _closed_port():
    """A local port nothing listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(name="behind_dsn")
async def _behind_dsn(admin_dsn, tmp_path):
    """A database with only the first migration applied."""
    dsn, drop = await _create_database(admin_dsn)
    shutil.copy(MIGRATIONS_DIR / "0001_baseline.sql", tmp_path)
    await apply_pending(dsn, tmp_path)
    yield dsn
    await drop()


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


def test_uvicorn_without_its_extra_is_refused_in_one_line(closed_port, tmp_path):
    """As after `pip install -e .` alone: the import system finds no uvicorn."""
    hidden = "import sys; sys.modules['uvicorn'] = None; from bot.cli import main; sys.exit(main())"
    url = f"postgresql://tt:x@127.0.0.1:{closed_port}/tracker"
    result = subprocess.run(
        [sys.executable, "-c", hidden, "serve", "--server", "uvicorn"],
        env={"PATH": os.environ["PATH"], "DATABASE_URL": url, "DATA_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert _one_line(result.stderr) == (
        "cannot start: --server uvicorn needs the uvicorn extra (pip install -e '.[uvicorn]')"
    )


@pytest.mark.parametrize("command", ["serve", "migrate"])
def test_an_unreachable_database_is_one_line(command, closed_port, tmp_path):
    url = f"postgresql://tt:hunter2secret@127.0.0.1:{closed_port}/tracker"
    result = run_bot(command, env={"DATABASE_URL": url, "DATA_DIR": str(tmp_path)})
    assert result.returncode == 1
    line = _one_line(result.stderr)
    assert f"cannot reach the database at 127.0.0.1:{closed_port}/tracker" in line
    assert "hunter2secret" not in line


def test_an_unmigrated_production_database_says_what_torun_bot(behind_dsn, tmp_path):
    result = run_bot(
        "serve", env=PRODUCTION | {"DATABASE_URL": behind_dsn, "DATA_DIR": str(tmp_path)}
    )
    assert result.returncode == 1
    line = _one_line(result.stderr)
    assert "run `python -m bot migrate`" in line
    assert "0002_tracking" in line


async def test_the_app_refuses_to_serve_a_database_behind_its_code(behind_dsn):
    with pytest.raises(StartupError, match="python -m bot migrate"):
        await prepare_database(make_settings(behind_dsn))


async def test_a_current_database_is_ready_to_serve(database_url):
    assert await prepare_database(make_settings(database_url)) == database_url


HEAP_PROBE = """
import os, sys
from bot.app import keep_heap_small

def rss_mb():
    for line in open(f"/proc/{os.getpid()}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

if sys.argv[1] == "serving":
    keep_heap_small()
base = rss_mb()
first = bytearray(1 << 20)  # freeing one large buffer is what moves glibc's threshold
del first
large, small = [], []
for _ in range(200):  # 50 MB of large buffers with small live objects between them
    large.append(bytearray(256 * 1024))
    small.append(bytearray(1000))
del large
print(rss_mb() - base)
"""


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="glibc's malloc only")
def test_freed_buffers_go_back_to_the_system_once_serving():
    def retained(mode):
        result = subprocess.run(
            [sys.executable, "-c", HEAP_PROBE, mode],
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return float(result.stdout)

    assert retained("plain") > 40  # what the server kept before: the freed 50 MB
    assert retained("serving") < 10
