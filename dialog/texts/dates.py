"""Days, months and weekdays written in each language, from CLDR through Babel."""

from __future__ import annotations

from datetime import date

from babel.dates import (
    format_date,
    format_interval,
    format_skeleton,
    get_day_names,
    get_month_names,
)

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


def day_month(language: str, day: date) -> str:
    """A day and its month without the weekday, such as "3 Nov", as the date reader reads it."""
    pattern = CATALOGS.get(language, CATALOGS["en"])["date.day_month"]
    if not isinstance(pattern, str):
        msg = "date.day_month must be a date pattern"
        raise TypeError(msg)
    return format_date(day, pattern, locale=locale(language))


def month_label(language: str, month: date) -> str:
    """A month and its year, such as "December 2026"."""
    return format_skeleton("yMMMM", month, locale=locale(language))


def month_name(language: str, month: date) -> str:
    """The month's name alone, such as "December" or "డిసెంబర్", as the date reader reads it."""
    return str(get_month_names("wide", locale=locale(language))[month.month])


def long_date(language: str, day: date) -> str:
    """A full date, such as "1 December 2026"."""
    return format_date(day, "long", locale=locale(language))


def weekday_day(language: str, day: date) -> str:
    """A weekday and the day of the month, such as "Tue 1" (weekday first in every language,
    like `day_label`, so that a week's lines align)."""
    return format_date(day, "EEE d", locale=locale(language))


def day_range(language: str, first: date, last: date) -> str:
    """Two days of the same stretch, such as "28 Nov – 4 Dec" or "1 – 7 Dec", with the month
    written as the language's `day_label` writes it (a full "नवंबर", not "नव॰")."""
    pattern = str(CATALOGS.get(language, CATALOGS["en"])["date.day"])
    skeleton = "MMMMd" if "MMMM" in pattern else "MMMd"
    return format_interval(first, last, skeleton, locale=locale(language))


def weekday_name(language: str, weekday: int, *, wide: bool = False) -> str:
    """Monday is 0, as in `date.weekday()`: "Mon", or "Monday" when `wide`."""
    names = get_day_names("wide" if wide else "abbreviated", locale=locale(language))
    return str(names[weekday])
