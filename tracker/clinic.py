"""The clinic view: every child in the acting user's families, with 14 days of activity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import asyncpg

from tracker.insights import RISK_WINDOW_DAYS, risk_level

MAX_CHILDREN = 200
RISK_ORDER = {"high": 0, "medium": 1, "low": 2}

# RLS already limits children to the caller's families; the join on their own active
# membership also gives their role there, which the permission table checks.
SELECT_OVERVIEW = """
SELECT c.id, c.name, m.role,
       coalesce(sum(s.count) FILTER (WHERE s.status = 'attended'), 0)::int AS attended,
       coalesce(sum(s.count) FILTER (WHERE s.status = 'missed'), 0)::int AS missed,
       (SELECT count(*) FROM tt.invites p WHERE p.child_id = c.id)::int AS pending
FROM tt.children c
JOIN tt.memberships m ON m.child_id = c.id AND m.user_id = tt.acting_user_id()
                     AND m.status = 'active'
LEFT JOIN tt.sessions s ON s.child_id = c.id AND s.day BETWEEN $1 AND $2
                      AND s.superseded_at IS NULL
GROUP BY c.id, c.name, m.role
ORDER BY c.name, c.id
LIMIT $3
"""


@dataclass(frozen=True, slots=True)
class ChildActivity:
    id: int
    name: str
    role: str
    attended: int
    missed: int
    pending: int

    @property
    def active(self) -> bool:
        return self.attended + self.missed > 0

    @property
    def risk(self) -> str:
        return risk_level(self.attended, self.missed)


async def select_overview(conn: asyncpg.Connection, today: date) -> list[ChildActivity]:
    """Each child of the caller's families with the last 14 days' counts and open invites."""
    first = today - timedelta(days=RISK_WINDOW_DAYS - 1)
    rows = await conn.fetch(SELECT_OVERVIEW, first, today, MAX_CHILDREN)
    return [ChildActivity(**dict(r)) for r in rows]


def at_risk(children: list[ChildActivity]) -> list[ChildActivity]:
    """Children with a high or medium risk, the worst first (then the most misses)."""
    risky = [c for c in children if c.risk != "low"]
    return sorted(risky, key=lambda c: (RISK_ORDER[c.risk], -c.missed, c.name))
