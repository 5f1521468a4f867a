"""A few asyncio loops that drain a database queue, woken at once or by a periodic sweep, and
what they share: giving claims back at shutdown, capped backoff, and which errors are final."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import uuid
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import ClassVar, TypeVar

import asyncpg

from bot.graph_messages import OutboundLimitError
from sql.cipher import CipherError
from sql.db import SYSTEM, Database
from sql.queue import Claim, Queue

log = logging.getLogger(__name__)

STOP_DEADLINE_SECONDS = 15.0  # in-flight work may finish; a deploy's SIGKILL comes at 30 s
RELEASE_TIMEOUT_SECONDS = 3.0
MAX_BACKOFF_FACTOR = 150  # the longest wait is 150 × the base: 5 minutes for 2 s
# Trying these again gives the same result: a reply over Meta's limits, data no key decrypts.
DETERMINISTIC: tuple[type[Exception], ...] = (OutboundLimitError, CipherError)
# The database went away (stopped, restarting, unreachable): no fault of the row's, so it is
# not counted against the row, and a claim whose work had not started is given back.
DATABASE_GONE: tuple[type[Exception], ...] = (
    OSError,
    asyncpg.PostgresConnectionError,
    asyncpg.InterfaceError,
    asyncpg.CannotConnectNowError,
    asyncpg.AdminShutdownError,
    asyncpg.CrashShutdownError,
    asyncpg.TooManyConnectionsError,
    # a pooled connection that read the server's goodbye but has not seen the socket close
    asyncpg.InternalClientError,
)
# ... or failed in any other way
DATABASE_FAILED: tuple[type[Exception], ...] = (*DATABASE_GONE, asyncpg.PostgresError, TimeoutError)
STORE_PAUSE_SECONDS = (0.1, 1.0)  # first and longest wait between tries of a write
T = TypeVar("T")


def backoff(base: float, attempt: int, *, growth: float = 2.0) -> float:
    """base × growth^(attempt - 1), capped, with jitter so retries of many rows spread out."""
    delay = min(base * growth ** min(attempt - 1, 32), base * MAX_BACKOFF_FACTOR)
    return delay * random.uniform(0.5, 1.0)


class ClaimLost(Exception):
    """Our lease ran out and another process holds the row now: leave it alone."""


@dataclass(slots=True)
class Hold:
    """A claim being worked on; `started` once a side effect outside the database may have
    begun (then a shutdown leaves it to its lease instead of handing it straight to another)."""

    queue: Queue
    claim: Claim
    started: bool = False


class QueueDrainer:
    """Subclasses implement `step()`: handle one queued item, or return False when idle."""

    # tasks running `step()` side by side; each holds at most one connection at a time
    concurrency: ClassVar[int] = 1

    def __init__(self, db: Database, *, sweep_seconds: float) -> None:
        self._db = db
        self._sweep = sweep_seconds
        self._idle: deque[asyncio.Event] = deque()  # a loop waiting, by the event waking it
        self._missed = False  # woken while every loop was busy: the next to finish claims again
        self._tasks: list[asyncio.Task[None]] = []
        self._stopping = False

    async def step(self) -> bool:
        raise NotImplementedError

    def wake(self) -> None:
        """Work was queued: one idle loop claims it, and each loop that finds work wakes one
        more, so a burst spreads over the loops while one row costs no empty claims."""
        if self._idle:
            self._idle.popleft().set()
        else:
            self._missed = True

    def wake_later(self, seconds: float) -> None:
        asyncio.get_running_loop().call_later(seconds, self.wake)

    def start(self) -> None:
        self._tasks = [asyncio.create_task(self._loop()) for _ in range(self.concurrency)]

    async def stop(self, deadline: float = STOP_DEADLINE_SECONDS) -> None:
        """Stop claiming, let work in flight finish within `deadline` seconds, then cancel
        the rest; a cancelled step gives back its claim unless its side effect had started."""
        self._stopping = True
        while self._idle:
            self._idle.popleft().set()
        if not self._tasks:
            return
        _, late = await asyncio.wait(self._tasks, timeout=deadline)
        for task in late:
            task.cancel()
        await asyncio.gather(*late, return_exceptions=True)

    @contextlib.asynccontextmanager
    async def claiming(
        self, queue: Queue, *args: object
    ) -> AsyncIterator[tuple[asyncpg.Connection, Claim | None]]:
        """The next claim of `queue` (None: nothing is due), in a transaction the caller may go
        on using. When the database goes away during the commit, the claim may have been stored
        with nobody working on it: it is given back by its token once the database answers,
        so its row does not wait out the lease."""
        token = uuid.uuid4()
        committing = False
        try:
            async with self._db.transaction(SYSTEM) as conn:
                claim = await queue.claim(conn, *args, token=token)
                yield conn, claim
                committing = claim is not None
        except DATABASE_GONE:
            if committing:
                await self._release_unknown(queue, token)
            raise

    async def claim(self, queue: Queue, *args: object) -> Claim | None:
        """The next claim of `queue`, in a transaction of its own."""
        async with self.claiming(queue, *args) as (_, claim):
            return claim

    async def _release_unknown(self, queue: Queue, token: uuid.UUID) -> None:
        async def release() -> bool:
            async with self._db.transaction(SYSTEM) as conn:
                return await queue.release_token(conn, token)

        try:
            if await self.until_stored(queue, release):
                self.wake()
        except DATABASE_FAILED:
            log.warning("a claim whose commit went unanswered may wait out its lease")

    @contextlib.asynccontextmanager
    async def holding(self, queue: Queue, claim: Claim) -> AsyncIterator[Hold]:
        """Work on a claim; if shutdown cancels the work, or the database goes away, before
        it started, release the claim (once the database is back), so nobody waits out its
        lease."""
        hold = Hold(queue, claim)
        try:
            yield hold
        except asyncio.CancelledError:
            if not hold.started:
                await self._release(hold, asyncio.timeout(RELEASE_TIMEOUT_SECONDS), uncount=True)
            raise
        except DATABASE_GONE:
            # the attempt stays counted: a row that somehow takes the connection down each
            # time still reaches its limit
            if not hold.started:
                await self._release(hold, contextlib.nullcontext(), uncount=False)
            raise

    async def _release(
        self, hold: Hold, limit: contextlib.AbstractAsyncContextManager[object], *, uncount: bool
    ) -> None:
        async def release() -> None:
            async with self._db.transaction(SYSTEM) as conn:
                await hold.queue.release(conn, hold.claim, uncount=uncount)

        try:
            async with limit:
                await self.until_stored(hold.queue, release)
        except DATABASE_FAILED:
            log.warning("claim not released; its lease runs out", extra={"row_id": hold.claim.id})
            return
        self.wake()  # the row is due again, and no notification says so

    async def until_stored(self, queue: Queue, write: Callable[[], Awaitable[T]]) -> T:
        """A write that must not be lost (what Meta already did, a claim given back), tried
        again while the database is away, for as long as a claim's lease; past it another
        process may hold the row (and our write, checking the claim token, does nothing)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + queue.lease.total_seconds()
        pause, longest = STORE_PAUSE_SECONDS
        while True:
            try:
                return await write()
            except DATABASE_GONE:
                if loop.time() + pause > deadline:
                    raise
            await asyncio.sleep(pause)
            pause = min(pause * 2, longest)

    async def _loop(self) -> None:
        while not self._stopping:
            try:
                while not self._stopping and await self.step():
                    self._wake_idle()
            except DATABASE_FAILED:
                log.exception("%s could not reach the database; will retry", type(self).__name__)
            except Exception:
                # a bug must not stop the loop: the item's lease runs out and it is retried
                log.exception("%s step failed", type(self).__name__)
            if self._stopping:
                return
            if self._missed:
                self._missed = False
                continue
            await self._idle_until_woken()

    def _wake_idle(self) -> None:
        if self._idle:
            self._idle.popleft().set()

    async def _idle_until_woken(self) -> None:
        """Until a wake picks this loop, or the sweep's time passes."""
        woken = asyncio.Event()
        self._idle.append(woken)
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(woken.wait(), timeout=self._sweep)
        finally:
            if not woken.is_set():
                self._idle.remove(woken)
