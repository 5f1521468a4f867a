"""A Postgres of a test's own, from the embedded server's binaries: its own folder and port,
run as a child process so that a test can stop it, freeze it (SIGSTOP on every one of its
processes, as a hung machine would) and start it again, without touching the shared one."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

import asyncpg
import psutil
from pgserver._commands import POSTGRES_BIN_PATH

from tests.support.graph_stub import free_port

SERVICE_USER = "pgserver"  # Postgres refuses to run as root; the embedded server uses this one
START_SECONDS = 30.0


class OwnPostgres:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()
        self._user = SERVICE_USER if os.geteuid() == 0 else None
        self._process: subprocess.Popen[bytes] | None = None

    def dsn(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def init(self) -> None:
        if self._user:
            from pgserver.utils import (
                ensure_folder_permissions,
                ensure_prefix_permissions,
                ensure_user_exists,
            )

            ensure_user_exists(self._user)
            ensure_prefix_permissions(self.folder)
            self.folder.chmod(0o777)
            ensure_folder_permissions(POSTGRES_BIN_PATH, 0o555)
        subprocess.run(
            [POSTGRES_BIN_PATH / "initdb", "-D", self.data, "-U", "postgres", "--auth=trust"],
            check=True,
            capture_output=True,
            user=self._user,
        )

    async def start(self) -> None:
        """Start the server on its port and wait until it takes connections."""
        log = (self.folder / "postgres.log").open("ab")
        self._process = subprocess.Popen(
            [
                POSTGRES_BIN_PATH / "postgres",
                *("-D", self.data, "-p", str(self.port), "-k", self.folder),
                *("-c", "listen_addresses=127.0.0.1", "-c", "fsync=off"),
            ],
            stdout=log,
            stderr=log,
            user=self._user,
        )
        log.close()
        deadline = time.monotonic() + START_SECONDS
        while True:
            with contextlib.suppress(OSError, asyncpg.PostgresError):
                conn = await asyncpg.connect(self.dsn(), timeout=1)
                await conn.close()
                return
            assert self._process.poll() is None, (self.folder / "postgres.log").read_text()
            assert time.monotonic() < deadline, "the test's Postgres did not start"
            await asyncio.sleep(0.05)

    async def stop(self, how: signal.Signals = signal.SIGINT) -> None:
        """SIGINT: a fast shutdown (sessions cut, work committed so far kept); SIGQUIT: an
        immediate one, like a crash (recovery runs at the next start)."""
        process = self._running()
        process.send_signal(how)
        await asyncio.to_thread(process.wait, START_SECONDS)
        self._process = None

    async def ensure_running(self) -> None:
        """After a test that failed while the server was away or frozen."""
        if self._process is None:
            await self.start()
        else:
            self.thaw()

    async def restart(self) -> None:
        await self.stop()
        await self.start()

    def freeze(self) -> None:
        """Every process of the server stops where it is: connections stay open, nothing
        answers, as when the database's machine hangs."""
        self._signal_all(signal.SIGSTOP)

    def thaw(self) -> None:
        self._signal_all(signal.SIGCONT)

    def _signal_all(self, sig: signal.Signals) -> None:
        # each backend is a session of its own (Postgres calls setsid), so not one group
        server = psutil.Process(self._running().pid)
        for process in [server, *server.children(recursive=True)]:
            with contextlib.suppress(psutil.NoSuchProcess):
                process.send_signal(sig)

    def _running(self) -> subprocess.Popen[bytes]:
        assert self._process is not None, "the test's Postgres is not running"
        return self._process

    def close(self) -> None:
        if self._process is not None:
            self._signal_all(signal.SIGCONT)
            self._process.send_signal(signal.SIGQUIT)
            self._process.wait(START_SECONDS)
            self._process = None
