"""One row per user holds the active flow, its step, its typed data and when it expires."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import asyncpg

from sql.cipher import Cipher

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


@dataclass(frozen=True, slots=True)
class NoData:
    """The data of a flow that remembers nothing between its steps."""


D = TypeVar("D", bound="DataclassInstance")


@dataclass(frozen=True, slots=True)
class Flow(Generic[D]):
    """A named multi-step conversation: its steps, the dataclass its steps share, how long it
    waits and how often it re-asks. Data fields hold JSON values (str, int, lists of them)."""

    name: str
    steps: tuple[str, ...]
    data: type[D]
    timeout: timedelta = timedelta(minutes=30)
    max_reasks: int = 2

    def load(self, stored: dict[str, Any]) -> D:
        return self.data(**stored)


@dataclass(slots=True)
class State:
    flow: str
    step: str
    data: dict[str, Any] = field(default_factory=dict)
    reasks: int = 0
    expires_at: datetime | None = None


def dump(data: DataclassInstance) -> dict[str, Any]:
    return asdict(data)


async def load(conn: asyncpg.Connection, cipher: Cipher, user_id: int) -> State | None:
    row = await conn.fetchrow(
        "SELECT flow, step, data, reasks, expires_at FROM tt.conversations WHERE user_id = $1",
        user_id,
    )
    if row is None:
        return None
    return State(
        row["flow"], row["step"], cipher.decrypt_json(row["data"]), row["reasks"], row["expires_at"]
    )


async def save(
    conn: asyncpg.Connection,
    cipher: Cipher,
    user_id: int,
    state: State,
    now: datetime,
    timeout: timedelta,
) -> None:
    state.expires_at = now + timeout
    await conn.execute(
        """
        INSERT INTO tt.conversations (user_id, flow, step, data, reasks, expires_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, now())
        ON CONFLICT (user_id) DO UPDATE SET flow = excluded.flow, step = excluded.step,
            data = excluded.data, reasks = excluded.reasks, expires_at = excluded.expires_at,
            updated_at = now()
        """,
        user_id,
        state.flow,
        state.step,
        cipher.encrypt_json(state.data),
        state.reasks,
        state.expires_at,
    )


async def clear(conn: asyncpg.Connection, user_id: int) -> None:
    await conn.execute("DELETE FROM tt.conversations WHERE user_id = $1", user_id)
