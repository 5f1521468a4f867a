from datetime import date
from decimal import Decimal

import pytest
from babel.numbers import format_currency
from hypothesis import given
from hypothesis import strategies as st

from tracker.money import MonthFigures, format_inr, group_indian, month_figures
from tracker.plan_store import Plan


def plan(paid: int, carried: int = 0, cost_paise: int = 80_000, used_before: int = 0) -> Plan:
    return Plan(date(2026, 2, 1), paid, cost_paise, carried, used_before)


@pytest.mark.parametrize(
    ("paise", "text"),
    [
        (0, "₹0"),
        (80_000, "₹800"),
        (100_000, "₹1,000"),
        (1_280_000, "₹12,800"),
        (10_000_000, "₹1,00,000"),
        (1_234_567_800, "₹1,23,45,678"),
        (1_250, "₹12.50"),
        (1_205, "₹12.05"),
        (99, "₹0.99"),
        (-80_000, "-₹800"),
    ],
)
def test_format_inr_uses_indian_grouping(paise: int, text: str) -> None:
    assert format_inr(paise) == text


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_format_inr_is_babels_format_currency(paise: int) -> None:
    pattern = "¤#,##,##0.00" if paise % 100 else "¤#,##,##0"
    expected = format_currency(
        Decimal(paise) / 100, "INR", pattern, locale="en_IN", currency_digits=False
    )
    assert format_inr(paise) == expected


@pytest.mark.parametrize(
    ("number", "text"), [(7, "7"), (999, "999"), (1000, "1,000"), (100000, "1,00,000")]
)
def test_group_indian(number: int, text: str) -> None:
    assert group_indian(number) == text


def test_month_figures_for_a_plain_month() -> None:
    figures = month_figures(plan(16, carried=2), attended=10, missed=3)
    assert figures == MonthFigures(
        paid=16, carried=2, cost_paise=80_000, used_before=0, logged=10, missed=3
    )
    # 16 + 2 = 18 in all; 18 − 10 = 8 left, and a miss does not use a session up.
    assert (figures.total, figures.attended, figures.left, figures.beyond) == (18, 10, 8, 0)
    assert figures.paid_paise == 1_280_000  # 16 × ₹800
    assert figures.used_paise == 800_000  # 10 × ₹800
    assert figures.carry_forward == 8


def test_sessions_used_before_tracking_and_logged_ones_both_use_the_package() -> None:
    # Setup re-run mid-month: 14 paid, "1 used" before tracking, 3 logged since: 14 − 1 − 3.
    figures = month_figures(plan(14, used_before=1), attended=3, missed=0)
    assert (figures.used_before, figures.logged, figures.attended) == (1, 3, 4)
    assert figures.left == 10
    assert figures.used_paise == 320_000


def test_going_past_the_package_is_counted_and_priced() -> None:
    # 6 paid at ₹800, 7 attended: 1 beyond the package, which may cost 1 × ₹800.
    figures = month_figures(plan(6), attended=7, missed=0)
    assert (figures.left, figures.beyond, figures.beyond_paise) == (0, 1, 80_000)
    assert figures.used_paise == 480_000  # only the 6 paid ones
    assert figures.carry_forward == 0


@pytest.mark.parametrize(
    ("paid", "carried", "attended", "missed", "left", "beyond", "used"),
    [
        (8, 0, 0, 0, 8, 0, 0),
        (8, 0, 8, 0, 0, 0, 8),
        (8, 2, 10, 0, 0, 0, 8),  # carried sessions were paid last month
        (8, 0, 10, 0, 0, 2, 8),  # over-attended: nothing negative, 2 beyond
        (8, 2, 13, 0, 0, 3, 8),  # beyond counts from paid + carried
        (8, 0, 7, 3, 1, 0, 7),  # misses are not used
        (8, 0, 0, 10, 8, 0, 0),
    ],
)
def test_month_figures_never_go_negative(
    paid: int, carried: int, attended: int, missed: int, left: int, beyond: int, used: int
) -> None:
    figures = month_figures(plan(paid, carried, cost_paise=100), attended, missed)
    assert figures.left == left
    assert figures.carry_forward == left
    assert figures.beyond == beyond
    assert figures.beyond_paise == beyond * 100
    assert figures.used_paise == used * 100
    assert figures.paid_paise == paid * 100
