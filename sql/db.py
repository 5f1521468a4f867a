"""Connection pool and the one way to open a transaction: as a user, or as the system; and,
for the webhook's pool only, statements that are each a transaction of their own."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import TypeVar, cast

import asyncpg

APP_ROLE = "tt_app"
SYSTEM_ROLE = "tt_system"


@dataclass(frozen=True, slots=True)
class Actor:
    """Who a transaction works for: a user (RLS applies) or the system, named on purpose."""

    user_id: int | None

    @property
    def role(self) -> str:
        return SYSTEM_ROLE if self.user_id is None else APP_ROLE


SYSTEM = Actor(user_id=None)


def as_user(user_id: int) -> Actor:
    return Actor(user_id=user_id)


@dataclass(frozen=True, slots=True)
class Limits:
    """How long a caller waits on the database, in seconds; None waits as long as it takes."""

    connect: float = 10.0
    acquire: float | None = None  # for a free connection of the pool
    statement: float | None = None  # each statement, enforced by the server
    transaction: float | None = None  # the whole transaction; past it the connection is dropped


def _settings_sql(is_local: str, with_timeout: bool) -> str:
    """Who acts ($1 the role, $2 the user id), how statements are planned and, with a limit,
    how long one may run ($3, in ms): for the transaction (`is_local` 'true') or the session."""
    sql = (
        f"SELECT set_config('role', $1, {is_local}), set_config('tt.user_id', $2, {is_local}), "
        f"set_config('plan_cache_mode', 'force_custom_plan', {is_local})"
    )
    return sql + (f", set_config('statement_timeout', $3, {is_local})" if with_timeout else "")


TRANSACTION_SETTINGS = {timed: _settings_sql("true", timed) for timed in (False, True)}
SESSION_SETTINGS = {timed: _settings_sql("false", timed) for timed in (False, True)}


async def _act(
    conn: asyncpg.Connection, settings: dict[bool, str], actor: Actor, limits: Limits
) -> None:
    user = "" if actor.user_id is None else str(actor.user_id)
    if limits.statement is None:
        await conn.execute(settings[False], actor.role, user)
    else:
        ms = f"{limits.statement * 1000:.0f}"
        await conn.execute(settings[True], actor.role, user, ms)


async def _keep_session(conn: asyncpg.Connection) -> None:
    """Nothing to undo between uses: see Database.connect."""


class Database:
    """A pool of connections to our Postgres; every query runs inside `transaction(actor)`,
    or, on a pool that acts as the system for whole sessions, in `autocommit()`."""

    def __init__(self, pool: asyncpg.Pool, limits: Limits, acting_as: Actor | None) -> None:
        self.pool, self.limits, self._acting_as = pool, limits, acting_as

    @classmethod
    async def connect(
        cls,
        dsn: str,
        *,
        min_size: int = 1,
        max_size: int = 10,
        limits: Limits | None = None,
        acting_as: Actor | None = None,
    ) -> Database:
        """`acting_as` (the system only) makes each connection act as it for its whole
        session, which `autocommit` needs; `transaction` works the same either way."""
        limits = limits or Limits()
        if acting_as is not None and acting_as.user_id is not None:
            msg = "only the system may act for a whole session"
            raise ValueError(msg)
        # Every setting we change is transaction-local, so a returned connection needs no
        # RESET ALL (it cost about a third of ingest throughput in bench/).
        pool = await asyncpg.create_pool(
            dsn,
            min_size=min_size,
            max_size=max_size,
            timeout=limits.connect,
            command_timeout=30,
            reset=_keep_session,
            init=None if acting_as is None else _session_acting(acting_as, limits),
            server_settings={"application_name": "therapy-tracker"},
        )
        return cls(pool, limits, acting_as)

    async def close(self) -> None:
        await self.pool.close()

    @asynccontextmanager
    async def transaction(self, actor: Actor) -> AsyncIterator[asyncpg.Connection]:
        limits = self.limits
        async with self.pool.acquire(timeout=limits.acquire) as conn:
            with _deadline(conn, limits.transaction):
                async with conn.transaction():
                    # Queue claims are prepared while tables are small; a generic cached plan
                    # then scans the whole backlog per claim, so every statement is planned for
                    # its values.
                    # the pool's proxy forwards every Connection method; handlers type it
                    connection = cast(asyncpg.Connection, conn)
                    await _act(connection, TRANSACTION_SETTINGS, actor, limits)
                    yield connection

    @asynccontextmanager
    async def autocommit(self) -> AsyncIterator[asyncpg.Connection]:
        """A connection whose every statement is a transaction of its own, acting as the
        pool's session actor: for one statement that needs no other (each round trip saved
        counts on the webhook's path). Only for a pool connected with `acting_as`."""
        if self._acting_as is None:
            msg = "autocommit needs a pool that acts as the system for the whole session"
            raise RuntimeError(msg)
        async with self.pool.acquire(timeout=self.limits.acquire) as conn:
            with _deadline(conn, self.limits.transaction):
                yield cast(asyncpg.Connection, conn)

    @asynccontextmanager
    async def as_owner(self, timeout: float) -> AsyncIterator[asyncpg.Connection]:
        """A connection as the login role that owns the schema, for the migration check;
        waiting for it and using it each take at most `timeout`."""
        async with self.pool.acquire(timeout=timeout) as conn:
            with _deadline(conn, timeout):
                yield cast(asyncpg.Connection, conn)

    async def ping(self) -> bool:
        async with self.pool.acquire(timeout=2) as conn:
            return bool(await conn.fetchval("SELECT 1", timeout=2) == 1)


def _session_acting(
    actor: Actor, limits: Limits
) -> Callable[[asyncpg.Connection], Coroutine[object, object, None]]:
    async def init(conn: asyncpg.Connection) -> None:
        await _act(conn, SESSION_SETTINGS, actor, limits)

    return init


@contextmanager
def _deadline(conn: asyncpg.pool.PoolConnectionProxy, seconds: float | None) -> Iterator[None]:
    """Drop the connection when the block outlives `seconds`: a server that stopped answering
    answers no cancel and no rollback either, so only closing the socket frees the caller."""
    if seconds is None:
        yield
        return
    timer = asyncio.get_running_loop().call_later(seconds, conn.terminate)
    try:
        yield
    except (asyncpg.InterfaceError, asyncpg.PostgresConnectionError) as e:
        if timer.when() <= asyncio.get_running_loop().time():
            msg = f"the database did not answer within {seconds:g} s"
            raise TimeoutError(msg) from e
        raise
    finally:
        timer.cancel()


async def fetch_one(conn: asyncpg.Connection, query: str, *args: object) -> asyncpg.Record:
    """The row a query always returns: an aggregate, one of our functions, an existing row."""
    row = await conn.fetchrow(query, *args)
    if row is None:
        msg = "the query returned no row"
        raise LookupError(msg)
    return row


T = TypeVar("T")


async def fetch_value(conn: asyncpg.Connection, kind: type[T], query: str, *args: object) -> T:
    """The first column of the one row a query returns, checked to be of `kind`."""
    return _checked(await conn.fetchval(query, *args), kind)


async def fetch_optional(
    conn: asyncpg.Connection, kind: type[T], query: str, *args: object
) -> T | None:
    """Like fetch_value, but no row (or NULL) is None."""
    value = await conn.fetchval(query, *args)
    return None if value is None else _checked(value, kind)


def _checked(value: object, kind: type[T]) -> T:
    if not isinstance(value, kind):
        msg = f"expected {kind.__name__}, got {type(value).__name__}"
        raise TypeError(msg)
    return value
