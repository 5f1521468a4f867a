"""Streaks counted in weeks, because therapy happens a few times a week, not every day."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

MILESTONES = (2, 4, 8, 12, 26, 52)
_WEEK = timedelta(weeks=1)


def week_start(day: date) -> date:
    """The Monday of the ISO week holding `day`."""
    return day - timedelta(days=day.weekday())


def week_streak(attended_days: Iterable[date], today: date) -> int:
    """Weeks in a row with a session, back from this week (or last week, if none yet this week)."""
    weeks = {week_start(day) for day in attended_days if day <= today}
    week = week_start(today)
    if week not in weeks:
        week -= _WEEK  # the week is not over, so an empty one does not break the streak yet
    streak = 0
    while week in weeks:
        streak += 1
        week -= _WEEK
    return streak


def best_week_streak(attended_days: Iterable[date]) -> int:
    """The longest run of consecutive weeks with a session, ever."""
    best = run = 0
    previous: date | None = None
    for week in sorted({week_start(day) for day in attended_days}):
        run = run + 1 if previous == week - _WEEK else 1
        best = max(best, run)
        previous = week
    return best


def run_without_miss(entries: Iterable[tuple[date, str]]) -> int:
    """Attended sessions in a row since the last miss, in date order."""
    run = 0
    for _, status in sorted(entries, key=lambda entry: entry[0]):
        if status == "missed":
            run = 0
        elif status == "attended":
            run += 1
    return run


def milestone_reached(previous: int, current: int) -> int | None:
    """The milestone a streak just crossed going from `previous` to `current` weeks, if any."""
    crossed = [weeks for weeks in MILESTONES if previous < weeks <= current]
    return crossed[-1] if crossed else None


def next_milestone(current: int) -> int | None:
    """The next milestone above a streak of `current` weeks; None once past the last one."""
    return next((weeks for weeks in MILESTONES if weeks > current), None)
