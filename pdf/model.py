"""What the monthly PDF shows, computed from the month's rows: no I/O, no drawing.

The money comes from the same `MonthLog.figures` every chat screen uses, so the PDF and the
chat never disagree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.dates import month_bounds, month_of
from tracker.insights import missed_breakdown
from tracker.kinds import MOODS
from tracker.money import MonthFigures
from tracker.notes import Note, shorten
from tracker.reasons import categorize
from tracker.report import Logged, MonthLog, Reasons, StreakReport, entries, streak_report
from tracker.report_store import AuthoredNote

NOTE_HIGHLIGHTS = 6  # the newest notes of the month; the rest are counted
NOTE_CHARS = 280


@dataclass(frozen=True, slots=True)
class WeekBar:
    """Sessions of one Monday-to-Sunday week, cut to the month's days."""

    first: date
    last: date
    attended: int
    missed: int


@dataclass(frozen=True, slots=True)
class DayLine:
    day: date
    attended: int
    missed: int
    day_off: bool
    reasons: tuple[tuple[str, str], ...]  # each miss: the reason as typed, and its category
    moods: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class NoteLine:
    note: Note
    author_role: str | None  # None: the author has left or erased their data


@dataclass(frozen=True, slots=True)
class MonthPdf:
    child_name: str
    month: date
    made_on: date
    until: date  # the last day counted: the month's end, or today in the current month
    figures: MonthFigures | None  # None while the month has no plan
    attended: int
    missed: int
    weeks: list[WeekBar]
    moods: list[tuple[str, int]]
    reasons: Reasons
    streak: StreakReport
    notes: list[NoteLine]
    more_notes: int
    days: list[DayLine]

    @property
    def empty(self) -> bool:
        """Nothing to report: no plan, no session, no day off and no note."""
        logged = self.attended or self.missed or any(day.day_off for day in self.days)
        return self.figures is None and not logged and not self.notes


def report_until(month: date, today: date) -> date:
    """The last day a month's report counts: its end, or today while the month runs."""
    return min(month_bounds(month_of(month))[1], today)


def build_month_pdf(
    child_name: str,
    log: MonthLog,
    history: Sequence[Logged],
    notes: Sequence[AuthoredNote],
    today: date,
) -> MonthPdf:
    """The report of `log`'s month as seen on `today` (streaks as of its last counted day)."""
    until = report_until(log.month, today)
    days = day_lines(log, until)
    newest = list(notes)[-NOTE_HIGHLIGHTS:]
    return MonthPdf(
        child_name=child_name,
        month=log.month,
        made_on=today,
        until=until,
        figures=log.figures,
        attended=sum(day.attended for day in days),
        missed=sum(day.missed for day in days),
        weeks=week_bars(days),
        moods=mood_counts(log),
        reasons=missed_breakdown(entries(log.rows)),
        streak=streak_report(history, until),
        notes=[NoteLine(_short(item.note), _author(item)) for item in newest],
        more_notes=len(notes) - len(newest),
        days=days,
    )


def day_lines(log: MonthLog, until: date) -> list[DayLine]:
    """One line per day from the month's first to `until`."""
    days_off = set(log.holidays)
    lines = []
    day = log.month
    while day <= until:
        rows = [row for row in log.rows if row.day == day]
        lines.append(
            DayLine(
                day=day,
                attended=sum(row.count for row in rows if row.status == "attended"),
                missed=sum(row.count for row in rows if row.status == "missed"),
                day_off=day in days_off,
                reasons=tuple(
                    (row.reason, categorize(row.reason_category or row.reason))
                    for row in rows
                    if row.status == "missed"
                ),
                moods=tuple(row.mood for row in rows if row.mood),
            )
        )
        day += timedelta(days=1)
    return lines


def week_bars(days: Sequence[DayLine]) -> list[WeekBar]:
    """The days grouped into Monday-to-Sunday weeks."""
    weeks: list[list[DayLine]] = []
    for line in days:
        if not weeks or line.day.weekday() == 0:
            weeks.append([])
        weeks[-1].append(line)
    return [
        WeekBar(
            first=week[0].day,
            last=week[-1].day,
            attended=sum(line.attended for line in week),
            missed=sum(line.missed for line in week),
        )
        for week in weeks
    ]


def mood_counts(log: MonthLog) -> list[tuple[str, int]]:
    """Sessions per recorded mood, in the order moods are offered."""
    found = Counter(entry.mood for entry in entries(log.rows) if entry.mood)
    return [(mood, found[mood]) for mood in MOODS]


def _short(note: Note) -> Note:
    fields = {name: shorten(text, NOTE_CHARS) for name, text in note.fields.items() if text}
    return Note(
        id=note.id,
        kind=note.kind,
        author_id=note.author_id,
        created_at=note.created_at,
        text=shorten(note.text, NOTE_CHARS),
        fields=fields,
        from_voice=note.from_voice,
    )


def _author(item: AuthoredNote) -> str | None:
    return item.author_role if item.note.author_id is not None else None
