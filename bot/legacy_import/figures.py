"""A family's month by the original's formulas (original-bot.md §7) and by ours
(tracker/money.py month_figures), compared number by number."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

import asyncpg

from bot.legacy_import.plan import Family, LegacyMonth
from bot.legacy_import.report import masked
from sql.cipher import Cipher
from tracker.dates import month_bounds
from tracker.money import month_figures
from tracker.plan_store import Plan, select_plan
from tracker.session_store import select_sessions

NO_PLAN = Plan(month=date(2000, 1, 1), sessions_paid=0, cost_paise=0, carried=0, used_before=0)


@dataclass(frozen=True, slots=True)
class Numbers:
    paid: int  # sessions paid this month
    paid_paise: int
    attended: int
    used_paise: int
    missed: int
    left: int

    def differences(self, other: Numbers) -> list[str]:
        return [
            f"{f.name} {getattr(self, f.name)} → {getattr(other, f.name)}"
            for f in fields(self)
            if getattr(self, f.name) != getattr(other, f.name)
        ]


def original_numbers(seen: LegacyMonth) -> Numbers:
    """total = paid + carry; remaining = total − attended, shown from 0; used ₹ = min(attended,
    paid) × cost; every row is one session."""
    total = seen.paid + seen.carried
    return Numbers(
        paid=seen.paid,
        paid_paise=seen.paid * seen.cost_paise,
        attended=seen.attended,
        used_paise=min(seen.attended, seen.paid) * seen.cost_paise,
        missed=seen.cancelled,
        left=max(0, total - seen.attended),
    )


def own_view_lines(family: Family) -> list[str]:
    """Months in which whoever set the plan saw fewer sessions in the original than the family
    logged, because its screens counted only their own logs (§16.17): here every member sees
    the family's, so their numbers change on purpose."""
    lines = []
    kind, legacy_id = family.key
    for month, seen in sorted(family.before.items()):
        if seen.set_by is None:
            continue
        attended = seen.own[seen.set_by, "attended"]
        cancelled = seen.own[seen.set_by, "cancelled"]
        if (attended, cancelled) != (seen.attended, seen.cancelled):
            lines.append(
                f"{kind} #{legacy_id} {month:%Y-%m}: {masked(seen.set_by)} saw {attended} "
                f"attended, {cancelled} missed (their own logs); the family logged "
                f"{seen.attended} attended, {seen.cancelled} missed"
            )
    return lines


async def our_numbers(
    conn: asyncpg.Connection, cipher: Cipher, child_id: int, month: date
) -> Numbers:
    """The month as our screens count it, read back from what was written."""
    first, last = month_bounds(month.strftime("%Y-%m"))
    plan = await select_plan(conn, child_id, first) or NO_PLAN
    rows = await select_sessions(conn, cipher, child_id, first, last)
    attended = sum(r.count for r in rows if r.status == "attended")
    missed = sum(r.count for r in rows if r.status == "missed")
    figures = month_figures(plan, attended, missed)
    return Numbers(
        paid=figures.paid,
        paid_paise=figures.paid_paise,
        attended=figures.attended,
        used_paise=figures.used_paise,
        missed=figures.missed,
        left=figures.left,
    )
