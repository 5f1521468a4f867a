"""Wakes this process's loops when another process queues work: one connection LISTENs on
`tt_queued` (a trigger of migration 0025 notifies it for every statement adding queue rows).
A missed notification costs at most one sweep, so a lost connection is simply made again."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
from collections.abc import Callable, Mapping

import asyncpg

from bot.background import DATABASE_FAILED

log = logging.getLogger(__name__)

CHANNEL = "tt_queued"
LISTENER_NAME = "therapy-tracker-listen"  # with the process id, in pg_stat_activity
CONNECT_SECONDS = 5.0
CHECK_SECONDS = 5.0  # how often a silent connection is checked; a dead one is made again
RECONNECT_SECONDS = 2.0
# the connection this opens, beside the pool (README: pool arithmetic of `work`)
LISTEN_CONNECTIONS = 1


class Wakeups:
    """`wakers` maps a queue's name, as the trigger sends it, to what wakes its loop."""

    def __init__(self, dsn: str, wakers: Mapping[str, Callable[[], None]]) -> None:
        self._dsn, self._wakers = dsn, wakers
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            try:
                await self._listen()
            except DATABASE_FAILED as e:
                log.warning("queue wakeups lost; sweeps cover", extra={"error": type(e).__name__})
            await asyncio.sleep(RECONNECT_SECONDS)

    async def _listen(self) -> None:
        conn = await asyncpg.connect(
            self._dsn,
            timeout=CONNECT_SECONDS,
            server_settings={"application_name": f"{LISTENER_NAME}:{os.getpid()}"},
        )
        try:
            await conn.add_listener(CHANNEL, self._notified)
            self._wake_all()  # whatever was queued while nobody listened
            while not conn.is_closed():
                await asyncio.sleep(CHECK_SECONDS)
        finally:
            conn.terminate()  # never waits on a database that stopped answering

    def _notified(
        self,
        _conn: asyncpg.Connection | asyncpg.pool.PoolConnectionProxy,
        _pid: int,
        _channel: str,
        queue: object,
    ) -> None:
        waker = self._wakers.get(str(queue))
        if waker is not None:
            waker()

    def _wake_all(self) -> None:
        for waker in self._wakers.values():
            waker()
