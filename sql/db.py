"""Connection pool and the one way to open a transaction: as a user, or as the system."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
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


async def _keep_session(conn: asyncpg.Connection) -> None:
    """Nothing to undo between uses: see Database.connect."""


class Database:
    """A pool of connections to our Postgres; every query runs inside `transaction(actor)`."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self.pool = pool

    @classmethod
    async def connect(cls, dsn: str, *, min_size: int = 1, max_size: int = 10) -> Database:
        # Every setting we change is transaction-local, so a returned connection needs no
        # RESET ALL (it cost about a third of ingest throughput in bench/).
        pool = await asyncpg.create_pool(
            dsn,
            min_size=min_size,
            max_size=max_size,
            command_timeout=30,
            reset=_keep_session,
            server_settings={"application_name": "therapy-tracker"},
        )
        return cls(pool)

    async def close(self) -> None:
        await self.pool.close()

    @asynccontextmanager
    async def transaction(self, actor: Actor) -> AsyncIterator[asyncpg.Connection]:
        async with self.pool.acquire() as conn, conn.transaction():
            # Queue claims are prepared while tables are small; a generic cached plan then
            # scans the whole backlog per claim, so every statement is planned for its values.
            await conn.execute(
                "SELECT set_config('role', $1, true), set_config('tt.user_id', $2, true), "
                "set_config('plan_cache_mode', 'force_custom_plan', true)",
                actor.role,
                "" if actor.user_id is None else str(actor.user_id),
            )
            # the pool's proxy forwards every Connection method; handlers type the connection
            yield cast(asyncpg.Connection, conn)

    @asynccontextmanager
    async def as_owner(self, timeout: float) -> AsyncIterator[asyncpg.Connection]:
        """A connection as the login role that owns the schema, for the migration check."""
        async with self.pool.acquire(timeout=timeout) as conn:
            yield cast(asyncpg.Connection, conn)

    async def ping(self) -> bool:
        async with self.pool.acquire(timeout=2) as conn:
            return bool(await conn.fetchval("SELECT 1", timeout=2) == 1)


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
