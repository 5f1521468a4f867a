from datetime import date

import pytest

from dialog.texts.dates import (
    day_label,
    day_range,
    long_date,
    month_label,
    weekday_day,
    weekday_name,
)

TUESDAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("language", "short", "with_year"),
    [
        ("en", "Tue 1 Dec", "Tue 1 Dec 2026"),
        ("hi", "मंगल 1 दिसंबर", "मंगल 1 दिसंबर 2026"),
        ("te", "మంగళ డిసెంబర్ 1", "మంగళ డిసెం 1, 2026"),
    ],
)
def test_day_labels(language, short, with_year):
    assert day_label(language, TUESDAY) == short
    assert day_label(language, TUESDAY, with_year=True) == with_year


@pytest.mark.parametrize(
    ("language", "month", "long"),
    [
        ("en", "December 2026", "1 December 2026"),
        ("hi", "दिसंबर 2026", "1 दिसंबर 2026"),
        ("te", "డిసెంబర్ 2026", "1 డిసెంబర్, 2026"),
    ],
)
def test_months_and_long_dates(language, month, long):
    assert month_label(language, TUESDAY) == month
    assert long_date(language, TUESDAY) == long


def test_weekday_names_start_on_monday():
    assert [weekday_name("en", d) for d in range(7)] == [
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ]
    assert weekday_name("hi", 0, wide=True) == "सोमवार"
    assert weekday_name("te", 6) == "ఆది"
    assert weekday_day("te", TUESDAY) == "మంగళ 1"


def test_a_range_names_a_shared_month_once():
    assert day_range("en", date(2026, 11, 28), date(2026, 12, 4)) == "28 Nov\u2009–\u20094 Dec"
    assert day_range("en", date(2026, 12, 1), date(2026, 12, 7)) == "1\u2009–\u20097 Dec"
    assert day_range("hi", date(2026, 11, 28), date(2026, 12, 4)) == "28 नवंबर\u2009–\u20094 दिसंबर"
    assert day_range("te", date(2026, 11, 17), date(2026, 11, 23)) == "నవంబర్ 17–23"
