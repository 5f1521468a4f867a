"""Group commit for the webhook: bodies that arrive while a commit is under way are stored
together in the next round, one INSERT for all their messages, and each request waits for its
own outcome. A 200 still means committed: no request is answered before the commit that
holds its messages.

The usual round has no body to quarantine and runs on an autocommit connection of the
webhook's pool (one round trip for the messages, one for the statuses): every write is
idempotent, so when the database goes mid-round every request of it gets the error (a 503),
and Meta's retry stores what is missing and nothing twice. A round with something to
quarantine is one transaction.

If the database refuses something in a round (a bad message, a deadlock with another
process), the round is stored again body by body under savepoints, so one bad body cannot
fail the others."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence

import asyncpg

from bot.background import DATABASE_GONE
from bot.ingest import (
    POISON,
    Prepared,
    Stored,
    store_apart,
    store_one,
    store_together,
    without_problems,
)
from sql.cipher import Cipher
from sql.db import SYSTEM, Database

log = logging.getLogger(__name__)

MAX_BATCH = 64  # bodies per transaction
COMMITTERS = 2  # transactions under way at once: one fills while the other commits
Outcome = Stored | BaseException
# Trying again body by body would only wait as long again.
SLOW_OR_GONE: tuple[type[Exception], ...] = (
    *DATABASE_GONE,
    TimeoutError,
    asyncpg.QueryCanceledError,
)


class GroupCommit:
    """`await store(prepared)` returns once its body is committed, or raises what stopped it."""

    def __init__(
        self,
        db: Database,
        cipher: Cipher,
        *,
        max_batch: int = MAX_BATCH,
        committers: int = COMMITTERS,
    ) -> None:
        self._db, self._cipher = db, cipher
        self._max_batch, self._committers = max_batch, committers
        self._waiting: list[tuple[Prepared, asyncio.Future[Stored]]] = []
        self._committing = 0
        self._tasks: set[asyncio.Task[None]] = set()  # held, so none is collected mid-way

    async def store(self, prepared: Prepared) -> Stored:
        future: asyncio.Future[Stored] = asyncio.get_running_loop().create_future()
        self._waiting.append((prepared, future))
        if self._committing < self._committers:
            self._committing += 1
            task = asyncio.create_task(self._commit_waiting())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return await future

    async def _commit_waiting(self) -> None:
        try:
            await asyncio.sleep(0)  # requests already running join this batch
            while self._waiting:
                batch = self._waiting[: self._max_batch]
                del self._waiting[: self._max_batch]
                self._settle(batch, await self._commit([prepared for prepared, _ in batch]))
        finally:
            # counted down with no wait after the last look at the queue, so a body that
            # arrives later always finds a committer free
            self._committing -= 1

    @staticmethod
    def _settle(
        batch: list[tuple[Prepared, asyncio.Future[Stored]]], outcomes: Sequence[Outcome]
    ) -> None:
        for (_, future), outcome in zip(batch, outcomes, strict=True):
            if future.done():  # the request went away; its messages are stored all the same
                continue
            if isinstance(outcome, BaseException):
                future.set_exception(outcome)
            else:
                future.set_result(outcome)

    async def _commit(self, bodies: list[Prepared]) -> Sequence[Outcome]:
        try:
            if without_problems(bodies):  # the usual batch: one round trip per kind of write
                async with self._db.autocommit() as conn:
                    return await store_apart(conn, bodies)
            async with self._db.transaction(SYSTEM) as conn:
                return await store_together(conn, bodies, self._cipher)
        except SLOW_OR_GONE as e:
            return [e] * len(bodies)
        except (asyncpg.PostgresError, *POISON) as e:
            if len(bodies) > 1:
                error = type(e).__name__
                log.warning("batch refused; storing body by body", extra={"error": error})
            return await self._commit_each(bodies)
        except Exception as e:  # a bug: every request of the batch fails (500), none hangs
            log.exception("batch failed")
            return [e] * len(bodies)

    async def _commit_each(self, bodies: list[Prepared]) -> list[Outcome]:
        """One transaction, each body under its own savepoint; a body refused even so gets
        its own error, and the others are stored."""
        outcomes: list[Outcome] = []
        try:
            async with self._db.transaction(SYSTEM) as conn:
                for prepared in bodies:
                    outcomes.append(await self._one(conn, prepared))
        except Exception as e:
            return [e] * len(bodies)
        return outcomes

    async def _one(self, conn: asyncpg.Connection, prepared: Prepared) -> Outcome:
        try:
            async with conn.transaction():
                return await store_one(conn, prepared, self._cipher)
        except asyncpg.PostgresError as e:
            if isinstance(e, DATABASE_GONE):
                raise
            return e
