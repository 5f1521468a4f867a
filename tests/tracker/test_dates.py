from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from tracker.dates import (
    check_loggable,
    example_day,
    local_today,
    month_bounds,
    month_of,
    parse_day,
    parse_day_this_month,
    parse_iso_day,
    recent_days,
    split_range,
)
from tracker.errors import InvalidDate

WEDNESDAY = date(2026, 2, 11)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", date(2026, 2, 11)),
        ("  TODAY  ", date(2026, 2, 11)),
        ("Today!", date(2026, 2, 11)),
        ("yesterday", date(2026, 2, 10)),
        ("day before yesterday", date(2026, 2, 9)),
        ("Day  Before   Yesterday", date(2026, 2, 9)),
        ("आज", date(2026, 2, 11)),
        ("aaj", date(2026, 2, 11)),
        ("कल", date(2026, 2, 10)),
        ("Kal", date(2026, 2, 10)),
        ("परसों", date(2026, 2, 9)),
        ("parson", date(2026, 2, 9)),
        ("ఈరోజు", date(2026, 2, 11)),
        ("ఈ రోజు", date(2026, 2, 11)),
        ("eroju", date(2026, 2, 11)),
        ("ee  roju", date(2026, 2, 11)),
        ("నిన్న", date(2026, 2, 10)),
        ("ninna", date(2026, 2, 10)),
        ("మొన్న", date(2026, 2, 9)),
        ("monna", date(2026, 2, 9)),
    ],
)
def test_relative_words(text: str, expected: date) -> None:
    assert parse_day(text, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wednesday", date(2026, 2, 11)),  # the same weekday is today
        ("wed", date(2026, 2, 11)),
        ("tuesday", date(2026, 2, 10)),
        ("Mon", date(2026, 2, 9)),
        ("sunday", date(2026, 2, 8)),
        ("sat", date(2026, 2, 7)),
        ("thursday", date(2026, 2, 5)),  # never ahead: last week's Thursday
        ("thu", date(2026, 2, 5)),
        ("fri", date(2026, 2, 6)),
    ],
)
def test_weekdays_are_the_latest_on_or_before_today(text: str, expected: date) -> None:
    assert parse_day(text, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 feb", date(2026, 2, 10)),
        ("11 Feb", date(2026, 2, 11)),
        ("feb 10", date(2026, 2, 10)),
        ("10 february", date(2026, 2, 10)),
        ("10th feb", date(2026, 2, 10)),
        ("3 sept", date(2025, 9, 3)),
        ("10/02", date(2026, 2, 10)),
        ("10-02", date(2026, 2, 10)),
        ("1/2", date(2026, 2, 1)),
        ("12 feb", date(2026, 2, 12)),  # tomorrow, refused later by name, not last year
        ("12/02", date(2026, 2, 12)),
        ("25 dec", date(2025, 12, 25)),
        ("12/02/2026", date(2026, 2, 12)),
        ("12-02-2026", date(2026, 2, 12)),
        ("12/02/26", date(2026, 2, 12)),
        ("2026-02-12", date(2026, 2, 12)),
        ("feb 12, 2025", date(2025, 2, 12)),
        ("12 feb 2025", date(2025, 2, 12)),
        ("29/02/2028", date(2028, 2, 29)),
        ("29 feb 2028", date(2028, 2, 29)),
    ],
)
def test_day_month_forms_read_day_first(text: str, expected: date) -> None:
    assert parse_day(text, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        ("29 feb", date(2028, 3, 1), date(2028, 2, 29)),
        ("29 feb", date(2029, 1, 10), date(2028, 2, 29)),  # last year was the leap year
        ("31 dec", date(2026, 1, 1), date(2025, 12, 31)),
        ("1 jan", date(2026, 1, 1), date(2026, 1, 1)),
        # issue 9: on 1 Dec 2026 these are this December's days, never last year's
        ("3 dec", date(2026, 12, 1), date(2026, 12, 3)),
        ("25 dec", date(2026, 12, 1), date(2026, 12, 25)),
        ("30 nov", date(2026, 12, 1), date(2026, 11, 30)),
        ("5 dec", date(2026, 6, 1), date(2025, 12, 5)),  # half a year back is nearer
        ("2 jan", date(2026, 12, 30), date(2027, 1, 2)),
    ],
)
def test_year_is_the_nearest_to_today(text: str, today: date, expected: date) -> None:
    assert parse_day(text, today) == expected


