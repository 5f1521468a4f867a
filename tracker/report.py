"""What the chat reports show, computed from plan, session and holiday rows: no I/O, no WhatsApp."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tracker.dates import month_bounds, month_of
from tracker.insights import (
    TIMELINE_DAYS,
    Entry,
    consistency,
    missed_breakdown,
    mood_trend,
    pick_tip,
    risk_level,
    risk_window,
    top_reason,
    week_timeline,
    worst_weekday,
)
from tracker.money import MonthFigures, month_figures
from tracker.plan_store import Plan
from tracker.reasons import CATEGORIES
from tracker.session_store import SessionRow
from tracker.streaks import best_week_streak, next_milestone, run_without_miss, week_streak

TOP_REASONS = 3
CARRY_SHOWN_DAYS = 7  # what carries into next month is said in the month's last week
HOMEWORK_PREFIX = "homework:"
HOMEWORK_CHARS = 90

Reasons = list[tuple[str, int, int]]


@dataclass(frozen=True, slots=True)
class Logged:
    """One history row for streaks: a day, its status and how many sessions it covers."""

    day: date
    status: str
    count: int


@dataclass(frozen=True, slots=True)
class DayStatus:
    attended: int
    missed: int
    holiday: bool


@dataclass(frozen=True, slots=True)
class MonthLog:
    """A month as every screen that counts it reads it: its plan, sessions and days off."""

    month: date
    plan: Plan | None
    rows: list[SessionRow]
    holidays: list[date]

    @property
    def figures(self) -> MonthFigures | None:
        """The month's numbers, or None while it has no plan."""
        if self.plan is None:
            return None
        return month_figures(self.plan, *counts(self.rows, *month_bounds(month_of(self.month))))


@dataclass(frozen=True, slots=True)
class MonthReport:
    month: date
    figures: MonthFigures
    holidays: int
    reasons: Reasons
    risk: str
    carry_shown: bool
    today: DayStatus


@dataclass(frozen=True, slots=True)
class WeekNotes:
    count: int
    homework: str | None


@dataclass(frozen=True, slots=True)
class WeekReport:
    first: date
    last: date
    timeline: list[tuple[date, str]]
    attended: int
    missed: int
    consistency: int | None
    top_reason: str | None
    reasons: Reasons
    mood: str | None
    notes: WeekNotes
    tip: str


@dataclass(frozen=True, slots=True)
class MissedReport:
    month: date
    total: int
    reasons: Reasons
    worst_weekday: int | None


@dataclass(frozen=True, slots=True)
class StreakReport:
    weeks: int
    best: int
    run: int
    next_milestone: int | None


def entries(rows: Iterable[SessionRow]) -> list[Entry]:
    """One insight entry per session, so a row that logged 2 sessions weighs twice."""
    return [
        Entry(row.day, row.status, _reason(row), row.mood) for row in rows for _ in range(row.count)
    ]


def _reason(row: SessionRow) -> str:
    # A stored category is the family's own choice; each category's name categorizes as itself.
    return row.reason_category if row.reason_category in CATEGORIES else row.reason


def sessions(rows: Iterable[SessionRow], status: str, first: date, last: date) -> int:
    """Sessions with `status` between two days, counting each row's `count`."""
    return sum(row.count for row in rows if row.status == status and first <= row.day <= last)


def counts(rows: Sequence[SessionRow], first: date, last: date) -> tuple[int, int]:
    """Attended and missed sessions between two days."""
    return sessions(rows, "attended", first, last), sessions(rows, "missed", first, last)


def month_report(log: MonthLog, recent: Sequence[SessionRow], today: date) -> MonthReport | None:
    """The month's numbers, top misses and the risk from the `recent` 14 days; None without a
    plan."""
    figures = log.figures
    if figures is None:
        return None
    return MonthReport(
        month=log.month,
        figures=figures,
        holidays=len(log.holidays),
        reasons=missed_breakdown(entries(log.rows))[:TOP_REASONS],
        risk=recent_risk(recent, today),
        carry_shown=carry_shown(today),
        today=day_status(log.rows, log.holidays, today),
    )


def carry_shown(today: date) -> bool:
    """True in the month's last week, when what carries into next month is worth saying."""
    return month_bounds(month_of(today))[1] - today < timedelta(days=CARRY_SHOWN_DAYS)


def recent_risk(rows: Sequence[SessionRow], today: date) -> str:
    """The drop-off risk from the sessions of the last 14 days."""
    first, last = risk_window(today)
    return risk_level(*counts(rows, first, last))


def day_status(rows: Sequence[SessionRow], holidays: Iterable[date], day: date) -> DayStatus:
    """What was logged on one day, and whether it is a day off."""
    return DayStatus(*counts(rows, day, day), holiday=day in set(holidays))


def week_bounds(today: date) -> tuple[date, date]:
    """The first and last of the 7 local days a weekly report covers."""
    return today - timedelta(days=TIMELINE_DAYS - 1), today


def week_began_at(today: date, timezone: str) -> datetime:
    """The instant the report's week began: local midnight of its first day."""
    return datetime.combine(week_bounds(today)[0], time.min, tzinfo=ZoneInfo(timezone))


def week_report(
    rows: Sequence[SessionRow], holidays: Iterable[date], today: date, notes: WeekNotes
) -> WeekReport:
    """The last 7 local days: timeline, counts, consistency, reasons, mood and one tip."""
    first, last = week_bounds(today)
    found = entries(row for row in rows if first <= row.day <= last)
    attended, missed = counts(rows, first, last)
    reason = top_reason(found)
    return WeekReport(
        first=first,
        last=last,
        timeline=week_timeline(found, holidays, today),
        attended=attended,
        missed=missed,
        consistency=consistency(attended, missed),
        top_reason=reason,
        reasons=missed_breakdown(found)[:TOP_REASONS],
        mood=mood_trend(found),
        notes=notes,
        tip=pick_tip(missed, attended, notes.count, reason, notes.homework),
    )


def missed_report(log: MonthLog) -> MissedReport:
    """The month's misses by reason with percents, and the local weekday that misses most."""
    found = entries(log.rows)
    return MissedReport(
        month=log.month,
        total=counts(log.rows, *month_bounds(month_of(log.month)))[1],
        reasons=missed_breakdown(found),
        worst_weekday=worst_weekday(found),
    )


def streak_report(history: Sequence[Logged], today: date) -> StreakReport:
    """Week streak now and at best, sessions in a row without a miss, and the next milestone."""
    attended_days = [logged.day for logged in history if logged.status == "attended"]
    weeks = week_streak(attended_days, today)
    in_order = [(logged.day, logged.status) for logged in history for _ in range(logged.count)]
    return StreakReport(
        weeks=weeks,
        best=best_week_streak(attended_days),
        run=run_without_miss(in_order),
        next_milestone=next_milestone(weeks),
    )


def homework_hint(bodies: Iterable[str]) -> str | None:
    """The first line after "homework:" in the first note that starts with it, cut to fit."""
    for body in bodies:
        text = body.strip()
        if not text.casefold().startswith(HOMEWORK_PREFIX):
            continue
        lines = text[len(HOMEWORK_PREFIX) :].strip().splitlines()
        hint = lines[0].strip() if lines else ""
        if hint:
            return hint if len(hint) <= HOMEWORK_CHARS else hint[: HOMEWORK_CHARS - 1] + "…"
    return None
