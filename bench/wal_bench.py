"""WAL per message: what one inbound text and its reply write to Postgres's log, by relation
and by kind of record, in the deploy's layout (`serve --no-workers` beside `work`).

Run from the project root: `python bench/wal_bench.py [--messages 1000]`. It starts an
embedded Postgres of its own (nothing else writes to that log), sends the messages from new
users, waits until every reply has left, and reads the log written meanwhile with
`pg_waldump`. The commits that acknowledge webhooks wait for this log to reach the disk, so
fewer bytes per message is a shorter wait for Meta's 200.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import subprocess
import tempfile
from collections import Counter
from collections.abc import Awaitable
from pathlib import Path

import asyncpg
from harness import GraphStub, bench_database, blast
from webhook_bench import drained, ours_running, server_env, signed_status, workload

# rmgr: Heap  len (rec/tot): 54/ 654, tx: 735, lsn: 0/01A3B2C8, prev 0/01A3B290, desc: INSERT …,
# blkref #0: rel 1663/16384/16385 blk 0 FPW
RECORD = re.compile(
    r"rmgr: (?P<rmgr>\S+)\s+len \(rec/tot\):\s+(?P<own>\d+)/\s*(?P<total>\d+).*?"
    r"desc: (?P<kind>\S+)(?:.*?blkref #0: rel \d+/\d+/(?P<node>\d+))?"
)
RELATIONS_SQL = "SELECT relfilenode, oid, relname FROM pg_class WHERE relfilenode <> 0"
TOAST = re.compile(r"pg_toast_(\d+)(_index)?$")
SENT_SQL = "SELECT wamid, phone_number_id FROM tt.outbox WHERE wamid IS NOT NULL"


async def relation_names(conn: asyncpg.Connection) -> dict[str, str]:
    """relfilenode -> a readable name; TOAST tables and their indexes named by their owner."""
    rows = await conn.fetch(RELATIONS_SQL)
    by_oid = {row["oid"]: row["relname"] for row in rows}
    names = {}
    for row in rows:
        name = row["relname"]
        if toast := TOAST.match(name):
            owner = by_oid.get(int(toast[1]), toast[1])
            name = f"{owner} TOAST" + (" index" if toast[2] else "")
        names[str(row["relfilenode"])] = name
    return names


def waldump(pgdata: Path, start: str, end: str) -> list[re.Match[str]]:
    binary = Path(pgserver_bin()) / "pg_waldump"
    out = subprocess.run(
        [str(binary), "-p", str(pgdata / "pg_wal"), "-s", start, "-e", end],
        capture_output=True,
        text=True,
        check=False,
    )
    if not out.stdout:
        raise SystemExit(f"pg_waldump read nothing: {out.stderr.strip()}")
    return [m for line in out.stdout.splitlines() if (m := RECORD.search(line))]


def pgserver_bin() -> str:
    import pgserver

    return str(Path(pgserver.__file__).parent / "pginstall" / "bin")


def report(what: str, records: list[re.Match[str]], names: dict[str, str], messages: int) -> None:
    """The log written, per inbound message, by relation and by record and relation."""
    total = sum(int(r["total"]) for r in records)
    pages = sum(int(r["total"]) - int(r["own"]) for r in records)
    print(
        f"\n{what}: {total / 1e6:.2f} MB of WAL "
        f"in {len(records)} records; per message {total / messages / 1e3:.1f} KB and "
        f"{len(records) / messages:.1f} records ({pages / total:.0%} of the bytes are whole pages)"
    )
    by_relation: Counter[str] = Counter()
    by_kind: Counter[str] = Counter()
    for r in records:
        node = r["node"]
        by_relation[names.get(node, "(catalog or other)") if node else "(no relation)"] += int(
            r["total"]
        )
        by_kind[f"{r['rmgr']} {r['kind']} {names.get(node, '') if node else ''}"] += int(r["total"])
    print(f"\n{'relation':<40}{'bytes/msg':>10}{'share':>8}")
    for name, size in by_relation.most_common(15):
        print(f"{name:<40}{size / messages:>10.0f}{size / total:>8.0%}")
    print(f"\n{'record and relation':<40}{'bytes/msg':>10}{'share':>8}")
    for kind, size in by_kind.most_common(20):
        print(f"{kind:<40.40}{size / messages:>10.0f}{size / total:>8.0%}")


ROW_SIZES_SQL = """
SELECT 'outbox' AS queue, count(*) AS n, avg(pg_column_size(q.*)) AS row, avg(length(body)) AS body
FROM tt.outbox q
UNION ALL
SELECT 'inbound', count(*), avg(pg_column_size(q.*)), avg(length(payload))
FROM tt.inbound_messages q
"""


async def row_sizes(conn: asyncpg.Connection) -> None:
    for r in await conn.fetch(ROW_SIZES_SQL):
        print(f"{r['queue']}: {r['n']} rows of {r['row']:.0f} bytes, {r['body']:.0f} encrypted")


async def logged(
    conn: asyncpg.Connection, pgdata: Path, work: Awaitable[object]
) -> list[re.Match[str]]:
    """The log's records written while `work` ran (read before a checkpoint recycles them)."""
    lsn = "SELECT pg_current_wal_insert_lsn()::text"
    start = await conn.fetchval(lsn)
    await work
    return waldump(pgdata, start, await conn.fetchval(lsn))


async def measure(args: argparse.Namespace, workdir: Path) -> None:
    stub = GraphStub()
    stub_port = await stub.start()
    pgdata = workdir / "embedded" / "pg"
    try:
        async with bench_database(workdir, embedded=True) as dsn:
            conn = await asyncpg.connect(dsn)
            env = server_env(dsn, stub_port)
            async with ours_running("split", workdir, env, work_nice=19) as (url, _):
                await blast(url, workload("9281", 100, 1), 32)
                await drained(dsn, 120.0)

                async def messages() -> None:
                    await blast(url, workload("9271", args.messages, 4), 32)
                    await drained(dsn, 600.0)

                # The first change to each page after a checkpoint logs the whole page.
                # Statuses come within seconds of their replies, in the same checkpoint cycle,
                # so none is made between the two.
                await conn.execute("CHECKPOINT")
                answered = await logged(conn, pgdata, messages())
                replies = await conn.fetch(SENT_SQL)
                statuses = [
                    signed_status(row["wamid"], state, row["phone_number_id"])
                    for state in ("delivered", "read")
                    for row in replies
                ]
                delivered = await logged(conn, pgdata, blast(url, statuses, 32))
            names = await relation_names(conn)
            await row_sizes(conn)
            report(
                f"{args.messages} new users' first messages, every reply sent",
                answered,
                names,
                args.messages,
            )
            report(
                f"delivered, then read, for each of the {len(replies)} replies",
                delivered,
                names,
                args.messages,
            )
            await conn.close()
    finally:
        await stub.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="tt-wal-") as tmp:
        asyncio.run(measure(args, Path(tmp)))


if __name__ == "__main__":
    main()
