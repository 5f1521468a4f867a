"""`import-legacy` over many generated families: reading the original's tables, the import,
a rerun (nothing to add) and a dry run, as rows per second and ratios to the import."""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import asyncpg
from harness import bench_database

from bot.legacy_import.run import import_legacy
from bot.legacy_import.source import read_snapshot
from sql.cipher import Cipher
from sql.db import Database
from sql.migrate import apply_pending
from tests.legacy.generated import NOW, generate
from tests.legacy.legacy_rows import Legacy

SCHEMA = Path(__file__).parent.parent / "tests" / "legacy" / "legacy_schema.sql"


async def timed(label: str, work: Callable[[], Awaitable[object]], rows: int) -> float:
    started = time.perf_counter()
    await work()
    took = time.perf_counter() - started
    print(f"{label:10} {took:7.2f} s  {rows / took:8.0f} rows/s")
    return took


async def main(families: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        async with (
            bench_database(Path(folder)) as ours_dsn,
            bench_database(Path(folder) / "legacy") as legacy_dsn,
        ):
            await apply_pending(ours_dsn)
            conn = await asyncpg.connect(legacy_dsn)
            await conn.execute(SCHEMA.read_text(encoding="utf-8"))
            await generate(Legacy(conn), count=families)
            rows = sum(
                [
                    await conn.fetchval(f"SELECT count(*) FROM {t}")
                    for t in (
                        "users",
                        "children",
                        "child_members",
                        "monthly_config",
                        "sessions",
                        "holidays",
                        "feedback_notes",
                        "consent_events",
                        "subscription_payments",
                    )
                ]
            )
            await conn.close()
            print(f"{families} families, {rows} legacy rows")
            db = await Database.connect(ours_dsn, max_size=1)
            cipher = Cipher([Cipher.new_key()])
            read = await timed("read", lambda: read_snapshot(legacy_dsn), rows)
            dry = await timed(
                "dry run", lambda: import_legacy(db, cipher, legacy_dsn, NOW, dry_run=True), rows
            )
            first = await timed("import", lambda: import_legacy(db, cipher, legacy_dsn, NOW), rows)
            rerun = await timed("rerun", lambda: import_legacy(db, cipher, legacy_dsn, NOW), rows)
            await db.close()
            print(
                f"read/import {read / first:.2f}  dry/import {dry / first:.2f}  "
                f"rerun/import {rerun / first:.2f}"
            )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--families", type=int, default=300)
    asyncio.run(main(parser.parse_args().families))
