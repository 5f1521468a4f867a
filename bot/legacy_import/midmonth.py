"""The original's mid-month setup ("16 800 2 6") wrote its "used" count as attended rows dated
the 1st, 2nd, … of the month, all in one moment and without a child (original-bot.md §2,
§16.25). Here that count is the plan's `used_before`, so those days do not read as sessions
in calendars, streaks and weekly counts; the month's numbers stay the same."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import datetime, timedelta

from bot.legacy_import.plan import Family
from bot.legacy_import.report import Report
from bot.legacy_import.source import LegacyConfig, LegacySession

ONE_MOMENT = timedelta(seconds=5)


def made_up_rows(rows: list[LegacySession], configs: list[LegacyConfig]) -> set[int]:
    """Ids of rows written by a mid-month setup: one phone's attended rows without a child,
    dated exactly the 1st to the Nth of their month tag, created in the moment that phone's
    plan for the month was, after the last of those days. (The web calendar also writes rows
    without a child, but never together with a plan.)"""
    setups = {(c.user_phone, c.month): c.created_at for c in configs if c.created_at}
    groups: dict[tuple[str, str], list[LegacySession]] = defaultdict(list)
    for row in rows:
        if row.status == "attended" and row.child_id is None and row.user_phone and row.month:
            groups[row.user_phone, row.month].append(row)
    found: set[int] = set()
    for (phone, month), group in groups.items():
        setup = setups.get((phone, month))
        if setup is not None:
            found |= _run_from_first(month, group, setup)
    return found


def _run_from_first(month: str, group: list[LegacySession], setup: datetime) -> set[int]:
    """The rows dated the 1st to the Nth of `month`, all created with the plan."""
    by_day = {row.date.day: row for row in group if row.date and f"{row.date:%Y-%m}" == month}
    run = []
    day = 1
    while day in by_day:
        run.append(by_day[day])
        day += 1
    stamps = [row.created_at for row in run if row.created_at]
    if not run or len(stamps) != len(run):
        return set()
    if any(abs(stamp - setup) > ONE_MOMENT for stamp in stamps):
        return set()
    last_day = run[-1].date
    if last_day is None or min(stamps).date() <= last_day:
        return set()
    return {row.id for row in run}


def settle_made_up(family: Family, report: Report) -> None:
    """Each month's made-up rows become its plan's `used_before` when the plan can hold them;
    otherwise they stay sessions."""
    plans = {plan.month: index for index, plan in enumerate(family.plans)}
    for month, rows in family.made_up.items():
        index = plans.get(month)
        if index is None or len(rows) > family.plans[index].total:
            family.sessions.extend(rows)
            continue
        family.plans[index] = replace(family.plans[index], used_before=len(rows))
        for row in rows:
            report.note(
                "session",
                row.legacy_id,
                "mid_month_setup_row",
                f"{row.day}: counted as used before tracking, not as a session",
            )
    family.made_up.clear()
