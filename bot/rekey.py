"""`python -m bot rekey [--dry-run]`: re-encrypt every stored value under the first key of
DATA_ENCRYPTION_KEYS, so an older key can leave the list (docs/deploy.md, rotating secrets).

Rows are walked in key order, a batch per short transaction as tt_system; each row is written
only if it still holds what was read, so the running app may go on meanwhile. Values already
under the first key are left alone, so a rerun rewrites nothing."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import dataclass

from bot.config import Settings
from sql.cipher import Cipher, CipherError
from sql.db import SYSTEM, Database


@dataclass(frozen=True, slots=True)
class Encrypted:
    """A column that holds Fernet tokens, and the unique key its rows are walked by."""

    table: str
    column: str
    key: str = "id"
    batch: int = 1000

    @property
    def name(self) -> str:
        return f"{self.table}.{self.column}"


ENCRYPTED = (
    Encrypted("inbound_messages", "payload"),
    Encrypted("outbox", "body"),
    Encrypted("outbox", "anonymous_body"),
    Encrypted("conversations", "data", key="user_id"),
    Encrypted("sessions", "reason"),
    Encrypted("notes", "body"),
    Encrypted("pending_notices", "line"),
    Encrypted("pending_notices", "anonymous_line"),
    Encrypted("voice_notes", "audio", batch=10),  # up to 24 MB each
    Encrypted("voice_notes", "transcript"),
    Encrypted("razorpay_events", "payload"),
)
# Left as they are: a digest, and quarantined bodies, which tt_system may not update and the
# retention job deletes after 30 days (keep an old key at least that long).
NOT_REKEYED = frozenset({"quarantine.digest", "quarantine.body"})


@dataclass(slots=True)
class Counts:
    stale: int = 0  # not under the first key: rewritten, unless a dry run
    unreadable: int = 0  # under no configured key: left for an operator


async def rekey(db: Database, cipher: Cipher, *, dry_run: bool = False) -> dict[str, Counts]:
    """Re-encrypt what is not under the first key; counts per column."""
    return {column.name: await _rekey_column(db, cipher, column, dry_run) for column in ENCRYPTED}


async def _rekey_column(db: Database, cipher: Cipher, column: Encrypted, dry_run: bool) -> Counts:
    t, c, k = column.table, column.column, column.key
    select = (
        f"SELECT {k} AS key, {c} AS value FROM tt.{t} "
        f"WHERE {k} > $1 AND {c} IS NOT NULL ORDER BY {k} LIMIT $2"
    )
    update = f"UPDATE tt.{t} SET {c} = $2 WHERE {k} = $1 AND {c} = $3"
    counts, after = Counts(), -1
    while True:
        async with db.transaction(SYSTEM) as conn:
            rows = await conn.fetch(select, after, column.batch)
            for row in rows:
                token = bytes(row["value"])
                if cipher.is_current(token):
                    continue
                try:
                    fresh = cipher.rotate(token)
                except CipherError:
                    counts.unreadable += 1
                    continue
                if dry_run or await conn.fetchval(
                    f"{update} RETURNING 1", row["key"], fresh, token
                ):
                    counts.stale += 1
        if len(rows) < column.batch:
            return counts
        after = rows[-1]["key"]


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "rekey", help="re-encrypt stored data under the first DATA_ENCRYPTION_KEYS key"
    )
    command.add_argument("--dry-run", action="store_true", help="count; write nothing")
    command.set_defaults(run=run_rekey)


def run_rekey(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import resolve_dsn

    async def run() -> dict[str, Counts]:
        db = await Database.connect(await resolve_dsn(settings), max_size=1)
        try:
            return await rekey(db, settings.cipher(), dry_run=args.dry_run)
        finally:
            await db.close()

    counts = asyncio.run(run())
    report = {name: {"stale": n.stale, "unreadable": n.unreadable} for name, n in counts.items()}
    print(json.dumps(report, indent=2))
    unreadable = sum(n.unreadable for n in counts.values())
    if unreadable:
        print(f"{unreadable} value(s) decrypt with no configured key", file=sys.stderr)
    return 1 if unreadable else 0
