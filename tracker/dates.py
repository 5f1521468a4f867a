"""Local days: reading a typed day, checking it can be logged, and month arithmetic."""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from tracker.errors import InvalidDate

# Words for today, yesterday and the day before, in English, Hindi and Telugu (script and Latin).
# "कल" means both yesterday and tomorrow in Hindi; a session being logged can only be past.
_WORDS_BY_DAYS_AGO = (
    ("today", "aaj", "आज", "ఈరోజు", "ఈ రోజు", "eroju", "ee roju"),
    ("yesterday", "kal", "कल", "నిన్న", "ninna"),
    ("day before yesterday", "parson", "parso", "परसों", "परसो", "మొన్న", "monna"),
)
_DAYS_AGO = {
    unicodedata.normalize("NFC", word): back
    for back, words in enumerate(_WORDS_BY_DAYS_AGO)
    for word in words
}
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS = {
    **{name: number for number, name in enumerate(_WEEKDAY_NAMES)},
    **{name[:3]: number for number, name in enumerate(_WEEKDAY_NAMES)},
    **{"tues": 1, "thur": 3, "thurs": 3},
}
# Spelled out, because calendar.month_name follows the process locale.
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)

_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH_WORD = r"(?P<month_word>[a-z]{3,9})\.?"
_YEAR = r"(?P<year>\d{4})"
_SEP = r"\s*[/.-]\s*"
_ISO_DAY = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})")


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().strip(" \t\n.,!?")
    return " ".join(text.split())


def _month_number(word: str) -> int:
    for number, name in enumerate(_MONTH_NAMES, start=1):
        if name.startswith(word):
            return number
    raise InvalidDate("unreadable")


def _build(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as e:
        raise InvalidDate("impossible") from e


def _recent_year(month: int, day: int, today: date) -> int:
    """The year that puts day-month on or before today (a session is never ahead)."""
    return today.year - 1 if (month, day) > (today.month, today.day) else today.year


def _read(match: re.Match[str], today: date) -> date:
    parts = match.groupdict()
    month_word = parts.get("month_word")
    month = _month_number(month_word) if month_word else int(parts["month"])
    day = int(parts["day"])
    year = parts.get("year")
    if year is None:
        return _build(_recent_year(month, day, today), month, day)
    return _build(int(year) + 2000 if len(year) == 2 else int(year), month, day)


_FORMS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(form)
    for form in (
        rf"{_DAY}[\s-]*{_MONTH_WORD}(?:[\s,-]+{_YEAR})?",
        rf"{_MONTH_WORD}\s*{_DAY}(?:,?\s+{_YEAR})?",
        rf"{_DAY}{_SEP}(?P<month>\d{{1,2}})(?:{_SEP}(?P<year>\d{{4}}|\d{{2}}))?",
        rf"{_YEAR}{_SEP}(?P<month>\d{{1,2}}){_SEP}(?P<day>\d{{1,2}})",
    )
)


def parse_day(text: str, today: date) -> date:
    """Read a typed day: relative words (English, Hindi, Telugu), weekdays, or day-month forms."""
    words = _normalize(text)
    if words in _DAYS_AGO:
        return today - timedelta(days=_DAYS_AGO[words])
    if words in _WEEKDAYS:
        return today - timedelta(days=(today.weekday() - _WEEKDAYS[words]) % 7)
    for form in _FORMS:
        match = form.fullmatch(words)
        if match:
            return _read(match, today)
    raise InvalidDate("unreadable")


def parse_iso_day(text: str) -> date:
    """Read a strict YYYY-MM-DD that must be a real calendar day."""
    match = _ISO_DAY.fullmatch(text.strip())
    if match is None:
        raise InvalidDate("unreadable")
    return _build(int(match["year"]), int(match["month"]), int(match["day"]))


def check_loggable(day: date, today: date, earliest: date | None = None) -> None:
    """Refuse a day in the future or before the tracking started."""
    if day > today:
        raise InvalidDate("future", today=today)
    if earliest is not None and day < earliest:
        raise InvalidDate("before_start", earliest=earliest)


def local_today(now_utc: datetime, tz: str) -> date:
    """The calendar day it is in `tz` at the aware instant `now_utc`."""
    if now_utc.tzinfo is None:
        msg = "now_utc must be timezone-aware"
        raise ValueError(msg)
    return now_utc.astimezone(ZoneInfo(tz)).date()


def recent_days(today: date, count: int) -> tuple[date, ...]:
    """Today and the days before it, newest first, for a date picker."""
    return tuple(today - timedelta(days=back) for back in range(count))


def month_of(day: date) -> str:
    """The 'YYYY-MM' tag of the month holding `day`."""
    return f"{day.year:04d}-{day.month:02d}"


def month_bounds(month: str) -> tuple[date, date]:
    """The first and last day of a 'YYYY-MM' month."""
    match = _MONTH.fullmatch(month.strip())
    if match is None:
        raise InvalidDate("unreadable")
    first = _build(int(match["year"]), int(match["month"]), 1)
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
