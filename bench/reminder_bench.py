"""The reminder sweep over many members: select who is due, decide, write the ledger and the
outbox, batch by batch; printed as a ratio against a bare INSERT … SELECT of as many rows."""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
from harness import bench_database

from bot.jobs.core import JobEnv
from bot.jobs.runner import run_named
from sql.cipher import Cipher
from sql.db import Database
from sql.migrate import apply_pending

NOW = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)  # 19:30 in Kolkata, past everyone's 19:00

# Members with a child and a plan each; every tenth has logged today, half wrote within a day.
POPULATE = """
INSERT INTO tt.users (phone, last_inbound_at, language)
SELECT (919000000000 + g)::text,
       CASE WHEN g % 2 = 0 THEN $2::timestamptz - interval '1 hour'
            ELSE $2::timestamptz - interval '3 days' END,
       (ARRAY['en', 'hi', 'te'])[g % 3 + 1]
FROM generate_series(1, $1) AS g;
"""
CHILDREN = """
INSERT INTO tt.children (name, created_by, tracking_since)
SELECT 'Child ' || id, id, '2026-03-01' FROM tt.users ORDER BY id;
INSERT INTO tt.memberships (child_id, user_id, role, accepted_at)
SELECT id, created_by, 'owner', now() FROM tt.children;
UPDATE tt.users u SET current_child_id = c.id FROM tt.children c WHERE c.created_by = u.id;
INSERT INTO tt.plans (child_id, month, sessions_paid, cost_paise)
SELECT id, '2026-03-01', 16, 80000 FROM tt.children;
INSERT INTO tt.sessions (child_id, day, status)
SELECT id, '2026-03-02', 'attended' FROM tt.children;
INSERT INTO tt.sessions (child_id, day, status)
SELECT id, '2026-03-10', 'attended' FROM tt.children WHERE id % 10 = 0;
ANALYZE;
"""
BARE = """
INSERT INTO tt.outbox (user_id, phone_number_id, body)
SELECT u.id, 'pn', '\\x00'::bytea FROM tt.users u ORDER BY u.id LIMIT $1
"""


async def main(members: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        async with bench_database(Path(folder)) as dsn:
            await apply_pending(dsn)
            conn = await asyncpg.connect(dsn)
            started = time.perf_counter()
            await conn.execute(POPULATE, members, NOW)
            await conn.execute(CHILDREN)
            print(f"{members} members populated in {time.perf_counter() - started:.1f} s")
            db = await Database.connect(dsn, max_size=2)
            env = JobEnv(
                db=db,
                cipher=Cipher([Cipher.new_key()]),
                now=NOW,
                phone_number_id="pn",
                reminder_templates={"en": "tt_reminder", "hi": "tt_reminder_hi"},
            )
            load = os.getloadavg()[0]
            started, python_started = time.perf_counter(), time.process_time()
            counts = (await run_named(env, "reminders"))["reminders"]
            sweep = time.perf_counter() - started
            python = time.process_time() - python_started
            queued = await conn.fetchval("SELECT count(*) FROM tt.outbox")
            rerun_started = time.perf_counter()
            again = (await run_named(env, "reminders"))["reminders"]
            rerun = time.perf_counter() - rerun_started
            await conn.execute("TRUNCATE tt.outbox")
            started = time.perf_counter()
            await conn.execute(BARE, queued)
            bare = time.perf_counter() - started
            await db.close()
            await conn.close()
    print(f"reminder sweep: {sweep:.2f} s for {members} members: {counts}")
    print(f"  load average {load:.2f} at the start; Python used {python:.2f} s of CPU")
    print(f"  {queued} outbox rows, {members / sweep:,.0f} members/s")
    print(f"rerun at once: {rerun:.2f} s, due {again['due']}, sent {again['sent']}")
    print(f"bare INSERT … SELECT of {queued} rows: {bare:.2f} s")
    print(f"ratio sweep/bare: {sweep / bare:.1f}×")
    print(f"target < 10 s: {'met' if sweep < 10 else 'missed'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--members", type=int, default=100_000)
    asyncio.run(main(parser.parse_args().members))
