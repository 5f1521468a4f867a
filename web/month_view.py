"""The month as the page draws it, from the same MonthLog every chat screen counts: a grid
of weeks (Monday first) in the child's time zone, each day's state, and sessions per week."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Literal

from tracker.dates import month_bounds, month_of
from tracker.money import MonthFigures
from tracker.report import MonthLog, counts
from tracker.session_store import SessionRow

DayState = Literal["attended", "missed", "holiday", "empty"]


@dataclass(frozen=True, slots=True)
class DayCell:
    day: date
    state: DayState
    attended: int
    missed: int
    moods: tuple[str, ...]
    reasons: tuple[str, ...]
    future: bool

    @property
    def sessions(self) -> int:
        """The number the cell shows: attended sessions, else missed ones."""
        return self.attended or self.missed


@dataclass(frozen=True, slots=True)
class WeekBar:
    first: date  # the week's first day inside the month
    last: date
    attended: int


@dataclass(frozen=True, slots=True)
class MonthView:
    month: date
    weeks: list[list[DayCell | None]]  # None pads days of the neighbouring months
    figures: MonthFigures | None
    bars: list[WeekBar]
    holidays: int

    @property
    def days(self) -> list[DayCell]:
        return [cell for week in self.weeks for cell in week if cell is not None]


def month_view(log: MonthLog, today: date) -> MonthView:
    cells = {day: _cell(log, day, today) for day in _days(log.month)}
    weeks = [
        [cells.get(day) if day.month == log.month.month else None for day in week]
        for week in calendar.Calendar().monthdatescalendar(log.month.year, log.month.month)
    ]
    return MonthView(log.month, weeks, log.figures, _bars(weeks), len(log.holidays))


def _days(month: date) -> list[date]:
    first, last = month_bounds(month_of(month))
    return [first.replace(day=n) for n in range(1, last.day + 1)]


def _cell(log: MonthLog, day: date, today: date) -> DayCell:
    rows = [row for row in log.rows if row.day == day]
    attended, missed = counts(rows, day, day)
    return DayCell(
        day=day,
        state=_state(attended, missed, holiday=day in log.holidays),
        attended=attended,
        missed=missed,
        moods=tuple(row.mood for row in rows if row.mood),
        reasons=tuple(_reasons(rows)),
        future=day > today,
    )


def _state(attended: int, missed: int, *, holiday: bool) -> DayState:
    if attended:
        return "attended"
    if missed:
        return "missed"
    return "holiday" if holiday else "empty"


def _reasons(rows: list[SessionRow]) -> list[str]:
    return [row.reason for row in rows if row.status == "missed" and row.reason]


def _bars(weeks: list[list[DayCell | None]]) -> list[WeekBar]:
    bars = []
    for week in weeks:
        days = [cell for cell in week if cell is not None]
        bars.append(WeekBar(days[0].day, days[-1].day, sum(cell.attended for cell in days)))
    return bars
