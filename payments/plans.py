"""The plans a family can buy, stated once here; the catalogs describe them to users."""

from __future__ import annotations

from dataclasses import dataclass

from payments.features import Feature, unlocked_at

FREE_RANK = 0


@dataclass(frozen=True, slots=True)
class Plan:
    code: str
    amount_paise: int  # integer paise everywhere: ₹199 is 19900
    days: int
    rank: int  # while days overlap, a family keeps the best plan it holds

    @property
    def unlocks(self) -> tuple[Feature, ...]:
        return unlocked_at(self.rank)


PARENT_BASIC = Plan(code="parent_basic_199", amount_paise=19900, days=30, rank=1)
PRO_PLUS = Plan(code="pro_plus_499", amount_paise=49900, days=30, rank=2)
PLANS: dict[str, Plan] = {plan.code: plan for plan in (PARENT_BASIC, PRO_PLUS)}


def plan_for(code: str | None) -> Plan | None:
    return PLANS.get(code or "")


def better(current: str | None, bought: str) -> str:
    """The plan a family holds after buying `bought` while `current` is still active."""
    held, new = plan_for(current), PLANS[bought]
    return held.code if held and held.rank > new.rank else new.code
