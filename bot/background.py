"""A few asyncio loops that drain a database queue, woken at once or by a periodic sweep."""

from __future__ import annotations

import asyncio
import contextlib
import logging

import asyncpg

log = logging.getLogger(__name__)


class QueueDrainer:
    """Subclasses implement `step()`: handle one queued item, or return False when idle."""

    def __init__(self, *, concurrency: int, sweep_seconds: float) -> None:
        self._concurrency, self._sweep = concurrency, sweep_seconds
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    async def step(self) -> bool:
        raise NotImplementedError

    def wake(self) -> None:
        self._wake.set()

    def wake_later(self, seconds: float) -> None:
        asyncio.get_running_loop().call_later(seconds, self._wake.set)

    def start(self) -> None:
        self._tasks = [asyncio.create_task(self._loop()) for _ in range(self._concurrency)]

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _loop(self) -> None:
        while True:
            try:
                while await self.step():
                    pass
            except (OSError, asyncpg.PostgresError, TimeoutError):
                log.exception("%s could not reach the database; will retry", type(self).__name__)
            except Exception:
                # a bug must not stop the loop: the item's lease runs out and it is retried
                log.exception("%s step failed", type(self).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self._sweep)
            self._wake.clear()
