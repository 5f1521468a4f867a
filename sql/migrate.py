"""Forward-only migrations: numbered .sql files, applied once each under an advisory lock."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import asyncpg

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
LOCK_KEY = 7_317_244_001  # any constant shared by every instance of this app
CONNECT_SECONDS = 10.0
FILE_PATTERN = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

CREATE_LEDGER = """
CREATE SCHEMA IF NOT EXISTS tt;
CREATE TABLE IF NOT EXISTS tt.schema_migrations (
    version    integer PRIMARY KEY,
    name       text NOT NULL,
    checksum   text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE tt.schema_migrations ENABLE ROW LEVEL SECURITY;
REVOKE ALL ON tt.schema_migrations FROM PUBLIC;
"""


class MigrationError(Exception):
    """A migration cannot be applied safely."""


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.sql.encode()).hexdigest()


def discover(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    found = []
    for path in sorted(directory.glob("*.sql")):
        match = FILE_PATTERN.match(path.name)
        if not match:
            msg = f"migration file name {path.name!r} must look like 0001_what.sql"
            raise MigrationError(msg)
        found.append(Migration(int(match[1]), match[2], path.read_text(encoding="utf-8")))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        msg = "two migration files share a number"
        raise MigrationError(msg)
    return found


async def applied_checksums(conn: asyncpg.Connection) -> dict[int, str]:
    exists = await conn.fetchval("SELECT to_regclass('tt.schema_migrations') IS NOT NULL")
    if not exists:
        return {}
    rows = await conn.fetch("SELECT version, checksum FROM tt.schema_migrations")
    return {row["version"]: row["checksum"] for row in rows}


def check_unchanged(migrations: list[Migration], applied: dict[int, str]) -> None:
    for migration in migrations:
        recorded = applied.get(migration.version)
        if recorded is not None and recorded != migration.checksum:
            msg = (
                f"migration {migration.version:04d}_{migration.name} was edited after it was "
                "applied; add a new migration instead"
            )
            raise MigrationError(msg)


async def pending(conn: asyncpg.Connection, migrations: list[Migration]) -> list[Migration]:
    applied = await applied_checksums(conn)
    check_unchanged(migrations, applied)
    return [m for m in migrations if m.version not in applied]


async def apply_pending(dsn: str, directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Apply every pending migration in order; return what was applied (empty when current)."""
    migrations = discover(directory)
    conn = await asyncpg.connect(dsn, timeout=CONNECT_SECONDS)
    try:
        await conn.execute("SELECT pg_advisory_lock($1)", LOCK_KEY)
        try:
            await conn.execute(CREATE_LEDGER)
            todo = await pending(conn, migrations)
            for migration in todo:
                async with conn.transaction():
                    await conn.execute(migration.sql)
                    await conn.execute(
                        "INSERT INTO tt.schema_migrations (version, name, checksum) "
                        "VALUES ($1, $2, $3)",
                        migration.version,
                        migration.name,
                        migration.checksum,
                    )
            return todo
        finally:
            await conn.execute("SELECT pg_advisory_unlock($1)", LOCK_KEY)
    finally:
        await conn.close()


async def missing(dsn: str, directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """The migrations the database at `dsn` still lacks, oldest first."""
    conn = await asyncpg.connect(dsn, timeout=CONNECT_SECONDS)
    try:
        return await pending(conn, discover(directory))
    finally:
        await conn.close()


async def is_current(conn: asyncpg.Connection, directory: Path = MIGRATIONS_DIR) -> bool:
    """True when every migration file is applied unchanged."""
    try:
        return not await pending(conn, discover(directory))
    except MigrationError:
        return False
