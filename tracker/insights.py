"""Report figures from logged sessions: timelines, rates, reasons, moods, risk and the next tip."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from tracker.dates import recent_days
from tracker.kinds import Status
from tracker.reasons import CATEGORIES, UNSPECIFIED, categorize

TIMELINE_DAYS = 7
RISK_WINDOW_DAYS = 14
_BREAKDOWN_ORDER = (*CATEGORIES, UNSPECIFIED)


@dataclass(frozen=True, slots=True)
class Entry:
    day: date
    status: Status
    reason: str = ""
    mood: str | None = None


def week_timeline(
    entries: Iterable[Entry], holidays: Iterable[date], today: date
) -> list[tuple[date, str]]:
    """The last 7 local days, oldest first, each marked attended, missed, holiday or none."""
    logged: dict[date, set[str]] = {}
    for entry in entries:
        logged.setdefault(entry.day, set()).add(entry.status)
    days_off = set(holidays)
    return [
        (day, _mark(logged.get(day, set()), day in days_off))
        for day in reversed(recent_days(today, TIMELINE_DAYS))
    ]


def _mark(statuses: set[str], day_off: bool) -> str:
    # A session logged on a day off still happened, so what was logged wins over the holiday.
    if "attended" in statuses:
        return "attended"
    if "missed" in statuses:
        return "missed"
    return "holiday" if day_off else "none"


def consistency(attended: int, missed: int) -> int | None:
    """Attended as a whole percent of logged sessions (halves round up); None with none logged."""
    logged = attended + missed
    if logged == 0:
        return None
    return (200 * attended + logged) // (2 * logged)


def top_reason(entries: Iterable[Entry]) -> str | None:
    """The most common category of missed sessions that gave a reason (ties: the latest)."""
    categories = [categorize(entry.reason) for entry in _missed(entries)]
    return _most_common([category for category in categories if category != UNSPECIFIED])


def missed_breakdown(entries: Iterable[Entry]) -> list[tuple[str, int, int]]:
    """Each miss category with its count and whole percent of misses, most common first."""
    counts = Counter(categorize(entry.reason) for entry in _missed(entries))
    total = sum(counts.values())
    ranked = sorted(counts, key=lambda name: (-counts[name], _BREAKDOWN_ORDER.index(name)))
    return [(name, counts[name], round(100 * counts[name] / total)) for name in ranked]


def worst_weekday(entries: Iterable[Entry]) -> int | None:
    """The weekday (0 = Monday) with the most misses by local date; ties go to the earliest."""
    counts = Counter(entry.day.weekday() for entry in _missed(entries))
    if not counts:
        return None
    return max(sorted(counts), key=lambda weekday: counts[weekday])


def mood_trend(entries: Iterable[Entry]) -> str | None:
    """The most common mood recorded after attended sessions (ties: the latest)."""
    attended = sorted((e for e in entries if e.status == "attended"), key=lambda e: e.day)
    return _most_common([entry.mood for entry in attended if entry.mood])


def pick_tip(
    missed: int, attended: int, notes_count: int, top_reason: str | None, homework: str | None
) -> str:
    """The code of the one tip that helps most now; the first matching rule wins."""
    if homework:
        return "homework"
    if missed >= 3:
        return "lock_slot"
    if missed > attended:
        return "prebook"
    if notes_count == 0:
        return "ask_note"
    # "other" says nothing a family could plan around.
    if top_reason and top_reason != "other":
        return "plan_around"
    return "keep_going"


def risk_window(today: date) -> tuple[date, date]:
    """The first and last day of the 14 days `risk_level` looks at."""
    return today - timedelta(days=RISK_WINDOW_DAYS - 1), today


def risk_level(attended: int, missed: int) -> str:
    """High, medium or low chance of dropping off, from the last 14 days' counts."""
    logged = attended + missed
    # attended / logged < 0.6, kept in integers
    if missed >= 3 or (logged >= 4 and 5 * attended < 3 * logged):
        return "high"
    return "medium" if missed >= 1 else "low"


def _missed(entries: Iterable[Entry]) -> list[Entry]:
    return sorted((entry for entry in entries if entry.status == "missed"), key=lambda e: e.day)


def _most_common(values: Sequence[str]) -> str | None:
    if not values:
        return None
    counts = Counter(values)
    last_seen = {value: position for position, value in enumerate(values)}
    return max(counts, key=lambda value: (counts[value], last_seen[value]))
