"""What every sweep shares: its inputs, its counts, and the ledger write that decides, in the
same transaction as the outbox rows, which messages this run (and no other) queues."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

import asyncpg

from bot.jobs.zones import known_zones
from bot.outbox import encode_body
from dialog.replies import Outgoing, Reply, Template
from dialog.window import window_open
from sql.cipher import Cipher
from sql.db import SYSTEM, Database

log = logging.getLogger(__name__)

BATCH = 1000  # members per transaction, so a sweep never holds many locks for long
YIELD_EVERY = 50  # rows decided between turns given to the statement recording the last range
SENT = "sent"

# The ledger rows, and the outbox rows of those this statement won, in one statement: a
# decision another run has already written (or is writing) queues nothing here.
CLAIM = """
WITH claimed AS (
    INSERT INTO tt.scheduled_sends (kind, user_id, period_key, decided)
    SELECT $1, t.user_id, t.period_key, t.decided
    FROM unnest($2::bigint[], $3::text[], $4::text[]) AS t(user_id, period_key, decided)
    ON CONFLICT DO NOTHING
    RETURNING user_id, period_key
), queued AS (
    INSERT INTO tt.outbox (user_id, phone_number_id, body, free_form)
    SELECT c.user_id, $5, m.body, m.free_form
    FROM claimed c
    JOIN unnest($2::bigint[], $3::text[], $6::bytea[], $7::boolean[])
        AS m(user_id, period_key, body, free_form)
        ON m.user_id = c.user_id AND m.period_key = c.period_key AND m.body IS NOT NULL
)
SELECT user_id, period_key FROM claimed
"""


def parents_not_told(kind: str) -> str:
    """A statement's tail: the owners and parents (m, u) of the due children `d` (with `id`
    and `period_key`) who are opted in and have no ledger row of `kind` for that period."""
    return f"""
JOIN tt.memberships m ON m.child_id = d.id AND m.role IN ('owner', 'parent')
JOIN tt.users u ON u.id = m.user_id AND u.consent = 'opted_in' AND u.deleted_at IS NULL
WHERE NOT EXISTS (SELECT 1 FROM tt.scheduled_sends x
                  WHERE x.user_id = m.user_id AND x.kind = '{kind}'
                    AND x.period_key = d.period_key)
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class JobEnv:
    """One run's inputs: `now` is the moment the run acts as of (a cron's or --now's)."""

    db: Database
    cipher: Cipher
    now: datetime
    phone_number_id: str = ""
    reminder_templates: Mapping[str, str] = field(default_factory=dict)  # language → name
    report_templates: Mapping[str, str] = field(default_factory=dict)  # with a document header
    dry_run: bool = False
    batch: int = BATCH


@dataclass(slots=True)
class Counts:
    """What one run found and did: due, sent, skipped by reason, failed."""

    due: int = 0
    sent: int = 0
    failed: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    extra: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "due": self.due,
            "sent": self.sent,
            "skipped": dict(sorted(self.skipped.items())),
            "failed": self.failed,
            **self.extra,
        }


@dataclass(frozen=True, slots=True)
class Decision:
    """For one member and period: send `message`, or skip for the reason in `outcome`. A
    skip that is not `final` is only counted: a later run decides again (e.g. once the member
    has written and the 24-hour window is open)."""

    user_id: int
    period_key: str
    outcome: str
    message: Outgoing | None = None
    final: bool = True
    body: bytes | None = None  # the message as the outbox stores it, encrypted
    free_form: bool = True  # False for a template, which Meta delivers outside the window

    def sealed(self, cipher: Cipher) -> Decision:
        """With the outbox body; raises if Meta's limits refuse the message."""
        if self.message is None or self.body is not None:
            return self
        body = cipher.encrypt_json(encode_body(self.message))
        return replace(self, body=body, free_form=not isinstance(self.message.reply, Template))


Decide = Callable[[asyncpg.Record], Awaitable[Decision]]


def in_window_only(env: JobEnv, message: Callable[[asyncpg.Record], Reply]) -> Decide:
    """Decide a free message with no approved template: outside the 24-hour window it waits
    (not recorded) for the member to write; inside, `message(row)` is sent."""

    async def decide(row: asyncpg.Record) -> Decision:
        user_id, period = row["user_id"], row["period_key"]
        if not window_open(row["last_inbound_at"], env.now):
            return Decision(user_id, period, "window_closed", final=False)
        return Decision(user_id, period, SENT, Outgoing(user_id=user_id, reply=message(row)))

    return decide


