"""A full month of made-up rows for PDF tests and the render bench: no database needed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from pdf.model import MonthPdf, build_month_pdf
from tracker.notes import Note
from tracker.plan_store import Plan
from tracker.report import Logged, MonthLog
from tracker.report_store import AuthoredNote
from tracker.session_store import SessionRow

MONTH = date(2026, 12, 1)
MOODS = ("great", "good", "okay", "tough")
MISSES = {
    4: ("fever since morning", None),
    11: ("", "travel"),
    18: ("school exam", None),
    23: ("", None),
}
HOLIDAYS = (date(2026, 12, 25), date(2026, 12, 26))
NOTES = (
    "Good eye contact today; practised naming colours with picture cards.",
    "ఈ రోజు బాగా మాట్లాడాడు, క్ష్మ శ్రీ పదాలు ప్రయత్నించాడు.",
    "आज उसने स्त्री और यात्रा जैसे शब्द दोहराए।",
)


def month_rows(days: int = 31) -> list[SessionRow]:
    """A session on every weekday of December 2026 up to `days`: misses on the 4th, 11th,
    18th and 23rd, two sessions on Saturdays, nothing on Sundays or the days off."""
    rows = []
    for number in range(1, days + 1):
        day = MONTH.replace(day=number)
        if day.weekday() == 6 or day in HOLIDAYS:
            continue
        if number in MISSES:
            reason, category = MISSES[number]
            rows.append(SessionRow(number, day, "missed", 1, reason, category, None, 1))
            continue
        count = 2 if day.weekday() == 5 else 1
        mood = MOODS[number % 4] if number % 3 else None
        rows.append(SessionRow(number, day, "attended", count, "", None, mood, 1))
    return rows


def sample_log(days: int = 31) -> MonthLog:
    plan = Plan(month=MONTH, sessions_paid=20, cost_paise=80000, carried=2, used_before=1)
    return MonthLog(month=MONTH, plan=plan, rows=month_rows(days), holidays=list(HOLIDAYS))


def sample_notes() -> list[AuthoredNote]:
    notes = []
    for number in range(1, 9):
        created = datetime(2026, 12, 1, 12, tzinfo=UTC) + timedelta(days=3 * number)
        if number % 2:
            fields = {"goal": "Two-word requests", "homework": "Read the picture book daily"}
            note = Note(number, "structured", 2, created, fields=fields)
            notes.append(AuthoredNote(note, "therapist"))
        else:
            note = Note(number, "free", 1, created, text=NOTES[number % 3])
            notes.append(AuthoredNote(note, "parent"))
    return notes


def sample_report(name: str = "Aarav", today: date = date(2027, 1, 1)) -> MonthPdf:
    log = sample_log()
    history = [Logged(row.day, row.status, row.count) for row in log.rows]
    return build_month_pdf(name, log, history, sample_notes(), today)
