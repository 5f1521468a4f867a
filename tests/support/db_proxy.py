"""A TCP proxy in front of the test Postgres that can hang like a stopped server (SIGSTOP):
connections are still accepted, but no byte goes through until it resumes; and can cut every
connection it holds, dropping what it held back, as a crash or a network fault would."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import parse_qs, urlsplit


class HangingProxy:
    def __init__(self, dsn: str) -> None:
        parts = urlsplit(dsn)
        self._host = parts.hostname
        self._port = parts.port or 5432
        # an embedded server listens on a socket folder named in the query
        self._socket_dir = parse_qs(parts.query).get("host", [""])[0]
        self._user = parts.username or "postgres"
        self._database = parts.path
        self._flowing = asyncio.Event()
        self._flowing.set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._writers: list[asyncio.StreamWriter] = []
        self.port = 0

    @property
    def dsn(self) -> str:
        return f"postgresql://{self._user}@127.0.0.1:{self.port}{self._database}"

    def hang(self) -> None:
        self._flowing.clear()

    def resume(self) -> None:
        self._flowing.set()

    def cut(self) -> None:
        """Drop every connection open now, and the bytes held back on them; the ones that
        come next go through."""
        for task in self._tasks:
            task.cancel()
        for writer in self._writers:
            writer.transport.abort()
        self._writers.clear()
        self._flowing.set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._accept, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]

    async def close(self) -> None:
        self._server.close()
        for writer in self._writers:
            writer.close()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._host and not self._socket_dir:
            up_reader, up_writer = await asyncio.open_connection(self._host, self._port)
        else:
            path = f"{self._socket_dir}/.s.PGSQL.{self._port}"
            up_reader, up_writer = await asyncio.open_unix_connection(path)
        self._writers += [writer, up_writer]
        for source, target in ((reader, up_writer), (up_reader, writer)):
            task = asyncio.create_task(self._pipe(source, target))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _pipe(self, source: asyncio.StreamReader, target: asyncio.StreamWriter) -> None:
        with contextlib.suppress(OSError):
            while data := await source.read(65536):
                await self._flowing.wait()
                target.write(data)
                await target.drain()
        target.close()


@asynccontextmanager
async def hanging_proxy(dsn: str) -> AsyncIterator[HangingProxy]:
    """A running proxy to the database at `dsn`; its `dsn` goes through it."""
    proxy = HangingProxy(dsn)
    await proxy.start()
    try:
        yield proxy
    finally:
        proxy.resume()
        await proxy.close()
