"""The monthly PDF push, on unless turned off here: the monthly-report job reads the column
and sends only to owners and parents of a family with the plan that has it."""

from __future__ import annotations

from dialog.context import Context
from dialog.ids import ChoiceId
from dialog.replies import Row
from dialog.router import Router
from handlers.setting_rows import switch_row
from tracker.settings import update_monthly_report

router = Router()


def monthly_row(ctx: Context, on: bool) -> Row:
    """The settings row that turns the monthly report off when on, and on when off."""
    return switch_row(ctx, "monthly", "off" if on else "on")


@router.choice("monthly", "on")
async def switch_monthly_on(ctx: Context, _: ChoiceId) -> None:
    await update_monthly_report(ctx.conn, ctx.user.id, on=True)
    ctx.reply(ctx.t("monthly.saved_on"))


@router.choice("monthly", "off")
async def switch_monthly_off(ctx: Context, _: ChoiceId) -> None:
    await update_monthly_report(ctx.conn, ctx.user.id, on=False)
    ctx.reply(ctx.t("monthly.saved_off"))
