from datetime import date
from typing import Literal

import pytest

from tracker.bulk import BulkPlan, BulkRequest, parse_bulk, plan_bulk
from tracker.errors import InvalidBulk

FEB_2, FEB_4 = date(2026, 2, 2), date(2026, 2, 4)
TODAY = date(2026, 2, 11)


def feb(*days: int) -> tuple[date, ...]:
    return tuple(date(2026, 2, day) for day in days)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("attended_dates 2026-02-02, 2026-02-04", BulkRequest("attended", feb(2, 4))),
        ("attended_dates 2026-02-02,2026-02-04", BulkRequest("attended", feb(2, 4))),
        ("attended_dates 2026-02-02 ,  2026-02-04 ", BulkRequest("attended", feb(2, 4))),
        ("attended_dates 2026-02-04, 2026-02-02", BulkRequest("attended", feb(4, 2))),
        ("attended_dates 2026-02-02, 2026-02-04, 2026-02-02", BulkRequest("attended", feb(2, 4))),
        ("Attended_Dates 2026-02-02", BulkRequest("attended", feb(2))),
        ("attended dates 2026-02-02", BulkRequest("attended", feb(2))),
        ("attended_range 2026-02-01..2026-02-03", BulkRequest("attended", feb(1, 2, 3))),
        ("attended_range 2026-02-01 .. 2026-02-03", BulkRequest("attended", feb(1, 2, 3))),
        ("attended_range 2026-02-03..2026-02-03", BulkRequest("attended", feb(3))),
        (
            "missed_dates 2026-02-02, 2026-02-04 Fever, cough",
            BulkRequest("missed", feb(2, 4), "Fever, cough"),
        ),
        ("missed_dates 2026-02-02,2026-02-04 rain", BulkRequest("missed", feb(2, 4), "rain")),
        ("missed_dates 2026-02-02", BulkRequest("missed", feb(2))),
        (
            "missed_range 2026-02-01..2026-02-02 Out of station",
            BulkRequest("missed", feb(1, 2), "Out of station"),
        ),
        (
            "missed_range 2026-02-01 .. 2026-02-02  बुखार",
            BulkRequest("missed", feb(1, 2), "बुखार"),
        ),
        ("missed_dates 2026-02-02 2 kids sick", BulkRequest("missed", feb(2), "2 kids sick")),
        # Any day the one date reader reads: day/month, a month's name, another year's form
        ("attended_dates 2026-2-4, 02/02/2026", BulkRequest("attended", feb(4, 2))),
        ("attended_dates 2/2, 4 feb", BulkRequest("attended", feb(2, 4))),
        ("attended_range 2 feb to 4 feb", BulkRequest("attended", feb(2, 3, 4))),
        (
            "missed_range 2/2 - 3/2 went to village",
            BulkRequest("missed", feb(2, 3), "went to village"),
        ),
        # The Hindi and Telugu words, whose days show a list or a range
        ("कई दिन हुआ 2/2, 4/2", BulkRequest("attended", feb(2, 4))),
        ("कई दिन छूटा 2 feb से 3 feb बुखार", BulkRequest("missed", feb(2, 3), "बुखार")),
        ("చాలా రోజులు జరగలేదు 2/2, 4/2 జ్వరం", BulkRequest("missed", feb(2, 4), "జ్వరం")),
    ],
)
def test_parse_bulk(text: str, expected: BulkRequest) -> None:
    assert parse_bulk(text, TODAY) == expected


def test_range_of_62_days_is_the_limit() -> None:
    request = parse_bulk("attended_range 2026-01-01..2026-03-03", TODAY)
    assert len(request.days) == 62
    assert request.days[0] == date(2026, 1, 1)
    assert request.days[-1] == date(2026, 3, 3)


@pytest.mark.parametrize(
    ("text", "code", "details"),
    [
        ("hello", "unknown_command", {}),
        ("attended_days 2026-02-02", "unknown_command", {}),
        ("attended_dates", "missing_dates", {}),
        ("missed_dates fever", "missing_dates", {}),
        ("attended_dates 2026-02-31", "impossible_date", {"item": "2026-02-31"}),
        ("attended_dates 2027-02-29", "impossible_date", {"item": "2027-02-29"}),
        ("attended_dates 2026-02-02, 2026-2-4x", "bad_date", {"item": "2026-2-4x"}),
        ("attended_dates 31 feb", "impossible_date", {"item": "31 feb"}),
        ("missed_dates 2026-02-02, 2026-02-3x sick", "bad_date", {"item": "2026-02-3x"}),
        ("attended_dates 2026-02-02 yay", "trailing_text", {"text": "yay"}),
        ("attended_range 2026-02-01", "bad_range", {}),
        ("attended_range 2026-02-01, 2026-02-03", "bad_range", {}),
        (
            "attended_range 2026-02-05..2026-02-01",
            "range_reversed",
            {"start": date(2026, 2, 5), "end": date(2026, 2, 1)},
        ),
        ("attended_range 2026-01-01..2026-03-04", "range_too_long", {"days": 63, "limit": 62}),
        ("attended_range 2026-02-01..2026-02-30", "impossible_date", {"item": "2026-02-30"}),
    ],
)
def test_refused_bulk_commands(text: str, code: str, details: dict[str, object]) -> None:
    with pytest.raises(InvalidBulk) as caught:
        parse_bulk(text, TODAY)
    assert caught.value.code == code
    assert caught.value.details == details


def test_plan_bulk_sorts_each_day() -> None:
    days = feb(1, 2, 3, 4, 12)
    existing = {date(2026, 2, 2): "attended", date(2026, 2, 3): "missed"}
    plan = plan_bulk(days, date(2026, 2, 11), existing, "attended")
    assert plan == BulkPlan(insert=feb(1, 4), duplicate=feb(2), conflict=feb(3), future=feb(12))
    assert plan.counts == {"insert": 2, "duplicate": 1, "conflict": 1, "future": 1}


@pytest.mark.parametrize(
    ("status", "logged", "outcome"),
    [
        ("attended", None, "insert"),
        ("attended", "attended", "duplicate"),
        ("attended", "missed", "conflict"),
        ("missed", None, "insert"),
        ("missed", "missed", "duplicate"),
        ("missed", "attended", "conflict"),
    ],
)
def test_plan_bulk_outcomes(
    status: Literal["attended", "missed"], logged: str | None, outcome: str
) -> None:
    existing = {} if logged is None else {FEB_2: logged}
    plan = plan_bulk([FEB_2], FEB_4, existing, status)
    assert plan.counts[outcome] == 1
    assert sum(plan.counts.values()) == 1


def test_future_wins_over_an_existing_row() -> None:
    plan = plan_bulk([FEB_4], FEB_2, {FEB_4: "missed"}, "attended")
    assert plan.future == (FEB_4,)
    assert plan.conflict == ()
