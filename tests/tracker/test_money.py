import pytest

from tracker.money import MonthFigures, format_inr, group_indian, month_figures


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


@pytest.mark.parametrize(
    ("number", "text"), [(7, "7"), (999, "999"), (1000, "1,000"), (100000, "1,00,000")]
)
def test_group_indian(number: int, text: str) -> None:
    assert group_indian(number) == text


def test_month_figures_for_a_plain_month() -> None:
    figures = month_figures(
        sessions_paid=16, carried=2, cost_paise=80_000, attended=10, missed=3, used_before=0
    )
    assert figures == MonthFigures(
        total=18,
        attended=10,
        missed=3,
        remaining=8,
        used_paise=800_000,
        at_risk_paise=240_000,
        buffer_sessions=5,
        buffer_paise=400_000,
    )
    assert figures.carry_forward == 8


def test_used_before_counts_as_attended() -> None:
    figures = month_figures(
        sessions_paid=16, carried=0, cost_paise=80_000, attended=4, missed=0, used_before=6
    )
    assert figures.attended == 10
    assert figures.remaining == 6
    assert figures.used_paise == 800_000


@pytest.mark.parametrize(
    ("paid", "carried", "attended", "missed", "remaining", "used", "at_risk", "buffer"),
    [
        (8, 0, 0, 0, 8, 0, 0, 8),
        (8, 0, 8, 0, 0, 8, 0, 0),
        (8, 2, 10, 0, 0, 8, 0, 0),  # carried sessions were paid last month
        (8, 0, 10, 0, 0, 8, 0, 0),  # over-attended: nothing negative
        (8, 0, 7, 3, 1, 7, 1, 0),  # only one missed session still had paid cover
        (8, 0, 0, 10, 8, 0, 8, 0),
        (8, 4, 8, 2, 4, 8, 0, 2),  # paid ones all used, misses eat into the carry
    ],
)
def test_month_figures_never_go_negative(
    paid: int,
    carried: int,
    attended: int,
    missed: int,
    remaining: int,
    used: int,
    at_risk: int,
    buffer: int,
) -> None:
    figures = month_figures(paid, carried, 100, attended, missed, 0)
    assert figures.remaining == remaining
    assert figures.carry_forward == remaining
    assert figures.used_paise == used * 100
    assert figures.at_risk_paise == at_risk * 100
    assert figures.buffer_sessions == buffer
    assert figures.buffer_paise == buffer * 100
