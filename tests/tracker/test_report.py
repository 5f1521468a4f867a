from datetime import UTC, date, datetime

import pytest

from tracker.reasons import CATEGORIES, categorize
from tracker.report import carry_shown, entries, homework_hint, week_began_at
from tracker.session_store import SessionRow


def row(status: str, count: int = 1, reason: str = "", category: str | None = None) -> SessionRow:
    return SessionRow(
        id=1,
        day=date(2026, 2, 9),
        status=status,
        count=count,
        reason=reason,
        reason_category=category,
        mood=None,
        logged_by=None,
    )


def test_a_row_of_several_sessions_weighs_as_many() -> None:
    assert len(entries([row("attended", 3), row("missed")])) == 4


@pytest.mark.parametrize("category", CATEGORIES)
def test_a_stored_category_reads_back_as_itself(category: str) -> None:
    (entry,) = entries([row("missed", reason="some words", category=category)])
    assert categorize(entry.reason) == category


def test_without_a_category_the_typed_reason_decides() -> None:
    (entry,) = entries([row("missed", reason="fever")])
    assert categorize(entry.reason) == "health"


@pytest.mark.parametrize(
    ("bodies", "hint"),
    [
        ([], None),
        (["calm session", "worked on sounds"], None),
        (["  Homework: blow bubbles\nthen rest", "homework: older one"], "blow bubbles"),
        (["homework:   ", "HOMEWORK: stack blocks"], "stack blocks"),
        (["we did homework: no"], None),
        (["homework: " + "x" * 100], "x" * 89 + "…"),
    ],
)
def test_homework_hint(bodies: list[str], hint: str | None) -> None:
    assert homework_hint(bodies) == hint


def test_the_week_begins_at_local_midnight() -> None:
    began = week_began_at(date(2026, 2, 18), "Asia/Kolkata")
    assert began.astimezone(UTC) == datetime(2026, 2, 11, 18, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("day", "shown"),
    [
        (date(2026, 2, 1), False),
        (date(2026, 2, 21), False),
        (date(2026, 2, 22), True),  # 22–28 Feb are February's last 7 days
        (date(2026, 2, 28), True),
        (date(2026, 1, 24), False),
        (date(2026, 1, 25), True),  # 25–31 Jan
    ],
)
def test_what_carries_into_next_month_shows_in_the_months_last_week(day: date, shown: bool) -> None:
    assert carry_shown(day) is shown
