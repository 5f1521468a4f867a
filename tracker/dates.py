"""Local days: reading a typed day, checking it can be logged, and month arithmetic."""

from __future__ import annotations

import calendar
import re
import unicodedata
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from babel.dates import get_day_names, get_month_names

from tracker.errors import InvalidDate

# Words for days around today, in English, Hindi and Telugu (script and Latin), by days ago.
# "कल" and "परसों" mean both before and after today in Hindi; they are read as past, the usual
# meaning when logging; Hindi has no unambiguous single word for tomorrow.
_WORDS_BY_DAYS_AGO = {
    0: ("today", "aaj", "आज", "ఈరోజు", "ఈ రోజు", "eroju", "ee roju"),
    1: ("yesterday", "kal", "कल", "నిన్న", "ninna"),
    2: ("day before yesterday", "parson", "parso", "परसों", "परसो", "మొన్న", "monna"),
    -1: ("tomorrow", "tmrw", "tmr", "tomorow", "tommorow", "రేపు", "repu"),
    -2: ("day after tomorrow", "ఎల్లుండి", "ellundi"),
}
_DAYS_AGO = {
    unicodedata.normalize("NFC", word): back
    for back, words in _WORDS_BY_DAYS_AGO.items()
    for word in words
}
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAYS = {
    **{name: number for number, name in enumerate(_WEEKDAY_NAMES)},
    **{name[:3]: number for number, name in enumerate(_WEEKDAY_NAMES)},
    **{"tues": 1, "thur": 3, "thurs": 3},
    # Hindi and Telugu weekdays as CLDR writes them: "सोमवार", "सोम", "సోమవారం", "సోమ"
    **{
        unicodedata.normalize("NFC", str(name)).casefold(): number
        for language in ("hi", "te")
        for width in ("wide", "abbreviated")
        for number, name in get_day_names(width, locale=language).items()
    },
}
EXAMPLE_DAY = 3
MIN_PREFIX = 3  # "ma" or "ju" could be two months
_NUKTA = "\u093c"  # "फ़रवरी" is often typed "फरवरी"
_LANGUAGES = ("en", "hi", "te")


def _month_key(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold().rstrip(".॰").replace(_NUKTA, "")


# English names by prefix ("sept", "decem"); Hindi and Telugu names and their CLDR
# abbreviations as written (calendar.month_name would follow the process locale).
_ENGLISH_MONTHS = tuple(name.casefold() for name in get_month_names("wide", locale="en").values())
_MONTHS_BY_NAME: dict[str, int] = {
    _month_key(name): int(number)
    for language in _LANGUAGES
    for width in ("wide", "abbreviated")
    for number, name in get_month_names(width, locale=language).items()
}

Window = tuple[date, date]  # the first and last day a feature accepts

_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|న|వ)?"  # Telugu case endings: "3న", "3వ"
_MONTH_WORD = r"(?P<month_word>[^\s\d/.,-]{2,12})[.॰]?"
_YEAR = r"(?P<year>\d{4})"
_SEP = r"\s*[/.-]\s*"
_ISO_DAY = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})")
_MONTH = re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})")
# Between the first and last day of a range; "तक" and "వరకు" end one ("... 26 nov तक").
_RANGE_WORDS = ("to", "till", "until", "se", "से", "तक", "నుండి", "నుంచి", "వరకు")
_RANGE_SPLIT = re.compile(
    r"\s*(?:\.\.|–|—|\s-\s|(?<=\d)-(?=\d{1,2}/)|(?<!\S)(?:"
    + "|".join(_RANGE_WORDS)
    + r")(?!\S))\s*"
)


def _normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().strip(" \t\n.,!?")
    return " ".join(text.split())


def _month_number(word: str) -> int:
    key = _month_key(word)
    if key in _MONTHS_BY_NAME:
        return _MONTHS_BY_NAME[key]
    if len(key) >= MIN_PREFIX:
        for number, name in enumerate(_ENGLISH_MONTHS, start=1):
            if name.startswith(key):
                return number
    raise InvalidDate("unreadable")


