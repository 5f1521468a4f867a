"""The weekly digest, off unless asked for: turn it on by choosing its day (it comes from
18:00 in the member's zone), or off. The weekly-digest job reads these columns."""

from __future__ import annotations

from dialog import ids
from dialog.context import Context
from dialog.ids import ChoiceId
from dialog.replies import Row
from dialog.router import Router
from handlers.setting_rows import switch_row
from tracker.settings import ALL_DAYS, select_digest, update_digest

router = Router()


def _day_arg(arg: str) -> int:
    day = int(arg)
    if day not in ALL_DAYS:
        raise ValueError(arg)
    return day


def digest_row(ctx: Context, enabled: bool) -> Row:
    """The settings row that turns the digest on (by choosing a day) or off."""
    return switch_row(ctx, "digest", "off" if enabled else "days")


@router.choice("digest", "days")
async def pick_digest_day(ctx: Context, _: ChoiceId) -> None:
    """The seven days; choosing one turns the digest on for that day."""
    rows = [
        Row(ids.encode("digest", "day", day), ctx.weekday_name(day - 1, wide=True))
        for day in ALL_DAYS
    ]
    ctx.reply_rows(ctx.t("digest.pick_day"), rows, ctx.t("btn.settings_choose"))


@router.choice("digest", "day", _day_arg)
async def chose_digest_day(ctx: Context, choice: ChoiceId) -> None:
    """Turn the digest on for the chosen day."""
    await update_digest(ctx.conn, ctx.user.id, enabled=True, day=choice.value)
    digest = await select_digest(ctx.conn, ctx.user.id)
    day = ctx.weekday_name(digest.day - 1, wide=True)
    ctx.reply(ctx.t("digest.saved_on", day=day, time=f"{digest.hour:02d}:00"))


@router.choice("digest", "off")
async def switch_digest_off(ctx: Context, _: ChoiceId) -> None:
    """Turn the digest off."""
    await update_digest(ctx.conn, ctx.user.id, enabled=False)
    ctx.reply(ctx.t("digest.saved_off"))