async def sweep(env: JobEnv, kind: str, table: str, due: str, decide: Decide) -> Counts:
    """Walk `table`'s ids in ranges of `env.batch`: select the due rows of each range (`due`
    takes $1 < id <= $2, $3 the moment and $4 the time zones Postgres knows), decide each,
    and record the decisions, one short transaction per range. One row's bad data is logged
    and counted, never stops the run. Rows added meanwhile wait for the next run.

    On its one connection, Postgres records a range's decisions and selects the range after
    next while Python decides the next one; a run cut short loses only undecided or unrecorded
    ranges, which the next run decides again."""
    counts = Counts()
    async with env.db.transaction(SYSTEM) as conn:
        last: int = await conn.fetchval(f"SELECT coalesce(max(id), 0) FROM {table}")
        zones = await known_zones(conn)
    # two turns past the last range: one decides it, the other records it
    starts: list[int | None] = [*range(0, last, env.batch), None, None]
    rows: Sequence[asyncpg.Record] = []
    decided: list[Decision] = []
    for after in starts:
        async with env.db.transaction(SYSTEM) as conn, asyncio.TaskGroup() as both:
            database = both.create_task(
                _record_then_select(conn, env, kind, decided, counts, (due, after, zones))
            )
            python = both.create_task(_decide_all(env, kind, rows, decide, counts))
        won, rows = database.result()
        _tally(won, counts)
        decided = python.result()
        counts.due += len(rows)
    return counts


async def _record_then_select(
    conn: asyncpg.Connection,
    env: JobEnv,
    kind: str,
    decisions: list[Decision],
    counts: Counts,
    select: tuple[str, int | None, list[str]],
) -> tuple[list[Decision], Sequence[asyncpg.Record]]:
    """Record one range's decisions, then select the due rows of the range starting `after`."""
    won = await _record(conn, env, kind, decisions, counts)
    due, after, zones = select
    if after is None:
        return won, []
    return won, await conn.fetch(due, after, after + env.batch, env.now, zones)


async def _decide_all(
    env: JobEnv, kind: str, rows: Sequence[asyncpg.Record], decide: Decide, counts: Counts
) -> list[Decision]:
    """Every row's decision; it gives the recording of the range before a turn now and then,
    so that statement goes out and Postgres works while Python decides."""
    decisions = []
    for index, row in enumerate(rows):
        if index % YIELD_EVERY == 0:
            await asyncio.sleep(0)
        try:
            decisions.append((await decide(row)).sealed(env.cipher))
        except Exception:
            log.exception("scheduled %s skipped for bad data", kind, extra={"user": row["user_id"]})
            counts.failed += 1
    return decisions


def _tally(decisions: Sequence[Decision], counts: Counts) -> None:
    for decision in decisions:
        if decision.outcome == SENT:
            counts.sent += 1
        else:
            counts.skipped[decision.outcome] += 1


# The claim keeps one shape and takes a whole batch as arrays: planning it for its values (as
# the transaction's set-up asks, for the due rows and the queue claims) costs more than running
# it, so it alone runs on its generic plan.
GENERIC_PLAN = "SET LOCAL plan_cache_mode = force_generic_plan"
CUSTOM_PLANS = "SET LOCAL plan_cache_mode = force_custom_plan"
REFUSED = (asyncpg.DataError, asyncpg.IntegrityConstraintViolationError)


async def _record(
    conn: asyncpg.Connection, env: JobEnv, kind: str, decisions: list[Decision], counts: Counts
) -> list[Decision]:
    """The whole batch at once; if a row is refused, each on its own so the rest still go.
    What this run decided: those it won and those it only counts (all of them in a dry run)."""
    if env.dry_run or not decisions:
        return decisions
    counted = [d for d in decisions if not d.final]
    decisions = [d for d in decisions if d.final]
    refused = 0
    try:
        async with conn.transaction():
            won = await claim(conn, env, kind, decisions)
    except REFUSED:
        won = []
        for decision in decisions:
            try:
                async with conn.transaction():
                    won += await claim(conn, env, kind, [decision])
            except REFUSED:
                log.exception("scheduled %s refused", kind, extra={"user": decision.user_id})
                refused += 1
    counts.failed += refused
    if raced := len(decisions) - len(won) - refused:
        # decided by another run between our read and our write: theirs is the only one
        counts.skipped["raced"] += raced
    return won + counted


async def claim(
    conn: asyncpg.Connection, env: JobEnv, kind: str, decisions: Sequence[Decision]
) -> list[Decision]:
    """Write the ledger rows and queue the messages of those this transaction won."""
    await conn.execute(GENERIC_PLAN)
    rows = await conn.fetch(
        CLAIM,
        kind,
        [d.user_id for d in decisions],
        [d.period_key for d in decisions],
        [d.outcome for d in decisions],
        env.phone_number_id,
        [d.body for d in decisions],
        [d.free_form for d in decisions],
    )
    await conn.execute(CUSTOM_PLANS)
    won_keys = {(row["user_id"], row["period_key"]) for row in rows}
    return [d for d in decisions if (d.user_id, d.period_key) in won_keys]