def names_month(text: str, month: int) -> bool:
    """Whether `text` is the name of `month` (1-12) in English, Hindi or Telugu ("Nov",
    "नवंबर", "నవంబర్"), as a typed confirmation."""
    try:
        return _month_number(_normalize(text)) == month
    except InvalidDate:
        return False


def _build(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError as e:
        raise InvalidDate("impossible") from e


def _nearest(month: int, day: int, today: date, allowed: Window | None) -> date:
    """A day and month without a year: of that day last year, this year and next year, the one
    nearest today among those `allowed`; when none is allowed, the nearest (which the caller
    then refuses by name: "has not come yet" rather than "before tracking started")."""
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue  # 29 Feb outside a leap year, or no such day or month at all
    if not candidates:
        raise InvalidDate("impossible")
    inside = [c for c in candidates if allowed and allowed[0] <= c <= allowed[1]]
    return min(inside or candidates, key=lambda c: abs((c - today).days))


def _read(match: re.Match[str], today: date, allowed: Window | None) -> date:
    parts = match.groupdict()
    month_word = parts.get("month_word")
    month = _month_number(month_word) if month_word else int(parts["month"])
    day = int(parts["day"])
    year = parts.get("year")
    if year is None:
        return _nearest(month, day, today, allowed)
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


def parse_day(text: str, today: date, allowed: Window | None = None) -> date:
    """Read a typed day: relative words (English, Hindi, Telugu), weekdays, or day-month forms.
    The one date reader of every feature; `allowed` (first, last) is the span the feature
    accepts, which picks the year of a day typed without one."""
    words = _normalize(text)
    if words in _DAYS_AGO:
        return today - timedelta(days=_DAYS_AGO[words])
    if words in _WEEKDAYS:
        return today - timedelta(days=(today.weekday() - _WEEKDAYS[words]) % 7)
    for form in _FORMS:
        match = form.fullmatch(words)
        if match:
            return _read(match, today, allowed)
    raise InvalidDate("unreadable")


def split_range(text: str, *, most: int = 0) -> list[str]:
    """The days of a typed range: "24/12 - 28/12", "2 dec to 4 dec", "25 nov से 26 nov तक",
    "25 nov నుండి 26 nov వరకు" (or one day); split `most` times when given, so that a reason
    after the last day keeps its own "to"."""
    return [part for part in _RANGE_SPLIT.split(text.strip(), maxsplit=most) if part]


def parse_day_this_month(text: str, today: date) -> date:
    """A day of today's month up to today: a bare number ("3") or any form `parse_day` reads."""
    first = today.replace(day=1)
    words = _normalize(text)
    day = (
        _build(first.year, first.month, int(words))
        if words.isdecimal() and len(words) <= 2
        else parse_day(words, today, (first, today))
    )
    if day > today:
        raise InvalidDate("future", today=today)
    if day < first:
        raise InvalidDate("before_start", earliest=first)
    return day


def parse_iso_day(text: str) -> date:
    """Read a strict YYYY-MM-DD that must be a real calendar day."""
    match = _ISO_DAY.fullmatch(text.strip())
    if match is None:
        raise InvalidDate("unreadable")
    return _build(int(match["year"]), int(match["month"]), int(match["day"]))


def example_day(today: date) -> date:
    """An earlier day of today's month to show in examples: the 3rd, or the 1st early in the
    month (today itself on the 1st)."""
    return today.replace(day=max(1, min(EXAMPLE_DAY, today.day - 1)))


def check_loggable(day: date, today: date, earliest: date | None = None) -> None:
    """Refuse a day in the future (tomorrow by name) or before the tracking started."""
    if day == today + timedelta(days=1):
        raise InvalidDate("tomorrow", today=today)
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
