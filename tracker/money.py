"""A month's package in sessions and paise, and rupee amounts written the Indian way."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_currency, format_decimal

INDIA = "en_IN"  # CLDR's Indian English: the rupee sign and lakh grouping


@dataclass(frozen=True, slots=True, kw_only=True)
class MonthFigures:
    total: int
    attended: int
    missed: int
    remaining: int
    used_paise: int
    at_risk_paise: int
    buffer_sessions: int
    buffer_paise: int

    @property
    def carry_forward(self) -> int:
        """Sessions to offer next month: everything not attended, since a miss is not forfeited."""
        return self.remaining


def month_figures(
    sessions_paid: int, carried: int, cost_paise: int, attended: int, missed: int, used_before: int
) -> MonthFigures:
    """Sessions and money for a month; holidays are left out by simply not being counted."""
    total = sessions_paid + carried
    attended += used_before
    # Carried sessions were paid for last month, so only this month's paid ones cost money now.
    paid_attended = min(attended, sessions_paid)
    paid_left = max(sessions_paid - paid_attended, 0)
    buffer_sessions = max(0, total - attended - missed)
    return MonthFigures(
        total=total,
        attended=attended,
        missed=missed,
        remaining=max(0, total - attended),
        used_paise=paid_attended * cost_paise,
        at_risk_paise=min(missed, paid_left) * cost_paise,
        buffer_sessions=buffer_sessions,
        buffer_paise=buffer_sessions * cost_paise,
    )


def format_inr(paise: int) -> str:
    """Rupees with Indian digit grouping (₹1,00,000), paise only when there are some (₹12.50)."""
    pattern = "¤#,##,##0.00" if paise % 100 else "¤#,##,##0"
    rupees = Decimal(paise) / 100
    return format_currency(rupees, "INR", pattern, locale=INDIA, currency_digits=False)


def group_indian(number: int) -> str:
    """Digits grouped as lakhs and crores: 3 on the right, then pairs (1,00,000)."""
    return format_decimal(number, "#,##,##0", locale=INDIA)
