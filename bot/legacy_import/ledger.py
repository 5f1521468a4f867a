"""tt.legacy_imports: which legacy row became which of ours. A row found here is never
written again, also when ours was erased since: an import must not bring back what a family
or member deleted."""

from __future__ import annotations

import asyncpg

Key = tuple[str, int]


async def load_ledger(conn: asyncpg.Connection) -> dict[Key, str]:
    rows = await conn.fetch("SELECT kind, legacy_id, target FROM tt.legacy_imports")
    return {(row["kind"], row["legacy_id"]): row["target"] for row in rows}


async def record(
    conn: asyncpg.Connection, ledger: dict[Key, str], kind: str, legacy_ids: list[int], target: str
) -> None:
    await conn.execute(
        "INSERT INTO tt.legacy_imports (kind, legacy_id, target) "
        "SELECT $1, unnest($2::bigint[]), $3 ON CONFLICT DO NOTHING",
        kind,
        legacy_ids,
        target,
    )
    ledger.update({(kind, legacy_id): target for legacy_id in legacy_ids})
