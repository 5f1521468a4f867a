"""Connection pool and the one way to open a transaction: as a user, or as the system."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

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
            yield conn

    async def ping(self) -> bool:
        async with self.pool.acquire(timeout=2) as conn:
            return await conn.fetchval("SELECT 1", timeout=2) == 1
