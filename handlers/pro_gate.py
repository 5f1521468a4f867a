"""Asking the one gating table (payments/features.py) before a Pro feature, and telling a
refused member kindly what Pro unlocks and how to get it."""

from __future__ import annotations

from collections.abc import Iterable

from dialog.context import Context
from payments.features import GATES, Feature
from payments.plans import PLANS
from payments.pro import allows


async def pro_allows(ctx: Context, child_ids: Iterable[int], feature: Feature) -> bool:
    """Whether any of these families may use `feature` now; when none may, the member hears
    which plan unlocks it and to type *go pro*."""
    for child_id in child_ids:
        if await allows(ctx.conn, child_id, feature, ctx.now):
            return True
    ctx.reply(refusal(ctx, feature))
    return False


def refusal(ctx: Context, feature: Feature) -> str:
    plan = min((p for p in PLANS.values() if p.rank >= GATES[feature]), key=lambda p: p.rank)
    named = ctx.t(f"pro.feature.{feature}")
    return ctx.t(
        "pro.gate.refused",
        feature=named[:1].upper() + named[1:],  # it opens the sentence
        plan=ctx.t(f"pro.plan.{plan.code}"),
    )
