"""One import: read the legacy snapshot, plan, write in one transaction (rolled back for a
dry run), and return the report."""

from __future__ import annotations

from datetime import datetime

import asyncpg

from bot.legacy_import.apply import Applier
from bot.legacy_import.build import build_plan
from bot.legacy_import.report import Report
from bot.legacy_import.source import read_snapshot
from sql.cipher import Cipher
from sql.db import SYSTEM, Database


class DryRun(Exception):
    """Raised at the end of a dry run, so its transaction rolls back."""


async def import_legacy(
    db: Database, cipher: Cipher, source_url: str, now: datetime, *, dry_run: bool = False
) -> Report:
    report = Report(dry_run=dry_run)
    snapshot = await read_snapshot(source_url)
    try:
        async with db.transaction(SYSTEM) as conn:
            # two imports at once would each write what the other has not recorded yet
            await conn.execute("SELECT pg_advisory_xact_lock(hashtext('tt.legacy_imports'))")
            plan = build_plan(snapshot, now, await _profile_names(conn), report)
            await Applier(conn, cipher, report, now).apply(plan)
            if dry_run:
                raise DryRun
    except DryRun:
        pass
    return report


async def _profile_names(conn: asyncpg.Connection) -> dict[str, str]:
    """WhatsApp profile names of people who have already written to this bot."""
    rows = await conn.fetch(
        "SELECT phone, display_name FROM tt.users WHERE phone IS NOT NULL "
        "AND display_name IS NOT NULL AND deleted_at IS NULL"
    )
    return {row["phone"]: row["display_name"] for row in rows}
