from datetime import date, timedelta

import pytest

from tracker.streaks import (
    MILESTONES,
    best_week_streak,
    milestone_reached,
    next_milestone,
    run_without_miss,
    week_start,
    week_streak,
)

WEDNESDAY = date(2026, 2, 11)  # ISO week starting Monday 2026-02-09


def weeks_back(*offsets: int) -> set[date]:
    """A Tuesday session in each listed week, counted back from WEDNESDAY's (0 = this week)."""
    tuesday = week_start(WEDNESDAY) + timedelta(days=1)
    return {tuesday - timedelta(weeks=back) for back in offsets}


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (date(2026, 2, 9), date(2026, 2, 9)),
        (date(2026, 2, 15), date(2026, 2, 9)),
        (date(2026, 1, 1), date(2025, 12, 29)),  # ISO weeks cross the year
    ],
)
def test_week_start(day: date, monday: date) -> None:
    assert week_start(day) == monday


@pytest.mark.parametrize(
    ("attended", "expected"),
    [
        (set(), 0),
        (weeks_back(0), 1),
        (weeks_back(0, 1, 2), 3),
        (weeks_back(1, 2), 2),  # nothing yet this week: the streak is still alive
        (weeks_back(0, 1, 3, 4), 2),  # a week with no sessions breaks it
        (weeks_back(1, 3, 4), 1),
        (weeks_back(2, 3), 0),  # last week was empty too
        ({date(2026, 2, 9), date(2026, 2, 10), date(2026, 2, 11)}, 1),  # many in one week
        ({date(2026, 2, 13)} | weeks_back(1), 1),  # a future day does not count
    ],
)
def test_week_streak(attended: set[date], expected: int) -> None:
    assert week_streak(attended, WEDNESDAY) == expected


def test_week_streak_uses_monday_to_sunday_weeks() -> None:
    sunday_then_monday = {date(2026, 2, 8), date(2026, 2, 9)}
    assert week_streak(sunday_then_monday, WEDNESDAY) == 2
    assert week_streak({date(2026, 2, 2)}, date(2026, 2, 15)) == 1  # Sunday: last week still counts


@pytest.mark.parametrize(
    ("attended", "expected"),
    [
        (set(), 0),
        (weeks_back(0), 1),
        (weeks_back(0, 1, 5, 6, 7), 3),
        (weeks_back(0, 2, 4), 1),
        ({date(2025, 12, 30), date(2026, 1, 6), date(2026, 1, 13)}, 3),
    ],
)
def test_best_week_streak(attended: set[date], expected: int) -> None:
    assert best_week_streak(attended) == expected


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ([], 0),
        ([(date(2026, 2, 1), "attended")], 1),
        ([(date(2026, 2, 1), "attended"), (date(2026, 2, 3), "attended")], 2),
        ([(date(2026, 2, 1), "attended"), (date(2026, 2, 3), "missed")], 0),
        (
            [
                (date(2026, 2, 5), "attended"),
                (date(2026, 2, 1), "attended"),
                (date(2026, 2, 3), "missed"),
                (date(2026, 2, 6), "attended"),
            ],
            2,
        ),  # order given does not matter, dates do
        ([(date(2026, 2, 4), "attended"), (date(2026, 2, 4), "attended")], 2),
    ],
)
def test_run_without_miss(entries: list[tuple[date, str]], expected: int) -> None:
    assert run_without_miss(entries) == expected


@pytest.mark.parametrize(
    ("previous", "current", "expected"),
    [
        (0, 1, None),
        (1, 2, 2),
        (2, 2, None),
        (2, 3, None),
        (3, 4, 4),
        (7, 8, 8),
        (11, 12, 12),
        (25, 26, 26),
        (51, 52, 52),
        (52, 53, None),
        (1, 5, 4),  # a backfill crossing two fires the higher once
        (4, 1, None),  # a streak that fell back fires nothing
    ],
)
def test_milestone_reached(previous: int, current: int, expected: int | None) -> None:
    assert milestone_reached(previous, current) == expected


def test_milestone_fires_once_as_the_streak_grows() -> None:
    fired = [milestone_reached(weeks - 1, weeks) for weeks in range(1, 60)]
    assert [weeks for weeks in fired if weeks is not None] == list(MILESTONES)


@pytest.mark.parametrize(
    ("current", "expected"),
    [(0, 2), (1, 2), (2, 4), (5, 8), (12, 26), (51, 52), (52, None), (100, None)],
)
def test_next_milestone(current: int, expected: int | None) -> None:
    assert next_milestone(current) == expected
