"""`python -m bot import-legacy --from URL [--dry-run] [--report FILE]`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

import asyncpg

from bot.config import Settings
from bot.legacy_import.report import Report
from bot.legacy_import.run import import_legacy

CONSOLE_ROWS = 20  # rows shown per reason on the terminal; the file has them all


def add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = commands.add_parser(
        "import-legacy", help="bring the original bot's data over (operators)"
    )
    command.add_argument(
        "--from",
        dest="source",
        required=True,
        help="the original bot's Postgres URL (read-only is enough)",
    )
    command.add_argument(
        "--dry-run", action="store_true", help="show what would be imported; write nothing"
    )
    command.add_argument("--report", type=Path, help="also write the full report to this file")
    command.set_defaults(run=run_import)


def run_import(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import StartupError, prepare_database
    from sql.db import Database

    async def run() -> Report:
        db = await Database.connect(await prepare_database(settings), max_size=1)
        try:
            return await import_legacy(
                db, settings.cipher(), args.source, datetime.now(UTC), dry_run=args.dry_run
            )
        finally:
            await db.close()

    try:
        report = asyncio.run(run())
    except StartupError as e:
        print(f"cannot import: {e}", file=sys.stderr)
        return 1
    except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError) as e:
        # the error's kind only: its text may quote the URL, which carries a password
        print(f"cannot read the original bot's database ({type(e).__name__})", file=sys.stderr)
        return 1
    print("\n".join(report.lines(limit=CONSOLE_ROWS)))
    if args.report:
        args.report.write_text(report.text(), encoding="utf-8")
        print(f"full report written to {args.report}")
    return 0