@pytest.mark.parametrize(
    ("text", "today", "code"),
    [
        ("29 feb", date(2026, 3, 10), "impossible"),
        ("29/02/2026", WEDNESDAY, "impossible"),
        ("2027-02-29", WEDNESDAY, "impossible"),
        ("31/04", WEDNESDAY, "impossible"),
        ("31 april", WEDNESDAY, "impossible"),
        ("0/1", WEDNESDAY, "impossible"),
        ("12/13", WEDNESDAY, "impossible"),
        ("45 feb", WEDNESDAY, "impossible"),
        ("", WEDNESDAY, "unreadable"),
        ("hello", WEDNESDAY, "unreadable"),
        ("12 fex", WEDNESDAY, "unreadable"),
        ("12", WEDNESDAY, "unreadable"),
        ("12/02/2026/1", WEDNESDAY, "unreadable"),
    ],
)
def test_refused_days_carry_a_code(text: str, today: date, code: str) -> None:
    with pytest.raises(InvalidDate) as caught:
        parse_day(text, today)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("2026-02-12", date(2026, 2, 12)),
        (" 2028-02-29 ", date(2028, 2, 29)),
        ("2026-02-31", "impossible"),
        ("2026-2-12", "unreadable"),
        ("12/02/2026", "unreadable"),
        ("20260212", "unreadable"),
    ],
)
def test_parse_iso_day_is_strict(text: str, outcome: date | str) -> None:
    if isinstance(outcome, date):
        assert parse_iso_day(text) == outcome
        return
    with pytest.raises(InvalidDate) as caught:
        parse_iso_day(text)
    assert caught.value.code == outcome


@pytest.mark.parametrize(
    ("day", "earliest", "code"),
    [
        (date(2026, 2, 11), None, None),
        (date(2025, 1, 1), None, None),
        (date(2026, 2, 1), date(2026, 2, 1), None),
        (date(2026, 2, 12), None, "tomorrow"),
        (date(2026, 2, 13), None, "future"),
        (date(2026, 1, 31), date(2026, 2, 1), "before_start"),
    ],
)
def test_check_loggable(day: date, earliest: date | None, code: str | None) -> None:
    if code is None:
        check_loggable(day, WEDNESDAY, earliest)
        return
    with pytest.raises(InvalidDate) as caught:
        check_loggable(day, WEDNESDAY, earliest)
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("now", "tz", "expected"),
    [
        (datetime(2026, 2, 11, 18, 0, tzinfo=UTC), "Asia/Kolkata", date(2026, 2, 11)),  # 23:30
        (datetime(2026, 2, 11, 18, 29, tzinfo=UTC), "Asia/Kolkata", date(2026, 2, 11)),  # 23:59
        (datetime(2026, 2, 11, 18, 30, tzinfo=UTC), "Asia/Kolkata", date(2026, 2, 12)),  # 00:00
        (datetime(2026, 2, 11, 19, 0, tzinfo=UTC), "Asia/Kolkata", date(2026, 2, 12)),  # 00:30
        (datetime(2026, 2, 11, 19, 0, tzinfo=UTC), "Etc/UTC", date(2026, 2, 11)),
        (datetime(2026, 2, 11, 3, 0, tzinfo=UTC), "America/New_York", date(2026, 2, 10)),
        (
            datetime(2026, 2, 12, 0, 30, tzinfo=timezone(timedelta(hours=5, minutes=30))),
            "Asia/Kolkata",
            date(2026, 2, 12),
        ),
    ],
)
def test_local_today(now: datetime, tz: str, expected: date) -> None:
    assert local_today(now, tz) == expected


def test_local_today_refuses_a_naive_instant() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        local_today(datetime(2026, 2, 11, 18, 0), "Asia/Kolkata")  # noqa: DTZ001


def test_recent_days_are_newest_first() -> None:
    days = recent_days(WEDNESDAY, 8)
    assert days[0] == WEDNESDAY
    assert days[-1] == date(2026, 2, 4)
    assert len(days) == 8
    assert recent_days(date(2026, 3, 1), 2) == (date(2026, 3, 1), date(2026, 2, 28))


@pytest.mark.parametrize(
    ("day", "month"),
    [(date(2026, 2, 11), "2026-02"), (date(2026, 12, 31), "2026-12"), (date(999, 1, 1), "0999-01")],
)
def test_month_of(day: date, month: str) -> None:
    assert month_of(day) == month


@pytest.mark.parametrize(
    ("month", "first", "last"),
    [
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
        ("2028-02", date(2028, 2, 1), date(2028, 2, 29)),
        ("2026-04", date(2026, 4, 1), date(2026, 4, 30)),
        ("2026-12", date(2026, 12, 1), date(2026, 12, 31)),
    ],
)
def test_month_bounds(month: str, first: date, last: date) -> None:
    assert month_bounds(month) == (first, last)


@pytest.mark.parametrize(("month", "code"), [("2026-13", "impossible"), ("2026-2", "unreadable")])
def test_month_bounds_refuses_bad_months(month: str, code: str) -> None:
    with pytest.raises(InvalidDate) as caught:
        month_bounds(month)
    assert caught.value.code == code


