"""Claiming the next row of a queue table across processes: oldest first per person,
FOR UPDATE SKIP LOCKED, with a lease and a claim token that every later update must present."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

import asyncpg


@dataclass(frozen=True, slots=True)
class Claim:
    """A row held by this process until its lease runs out; `row` has what the queue returns."""

    id: int
    token: uuid.UUID
    attempts: int  # counting this one
    row: asyncpg.Record


@dataclass(frozen=True, slots=True)
class Queue:
    """A table of work for people, with the columns id, user_id (a tt.users row), attempts,
    next_attempt_at, claim_token, claimed_until and `error_column`.

    `waiting` is SQL for a row that still has work to do. It names no table, so it applies
    both to the row claimed and to the earlier rows of the same person; it may use extra
    arguments of `claim` as $3, $4 and on. `returning` is what a claim reads besides id and
    attempts, naming the row `q` and its person `u`. `given_up` is what `give_up` writes
    besides the reason (None: the queue has no such state). Claims go in `order_by`; with
    `per_person`, a person's earlier waiting rows still go first. Every SQL piece here is
    written in our code, never taken from input."""

    table: str
    waiting: str
    lease: timedelta
    returning: str
    error_column: str = "last_error"
    given_up: str | None = None
    per_person: bool = True
    order_by: str = "q.id"
    person: bool = True  # False: the table has no user_id (work for the system, not a person)

    def claim_sql(self) -> str:
        """The claim statement: $1 the token, $2 the lease."""
        in_turn = (
            f"AND NOT EXISTS (SELECT 1 FROM {self.table} p "
            f"WHERE p.user_id = q.user_id AND p.id < q.id AND {self.waiting})"
            if self.per_person
            else ""
        )
        people, joined = (", tt.users u", "AND u.id = q.user_id") if self.person else ("", "")
        return f"""
WITH candidate AS (
    SELECT q.id FROM {self.table} q
    WHERE {self.waiting} AND q.next_attempt_at <= now()
      AND (q.claimed_until IS NULL OR q.claimed_until < now())
      {in_turn}
    ORDER BY {self.order_by}
    LIMIT 1
    FOR UPDATE SKIP LOCKED
)
UPDATE {self.table} q
SET attempts = q.attempts + 1, claim_token = $1, claimed_until = now() + $2::interval
FROM candidate{people}
WHERE q.id = candidate.id {joined}
RETURNING q.id, q.attempts, {self.returning}
"""

    async def claim(
        self, conn: asyncpg.Connection, *args: object, token: uuid.UUID | None = None
    ) -> Claim | None:
        """Take the next due row nobody holds, counting an attempt; None when there is none.
        `token` is chosen by the caller when it must find the claim again without its answer."""
        token = token or uuid.uuid4()
        row = await conn.fetchrow(self.claim_sql(), token, self.lease, *args)
        return None if row is None else Claim(row["id"], token, row["attempts"], row)

    async def holds(self, conn: asyncpg.Connection, claim: Claim) -> bool:
        """Lock the row until the transaction ends if the claim is still ours."""
        query = f"SELECT 1 FROM {self.table} WHERE id = $1 AND claim_token = $2 FOR UPDATE"
        return await conn.fetchval(query, claim.id, claim.token) is not None

    async def extend(self, conn: asyncpg.Connection, claim: Claim) -> bool:
        """Renew the lease before a slow step; False if the claim was lost (then do nothing)."""
        query = (
            f"UPDATE {self.table} SET claimed_until = now() + $3::interval "
            "WHERE id = $1 AND claim_token = $2"
        )
        return await conn.execute(query, claim.id, claim.token, self.lease) == "UPDATE 1"

    async def release(
        self, conn: asyncpg.Connection, claim: Claim, *, uncount: bool = True
    ) -> bool:
        """Give back a claim whose work did not start, so it goes at once; `uncount` gives
        its attempt back too."""
        return await self.finish(conn, claim, "attempts = attempts - $3::int", int(uncount))

    async def release_token(self, conn: asyncpg.Connection, token: uuid.UUID) -> bool:
        """Give back, attempt and all, a claim known only by its token; False if none was made."""
        query = (
            f"UPDATE {self.table} SET attempts = attempts - 1, claim_token = NULL, "
            "claimed_until = NULL WHERE claim_token = $1"
        )
        return await conn.execute(query, token) == "UPDATE 1"

    async def finish(
        self, conn: asyncpg.Connection, claim: Claim, changes: str, *args: object
    ) -> bool:
        """Apply `changes` (SQL; $3 and on are `args`) and end the claim; False if it was lost."""
        query = (
            f"UPDATE {self.table} SET {changes}, claim_token = NULL, claimed_until = NULL "
            "WHERE id = $1 AND claim_token = $2"
        )
        return await conn.execute(query, claim.id, claim.token, *args) == "UPDATE 1"

    async def retry_later(
        self,
        conn: asyncpg.Connection,
        claim: Claim,
        seconds: float,
        error: str | None,
        *,
        uncount: bool = False,
    ) -> bool:
        """Let the row be claimed again after `seconds`; `uncount` gives its attempt back."""
        changes = (
            f"next_attempt_at = now() + make_interval(secs => $3), {self.error_column} = $4, "
            "attempts = attempts - $5::int"
        )
        return await self.finish(conn, claim, changes, seconds, error, int(uncount))

    async def give_up(self, conn: asyncpg.Connection, claim: Claim, reason: str) -> bool:
        """Close the row for good with `reason` in its error column; False if it was lost."""
        if self.given_up is None:
            msg = f"{self.table} has no given-up state"
            raise TypeError(msg)
        changes = f"{self.given_up}, {self.error_column} = $3"
        return await self.finish(conn, claim, changes, reason)
