"""The month's plan as it stands, before anything is changed: what was paid, when the package
began, and what is used and left, counted as the status screen counts it."""

from __future__ import annotations

from dialog import ids
from dialog.context import Context
from dialog.family import Family
from dialog.replies import Button
from handlers.reports import beyond_lines
from tracker.money import MonthFigures, format_inr
from tracker.plan_store import Plan


def show_plan(ctx: Context, family: Family, plan: Plan, figures: MonthFigures) -> None:
    """The plan with *Change* and *Keep*; stores nothing."""
    lines = [
        ctx.t("plan.view", name=family.child.name, month=ctx.month_label(plan.month)),
        ctx.t(
            "plan.view_paid",
            count=figures.paid,
            cost=format_inr(figures.cost_paise),
            total=format_inr(figures.paid_paise),
        ),
    ]
    if figures.carried:
        lines.append(ctx.t("plan.view_carried", carried=figures.carried))
    if plan.starts_on is not None:
        lines.append(ctx.t("plan.view_start", day=ctx.day_label(plan.starts_on)))
    if figures.used_before:
        lines.append(ctx.t("plan.view_used_before", used=figures.used_before))
    lines.append(ctx.t("plan.view_used", used=figures.attended, left=figures.left))
    lines += beyond_lines(ctx, figures)
    ctx.reply(
        "\n".join(lines),
        buttons=(
            Button(ids.encode("setup", "change"), ctx.t("btn.plan_change")),
            Button(ids.encode("setup", "keep"), ctx.t("btn.plan_keep")),
        ),
    )
