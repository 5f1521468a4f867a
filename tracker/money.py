"""A month's package in sessions and paise, and rupee amounts written the Indian way."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from babel import Locale
from babel.numbers import format_decimal, parse_pattern

from tracker.plan_store import Plan

INDIA = "en_IN"  # CLDR's Indian English: the rupee sign and lakh grouping
# parsed once: format_currency parses its pattern and locale again on every call
INDIA_LOCALE = Locale.parse(INDIA)
RUPEES, WITH_PAISE = parse_pattern("¤#,##,##0"), parse_pattern("¤#,##,##0.00")


@dataclass(frozen=True, slots=True, kw_only=True)
class MonthFigures:
    """A month's package against what was logged: every number a screen shows comes from here."""

    paid: int  # sessions paid for this month
    carried: int  # sessions carried from last month (paid then)
    cost_paise: int
    used_before: int  # attended this month before tracking began, as typed at setup
    logged: int  # attended sessions logged this month
    missed: int

    @property
    def total(self) -> int:
        return self.paid + self.carried

    @property
    def attended(self) -> int:
        return self.used_before + self.logged

    @property
    def left(self) -> int:
        """Sessions still to attend; a miss does not use one up."""
        return max(0, self.total - self.attended)

    @property
    def beyond(self) -> int:
        """Sessions attended past the package, which the therapist may charge for."""
        return max(0, self.attended - self.total)

    @property
    def paid_paise(self) -> int:
        return self.paid * self.cost_paise

    @property
    def used_paise(self) -> int:
        """This month's payment used up; carried sessions were paid for last month."""
        return min(self.attended, self.paid) * self.cost_paise

    @property
    def beyond_paise(self) -> int:
        return self.beyond * self.cost_paise

    @property
    def carry_forward(self) -> int:
        """Sessions to offer next month: what is left, since a miss is not forfeited."""
        return self.left


def month_figures(plan: Plan, attended: int, missed: int) -> MonthFigures:
    """The month's figures from its plan and the sessions logged in it; holidays never count."""
    return MonthFigures(
        paid=plan.sessions_paid,
        carried=plan.carried,
        cost_paise=plan.cost_paise,
        used_before=plan.used_before,
        logged=attended,
        missed=missed,
    )


def format_inr(paise: int) -> str:
    """Rupees with Indian digit grouping (₹1,00,000), paise only when there are some (₹12.50)."""
    pattern = WITH_PAISE if paise % 100 else RUPEES
    rupees = Decimal(paise) / 100
    return str(pattern.apply(rupees, INDIA_LOCALE, currency="INR", currency_digits=False))


def group_indian(number: int) -> str:
    """Digits grouped as lakhs and crores: 3 on the right, then pairs (1,00,000)."""
    return format_decimal(number, "#,##,##0", locale=INDIA_LOCALE)
