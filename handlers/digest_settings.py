"""The weekly digest, off unless asked for: turn it on by choosing its day, change the hour it
comes from (18:00 unless changed) in the member's zone, or turn it off; `digest time` shows it
and reads a typed day, hour, on or off. The weekly-digest job reads these columns."""

from __future__ import annotations

from dialog import ids
from dialog.commands import Command
from dialog.context import Context
from dialog.ids import ChoiceId
from dialog.replies import Button, Row
from dialog.router import Router
from handlers.setting_rows import (
    day_arg,
    day_names,
    hour_arg,
    hour_rows,
    period_arg,
    period_rows,
    switch_row,
)
from tracker.settings import (
    ALL_DAYS,
    parse_hour,
    parse_weekdays,
    select_digest,
    update_digest,
    update_digest_hour,
)

router = Router()


def digest_row(ctx: Context, enabled: bool) -> Row:
    """The settings row that turns the digest on (by choosing a day) or off."""
    return switch_row(ctx, "digest", "off" if enabled else "days")


@router.command("digest_settings")
async def show_digest_settings(ctx: Context, command: Command) -> None:
    """Show when the digest comes, with buttons; "digest time 8pm", "sunday", "on" or "off"
    change it."""
    typed = command.args
    if typed and await _apply_typed(ctx, typed):
        return
    await digest_card(ctx, ctx.t("digest.not_understood") if typed else "")


async def _apply_typed(ctx: Context, typed: str) -> bool:
    if typed in ("on", "off"):
        await update_digest(ctx.conn, ctx.user.id, enabled=typed == "on")
        await digest_card(ctx, ctx.t("reminder.saved"))
        return True
    hour = parse_hour(typed)
    if hour is not None:
        await save_hour(ctx, hour)
        return True
    days = parse_weekdays(typed, day_names(ctx))
    if days is None or len(days) != 1:
        return False
    await update_digest(ctx.conn, ctx.user.id, enabled=True, day=days[0])
    await digest_card(ctx, ctx.t("reminder.saved"))
    return True


async def digest_card(ctx: Context, lead: str = "") -> None:
    """When the digest comes (or would), with buttons to change the day, the hour, on or off."""
    digest = await select_digest(ctx.conn, ctx.user.id)
    summary = ctx.t(
        "digest.card_on" if digest.enabled else "digest.card_off",
        day=ctx.weekday_name(digest.day - 1, wide=True),
        time=f"{digest.hour:02d}:00",
    )
    switch = "off" if digest.enabled else "on"
    ctx.reply(
        "\n\n".join(filter(None, [lead, summary, ctx.t("digest.typed_hint")])),
        buttons=(
            Button(ids.encode("digest", "days"), ctx.t("btn.digest_day")),
            Button(ids.encode("digest", "time"), ctx.t("btn.settings_time")),
            Button(ids.encode("digest", switch), ctx.t(f"btn.settings_{switch}")),
        ),
    )


@router.choice("digest", "days")
async def pick_digest_day(ctx: Context, _: ChoiceId) -> None:
    """The seven days; choosing one turns the digest on for that day."""
    digest = await select_digest(ctx.conn, ctx.user.id)
    rows = [
        Row(ids.encode("digest", "day", day), ctx.weekday_name(day - 1, wide=True))
        for day in ALL_DAYS
    ]
    text = ctx.t("digest.pick_day", time=f"{digest.hour:02d}:00")
    ctx.reply_rows(text, rows, ctx.t("btn.settings_choose"))


@router.choice("digest", "day", day_arg)
async def chose_digest_day(ctx: Context, choice: ChoiceId) -> None:
    """Turn the digest on for the chosen day."""
    await update_digest(ctx.conn, ctx.user.id, enabled=True, day=choice.value)
    await _say_saved_on(ctx)


async def _say_saved_on(ctx: Context) -> None:
    digest = await select_digest(ctx.conn, ctx.user.id)
    day = ctx.weekday_name(digest.day - 1, wide=True)
    ctx.reply(ctx.t("digest.saved_on", day=day, time=f"{digest.hour:02d}:00"))


@router.choice("digest", "time")
async def pick_digest_period(ctx: Context, _: ChoiceId) -> None:
    rows = period_rows(ctx, "digest")
    ctx.reply_rows(ctx.t("digest.pick_period"), rows, ctx.t("btn.settings_choose"))


@router.choice("digest", "period", period_arg)
async def pick_digest_hour(ctx: Context, choice: ChoiceId) -> None:
    rows = hour_rows("digest", choice.value)
    ctx.reply_rows(ctx.t("reminder.pick_hour"), rows, ctx.t("btn.settings_choose"))


@router.choice("digest", "hour", hour_arg)
async def chose_digest_hour(ctx: Context, choice: ChoiceId) -> None:
    await save_hour(ctx, choice.value)


async def save_hour(ctx: Context, hour: int) -> None:
    await update_digest_hour(ctx.conn, ctx.user.id, hour)
    await digest_card(ctx, ctx.t("reminder.saved"))


@router.choice("digest", "on")
async def switch_digest_on(ctx: Context, _: ChoiceId) -> None:
    """Turn the digest on for the day it had."""
    await update_digest(ctx.conn, ctx.user.id, enabled=True)
    await _say_saved_on(ctx)


@router.choice("digest", "off")
async def switch_digest_off(ctx: Context, _: ChoiceId) -> None:
    """Turn the digest off."""
    await update_digest(ctx.conn, ctx.user.id, enabled=False)
    ctx.reply(ctx.t("digest.saved_off"))
