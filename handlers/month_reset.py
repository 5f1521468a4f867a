"""`reset month`: the current month's sessions and days off set aside (never deleted) after
the member types the month's name, and brought back by `undo` within a day. Owners and
parents only; the family hears about both."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dialog.commands import Command
from dialog.context import Context, Unexpected
from dialog.conversation import Flow
from dialog.family import Family
from dialog.router import Answer, Router
from dialog.texts.dates import month_name
from handlers.family_notices import MonthOf, notify_family
from tracker.dates import names_month
from tracker.month_reset import entries_in_month, reset_month, undo_reset, undoable_reset
from tracker.permissions import allowed
from tracker.undo_store import last_change_at

router = Router()


@dataclass(frozen=True, slots=True)
class ResetData:
    month: str  # ISO first day of the month waiting for its name to be typed


RESET = Flow("reset_month", ("confirm",), ResetData, timeout=timedelta(minutes=10))


@router.command("reset_month", needs="reset_month")
async def ask_reset(ctx: Context, family: Family, _: Command) -> None:
    """Say how many entries of this month a reset sets aside, and wait for the month's name."""
    month = family.today.replace(day=1)
    count = await entries_in_month(ctx.conn, family.child.id, month)
    if not count:
        ctx.reply(ctx.t("reset.empty", name=family.child.name, month=ctx.month_label(month)))
        return
    await ctx.enter_step(RESET, "confirm", ResetData(month.isoformat()))
    ctx.reply(ctx.t("reset.ask", count=count, name=family.child.name, **_month(ctx, month)))


def _month(ctx: Context, month: date) -> dict[str, str]:
    return {"month": ctx.month_label(month), "month_word": month_name(ctx.user.language, month)}


async def prompt_reset(ctx: Context, data: ResetData) -> None:
    ctx.reply(ctx.t("reset.ask_again", **_month(ctx, date.fromisoformat(data.month))))


@router.step(RESET, "confirm", ask=prompt_reset, typed=True, needs="reset_month")
async def confirm_reset(ctx: Context, family: Family, answer: Answer[ResetData]) -> None:
    """The month's name resets it; anything else is asked again."""
    month = date.fromisoformat(answer.data.month)
    if not names_month(answer.text, month.month):
        raise Unexpected(ctx.t("reset.ask_again", **_month(ctx, month)))
    await ctx.end_flow()
    count = await reset_month(
        ctx.conn, child_id=family.child.id, month=month, by_user_id=ctx.user.id, now=ctx.now
    )
    name = family.child.name
    ctx.reply(ctx.t("reset.done", count=count, name=name, month=ctx.month_label(month)))
    await notify_family(ctx, family.child, "notify.month_reset", count=count, month=MonthOf(month))


async def undo_newest_reset(ctx: Context, family: Family) -> bool:
    """For `undo`: bring back this member's reset when it is their newest change and still
    within the undo window; False (nothing done) otherwise."""
    if not allowed(family.child.role, "reset_month"):
        return False
    child_id, user_id = family.child.id, ctx.user.id
    reset = await undoable_reset(ctx.conn, child_id=child_id, by_user_id=user_id, now=ctx.now)
    if reset is None:
        return False
    changed_at = await last_change_at(ctx.conn, child_id, user_id)
    if changed_at is not None and changed_at > reset.created_at:
        return False
    restored = await undo_reset(ctx.conn, child_id=child_id, by_user_id=user_id, now=ctx.now)
    month = ctx.month_label(reset.month)
    lines = [ctx.t("reset.undone", count=restored, name=family.child.name, month=month)]
    if restored < reset.entries:
        lines.append(ctx.t("reset.undone_kept", count=reset.entries - restored))
    ctx.reply("\n".join(lines))
    await notify_family(
        ctx, family.child, "notify.month_reset_undone", count=restored, month=MonthOf(reset.month)
    )
    return True
