"""When the family hears that the package is running low: at how many sessions left (2 unless
changed), per child, set by an owner or parent. `package alert` shows it with a list to pick
from; "package alert 3" sets it. The package-low job reads the column."""

from __future__ import annotations

from dialog import ids
from dialog.commands import Command
from dialog.context import Context
from dialog.family import Family
from dialog.ids import ChoiceId
from dialog.replies import Row
from dialog.router import Router
from handlers.log_views import sessions_text
from tracker.counts import parse_count
from tracker.settings import LOW_PACKAGE_MOST, select_low_package_at, update_low_package_at

router = Router()
OFFERED = range(6)  # the list's choices; any number up to LOW_PACKAGE_MOST can be typed


def _at_arg(arg: str) -> int:
    at = int(arg)
    if not 0 <= at <= LOW_PACKAGE_MOST:
        raise ValueError(arg)
    return at


@router.command("package_alert", needs="setup")
async def show_package_alert(ctx: Context, family: Family, command: Command) -> None:
    """Say when the package-low nudge comes, with a list to change it; a typed number sets it."""
    if command.args:
        at = _typed_count(command.args)
        if at is None:
            ctx.reply(ctx.t("package_alert.invalid", most=LOW_PACKAGE_MOST))
            return
        await save(ctx, family, at)
        return
    at = await select_low_package_at(ctx.conn, family.child.id)
    rows = [Row(ids.encode("pkg", "at", n), sessions_text(ctx, n)) for n in OFFERED]
    text = "\n\n".join([_summary(ctx, family, at), ctx.t("package_alert.pick")])
    ctx.reply_rows(text, rows, ctx.t("btn.settings_choose"))


def _typed_count(typed: str) -> int | None:
    count = 0 if typed.strip() == "0" else parse_count(typed)
    return count if count is not None and 0 <= count <= LOW_PACKAGE_MOST else None


@router.choice("pkg", "at", _at_arg, needs="setup")
async def chose_package_alert(ctx: Context, family: Family, choice: ChoiceId) -> None:
    await save(ctx, family, choice.value)


async def save(ctx: Context, family: Family, at: int) -> None:
    await update_low_package_at(ctx.conn, family.child.id, at, by=ctx.user.id)
    ctx.reply("\n".join([ctx.t("reminder.saved"), _summary(ctx, family, at)]))


def _summary(ctx: Context, family: Family, at: int) -> str:
    return ctx.t("package_alert.summary", name=family.child.name, count=at)