DEC_1 = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("text", "allowed", "expected"),
    [
        # the nearest day the feature accepts wins over a nearer one it refuses
        ("25 dec", (date(2025, 1, 1), DEC_1), date(2025, 12, 25)),
        ("25 dec", (date(2026, 11, 1), DEC_1), date(2026, 12, 25)),  # none allowed: nearest
        ("25 dec", (date(2026, 11, 1), date(2027, 6, 1)), date(2026, 12, 25)),  # holidays
        ("3 dec", (date(2026, 12, 1), date(2027, 6, 1)), date(2026, 12, 3)),
    ],
)
def test_a_window_picks_the_year(text: str, allowed: tuple[date, date], expected: date) -> None:
    assert parse_day(text, DEC_1, allowed) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tomorrow", date(2026, 12, 2)),
        ("Tomorrow!", date(2026, 12, 2)),
        ("tmrw", date(2026, 12, 2)),
        ("రేపు", date(2026, 12, 2)),
        ("day after tomorrow", date(2026, 12, 3)),
        ("ఎల్లుండి", date(2026, 12, 3)),
        ("कल", date(2026, 11, 30)),  # past when logging: Hindi's kal is both
    ],
)
def test_words_ahead_of_today(text: str, expected: date) -> None:
    assert parse_day(text, DEC_1) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 दिसंबर", date(2026, 12, 3)),
        ("3 दिस॰", date(2026, 12, 3)),
        ("28 नवंबर", date(2026, 11, 28)),
        ("5 फरवरी 2026", date(2026, 2, 5)),  # without the nukta, as often typed
        ("5 फ़रवरी 2026", date(2026, 2, 5)),
        ("3 డిసెంబర్", date(2026, 12, 3)),
        ("డిసెంబర్ 3న", date(2026, 12, 3)),
        ("28 నవం", date(2026, 11, 28)),
        ("3 DEC", date(2026, 12, 3)),
        ("dec 3rd", date(2026, 12, 3)),
    ],
)
def test_month_names_in_three_languages(text: str, expected: date) -> None:
    assert parse_day(text, DEC_1) == expected


@pytest.mark.parametrize("text", ["2 sessions", "2 सत्र", "3 ma", "3 ju", "12 fex"])
def test_words_that_are_not_months(text: str) -> None:
    with pytest.raises(InvalidDate) as caught:
        parse_day(text, DEC_1)
    assert caught.value.code == "unreadable"


NOV_20 = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("3", date(2026, 11, 3)),
        ("20", NOV_20),
        ("3 nov", date(2026, 11, 3)),
        ("3/11", date(2026, 11, 3)),
        ("yesterday", date(2026, 11, 19)),
        ("21", "future"),
        ("25 nov", "future"),
        ("31 oct", "before_start"),
        ("31", "impossible"),  # November has 30 days
        ("0", "impossible"),
        ("123", "unreadable"),
    ],
)
def test_a_day_of_this_month_up_to_today(text: str, outcome: date | str) -> None:
    if isinstance(outcome, date):
        assert parse_day_this_month(text, NOV_20) == outcome
        return
    with pytest.raises(InvalidDate) as caught:
        parse_day_this_month(text, NOV_20)
    assert caught.value.code == outcome


@pytest.mark.parametrize(
    ("typed", "day"),
    [("सोमवार", date(2026, 11, 9)), ("शुक्र", date(2026, 11, 13)), ("సోమవారం", date(2026, 11, 9))],
)
def test_hindi_and_telugu_weekdays_are_the_last_such_day(typed, day):
    assert parse_day(typed, date(2026, 11, 15)) == day


@pytest.mark.parametrize(
    ("today", "example"),
    [
        (date(2026, 11, 15), date(2026, 11, 3)),
        (date(2026, 11, 3), date(2026, 11, 2)),
        (date(2026, 11, 1), date(2026, 11, 1)),
    ],
)
def test_the_example_day_is_an_earlier_day_of_this_month(today, example):
    assert example_day(today) == example


@pytest.mark.parametrize(
    ("typed", "parts"),
    [
        ("24/12 - 28/12", ["24/12", "28/12"]),
        ("2 dec to 4 dec", ["2 dec", "4 dec"]),
        ("25 nov से 26 nov तक", ["25 nov", "26 nov"]),
        ("25 nov నుండి 26 nov వరకు", ["25 nov", "26 nov"]),
        ("2026-12-24..2026-12-28", ["2026-12-24", "2026-12-28"]),
    ],
)
def test_a_range_splits_at_its_word_for_to_in_each_language(typed, parts):
    assert split_range(typed) == parts
