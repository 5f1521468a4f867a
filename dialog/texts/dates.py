"""Days, months and weekdays written in each language, from CLDR through Babel."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date, format_interval, format_skeleton, get_day_names

from dialog.texts import CATALOGS, locale


def day_label(language: str, day: date, *, with_year: bool = False) -> str:
    """A short day such as "Tue 1 Dec"; its pattern is the catalog's, so that a Telugu case
    ending can follow the day's number ("డిసెంబర్ 1న") rather than a month name."""
    key = "date.day_year" if with_year else "date.day"
    pattern = CATALOGS.get(language, CATALOGS["en"])[key]
    if not isinstance(pattern, str):
        msg = f"{key} must be a date pattern"
        raise TypeError(msg)
    return format_date(day, pattern, locale=locale(language))


def month_label(language: str, month: date) -> str:
    """A month and its year, such as "December 2026"."""
    return format_skeleton("yMMMM", month, locale=locale(language))


def long_date(language: str, day: date) -> str:
    """A full date, such as "1 December 2026"."""
    return format_date(day, "long", locale=locale(language))


def weekday_day(language: str, day: date) -> str:
    """A weekday and the day of the month, such as "Tue 1" (weekday first in every language,
    like `day_label`, so that a week's lines align)."""
    return format_date(day, "EEE d", locale=locale(language))


def day_range(language: str, first: date, last: date) -> str:
    """Two days of the same stretch, such as "28 Nov – 4 Dec" or "1 – 7 Dec"."""
    return format_interval(first, last, "MMMd", locale=locale(language))


def weekday_name(language: str, weekday: int, *, wide: bool = False) -> str:
    """Monday is 0, as in `date.weekday()`: "Mon", or "Monday" when `wide`."""
    names = get_day_names("wide" if wide else "abbreviated", locale=locale(language))
    return str(names[weekday])
