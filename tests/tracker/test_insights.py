from datetime import date

import pytest

from tracker.insights import (
    Entry,
    consistency,
    missed_breakdown,
    mood_trend,
    pick_tip,
    risk_level,
    risk_window,
    top_reason,
    week_timeline,
    worst_weekday,
)

WEDNESDAY = date(2026, 2, 11)


def feb(day: int) -> date:
    return date(2026, 2, day)


def attended(day: int, mood: str | None = None) -> Entry:
    return Entry(feb(day), "attended", mood=mood)


def missed(day: int, reason: str = "") -> Entry:
    return Entry(feb(day), "missed", reason)


def test_week_timeline_covers_the_last_seven_local_days() -> None:
    entries = [attended(5), missed(6, "fever"), attended(9), missed(9), attended(2), attended(12)]
    timeline = week_timeline(entries, {feb(7), feb(9), feb(10)}, WEDNESDAY)
    assert timeline == [
        (feb(5), "attended"),
        (feb(6), "missed"),
        (feb(7), "holiday"),
        (feb(8), "none"),
        (feb(9), "attended"),  # a session logged on a day off still happened
        (feb(10), "holiday"),
        (feb(11), "none"),
    ]


@pytest.mark.parametrize(
    ("attended_count", "missed_count", "percent"),
    [(0, 0, None), (3, 0, 100), (0, 2, 0), (3, 1, 75), (2, 1, 67), (1, 2, 33), (1, 7, 13)],
)
def test_consistency(attended_count: int, missed_count: int, percent: int | None) -> None:
    assert consistency(attended_count, missed_count) == percent


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ([], None),
        ([attended(2)], None),
        ([missed(2), missed(3, "   ")], None),
        ([missed(2, "fever"), missed(3, "rain"), missed(4, "cough")], "health"),
        ([missed(4, "rain"), missed(2, "fever")], "transport"),  # a tie goes to the latest
        ([missed(2, "fever"), missed(3), missed(4), missed(5, "traffic")], "transport"),
        ([missed(2, "बुखार"), missed(3, "🤒")], "health"),
    ],
)
def test_top_reason(entries: list[Entry], expected: str | None) -> None:
    assert top_reason(entries) == expected


def test_missed_breakdown_sorted_with_percent() -> None:
    entries = [
        missed(2, "fever"),
        missed(3, "rain"),
        missed(4, "cough"),
        missed(5),
        attended(6),
        missed(9, "sick"),
        missed(10, "traffic"),
    ]
    assert missed_breakdown(entries) == [
        ("health", 3, 50),
        ("transport", 2, 33),
        ("unspecified", 1, 17),
    ]


def test_missed_breakdown_breaks_ties_in_category_order() -> None:
    entries = [missed(2, "wedding"), missed(3, "fever")]
    assert missed_breakdown(entries) == [("health", 1, 50), ("family", 1, 50)]
    assert missed_breakdown([attended(2)]) == []


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ([], None),
        ([attended(2), attended(3)], None),
        ([missed(2), missed(9), missed(4)], 0),  # two Mondays
        ([missed(4), missed(2)], 0),  # a tie goes to the earliest weekday
        ([missed(6), missed(13), attended(2)], 4),
    ],
)
def test_worst_weekday(entries: list[Entry], expected: int | None) -> None:
    assert worst_weekday(entries) == expected


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        ([], None),
        ([attended(2)], None),
        ([attended(2, "good"), attended(3, "good"), attended(4, "tough")], "good"),
        ([attended(4, "tough"), attended(2, "good")], "tough"),  # a tie goes to the latest
        ([attended(2, "okay"), Entry(feb(3), "missed", mood="excellent")], "okay"),
    ],
)
def test_mood_trend(entries: list[Entry], expected: str | None) -> None:
    assert mood_trend(entries) == expected


@pytest.mark.parametrize(
    ("missed_count", "attended_count", "notes", "reason", "homework", "tip"),
    [
        (5, 0, 0, "health", "practise stacking blocks", "homework"),
        (3, 5, 2, "health", None, "lock_slot"),
        (2, 1, 2, "health", "", "prebook"),
        (1, 3, 0, "health", None, "ask_note"),
        (0, 0, 0, None, None, "ask_note"),
        (1, 3, 1, "transport", None, "plan_around"),
        (1, 3, 1, "other", None, "keep_going"),
        (0, 3, 1, None, None, "keep_going"),
    ],
)
def test_pick_tip_first_matching_rule_wins(
    missed_count: int,
    attended_count: int,
    notes: int,
    reason: str | None,
    homework: str | None,
    tip: str,
) -> None:
    assert pick_tip(missed_count, attended_count, notes, reason, homework) == tip


@pytest.mark.parametrize(
    ("attended_count", "missed_count", "level"),
    [
        (0, 0, "low"),
        (6, 0, "low"),
        (6, 1, "medium"),
        (1, 2, "medium"),  # 3 logged: too few for the rate rule
        (3, 2, "medium"),  # 60 % exactly is not below 60 %
        (2, 2, "high"),  # 50 %
        (10, 3, "high"),  # 3 misses are high whatever the rate
    ],
)
def test_risk_level(attended_count: int, missed_count: int, level: str) -> None:
    assert risk_level(attended_count, missed_count) == level


def test_risk_window_is_fourteen_days_ending_today() -> None:
    assert risk_window(WEDNESDAY) == (date(2026, 1, 29), WEDNESDAY)
